import type { ChannelHistoryDto, ChannelRecoveryDto } from '@ticklegram/domain-models';
import { relativeTime } from './channel-view';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The history import of a channel in one line (the Accounts card's "History" row). */
export function historyImportText(history: ChannelHistoryDto | undefined, now = Date.now()): string {
  if (!history || history.importStatus === 'pending') return 'Not imported yet';
  const progress = `${count(history.conversationsDone, 'conversation', 'conversations')}, ${count(history.messagesImported, 'new message', 'new messages')}`;
  if (history.importStatus === 'running') return `Importing… ${progress} so far`;
  if (history.importStatus === 'failed') return `Import stopped: ${history.importError ?? 'Meta could not be reached'} (${progress} so far)`;
  return `Imported ${progress} (${relativeTime(history.importFinishedAt, now)})`;
}

const TRIGGERS: Record<ChannelRecoveryDto['trigger'], string> = {
  manual: 'on request',
  boot: 'after a restart',
  periodic: 'found by the periodic check',
  subscription: 'after Meta dropped the subscription',
};

/** The last gap recovery (the "Missed messages" row); null when none ran yet. */
export function recoveryText(history: ChannelHistoryDto | undefined, now = Date.now()): string | null {
  if (history?.recovering) return 'Recovering…';
  const last = history?.lastRecovery;
  if (!last) return null;
  if (last.error) return `Recovery failed ${relativeTime(last.at, now)}: ${last.error}`;
  const what =
    last.messagesRecovered > 0
      ? `Recovered ${count(last.messagesRecovered, 'message', 'messages')} in ${count(last.conversations, 'conversation', 'conversations')}`
      : 'Nothing was missing';
  return `${what} ${relativeTime(last.at, now)}, ${TRIGGERS[last.trigger]}${last.resubscribed ? '; webhook subscription restored' : ''}`;
}
