import * as React from 'react';
import { ExternalLink, Image as ImageIcon, Phone, Reply } from 'lucide-react';
import { renderTemplate, type TemplateContent } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';

/** Highlights the variables still without a value, so the author sees what will be filled in. */
function WithPlaceholders({ text }: { text: string }) {
  const parts = text.split(/(\{\{[^{}]*\}\})/g);
  return (
    <>
      {parts.map((part, i) =>
        /^\{\{[^{}]*\}\}$/.test(part) ? (
          <mark key={i} className="rounded bg-amber-200/70 px-0.5 text-inherit dark:bg-amber-500/30">
            {part}
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

/**
 * The template as the customer sees it in Messenger: a message bubble (body only) or a card with a
 * header, footer and buttons. `values` fill the variables (the examples when previewing the template).
 */
export function TemplatePreview({
  content,
  values,
  urlSuffix,
  className,
}: {
  content: TemplateContent;
  values?: Record<string, string>;
  urlSuffix?: string | null;
  className?: string;
}) {
  const rendered = renderTemplate(content, values ?? content.examples, urlSuffix ?? null);
  const card = rendered.header !== null || rendered.headerImage || rendered.footer !== null || rendered.buttons.length > 0;
  return (
    <figure className={cn('grid gap-2', className)} data-testid="template-preview">
      <figcaption className="text-xs font-medium text-muted-foreground">Preview — as the customer sees it in Messenger</figcaption>
      <div className="rounded-2xl bg-muted/60 p-3 dark:bg-muted/30">
        <div className={cn('max-w-[18rem] overflow-hidden rounded-2xl bg-background text-sm shadow-xs', !card && 'rounded-bl-md')}>
          {rendered.headerImage ? (
            <div className="flex h-24 items-center justify-center bg-muted text-muted-foreground">
              <ImageIcon className="size-6" aria-label="Image header" />
            </div>
          ) : null}
          <div className="grid gap-1 px-3 py-2">
            {rendered.header ? (
              <p className="font-semibold" data-testid="template-preview-header">
                {rendered.header}
              </p>
            ) : null}
            <p className="break-words whitespace-pre-wrap" data-testid="template-preview-body">
              {rendered.body ? <WithPlaceholders text={rendered.body} /> : <span className="text-muted-foreground">The message text appears here.</span>}
            </p>
            {rendered.footer ? <p className="text-xs text-muted-foreground">{rendered.footer}</p> : null}
          </div>
          {rendered.buttons.length > 0 ? (
            <ul className="divide-y border-t">
              {rendered.buttons.map((b, i) => (
                <li key={i} className="flex items-center justify-center gap-1.5 px-3 py-2 text-center font-medium text-primary" title={b.url ?? undefined}>
                  {b.type === 'URL' ? (
                    <ExternalLink className="size-3.5" aria-hidden />
                  ) : b.type === 'PHONE_NUMBER' ? (
                    <Phone className="size-3.5" aria-hidden />
                  ) : (
                    <Reply className="size-3.5" aria-hidden />
                  )}
                  {b.text || <span className="text-muted-foreground">Button</span>}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </figure>
  );
}
