'use client';

import * as React from 'react';
import { ArrowDown, ArrowUp, Pencil, Trash2 } from 'lucide-react';
import { Role, type CommentRuleDto, type CommentRuleDryRunResponse } from '@ticklegram/domain-models';
import { toast } from 'sonner';
import { Forbidden } from '../../../components/forbidden';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { cn } from '../../../lib/utils';
import { useAuth } from '../../auth/auth-provider';
import { useCommentRules, useDeleteCommentRule, useDryRun, useReorderCommentRules, useRuleLog, useSaveCommentRule } from '../api';
import { CommentRuleForm, useRuleDraft } from './comment-rule-form';

/** Settings → Comment rules (admins): ordered rules, a dry run against the latest comments, each rule's log. */
export function CommentRulesView() {
  const { user } = useAuth();
  const isAdmin = user?.role === Role.ADMIN;
  const rules = useCommentRules(isAdmin);
  const [editing, setEditing] = React.useState<CommentRuleDto | 'new' | null>(null);
  const [logOf, setLogOf] = React.useState<string | null>(null);
  if (user && !isAdmin) return <Forbidden />;
  return (
    <PageContainer>
      <PageHeader
        title="Comment rules"
        description="Rules run top to bottom on every new comment, right after it arrives. Hide, delete and replies go through Meta's limits: they wait in a queue, never dropped."
      />
      <div className="grid gap-4">
        {editing ? (
          <RuleEditor key={editing === 'new' ? 'new' : editing.id} editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        ) : (
          <Button className="w-fit" onClick={() => setEditing('new')} data-testid="rule-new">
            New rule
          </Button>
        )}
        {rules.isPending ? (
          <Skeleton className="h-24" />
        ) : rules.isError ? (
          <p className="text-sm text-destructive">{describeApiError(rules.error)}</p>
        ) : rules.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">No rules yet. Add one to hide spam, answer common questions or route comments to a teammate.</p>
        ) : (
          <RuleList rules={rules.data} onEdit={setEditing} onLog={setLogOf} logOf={logOf} />
        )}
        {logOf ? <RuleLog id={logOf} name={rules.data?.find((r) => r.id === logOf)?.name ?? ''} /> : null}
        <DryRunPanel />
      </div>
    </PageContainer>
  );
}

function RuleEditor({ editing, onDone }: { editing: CommentRuleDto | null; onDone: () => void }) {
  const draft = useRuleDraft(editing);
  const dry = useDryRun();
  return (
    <div className="grid gap-3">
      <CommentRuleForm editing={editing} onDone={onDone} draft={draft} />
      <Button
        variant="outline"
        className="w-fit"
        disabled={dry.isPending}
        onClick={() => dry.mutate({ limit: 100, rule: draft.request() }, { onError: (e) => toast.error(describeApiError(e)) })}
      >
        Try this rule on the last 100 comments
      </Button>
      {dry.data ? <DryRunResult result={dry.data} /> : null}
    </div>
  );
}

