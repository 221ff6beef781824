'use client';

import * as React from 'react';
import { NotebookPen, Paperclip, SendHorizontal } from 'lucide-react';
import {
  measureOutboundText,
  validateAttachments,
  validateOutboundText,
  type ConversationDto,
  type MessageDto,
  type ReplyPolicyResponse,
} from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { useSuggestionMenu } from '../../../components/suggestions/use-suggestion-menu';
import { cn } from '../../../lib/utils';
import { useCannedResponses } from '../../collaboration/api';
import { filterCannedResponses, insertCannedResponse, slashTokenAt } from '../../collaboration/canned-responses';
import { CannedResponsePopover } from '../../collaboration/components/canned-response-popover';
import { useTypingSignal } from '../hooks/use-conversation-presence';
import type { OutgoingDraft, SendOutcome } from '../hooks/use-send-message';
import { useTeammates } from '../../users/use-teammates';
import { filterTeammates, insertMention, mentionTokenAt } from '../mentions';
import { ComposerAttachments, ComposerReplyTo, StaleViewDialog } from './composer-parts';
import { EmojiPicker } from './emoji-picker';
import { MentionPopover } from './mention-popover';
import { ReplyPolicyBanner } from './reply-policy-banner';
import { ComposerTemplateAction } from '../../templates/components/composer-template-action';

const TYPING_IDLE_MS = 3000;

