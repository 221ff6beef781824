import { PageContainer } from '../../../components/page-header';
import { Skeleton } from '../../../components/ui/skeleton';

export default function TemplatesLoading() {
  return (
    <PageContainer>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <div className="mt-8 grid gap-3">
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
      </div>
    </PageContainer>
  );
}
