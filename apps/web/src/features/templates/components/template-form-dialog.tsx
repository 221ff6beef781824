'use client';

import * as React from 'react';
import { Link2, Plus, Reply, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import {
  TEMPLATE_LANGUAGES,
  TEMPLATE_LIMITS,
  templateWarnings,
  urlVariable,
  validateTemplateDraft,
  variableNames,
  type ChannelDto,
  type MessageTemplateDto,
  type TemplateButtonInput,
} from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../../../components/ui/dialog';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { describeApiError, fieldErrorMessages } from '../../../lib/api/api-error';
import { useSaveTemplate, useSubmitTemplate } from '../api';
import { draftFromForm, emptyTemplateForm, examplesFor, formFromTemplate, previewContent, type TemplateFormState } from '../template-form';
import { TemplatePreview } from './template-preview';

const FIELD =
  'rounded-md border border-input bg-transparent px-3 py-2 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive';

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-xs text-destructive" data-testid={`template-error-${id.replace(/^err-/, '')}`}>
      {message}
    </p>
  ) : null;
}

/** Create a template (or edit a draft): Meta's rules checked as you type, a live preview as the customer will see it. */
export function TemplateFormDialog({
  open,
  onOpenChange,
  pages,
  editing,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pages: ChannelDto[];
  editing: MessageTemplateDto | null;
}) {
  const save = useSaveTemplate();
  const submit = useSubmitTemplate();
  const [form, setForm] = React.useState<TemplateFormState>(() => (editing ? formFromTemplate(editing) : emptyTemplateForm(pages[0]?.id ?? '')));
  const [attempted, setAttempted] = React.useState(false);
  const [touched, setTouched] = React.useState<Set<string>>(new Set());
  const bodyRef = React.useRef<HTMLTextAreaElement>(null);

  React.useEffect(() => {
    if (!open) return;
    setForm(editing ? formFromTemplate(editing) : emptyTemplateForm(pages[0]?.id ?? ''));
    setAttempted(false);
    setTouched(new Set());
    save.reset();
    submit.reset();
    // reset only when the dialog opens (for another template): not on every render of the mutations
  }, [open, editing?.id]);

  const draft = draftFromForm(form);
  const problems = validateTemplateDraft(draft);
  const server = fieldErrorMessages(save.error);
  const errorOf = (field: string): string | undefined =>
    (attempted || touched.has(field.split('.')[0] ?? field) ? problems.find((p) => p.field === field)?.message : undefined) ?? server[field];
  const warnings = templateWarnings(draft);
  const variables = variableNames(form.body);
  const busy = save.isPending || submit.isPending;

  const update = (patch: Partial<TemplateFormState>, field?: string) => {
    setForm((f) => {
      const next = { ...f, ...patch };
      return { ...next, examples: examplesFor(next.body, next.examples) };
    });
    if (field) setTouched((t) => new Set(t).add(field));
  };
  const setButton = (index: number, patch: Partial<TemplateButtonInput>) =>
    update({ buttons: form.buttons.map((b, i) => (i === index ? { ...b, ...patch } : b)) }, 'buttons');

  function addVariable() {
    const el = bodyRef.current;
    const named = variables.some((n) => !/^\d+$/.test(n));
    const token = named ? `{{value_${variables.length + 1}}}` : `{{${variables.length + 1}}}`;
    const at = el?.selectionStart ?? form.body.length;
    const body = form.body.slice(0, at) + token + form.body.slice(el?.selectionEnd ?? at);
    update({ body }, 'body');
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  }

  async function onSave(andSubmit: boolean) {
    setAttempted(true);
    if (problems.length > 0) return;
    try {
      const saved = editing
        ? await save.mutateAsync({ id: editing.id, body: draft })
        : await save.mutateAsync({ body: { ...draft, channelId: form.channelId } });
      if (andSubmit) {
        const submitted = await submit.mutateAsync(saved.id);
        toast.success(`${submitted.name} was sent to Meta for review`, { description: 'Its status updates here as soon as Meta decides.' });
      } else {
        toast.success(editing ? 'Draft saved' : `Draft ${saved.name} saved`);
      }
      onOpenChange(false);
    } catch (error) {
      if (Object.keys(fieldErrorMessages(error)).length === 0)
        toast.error(andSubmit && save.isSuccess ? 'Saved as a draft, but Meta did not accept it' : 'Could not save the template', {
          description: describeApiError(error),
        });
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100vh-2rem)] overflow-y-auto sm:max-w-4xl" data-testid="template-form">
        <DialogHeader>
          <DialogTitle>{editing ? `Edit ${editing.name}` : 'New utility template'}</DialogTitle>
          <DialogDescription>
            Utility templates reach customers outside Messenger&apos;s 24-hour window — order, delivery, appointment and account updates, never advertising.
            Meta reviews each one before it can be sent.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-6 md:grid-cols-[1fr_18rem]"
          onSubmit={(e) => {
            e.preventDefault();
            void onSave(true);
          }}
          noValidate
        >
          <div className="grid content-start gap-4">
            {!editing && pages.length > 1 ? (
              <div className="grid gap-1">
                <Label htmlFor="template-page">Facebook Page</Label>
                <select id="template-page" className={FIELD} value={form.channelId} onChange={(e) => update({ channelId: e.target.value })}>
                  {pages.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="grid gap-4 sm:grid-cols-[1fr_11rem]">
              <div className="grid gap-1">
                <Label htmlFor="template-name">Name</Label>
                <Input
                  id="template-name"
                  value={form.name}
                  onChange={(e) => update({ name: e.target.value }, 'name')}
                  placeholder="order_update"
                  aria-invalid={Boolean(errorOf('name'))}
                  aria-describedby="err-name"
                  autoFocus
                  data-testid="template-name"
                />
                <FieldError id="err-name" message={errorOf('name')} />
                {!errorOf('name') ? <p className="text-xs text-muted-foreground">Lowercase letters, digits and underscores.</p> : null}
              </div>
              <div className="grid content-start gap-1">
                <Label htmlFor="template-language">Language</Label>
                <select
                  id="template-language"
                  className={FIELD}
                  value={form.language}
                  onChange={(e) => update({ language: e.target.value }, 'language')}
                  data-testid="template-language"
                >
                  {TEMPLATE_LANGUAGES.map((l) => (
                    <option key={l.code} value={l.code}>
                      {l.label} ({l.code})
                    </option>
                  ))}
                </select>
                <FieldError id="err-language" message={errorOf('language')} />
              </div>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="template-header">
                Header <span className="font-normal text-muted-foreground">(optional, up to {TEMPLATE_LIMITS.headerMax} characters)</span>
              </Label>
              <Input
                id="template-header"
                value={form.header}
                onChange={(e) => update({ header: e.target.value }, 'header')}
                placeholder="Your order"
                aria-invalid={Boolean(errorOf('header'))}
                aria-describedby="err-header"
              />
              <FieldError id="err-header" message={errorOf('header')} />
            </div>
            <div className="grid gap-1">
              <div className="flex items-end justify-between gap-2">
                <Label htmlFor="template-body">Message</Label>
                <Button type="button" variant="ghost" size="sm" onClick={addVariable} data-testid="template-add-variable">
                  <Plus /> Variable
                </Button>
              </div>
              <textarea
                id="template-body"
                ref={bodyRef}
                rows={4}
                value={form.body}
                onChange={(e) => update({ body: e.target.value }, 'body')}
                placeholder="Hi {{1}}, your order {{2}} has shipped."
                aria-invalid={Boolean(errorOf('body'))}
                aria-describedby="err-body body-help"
                className={FIELD}
                data-testid="template-body"
              />
              <FieldError id="err-body" message={errorOf('body')} />
              <p id="body-help" className="text-xs text-muted-foreground">
                Variables: {'{{1}}'}, {'{{2}}'}… in order, or names like {'{{first_name}}'}. Not at the very start or end. {[...form.body].length} /{' '}
                {TEMPLATE_LIMITS.bodyMax}
              </p>
            </div>
            {variables.length > 0 ? (
              <fieldset className="grid gap-2 rounded-lg border p-3">
                <legend className="px-1 text-sm font-medium">Examples for Meta&apos;s review</legend>
                {variables.map((name) => (
                  <div key={name} className="grid gap-1 sm:grid-cols-[7rem_1fr] sm:items-center">
                    <Label htmlFor={`template-example-${name}`} className="font-mono text-xs">{`{{${name}}}`}</Label>
                    <div className="grid gap-1">
                      <Input
                        id={`template-example-${name}`}
                        value={form.examples[name] ?? ''}
                        onChange={(e) => update({ examples: { ...form.examples, [name]: e.target.value } }, 'examples')}
                        placeholder={name === '1' ? 'Jane' : 'e.g. #1001'}
                        aria-invalid={Boolean(errorOf(`examples.${name}`))}
                        data-testid={`template-example-${name}`}
                      />
                      <FieldError id={`err-examples.${name}`} message={errorOf(`examples.${name}`)} />
                    </div>
                  </div>
                ))}
              </fieldset>
            ) : null}
            <div className="grid gap-1">
              <Label htmlFor="template-footer">
                Footer <span className="font-normal text-muted-foreground">(optional)</span>
              </Label>
              <Input
                id="template-footer"
                value={form.footer}
                onChange={(e) => update({ footer: e.target.value }, 'footer')}
                placeholder="Example Store"
                aria-invalid={Boolean(errorOf('footer'))}
              />
              <FieldError id="err-footer" message={errorOf('footer')} />
            </div>
            <fieldset className="grid gap-2">
              <legend className="text-sm font-medium">
                Buttons <span className="font-normal text-muted-foreground">(up to {TEMPLATE_LIMITS.buttonsMax})</span>
              </legend>
              {form.buttons.map((button, i) => (
                <div key={i} className="grid gap-2 rounded-lg border p-3" data-testid="template-button">
                  <div className="flex items-center gap-2">
                    {button.type === 'URL' ? (
                      <Link2 className="size-4 text-muted-foreground" aria-label="Link button" />
                    ) : (
                      <Reply className="size-4 text-muted-foreground" aria-label="Quick reply button" />
                    )}
                    <Input
                      value={button.text}
                      onChange={(e) => setButton(i, { text: e.target.value })}
                      placeholder={button.type === 'URL' ? 'Track order' : 'Talk to us'}
                      aria-label={`Button ${i + 1} label`}
                      aria-invalid={Boolean(errorOf(`buttons.${i}.text`))}
                    />
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      className="size-8 shrink-0"
                      aria-label={`Remove button ${i + 1}`}
                      onClick={() => update({ buttons: form.buttons.filter((_, j) => j !== i) }, 'buttons')}
                    >
                      <Trash2 />
                    </Button>
                  </div>
                  <FieldError id={`err-buttons.${i}.text`} message={errorOf(`buttons.${i}.text`)} />
                  {button.type === 'URL' ? (
                    <>
                      <Input
                        value={button.url ?? ''}
                        onChange={(e) => setButton(i, { url: e.target.value })}
                        placeholder="https://example.com/track/{{1}}"
                        aria-label={`Button ${i + 1} link`}
                        aria-invalid={Boolean(errorOf(`buttons.${i}.url`))}
                      />
                      <FieldError id={`err-buttons.${i}.url`} message={errorOf(`buttons.${i}.url`)} />
                      {urlVariable((button.url ?? '').trim()) !== null ? (
                        <>
                          <Input
                            value={button.urlExample ?? ''}
                            onChange={(e) => setButton(i, { urlExample: e.target.value })}
                            placeholder="Example end of the link, e.g. 1001"
                            aria-label={`Button ${i + 1} link example`}
                            aria-invalid={Boolean(errorOf(`buttons.${i}.urlExample`))}
                          />
                          <FieldError id={`err-buttons.${i}.urlExample`} message={errorOf(`buttons.${i}.urlExample`)} />
                        </>
                      ) : null}
                    </>
                  ) : (
                    <p className="text-xs text-muted-foreground">The customer taps it to answer; the tap arrives in the conversation.</p>
                  )}
                </div>
              ))}
              <FieldError id="err-buttons" message={errorOf('buttons')} />
              <div className="flex flex-wrap gap-2">
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  disabled={form.buttons.length >= TEMPLATE_LIMITS.buttonsMax}
                  onClick={() => update({ buttons: [...form.buttons, { type: 'URL', text: '', url: '', urlExample: '' }] }, 'buttons')}
                >
                  <Link2 /> Link button
                </Button>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  disabled={form.buttons.length >= TEMPLATE_LIMITS.buttonsMax}
                  onClick={() => update({ buttons: [...form.buttons, { type: 'QUICK_REPLY', text: '', payload: '' }] }, 'buttons')}
                >
                  <Reply /> Quick reply
                </Button>
              </div>
            </fieldset>
          </div>
          <div className="grid content-start gap-3 md:sticky md:top-0">
            <TemplatePreview content={previewContent(form)} />
            {warnings.map((w) => (
              <p
                key={w.message}
                className="rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-xs text-amber-900 dark:text-amber-200"
                role="note"
              >
                {w.message}
              </p>
            ))}
          </div>
          <div className="flex flex-wrap justify-end gap-2 md:col-span-2">
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="button" variant="outline" disabled={busy} onClick={() => void onSave(false)} data-testid="template-save-draft">
              Save draft
            </Button>
            <Button type="submit" disabled={busy} data-testid="template-submit">
              {busy ? 'Sending…' : 'Submit to Meta'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
