import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { CommentRuleDryRunResponse, CommentRuleDto, CommentRuleLogResponse, FieldError, Role } from '@ticklegram/domain-models';
import safeRegex from 'safe-regex2';
import { DataSource, In, LessThan, Not, Repository } from 'typeorm';
import { RequestValidationException } from '../../../common/pipes/validation.pipe';
import { AuditService } from '../../audit/audit.service';
import { LabelsService } from '../../labels/labels.service';
import { UserRepository } from '../../users/repositories/user.repository';
import { AuthUser } from '../../../common/decorators/current-user.decorator';
import { toCommentActionDto, toCommentDto } from '../comment.mapper';
import { CommentNames } from '../comment-names';
import { CommentsException, CommentsExceptionCode } from '../comments.exception';
import { CommentActionEntity } from '../entities/comment-action.entity';
import { CommentPostEntity } from '../entities/comment-post.entity';
import { CommentRuleEntity } from '../entities/comment-rule.entity';
import { CommentEntity } from '../entities/comment.entity';
import { CommentRuleCache, toEvaluable } from './comment-rule-cache';
import { CommentRuleDryRunRequestDto, CommentRuleRequestDto, toRuleActions } from './dto/comment-rule.request.dto';
import { compileRule, CompiledRule, evaluateRules } from './rule-evaluator';
import { factsFor } from './rule-runner';

const encode = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');

