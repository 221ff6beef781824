import { PageContainer } from '../../../components/page-header';
import { Skeleton } from '../../../components/ui/skeleton';

export default function AnalyticsLoading() {
  return (
    <PageContainer>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <Skeleton className="mt-8 h-28 w-full" />
      <Skeleton className="mt-4 h-72 w-full" />
    </PageContainer>
  );
}
