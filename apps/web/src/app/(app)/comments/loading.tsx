import { Skeleton } from '../../../components/ui/skeleton';

export default function CommentsLoading() {
  return (
    <div className="grid gap-3 p-4" aria-busy="true" aria-label="Loading comments">
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} className="h-16" />
      ))}
    </div>
  );
}
