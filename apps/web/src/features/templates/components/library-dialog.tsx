'use client';

import * as React from 'react';
import { Copy, Search } from 'lucide-react';
import { toast } from 'sonner';
import { TEMPLATE_LANGUAGES, templateLanguageLabel, type ChannelDto, type LibraryTemplateDto } from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../../../components/ui/dialog';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError, fieldErrorMessages } from '../../../lib/api/api-error';
import { useCloneTemplate, useTemplateLibrary } from '../api';
import { TemplatePreview } from './template-preview';

const FIELD =
  'h-9 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50';

function CloneForm({ source, pages, onDone }: { source: LibraryTemplateDto; pages: ChannelDto[]; onDone: () => void }) {
  const clone = useCloneTemplate();
  const [name, setName] = React.useState(source.name);
  const [channelId, setChannelId] = React.useState(pages[0]?.id ?? '');
  const errors = fieldErrorMessages(clone.error);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    try {
      const created = await clone.mutateAsync({ channelId, libraryTemplateName: source.name, language: source.language, name: name.trim() });
      toast.success(`${created.name} was cloned`, { description: 'Meta reviews clones of its library within seconds.' });
      onDone();
    } catch (error) {
      if (Object.keys(fieldErrorMessages(error)).length === 0) toast.error('Could not clone the template', { description: describeApiError(error) });
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid gap-2 rounded-lg border bg-muted/30 p-3" aria-label={`Clone ${source.name}`}>
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid min-w-48 flex-1 gap-1">
          <Label htmlFor={`clone-name-${source.name}-${source.language}`}>Name on your Page</Label>
          <Input
            id={`clone-name-${source.name}-${source.language}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(errors.name)}
            autoFocus
            data-testid="library-clone-name"
          />
        </div>
        {pages.length > 1 ? (
          <select aria-label="Facebook Page" className={FIELD} value={channelId} onChange={(e) => setChannelId(e.target.value)}>
            {pages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : null}
        <Button type="submit" size="sm" disabled={clone.isPending || !channelId} data-testid="library-clone-confirm">
          {clone.isPending ? 'Cloning…' : 'Clone to Page'}
        </Button>
      </div>
      {errors.name ? <p className="text-xs text-destructive">{errors.name}</p> : null}
    </form>
  );
}

/** Meta's pre-approved utility templates: search, preview and clone one onto a Page. */
export function LibraryDialog({ open, onOpenChange, pages }: { open: boolean; onOpenChange: (open: boolean) => void; pages: ChannelDto[] }) {
  const [search, setSearch] = React.useState('');
  const [query, setQuery] = React.useState('');
  const [language, setLanguage] = React.useState('');
  const [cloning, setCloning] = React.useState<string | null>(null);
  const library = useTemplateLibrary(pages[0]?.id, query, language, open && pages.length > 0);

  React.useEffect(() => {
    const handle = setTimeout(() => setQuery(search.trim()), 300);
    return () => clearTimeout(handle);
  }, [search]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100vh-2rem)] overflow-y-auto sm:max-w-3xl" data-testid="template-library">
        <DialogHeader>
          <DialogTitle>Meta&apos;s template library</DialogTitle>
          <DialogDescription>
            Ready-made utility templates written by Meta. A clone is reviewed within seconds; you fill in the variables when you send it.
          </DialogDescription>
        </DialogHeader>
        <div className="flex flex-wrap gap-2">
          <div className="relative min-w-56 flex-1">
            <Search className="absolute top-2.5 left-3 size-4 text-muted-foreground" aria-hidden />
            <Input
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Search by name or text (order, appointment…)"
              className="pl-9"
              aria-label="Search the library"
            />
          </div>
          <select aria-label="Language" className={FIELD} value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">All languages</option>
            {TEMPLATE_LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        {library.isPending ? (
          <div className="grid gap-3" aria-busy>
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
          </div>
        ) : library.isError ? (
          <p role="alert" className="text-sm text-destructive">
            {describeApiError(library.error)}
          </p>
        ) : library.data.length === 0 ? (
          <p className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">Nothing in Meta&apos;s library matches.</p>
        ) : (
          <ul className="grid gap-3" aria-label="Library templates">
            {library.data.map((t) => {
              const key = `${t.name}/${t.language}`;
              return (
                <li
                  key={key}
                  className="grid gap-3 rounded-xl border p-4 sm:grid-cols-[1fr_18rem]"
                  data-testid="library-template"
                  data-name={t.name}
                  data-language={t.language}
                >
                  <div className="grid content-start gap-1">
                    <p className="font-medium">{t.name}</p>
                    <p className="text-xs text-muted-foreground">
                      {templateLanguageLabel(t.language)}
                      {t.usecase ? ` · ${t.usecase.toLowerCase().replace(/_/g, ' ')}` : ''}
                    </p>
                    {cloning === key ? (
                      <CloneForm source={t} pages={pages} onDone={() => setCloning(null)} />
                    ) : (
                      <Button type="button" variant="outline" size="sm" className="mt-2 w-fit" onClick={() => setCloning(key)} data-testid="library-clone">
                        <Copy /> Clone
                      </Button>
                    )}
                  </div>
                  <TemplatePreview content={t.content} />
                </li>
              );
            })}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}
