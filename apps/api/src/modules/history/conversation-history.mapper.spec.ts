import { customerOf, graphTime, toHistoryMessage } from './conversation-history.mapper';

const business = { ids: new Set(['104825791234560']), username: null };

describe('conversation history mapper', () => {
  it('finds the customer among the participants and reads Graph times', () => {
    expect(
      customerOf(
        {
          participants: {
            data: [
              { id: '7123456789012345', name: 'Jane' },
              { id: '104825791234560', name: 'Example Store' },
            ],
          },
        },
        business,
      ),
    ).toBe('7123456789012345');
    expect(customerOf({ participants: { data: [{ id: '104825791234560' }] } }, business)).toBeNull();
    expect(
      customerOf(
        { participants: { data: [{ id: '999', username: 'example.studio' }, { id: '6543' }] } },
        { ids: new Set(['1784']), username: 'example.studio' },
      ),
    ).toBe('6543');
    expect(graphTime('2026-11-20T10:00:01+0000')?.toISOString()).toBe('2026-11-20T10:00:01.000Z');
    expect(graphTime('nonsense')).toBeNull();
  });

  it('maps direction, text and attachments (image, file by mime type, sticker, story mention)', () => {
    const inbound = toHistoryMessage(
      {
        id: 'm_1',
        created_time: '2026-11-20T10:00:00+0000',
        from: { id: '7123456789012345' },
        message: 'look',
        attachments: {
          data: [
            { id: 'a1', mime_type: 'image/png', image_data: { url: 'https://cdn.example/p.png' } },
            { id: 'a2', mime_type: 'audio/mp4', file_url: 'https://cdn.example/v.mp4' },
          ],
        },
        sticker: 'https://cdn.example/s.png',
      },
      '7123456789012345',
    );
    expect(inbound).toMatchObject({ mid: 'm_1', direction: 'inbound', text: 'look', unsupported: false });
    expect(inbound?.attachments.map((a) => [a.type, a.url])).toEqual([
      ['image', 'https://cdn.example/p.png'],
      ['audio', 'https://cdn.example/v.mp4'],
      ['sticker', 'https://cdn.example/s.png'],
    ]);
    const outbound = toHistoryMessage(
      { id: 'm_2', created_time: '2026-11-20T10:01:00+0000', from: { id: '104825791234560' }, message: '' },
      '7123456789012345',
    );
    expect(outbound).toMatchObject({ direction: 'outbound', text: null, attachments: [] });
    const mention = toHistoryMessage(
      { id: 'm_3', created_time: '2026-11-20T10:02:00+0000', from: { id: 'c' }, story: { mention: { link: 'https://cdn.example/story', id: 'm_3' } } },
      'c',
    );
    expect(mention?.attachments[0]).toMatchObject({ type: 'story_mention', url: 'https://cdn.example/story' });
    expect(toHistoryMessage({ id: 'm_4' }, 'c')).toBeNull();
  });
});