export function Composer({
  conversation,
  policy,
  policyChecking = false,
  replyTo,
  onClearReply,
  onSend,
  onNote,
}: {
  conversation: ConversationDto;
  policy: ReplyPolicyResponse | null;
  /** The policy is a local guess that depends on the channel's Human Agent setting: the banner says it is checking. */
  policyChecking?: boolean;
  replyTo: MessageDto | null;
  onClearReply: () => void;
  onSend: (draft: OutgoingDraft, confirmStale?: boolean) => Promise<SendOutcome>;
  /** Posts a private note; resolves false when it failed (the draft stays). */
  onNote?: (body: string) => Promise<boolean>;
}) {
  const setTyping = useTypingSignal();
  const [text, setText] = React.useState('');
  const [files, setFiles] = React.useState<File[]>([]);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [staleDraft, setStaleDraft] = React.useState<OutgoingDraft | null>(null);
  const textareaRef = React.useRef<HTMLTextAreaElement>(null);
  const fileRef = React.useRef<HTMLInputElement>(null);
  const typingTimer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const typingOn = React.useRef(false);
  const sendingAnyway = React.useRef(false);
  const [mode, setMode] = React.useState<'reply' | 'note'>('reply');
  const [caret, setCaret] = React.useState(0);
  const canned = useCannedResponses();

  const noting = mode === 'note';
  const teammates = useTeammates(noting);
  const canType = noting || (policy ? policy.freeTextAllowed : true);
  const slash = canType ? slashTokenAt(text, caret) : null;
  const slashQuery = slash?.query ?? null;
  const slashItems = React.useMemo(() => (slashQuery === null ? [] : filterCannedResponses(canned.data ?? [], slashQuery)), [slashQuery, canned.data]);
  const slashMenu = useSuggestionMenu({ name: 'canned', token: slash, items: slashItems });
  // @mentions only in notes (customers never see teammates); the `/` popover wins if both could open
  const mention = noting && canType && !slashMenu.open ? mentionTokenAt(text, caret) : null;
  const mentionQuery = mention?.query ?? null;
  const mentionItems = React.useMemo(() => (mentionQuery === null ? [] : filterTeammates(teammates.data ?? [], mentionQuery)), [mentionQuery, teammates.data]);
  const mentionMenu = useSuggestionMenu({
    name: 'mention',
    token: mention,
    items: mentionItems,
    canOpen: mentionItems.length > 0 || !/\s/.test(mentionQuery ?? ''),
  });
  const usage = measureOutboundText(conversation.platform, text);
  const overLimit = usage.used > usage.limit;

  const stopTyping = React.useCallback(() => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = null;
    if (typingOn.current) {
      typingOn.current = false;
      setTyping(conversation.id, false);
    }
  }, [conversation.id, setTyping]);

  React.useEffect(() => {
    // A different conversation starts with an empty composer.
    setText('');
    setFiles([]);
    setProblem(null);
    setMode('reply');
    return stopTyping;
  }, [conversation.id, stopTyping]);

  React.useEffect(() => {
    if (replyTo) textareaRef.current?.focus();
  }, [replyTo]);

  function onTextChange(value: string, caretAt = value.length) {
    setText(value);
    setCaret(caretAt);
    slashMenu.onTextChange(slashTokenAt(value, caretAt) !== null);
    mentionMenu.onTextChange(mentionTokenAt(value, caretAt) !== null);
    setProblem(null);
    // notes are not typing to the customer
    if (noting) return;
    if (!typingOn.current && value.length > 0) {
      typingOn.current = true;
      setTyping(conversation.id, true);
    }
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
    if (value.length === 0) stopTyping();
  }

  function addFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    const next = [...files, ...Array.from(list)];
    const check = validateAttachments(
      conversation.platform,
      next.map((f) => ({ mimeType: f.type, sizeBytes: f.size })),
    );
    if (!check.ok) {
      setProblem(check.reason);
      return;
    }
    setProblem(null);
    setFiles(next);
  }

  async function submitNote() {
    const body = text.trim();
    if (!body || !onNote) return;
    setText('');
    if (!(await onNote(body))) setText(body);
  }

  function pickCanned(body: string) {
    if (!slash) return;
    const el = textareaRef.current;
    const next = insertCannedResponse(text, slash, caret, body);
    onTextChange(next.text, next.caret);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  }

  function pickMention(name: string) {
    if (!mention) return;
    const el = textareaRef.current;
    const next = insertMention(text, mention, caret, name);
    onTextChange(next.text, next.caret);
    // the inserted `@Full Name ` is itself a token; don't reopen on it
    mentionMenu.dismiss(mention.start);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  }

  async function submit(confirmStale = false, draftOverride?: OutgoingDraft) {
    if (noting && !draftOverride) return submitNote();
    const draft: OutgoingDraft = draftOverride ?? { text: text.trim(), files, replyTo };
    if (!draft.text && draft.files.length === 0) return;
    if (draft.text) {
      const check = validateOutboundText(conversation.platform, draft.text);
      if (!check.ok) {
        setProblem(check.reason);
        return;
      }
    }
    stopTyping();
    setText('');
    setFiles([]);
    onClearReply();
    const outcome = await onSend(draft, confirmStale);
    if (outcome.stale) setStaleDraft(draft);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (slashMenu.onKeyDown(event, (item) => pickCanned(item.body))) return;
    if (mentionMenu.onKeyDown(event, (item) => pickMention(item.name))) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
    if (event.key === 'Escape' && replyTo) onClearReply();
  }

  function insertEmoji(emoji: string) {
    const el = textareaRef.current;
    if (!el) return setText((t) => t + emoji);
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? text.length;
    const value = text.slice(0, start) + emoji + text.slice(end);
    onTextChange(value);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  }

  const empty = text.trim().length === 0 && files.length === 0;
  return (
    <div className="grid gap-2 border-t bg-background p-3">
      <div className="flex items-center gap-1" role="tablist" aria-label="Composer mode">
        {(['reply', 'note'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            data-testid={`composer-mode-${m}`}
            onClick={() => {
              setMode(m);
              textareaRef.current?.focus();
            }}
            className={cn(
              'rounded-md px-2.5 py-1 text-xs font-medium text-muted-foreground hover:text-foreground',
              mode === m && (m === 'note' ? 'bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-200' : 'bg-muted text-foreground'),
            )}
          >
            {m === 'reply' ? 'Reply' : 'Note'}
          </button>
        ))}
      </div>
      {policy && !noting ? <ReplyPolicyBanner policy={policy} checking={policyChecking} /> : null}
      {!noting && !policyChecking && policy?.mode === 'template_required' ? (
        <ComposerTemplateAction
          conversation={conversation}
          policy={policy}
          prominent
          onSend={(template, preview) => void onSend({ text: preview, files: [], replyTo: null, template })}
        />
      ) : null}
      <div
        className={cn(
          'relative rounded-xl border bg-background shadow-xs focus-within:ring-[3px] focus-within:ring-ring/30',
          noting && 'border-amber-300 bg-amber-50 dark:border-amber-500/40 dark:bg-amber-500/10',
          !canType && 'opacity-60',
        )}
      >
        {slashMenu.open && slash ? (
          <CannedResponsePopover
            items={slashItems}
            activeIndex={slashMenu.activeIndex}
            query={slash.query}
            loading={canned.isPending}
            onPick={(item) => pickCanned(item.body)}
            onHover={slashMenu.setActiveIndex}
          />
        ) : null}
        {mentionMenu.open && mention ? (
          <MentionPopover
            items={mentionItems}
            activeIndex={mentionMenu.activeIndex}
            query={mention.query}
            loading={teammates.isPending}
            onPick={(item) => pickMention(item.name)}
            onHover={mentionMenu.setActiveIndex}
          />
        ) : null}
        {replyTo ? <ComposerReplyTo replyTo={replyTo} onClear={onClearReply} /> : null}
        <ComposerAttachments files={files} onRemove={(i) => setFiles(files.filter((_, j) => j !== i))} />
        <textarea
          ref={textareaRef}
          value={text}
          onChange={(e) => onTextChange(e.target.value, e.target.selectionStart ?? e.target.value.length)}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
          onBlur={stopTyping}
          disabled={!canType}
          rows={3}
          placeholder={
            noting
              ? 'Private note — only teammates see it. Mention with @Name or @email. (Enter to save, / for canned responses)'
              : canType
                ? `Reply on ${conversation.platform === 'INSTAGRAM' ? 'Instagram' : 'Messenger'}… (Enter to send, Shift+Enter for a new line)`
                : 'Replies are not possible right now — see above.'
          }
          aria-label={noting ? 'Private note' : 'Reply'}
          aria-describedby="composer-counter"
          {...(slashMenu.open ? slashMenu.inputProps : mentionMenu.inputProps)}
          data-testid="composer-input"
          className="block max-h-48 min-h-[4.5rem] w-full resize-none bg-transparent px-3 py-2 text-sm outline-none placeholder:text-muted-foreground disabled:cursor-not-allowed"
        />
        <div className="flex items-center gap-1 px-2 pb-2">
          <input
            ref={fileRef}
            type="file"
            multiple
            className="sr-only"
            tabIndex={-1}
            aria-hidden
            data-testid="composer-file-input"
            onChange={(e) => {
              addFiles(e.target.files);
              e.target.value = '';
            }}
          />
          <Button
            type="button"
            size="icon"
            variant="ghost"
            className="size-8"
            aria-label="Attach files"
            onClick={() => fileRef.current?.click()}
            disabled={!canType || noting}
          >
            <Paperclip />
          </Button>
          <EmojiPicker onPick={insertEmoji} disabled={!canType} />
          {!noting && policy?.mode !== 'template_required' ? (
            <ComposerTemplateAction
              conversation={conversation}
              policy={policy}
              prominent={false}
              onSend={(template, preview) => void onSend({ text: preview, files: [], replyTo: null, template })}
            />
          ) : null}
          <span
            id="composer-counter"
            className={cn('ml-auto text-[11px] tabular-nums', noting && 'invisible', overLimit ? 'font-medium text-destructive' : 'text-muted-foreground')}
            data-testid="composer-counter"
          >
            {usage.used} / {usage.limit} {usage.unit}
          </span>
          {noting ? (
            <Button
              type="button"
              size="sm"
              onClick={() => void submitNote()}
              disabled={text.trim().length === 0 || !onNote}
              data-testid="note-button"
              className="bg-amber-500 text-white hover:bg-amber-600"
            >
              <NotebookPen />
              Add note
            </Button>
          ) : (
            <Button
              type="button"
              size="sm"
              onClick={() => void submit()}
              disabled={!canType || empty || overLimit}
              data-testid="send-button"
              aria-label="Send reply"
            >
              <SendHorizontal />
              Send
            </Button>
          )}
        </div>
      </div>
      {problem ? (
        <p className="text-xs text-destructive" role="alert" data-testid="composer-problem">
          {problem}
        </p>
      ) : null}
      <StaleViewDialog
        open={staleDraft !== null}
        onOpenChange={(open) => {
          if (open) return;
          // Closed without "Send anyway" (Esc, Review first): the draft comes back to the composer.
          if (!sendingAnyway.current && staleDraft) {
            setText(staleDraft.text);
            setFiles(staleDraft.files);
          }
          sendingAnyway.current = false;
          setStaleDraft(null);
        }}
        onSendAnyway={() => {
          const draft = staleDraft;
          sendingAnyway.current = true;
          if (draft) void submit(true, draft);
        }}
      />
    </div>
  );
}
