import { PageContainer } from '../../../../components/page-header';
import { Skeleton } from '../../../../components/ui/skeleton';
import { UsersTableSkeleton } from '../../../../features/users/components/users-table';

export default function UsersLoading() {
  return (
    <PageContainer>
      <Skeleton className="h-8 w-32" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <div className="mt-8">
        <UsersTableSkeleton />
      </div>
    </PageContainer>
  );
}
