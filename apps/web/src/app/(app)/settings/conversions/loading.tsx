import { PageContainer } from '../../../../components/page-header';
import { Skeleton } from '../../../../components/ui/skeleton';

export default function ConversionsLoading() {
  return (
    <PageContainer>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <Skeleton className="mt-8 h-40 w-full" />
      <Skeleton className="mt-8 h-64 w-full" />
    </PageContainer>
  );
}
