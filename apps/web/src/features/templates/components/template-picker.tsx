'use client';

import * as React from 'react';
import { ArrowLeft, FileText, Search, SendHorizontal } from 'lucide-react';
import {
  resolveTemplateParameters,
  templateLanguageLabel,
  templateNeedsUrlSuffix,
  urlVariable,
  variableNames,
  type ConversationDto,
  type ReplyPolicyTemplateOption,
  type SendTemplateInput,
} from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../../../components/ui/dialog';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { cn } from '../../../lib/utils';
import { customerNameFor, filterPickerOptions, initialPickerValues, pickerLanguages, sendInputFor } from '../template-picker-state';
import { TemplatePreview } from './template-preview';

const FIELD =
  'h-9 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50';

function VariableForm({
  option,
  conversation,
  onBack,
  onSend,
}: {
  option: ReplyPolicyTemplateOption;
  conversation: ConversationDto;
  onBack: () => void;
  onSend: (input: SendTemplateInput, text: string) => void;
}) {
  const { template } = option;
  const content = template.content;
  const names = variableNames(content.body);
  const [values, setValues] = React.useState(() => initialPickerValues(content, customerNameFor(conversation.contact)));
  const [urlSuffix, setUrlSuffix] = React.useState('');
  const [attempted, setAttempted] = React.useState(false);
  const needsSuffix = templateNeedsUrlSuffix(content);
  const input = sendInputFor(template.id, content, values, urlSuffix);
  const resolved = resolveTemplateParameters(content, input.parameters, input.urlSuffix ?? null);
  const problemOf = (field: string) => (attempted && !resolved.ok ? resolved.problems.find((p) => p.field === field)?.message : undefined);
  const firstEmpty = names.find((n) => !values[n]);
  const urlExample = content.buttons.flatMap((b) => (b.type === 'URL' && urlVariable(b.url) !== null && b.urlExample ? [b.urlExample] : []))[0];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (resolved.ok) onSend(input, resolved.rendered.body);
  }

  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-[1fr_18rem]" aria-label={`Fill in ${template.name}`} noValidate>
      <div className="grid content-start gap-3">
        <div className="flex items-center gap-2">
          <Button type="button" variant="ghost" size="icon" className="size-8" onClick={onBack} aria-label="Back to the templates">
            <ArrowLeft />
          </Button>
          <div className="min-w-0">
            <p className="truncate font-medium">{template.name}</p>
            <p className="text-xs text-muted-foreground">{templateLanguageLabel(template.language)}</p>
          </div>
        </div>
        {names.length === 0 && !needsSuffix ? (
          <p className="text-sm text-muted-foreground">This template has no variables: it goes out exactly as shown.</p>
        ) : null}
        {names.map((name, i) => {
          const field = content.parameterFormat === 'NAMED' ? `template.parameters.${name}` : `template.parameters.${i}`;
          const problem = problemOf(field);
          return (
            <div key={name} className="grid gap-1">
              <Label htmlFor={`picker-var-${name}`} className="font-mono text-xs">{`{{${name}}}`}</Label>
              <Input
                id={`picker-var-${name}`}
                value={values[name] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                placeholder={content.examples[name] ? `e.g. ${content.examples[name]}` : undefined}
                aria-invalid={Boolean(problem)}
                autoFocus={name === (firstEmpty ?? names[0])}
                data-testid={`template-picker-var-${name}`}
              />
              {problem ? <p className="text-xs text-destructive">{problem}</p> : null}
            </div>
          );
        })}
        {needsSuffix ? (
          <div className="grid gap-1">
            <Label htmlFor="picker-url-suffix">End of the button&apos;s link</Label>
            <Input
              id="picker-url-suffix"
              value={urlSuffix}
              onChange={(e) => setUrlSuffix(e.target.value)}
              placeholder={urlExample ? `e.g. ${urlExample}` : undefined}
              aria-invalid={Boolean(problemOf('template.urlSuffix'))}
              data-testid="template-picker-url-suffix"
            />
            {problemOf('template.urlSuffix') ? <p className="text-xs text-destructive">{problemOf('template.urlSuffix')}</p> : null}
          </div>
        ) : null}
        {attempted && !resolved.ok && problemOf('template.parameters') ? <p className="text-xs text-destructive">{problemOf('template.parameters')}</p> : null}
        <Button type="submit" className="w-fit" data-testid="template-picker-send">
          <SendHorizontal /> Send template
        </Button>
      </div>
      <TemplatePreview content={content} values={values} urlSuffix={urlSuffix.trim() || null} />
    </form>
  );
}

