import type { ChangeAuthor, FeedAction } from '@ticklegram/domain-models';
import { asRecord, compact, opt, readId, readString, type JsonRecord } from './read-values';

/** Raw feed/mention verb → {@link FeedAction}. */
export function feedAction(verb: string | null): FeedAction {
  switch (verb?.toLowerCase()) {
    case 'add':
      return 'add';
    case 'edit':
    case 'edited':
    case 'update':
      return 'edit';
    case 'remove':
    case 'delete':
      return 'remove';
    case 'hide':
      return 'hide';
    case 'unhide':
      return 'unhide';
    default:
      return 'other';
  }
}

/**
 * Creations and removals happen once per object, so their keys hold no time: Meta's retries (whose
 * `entry.time` may differ) collapse. Toggles and edits can repeat, so their keys add a time; a retried
 * duplicate of one of those is harmless because applying it sets the same state again.
 */
export function isRepeatableAction(action: FeedAction): boolean {
  return action !== 'add' && action !== 'remove';
}

/** `from{id,name|username}`, or the older `sender_id`/`sender_name` pair. */
export function readAuthor(value: JsonRecord): ChangeAuthor | null {
  const from = asRecord(value['from']);
  const id = readId(from?.['id']) ?? readId(value['sender_id']);
  if (id === null) return null;
  return compact<ChangeAuthor>({
    id,
    name: opt(readString(from?.['name']) ?? readString(value['sender_name'])),
    username: opt(readString(from?.['username'])),
  });
}
