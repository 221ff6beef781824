import { CommentRuleAction, CommentRuleActionType, CommentRuleConditions, CommentSource, DryRunOutcome, MessagePlatform } from '@ticklegram/domain-models';
import { containsEmail, containsLink, containsPhone, containsPhrase, containsProfanity, fold, isEmojiOnly } from './text-signals';

/** A rule as the evaluator sees it (saved, or a draft in a dry run). */
export interface EvaluableRule {
  id: string | null;
  name: string;
  stopProcessing: boolean;
  conditions: CommentRuleConditions;
  actions: CommentRuleAction[];
}

/** What is known about the comment when rules run. */
export interface CommentFacts {
  text: string | null;
  platform: MessagePlatform;
  source: CommentSource;
  postExternalId: string | null;
  /** The author has no earlier comment on this account. */
  firstCommentOfUser: boolean;
  /** A private reply already went (or is queued) to this author on this post. */
  privateReplySentToAuthorOnPost: boolean;
  /** Meta would refuse a private reply now (too old, Live ended, a mention…): the reason. */
  privateReplyRefusal: string | null;
  alreadyAssigned: boolean;
}

export interface PlannedAction {
  action: CommentRuleAction;
  outcome: DryRunOutcome;
  reason: string | null;
}

export interface RuleMatch {
  rule: EvaluableRule;
  actions: PlannedAction[];
}

/** Compiled once per rule set: regexes built, words folded. */
export interface CompiledRule extends EvaluableRule {
  regex: RegExp | null;
  words: string[];
}

export function compileRule(rule: EvaluableRule): CompiledRule {
  const regex = rule.conditions.regex ? new RegExp(rule.conditions.regex.pattern, `u${rule.conditions.regex.caseInsensitive === false ? '' : 'i'}`) : null;
  return { ...rule, regex, words: (rule.conditions.keywords?.words ?? []).map((w) => fold(w).trim()).filter(Boolean) };
}

/** Every condition the rule sets must hold (AND); an empty condition set matches everything. */
export function ruleMatches(rule: CompiledRule, facts: CommentFacts): boolean {
  const c = rule.conditions;
  const raw = facts.text ?? '';
  const text = fold(raw);
  if (c.platforms?.length && !c.platforms.includes(facts.platform)) return false;
  if (c.source && c.source !== facts.source) return false;
  if (c.postExternalIds?.length && (!facts.postExternalId || !c.postExternalIds.includes(facts.postExternalId))) return false;
  if (c.firstCommentOfUser && !facts.firstCommentOfUser) return false;
  if (c.keywords && rule.words.length) {
    const mode = c.keywords.mode;
    if (mode === 'exact' && !rule.words.includes(text.trim().replace(/\s+/g, ' '))) return false;
    if (mode === 'any' && !rule.words.some((w) => containsPhrase(text, w))) return false;
    if (mode === 'all' && !rule.words.every((w) => containsPhrase(text, w))) return false;
  }
  if (rule.regex && !rule.regex.test(raw)) return false;
  if (c.containsLink && !containsLink(raw)) return false;
  if (c.containsPhone && !containsPhone(raw)) return false;
  if (c.containsEmail && !containsEmail(raw)) return false;
  if (c.emojiOnly && !isEmojiOnly(raw)) return false;
  if (c.profanity && !containsProfanity(text)) return false;
  return true;
}

const GRAPH_ORDER: Record<CommentRuleActionType, number> = { label: 0, assign: 0, public_reply: 1, private_reply: 1, hide: 2, delete: 3 };

/**
 * Runs the rules top to bottom. Each matching rule plans its actions; later rules see what earlier ones
 * planned: once a delete is planned nothing else runs on the comment, the first assignment wins, one
 * public reply and one private reply at most (a private reply once per person per post, and only when
 * Meta allows it), hide once. A rule with `stopProcessing` ends the evaluation when it matched.
 */
export function evaluateRules(rules: readonly CompiledRule[], facts: CommentFacts): RuleMatch[] {
  const matches: RuleMatch[] = [];
  const planned = new Set<CommentRuleActionType>();
  let assigned = facts.alreadyAssigned;
  for (const rule of rules) {
    if (!ruleMatches(rule, facts)) continue;
    const actions: PlannedAction[] = [];
    const ordered = [...rule.actions].sort((a, b) => GRAPH_ORDER[a.type] - GRAPH_ORDER[b.type]);
    for (const action of ordered) {
      const skip = (reason: string) => actions.push({ action, outcome: 'would_skip', reason });
      if (planned.has('delete')) skip('An earlier action deletes the comment.');
      else if (action.type === 'assign' && assigned) skip('The comment is already assigned.');
      else if (action.type === 'private_reply' && facts.privateReplySentToAuthorOnPost) skip('This person already got a private reply on this post.');
      else if (action.type === 'private_reply' && facts.privateReplyRefusal) skip(facts.privateReplyRefusal);
      else if ((action.type === 'public_reply' || action.type === 'private_reply' || action.type === 'hide') && planned.has(action.type))
        skip('An earlier rule already does this.');
      else {
        actions.push({ action, outcome: 'would_run', reason: null });
        planned.add(action.type);
        if (action.type === 'assign') assigned = true;
      }
    }
    matches.push({ rule, actions });
    if (rule.stopProcessing) break;
  }
  return matches;
}