/**
 * The composer's template picker (Messenger): search and language filter over the Page's templates as
 * the reply policy lists them (usable first, the others with the reason), then the variables — the
 * customer's name filled in where a variable asks for it — with a live preview. Arrow keys + Enter pick.
 */
export function TemplatePicker({
  open,
  onOpenChange,
  conversation,
  options,
  onSend,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  conversation: ConversationDto;
  options: ReplyPolicyTemplateOption[];
  onSend: (input: SendTemplateInput, text: string) => void;
}) {
  const [search, setSearch] = React.useState('');
  const [language, setLanguage] = React.useState('');
  const [active, setActive] = React.useState(0);
  const [picked, setPicked] = React.useState<ReplyPolicyTemplateOption | null>(null);
  const shown = filterPickerOptions(options, search, language);
  const languages = pickerLanguages(options);
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));

  React.useEffect(() => {
    if (!open) return;
    setSearch('');
    setPicked(null);
    setActive(0);
  }, [open]);

  function choose(option: ReplyPolicyTemplateOption | undefined) {
    if (option?.usable) setPicked(option);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length > 0) setActive((activeIndex + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(shown[activeIndex]);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100vh-2rem)] overflow-y-auto sm:max-w-3xl" data-testid="template-picker">
        <DialogHeader>
          <DialogTitle>Send a utility template</DialogTitle>
          <DialogDescription>
            Meta-approved templates can reach {conversation.contact.displayName} outside the 24-hour window. Fill in the values; the preview shows what they
            will read.
          </DialogDescription>
        </DialogHeader>
        {picked ? (
          <VariableForm
            option={picked}
            conversation={conversation}
            onBack={() => setPicked(null)}
            onSend={(input, text) => {
              onSend(input, text);
              onOpenChange(false);
            }}
          />
        ) : (
          <div className="grid gap-3">
            <div className="flex flex-wrap gap-2">
              <div className="relative min-w-56 flex-1">
                <Search className="absolute top-2.5 left-3 size-4 text-muted-foreground" aria-hidden />
                <Input
                  value={search}
                  onChange={(e) => {
                    setSearch(e.target.value);
                    setActive(0);
                  }}
                  onKeyDown={onKeyDown}
                  placeholder="Search templates"
                  className="pl-9"
                  aria-label="Search templates"
                  aria-controls="template-picker-list"
                  aria-activedescendant={shown[activeIndex] ? `template-option-${shown[activeIndex].template.id}` : undefined}
                  autoFocus
                  data-testid="template-picker-search"
                />
              </div>
              {languages.length > 1 ? (
                <select aria-label="Language" className={FIELD} value={language} onChange={(e) => setLanguage(e.target.value)}>
                  <option value="">All languages</option>
                  {languages.map((l) => (
                    <option key={l.code} value={l.code}>
                      {l.label}
                    </option>
                  ))}
                </select>
              ) : null}
            </div>
            {options.length === 0 ? (
              <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-10 text-center">
                <FileText className="size-7 text-muted-foreground" aria-hidden />
                <p className="mt-2 font-medium">No approved templates on this Page</p>
                <p className="mt-1 text-sm text-muted-foreground">An admin can create one under Templates; Meta reviews it before it can be sent.</p>
              </div>
            ) : shown.length === 0 ? (
              <p className="rounded-xl border border-dashed p-6 text-center text-sm text-muted-foreground">No template matches.</p>
            ) : (
              <ul id="template-picker-list" role="listbox" aria-label="Templates" className="grid gap-2">
                {shown.map((option, i) => (
                  <li
                    key={option.template.id}
                    id={`template-option-${option.template.id}`}
                    role="option"
                    aria-selected={i === activeIndex}
                    aria-disabled={!option.usable}
                  >
                    <button
                      type="button"
                      onClick={() => choose(option)}
                      onMouseEnter={() => setActive(i)}
                      disabled={!option.usable}
                      className={cn(
                        'w-full rounded-lg border p-3 text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-60',
                        i === activeIndex && option.usable && 'border-primary bg-primary/5',
                      )}
                      data-testid="template-picker-option"
                      data-name={option.template.name}
                    >
                      <span className="flex flex-wrap items-center gap-2 text-sm font-medium">
                        {option.template.name}
                        <span className="text-xs font-normal text-muted-foreground">{templateLanguageLabel(option.template.language)}</span>
                      </span>
                      <span className="mt-0.5 line-clamp-2 block text-sm text-muted-foreground">{option.template.content.body}</span>
                      {option.reason ? <span className="mt-1 block text-xs text-amber-700 dark:text-amber-300">{option.reason}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
