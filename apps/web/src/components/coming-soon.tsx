import type { LucideIcon } from 'lucide-react';
import { Check } from 'lucide-react';
import { Badge } from './ui/badge';
import { PageContainer, PageHeader } from './page-header';

export function ComingSoon({
  title,
  summary,
  icon: Icon,
  features,
}: {
  title: string;
  summary: string;
  icon: LucideIcon;
  features: readonly string[];
}) {
  return (
    <PageContainer>
      <PageHeader title={title} description={summary} />
      <section
        aria-label={`${title} is coming soon`}
        className="mt-8 flex flex-col items-center rounded-xl border border-dashed bg-muted/30 px-6 py-14 text-center"
      >
        <span className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
          <Icon className="size-6" aria-hidden />
        </span>
        <Badge variant="secondary" className="mt-5">
          Coming soon
        </Badge>
        <h2 className="mt-3 text-lg font-semibold">Coming soon: {title}</h2>
        <p className="mt-1 max-w-md text-sm text-muted-foreground">This section is not built yet. Here is what it will do:</p>
        <ul className="mt-6 grid max-w-md gap-2.5 text-left text-sm">
          {features.map((feature) => (
            <li key={feature} className="flex gap-2.5">
              <Check className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
              <span>{feature}</span>
            </li>
          ))}
        </ul>
      </section>
    </PageContainer>
  );
}