function RuleList({
  rules,
  onEdit,
  onLog,
  logOf,
}: {
  rules: CommentRuleDto[];
  onEdit: (r: CommentRuleDto) => void;
  onLog: (id: string | null) => void;
  logOf: string | null;
}) {
  const reorder = useReorderCommentRules();
  const remove = useDeleteCommentRule();
  const save = useSaveCommentRule();
  const move = (index: number, by: number) => {
    const ids = rules.map((r) => r.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate(ids, { onError: (e) => toast.error(describeApiError(e)) });
  };
  return (
    <ol className="grid gap-2" data-testid="rule-list">
      {rules.map((rule, index) => (
        <li key={rule.id} className="flex flex-wrap items-center gap-2 rounded-xl border bg-card p-3" data-testid="rule-row" data-rule-name={rule.name}>
          <span className="w-6 text-sm text-muted-foreground">{index + 1}.</span>
          <span className={cn('flex-1 font-medium', !rule.enabled && 'text-muted-foreground line-through')}>{rule.name}</span>
          <span className="text-xs text-muted-foreground">{rule.actions.map((a) => a.type.replace('_', ' ')).join(', ')}</span>
          <label className="flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              checked={rule.enabled}
              aria-label={`${rule.name} enabled`}
              onChange={(e) =>
                save.mutate({
                  id: rule.id,
                  rule: { name: rule.name, stopProcessing: rule.stopProcessing, conditions: rule.conditions, actions: rule.actions, enabled: e.target.checked },
                })
              }
            />
            On
          </label>
          <Button variant="ghost" size="icon" aria-label="Move up" disabled={index === 0} onClick={() => move(index, -1)}>
            <ArrowUp className="size-4" />
          </Button>
          <Button variant="ghost" size="icon" aria-label="Move down" disabled={index === rules.length - 1} onClick={() => move(index, 1)}>
            <ArrowDown className="size-4" />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            aria-pressed={logOf === rule.id}
            onClick={() => onLog(logOf === rule.id ? null : rule.id)}
            data-testid="rule-log-toggle"
          >
            Log
          </Button>
          <Button variant="ghost" size="icon" aria-label={`Edit ${rule.name}`} onClick={() => onEdit(rule)}>
            <Pencil className="size-4" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Delete ${rule.name}`}
            onClick={() => window.confirm(`Delete the rule “${rule.name}”?`) && remove.mutate(rule.id)}
          >
            <Trash2 className="size-4" />
          </Button>
        </li>
      ))}
    </ol>
  );
}

function RuleLog({ id, name }: { id: string; name: string }) {
  const log = useRuleLog(id);
  return (
    <section className="grid gap-2 rounded-xl border bg-card p-4" aria-label={`Log of ${name}`} data-testid="rule-log">
      <h2 className="font-medium">What “{name}” did</h2>
      {log.isPending ? (
        <Skeleton className="h-12" />
      ) : log.isError ? (
        <p className="text-sm text-destructive">{describeApiError(log.error)}</p>
      ) : log.data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing yet.</p>
      ) : (
        <ul className="grid gap-1 text-sm">
          {log.data.items.map((e) => (
            <li
              key={e.id}
              data-testid="rule-log-entry"
              data-action={e.action}
              data-status={e.status}
              className={cn(e.status === 'failed' && 'text-destructive')}
            >
              {new Date(e.createdAt).toLocaleString()} · {e.action.replace('_', ' ')} · {e.status}
              {e.commentAuthor ? ` · ${e.commentAuthor}` : ''}: “{e.commentText ?? 'deleted comment'}”{e.reason ? ` — ${e.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DryRunPanel() {
  const dry = useDryRun();
  const [limit, setLimit] = React.useState(100);
  return (
    <section className="grid gap-2 rounded-xl border bg-card p-4" aria-label="Dry run">
      <h2 className="font-medium">Dry run of all enabled rules</h2>
      <div className="flex items-end gap-2">
        <label className="grid gap-1 text-sm">
          Last comments
          <Input type="number" min={1} max={500} value={limit} onChange={(e) => setLimit(Number(e.target.value) || 1)} className="w-28" />
        </label>
        <Button
          variant="outline"
          disabled={dry.isPending}
          onClick={() => dry.mutate({ limit: Math.min(500, Math.max(1, limit)) }, { onError: (e) => toast.error(describeApiError(e)) })}
        >
          Run
        </Button>
      </div>
      {dry.data ? <DryRunResult result={dry.data} /> : null}
    </section>
  );
}

function DryRunResult({ result }: { result: CommentRuleDryRunResponse }) {
  return (
    <div className="grid gap-1 text-sm" data-testid="dry-run-result">
      <p className="text-muted-foreground">
        {result.matched} of {result.evaluated} comments would be touched. Nothing was changed.
      </p>
      <ul className="grid gap-1">
        {result.results.slice(0, 50).map((r) => (
          <li key={r.comment.id}>
            “{r.comment.text ?? 'deleted'}” →{' '}
            {r.matches
              .map((m) => `${m.ruleName}: ${m.actions.map((a) => (a.outcome === 'would_run' ? a.type : `${a.type} skipped (${a.reason})`)).join(', ')}`)
              .join('; ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