function toRuleDto(r: CommentRuleEntity): CommentRuleDto {
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    stopProcessing: r.stopProcessing,
    position: r.position,
    conditions: r.conditions,
    actions: r.actions,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Auto-moderation rules (admins): CRUD, order, dry run against the latest comments, and each rule's log. */
@Injectable()
export class CommentRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CommentRuleEntity) private readonly rules: Repository<CommentRuleEntity>,
    @InjectRepository(CommentActionEntity) private readonly actions: Repository<CommentActionEntity>,
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    private readonly cache: CommentRuleCache,
    private readonly users: UserRepository,
    private readonly labels: LabelsService,
    private readonly names: CommentNames,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CommentRuleDto[]> {
    return (await this.rules.find({ order: { position: 'ASC', createdAt: 'ASC' } })).map(toRuleDto);
  }

  async create(actor: AuthUser, body: CommentRuleRequestDto): Promise<CommentRuleDto> {
    await this.validate(body);
    const last = await this.rules.find({ order: { position: 'DESC' }, take: 1 });
    const rule = await this.rules.save(
      this.rules.create({
        name: body.name,
        enabled: body.enabled ?? true,
        stopProcessing: body.stopProcessing ?? false,
        conditions: clean(body.conditions),
        actions: toRuleActions(body.actions),
        position: (last[0]?.position ?? 0) + 1,
        createdBy: actor.id,
      }),
    );
    this.cache.invalidate();
    await this.audit.record({ actor, action: 'comment_rule.created', target: { type: 'comment_rule', id: rule.id }, details: { name: rule.name } });
    return toRuleDto(rule);
  }

  async update(actor: AuthUser, id: string, body: CommentRuleRequestDto): Promise<CommentRuleDto> {
    const rule = await this.get(id);
    await this.validate(body);
    Object.assign(rule, {
      name: body.name,
      enabled: body.enabled ?? rule.enabled,
      stopProcessing: body.stopProcessing ?? rule.stopProcessing,
      conditions: clean(body.conditions),
      actions: toRuleActions(body.actions),
    });
    const saved = await this.rules.save(rule);
    this.cache.invalidate();
    await this.audit.record({
      actor,
      action: 'comment_rule.updated',
      target: { type: 'comment_rule', id },
      details: { name: saved.name, enabled: saved.enabled },
    });
    return toRuleDto(saved);
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const rule = await this.get(id);
    await this.rules.delete({ id });
    this.cache.invalidate();
    await this.audit.record({ actor, action: 'comment_rule.deleted', target: { type: 'comment_rule', id }, details: { name: rule.name } });
  }

  /** `ids` is the new order of every rule. */
  async reorder(actor: AuthUser, ids: string[]): Promise<CommentRuleDto[]> {
    const all = await this.rules.find();
    const known = new Set(all.map((r) => r.id));
    if (ids.length !== all.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new RequestValidationException([{ field: 'ids', messages: ['ids must list every rule exactly once'] }]);
    }
    await this.dataSource.transaction(async (m) => {
      for (const [index, id] of ids.entries()) await m.update(CommentRuleEntity, { id }, { position: index + 1, updatedAt: new Date() });
    });
    this.cache.invalidate();
    await this.audit.record({ actor, action: 'comment_rule.reordered', target: { type: 'comment_rule', id: ids[0] ?? '' }, details: { ids } });
    return this.list();
  }

  /** What the saved rules (or one draft) would have done to the latest customer comments; nothing is changed. */
  async dryRun(body: CommentRuleDryRunRequestDto): Promise<CommentRuleDryRunResponse> {
    let rules: CompiledRule[];
    if (body.rule) {
      await this.validate(body.rule, 'rule.');
      rules = [
        compileRule({
          id: null,
          name: body.rule.name,
          stopProcessing: false,
          conditions: clean(body.rule.conditions),
          actions: toRuleActions(body.rule.actions),
        }),
      ];
    } else {
      rules = (await this.rules.find({ where: { enabled: true }, order: { position: 'ASC', createdAt: 'ASC' } })).map((r) => compileRule(toEvaluable(r)));
    }
    const latest = await this.comments.find({
      where: { isFromBusiness: false, status: Not('own') },
      order: { commentedAt: 'DESC', id: 'DESC' },
      take: body.limit,
    });
    const ended = await this.endedLives(latest);
    const results: CommentRuleDryRunResponse['results'] = [];
    for (const comment of latest) {
      const facts = await factsFor(this.dataSource.manager, rules, comment, ended.has(`${comment.channelId}:${comment.objectExternalId}`));
      const matches = evaluateRules(rules, facts);
      if (!matches.length) continue;
      results.push({
        comment: toCommentDto(comment),
        matches: matches.map(({ rule, actions }) => ({
          ruleId: rule.id,
          ruleName: rule.name,
          actions: actions.map((a) => ({ type: a.action.type, outcome: a.outcome, reason: a.reason })),
        })),
      });
    }
    return { evaluated: latest.length, matched: results.length, results };
  }

  async log(id: string, cursor: string | undefined, limit = 50): Promise<CommentRuleLogResponse> {
    await this.get(id);
    const before = cursor ? decodeCursor(cursor) : null;
    const rows = await this.actions.find({
      where: before ? [{ ruleId: id, createdAt: LessThan(before.at) }] : { ruleId: id },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const comments = page.length
      ? await this.comments.find({
          select: { id: true, text: true, authorName: true, authorUsername: true, removedAt: true },
          where: { id: In(page.map((a) => a.commentId)) },
        })
      : [];
    const byId = new Map(comments.map((c) => [c.id, c]));
    const names = await this.names.forActions(page);
    const last = page[page.length - 1];
    return {
      items: page.map((a) => {
        const c = byId.get(a.commentId);
        return {
          ...toCommentActionDto(a, names),
          commentText: c && !c.removedAt ? c.text : null,
          commentAuthor: c ? (c.authorName ?? (c.authorUsername ? `@${c.authorUsername}` : null)) : null,
        };
      }),
      nextCursor: rows.length > limit && last ? encode(last.createdAt, last.id) : null,
    };
  }

  private async endedLives(comments: CommentEntity[]): Promise<Set<string>> {
    const ids = [...new Set(comments.filter((c) => c.kind === 'live_comment' && c.objectExternalId).map((c) => c.objectExternalId as string))];
    if (!ids.length) return new Set();
    const posts = await this.dataSource
      .getRepository(CommentPostEntity)
      .find({ select: { channelId: true, externalId: true, liveEndedAt: true }, where: { externalId: In(ids) } });
    return new Set(posts.filter((p) => p.liveEndedAt).map((p) => `${p.channelId}:${p.externalId}`));
  }

  private async get(id: string): Promise<CommentRuleEntity> {
    const rule = await this.rules.findOneBy({ id });
    if (!rule) throw new CommentsException(CommentsExceptionCode.COMMENTS_RULE_NOT_FOUND, 'No such rule.');
    return rule;
  }

  /** What class-validator cannot say: each action's own field, a usable regex, known users and labels. */
  private async validate(body: CommentRuleRequestDto, prefix = ''): Promise<void> {
    const errors: FieldError[] = [];
    const regex = body.conditions.regex?.pattern;
    if (regex !== undefined) {
      try {
        new RegExp(regex, 'u');
        if (!safeRegex(regex))
          errors.push({
            field: `${prefix}conditions.regex.pattern`,
            messages: ['this pattern could take exponential time on some comments (nested repetition); simplify it'],
          });
      } catch {
        errors.push({ field: `${prefix}conditions.regex.pattern`, messages: ['not a valid regular expression'] });
      }
    }
    const labels = new Set((await this.labels.list()).map((l) => l.id));
    for (const [i, action] of body.actions.entries()) {
      const field = (name: string) => `${prefix}actions.${i}.${name}`;
      if (action.type === 'label' && !action.labelId) errors.push({ field: field('labelId'), messages: ['a label action needs labelId'] });
      if (action.type === 'label' && action.labelId && !labels.has(action.labelId)) errors.push({ field: field('labelId'), messages: ['no such label'] });
      if (action.type === 'assign') {
        const user = action.userId ? await this.users.findById(action.userId) : null;
        if (!action.userId) errors.push({ field: field('userId'), messages: ['an assign action needs userId'] });
        else if (!user || !user.active || (user.role !== Role.AGENT && user.role !== Role.ADMIN))
          errors.push({ field: field('userId'), messages: ['no such active user'] });
      }
      if ((action.type === 'public_reply' || action.type === 'private_reply') && !action.text)
        errors.push({ field: field('text'), messages: ['a reply action needs text'] });
    }
    if (errors.length) throw new RequestValidationException(errors);
  }
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(time ?? '');
  if (!id || Number.isNaN(at.getTime()))
    throw new CommentsException(CommentsExceptionCode.COMMENTS_BAD_CURSOR, 'cursor must be the nextCursor of a previous page');
  return { at, id };
}

/** Drops conditions that are off, so a stored rule says only what it checks. */
function clean(conditions: CommentRuleRequestDto['conditions']): CommentRuleEntity['conditions'] {
  const out: CommentRuleEntity['conditions'] = {};
  for (const [key, value] of Object.entries(conditions)) {
    if (value === undefined || value === null || value === false || (Array.isArray(value) && value.length === 0)) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
