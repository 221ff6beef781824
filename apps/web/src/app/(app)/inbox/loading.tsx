import { ThreadSkeleton } from '../../../features/inbox/components/thread-view';

export default function InboxLoading() {
  return <ThreadSkeleton />;
}
