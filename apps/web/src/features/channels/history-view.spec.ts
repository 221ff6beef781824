import type { ChannelHistoryDto } from '@ticklegram/domain-models';
import { historyImportText, recoveryText } from './history-view';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function history(overrides: Partial<ChannelHistoryDto> = {}): ChannelHistoryDto {
  return {
    channelId: 'c1',
    importStatus: 'done',
    importSince: '2026-09-23T12:00:00Z',
    conversationsDone: 4,
    messagesImported: 57,
    importStartedAt: '2026-11-22T11:50:00Z',
    importFinishedAt: '2026-11-22T11:55:00Z',
    importError: null,
    recovering: false,
    lastRecovery: null,
    ...overrides,
  };
}

describe('history view', () => {
  it('describes the import in each state', () => {
    expect(historyImportText(undefined, NOW)).toBe('Not imported yet');
    expect(historyImportText(history({ importStatus: 'running', conversationsDone: 1, messagesImported: 1 }), NOW)).toBe(
      'Importing… 1 conversation, 1 new message so far',
    );
    expect(historyImportText(history(), NOW)).toBe('Imported 4 conversations, 57 new messages (5 min ago)');
    expect(historyImportText(history({ importStatus: 'failed', importError: 'Meta is temporarily unavailable.' }), NOW)).toBe(
      'Import stopped: Meta is temporarily unavailable. (4 conversations, 57 new messages so far)',
    );
  });

  it('describes the last recovery: what came back, why, and whether the subscription was restored', () => {
    expect(recoveryText(history(), NOW)).toBeNull();
    expect(recoveryText(history({ recovering: true }), NOW)).toBe('Recovering…');
    const at = '2026-11-22T11:58:00Z';
    expect(
      recoveryText(
        history({ lastRecovery: { trigger: 'manual', since: at, at, messagesRecovered: 3, conversations: 2, resubscribed: true, error: null } }),
        NOW,
      ),
    ).toBe('Recovered 3 messages in 2 conversations 2 min ago, on request; webhook subscription restored');
    expect(
      recoveryText(
        history({ lastRecovery: { trigger: 'boot', since: at, at, messagesRecovered: 0, conversations: 0, resubscribed: false, error: null } }),
        NOW,
      ),
    ).toBe('Nothing was missing 2 min ago, after a restart');
    expect(
      recoveryText(
        history({
          lastRecovery: {
            trigger: 'periodic',
            since: at,
            at,
            messagesRecovered: 0,
            conversations: 0,
            resubscribed: false,
            error: 'Meta could not be reached.',
          },
        }),
        NOW,
      ),
    ).toBe('Recovery failed 2 min ago: Meta could not be reached.');
  });
});
