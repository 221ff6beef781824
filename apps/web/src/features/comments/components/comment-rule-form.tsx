'use client';

import * as React from 'react';
import type { CommentRuleAction, CommentRuleDto, CommentRuleRequest, KeywordMode } from '@ticklegram/domain-models';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { describeApiError, fieldErrorMessages } from '../../../lib/api/api-error';
import { useLabels } from '../../collaboration/api';
import { useTeammates } from '../../users/use-teammates';
import { useSaveCommentRule } from '../api';

const CHECKS = [
  ['containsPhone', 'Contains a phone number'],
  ['containsLink', 'Contains a link'],
  ['containsEmail', 'Contains an email address'],
  ['emojiOnly', 'Only emoji'],
  ['profanity', 'Profanity (any language)'],
  ['firstCommentOfUser', "The person's first comment"],
] as const;

type Check = (typeof CHECKS)[number][0];

/** Builds a rule request from the form's state (what the dry run and the save send). */
export function useRuleDraft(editing: CommentRuleDto | null) {
  const c = editing?.conditions ?? {};
  const a = editing?.actions ?? [];
  const [name, setName] = React.useState(editing?.name ?? '');
  const [words, setWords] = React.useState(c.keywords?.words.join(', ') ?? '');
  const [mode, setMode] = React.useState<KeywordMode>(c.keywords?.mode ?? 'any');
  const [regex, setRegex] = React.useState(c.regex?.pattern ?? '');
  const [checks, setChecks] = React.useState<Record<Check, boolean>>(Object.fromEntries(CHECKS.map(([k]) => [k, Boolean(c[k])])) as Record<Check, boolean>);
  const [source, setSource] = React.useState(c.source ?? '');
  const [hide, setHide] = React.useState(a.some((x) => x.type === 'hide'));
  const [remove, setRemove] = React.useState(a.some((x) => x.type === 'delete'));
  const [assignee, setAssignee] = React.useState(a.find((x): x is Extract<CommentRuleAction, { type: 'assign' }> => x.type === 'assign')?.userId ?? '');
  const [labelId, setLabelId] = React.useState(a.find((x): x is Extract<CommentRuleAction, { type: 'label' }> => x.type === 'label')?.labelId ?? '');
  const teammates = useTeammates();
  const labels = useLabels();
  const [publicReply, setPublicReply] = React.useState(
    a.find((x): x is Extract<CommentRuleAction, { type: 'public_reply' }> => x.type === 'public_reply')?.text ?? '',
  );
  const [privateReply, setPrivateReply] = React.useState(
    a.find((x): x is Extract<CommentRuleAction, { type: 'private_reply' }> => x.type === 'private_reply')?.text ?? '',
  );
  const [stop, setStop] = React.useState(editing?.stopProcessing ?? false);

  const request = (): CommentRuleRequest => {
    const list = words
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
    const actions: CommentRuleAction[] = [];
    if (hide) actions.push({ type: 'hide' });
    if (remove) actions.push({ type: 'delete' });
    if (labelId) actions.push({ type: 'label', labelId });
    if (assignee) actions.push({ type: 'assign', userId: assignee });
    if (publicReply.trim()) actions.push({ type: 'public_reply', text: publicReply.trim() });
    if (privateReply.trim()) actions.push({ type: 'private_reply', text: privateReply.trim() });
    return {
      name: name.trim(),
      stopProcessing: stop,
      conditions: {
        ...(list.length ? { keywords: { words: list, mode } } : {}),
        ...(regex.trim() ? { regex: { pattern: regex.trim() } } : {}),
        ...Object.fromEntries(CHECKS.filter(([k]) => checks[k]).map(([k]) => [k, true])),
        ...(source === 'ad' || source === 'organic' ? { source } : {}),
      },
      actions,
    };
  };

  const fields = (
    <>
      <div className="grid gap-1">
        <Label htmlFor="rule-name">Name</Label>
        <Input id="rule-name" value={name} onChange={(e) => setName(e.target.value)} required placeholder="Hide phone numbers" />
      </div>
      <fieldset className="grid gap-2 rounded-md border p-3">
        <legend className="px-1 text-sm font-medium">When a new comment…</legend>
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid flex-1 gap-1">
            <Label htmlFor="rule-words">Has the words (comma-separated)</Label>
            <Input id="rule-words" value={words} onChange={(e) => setWords(e.target.value)} placeholder="price, cost" />
          </div>
          <select
            aria-label="Keyword mode"
            className="h-9 rounded-md border bg-background px-2 text-sm"
            value={mode}
            onChange={(e) => setMode(e.target.value as KeywordMode)}
          >
            <option value="any">any of them</option>
            <option value="all">all of them</option>
            <option value="exact">is exactly one</option>
          </select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="rule-regex">Matches the regular expression</Label>
          <Input id="rule-regex" value={regex} onChange={(e) => setRegex(e.target.value)} placeholder="\bdm me\b" />
        </div>
        <div className="grid gap-1 sm:grid-cols-2">
          {CHECKS.map(([key, label]) => (
            <label key={key} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={checks[key]}
                onChange={(e) => setChecks((s) => ({ ...s, [key]: e.target.checked }))}
                data-testid={`rule-${key}`}
              />{' '}
              {label}
            </label>
          ))}
        </div>
        <select
          aria-label="Ads or organic"
          className="h-9 w-fit rounded-md border bg-background px-2 text-sm"
          value={source}
          onChange={(e) => setSource(e.target.value as typeof source)}
        >
          <option value="">on ads and organic posts</option>
          <option value="ad">on ads only</option>
          <option value="organic">on organic posts only</option>
        </select>
      </fieldset>
      <fieldset className="grid gap-2 rounded-md border p-3">
        <legend className="px-1 text-sm font-medium">…then</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={hide} onChange={(e) => setHide(e.target.checked)} data-testid="rule-action-hide" /> Hide it
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={remove} onChange={(e) => setRemove(e.target.checked)} /> Delete it
        </label>
        <select
          aria-label="Label it"
          className="h-9 w-fit rounded-md border bg-background px-2 text-sm"
          value={labelId}
          onChange={(e) => setLabelId(e.target.value)}
        >
          <option value="">No label</option>
          {(labels.data ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              Label it “{l.name}”
            </option>
          ))}
        </select>
        <select
          aria-label="Assign it"
          className="h-9 w-fit rounded-md border bg-background px-2 text-sm"
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
        >
          <option value="">Nobody</option>
          {(teammates.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              Assign it to {t.name}
            </option>
          ))}
        </select>
        <div className="grid gap-1">
          <Label htmlFor="rule-public">Reply publicly ({'{{first_name}}'} works)</Label>
          <Input id="rule-public" value={publicReply} onChange={(e) => setPublicReply(e.target.value)} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="rule-private">Send a private reply (once per person per post)</Label>
          <Input id="rule-private" value={privateReply} onChange={(e) => setPrivateReply(e.target.value)} />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={stop} onChange={(e) => setStop(e.target.checked)} /> Stop checking later rules when this one matches
        </label>
      </fieldset>
    </>
  );
  return { request, fields };
}

export function CommentRuleForm({ editing, onDone, draft }: { editing: CommentRuleDto | null; onDone: () => void; draft: ReturnType<typeof useRuleDraft> }) {
  const save = useSaveCommentRule();
  const errors = fieldErrorMessages(save.error);
  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    try {
      await save.mutateAsync({ id: editing?.id, rule: draft.request() });
      toast.success(editing ? 'Rule updated' : 'Rule added');
      onDone();
    } catch (error) {
      toast.error(describeApiError(error));
    }
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid gap-3 rounded-xl border bg-card p-4" aria-label={editing ? 'Edit rule' : 'New rule'}>
      {draft.fields}
      {Object.entries(errors).map(([field, message]) => (
        <p key={field} className="text-xs text-destructive">
          {field}: {message}
        </p>
      ))}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending} data-testid="rule-save">
          {editing ? 'Save rule' : 'Add rule'}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
