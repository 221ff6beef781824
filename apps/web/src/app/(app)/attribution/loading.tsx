import { PageContainer } from '../../../components/page-header';
import { Skeleton } from '../../../components/ui/skeleton';

export default function AttributionLoading() {
  return (
    <PageContainer>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <Skeleton className="mt-8 h-64 w-full" />
      <Skeleton className="mt-6 h-48 w-full" />
    </PageContainer>
  );
}
