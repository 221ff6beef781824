import { ChannelStatus } from '@ticklegram/domain-models';
import { MetaGraphError } from '@ticklegram/meta-graph';
import { ChannelPlatforms } from './channel-platforms';
import { ChannelsService, GRAPH_ERROR_REPEAT_MS } from './channels.service';

const unknownObject = () =>
  new MetaGraphError({ kind: 'invalid_request', message: 'Unsupported get request', userMessage: 'Meta refused the request.', code: 100, subcode: 33 });
const rejectedToken = () =>
  new MetaGraphError({ kind: 'reauth_required', message: 'Invalid OAuth access token', userMessage: 'Reconnect the channel.', code: 190 });

function setup() {
  const entity = { id: 'ch-1', status: ChannelStatus.ACTIVE };
  const update = jest.fn(async () => undefined);
  const platforms = { findById: jest.fn(async () => entity), of: () => ({ accounts: { update } }) } as unknown as ChannelPlatforms;
  const service = new ChannelsService(platforms, {} as never, {} as never, {} as never, {} as never);
  const emitted = jest.spyOn(service, 'emitUpdated').mockImplementation(() => undefined);
  const reauth = jest.spyOn(service, 'markNeedsReauth').mockImplementation(async () => undefined);
  return { service, update, emitted, reauth };
}

describe('ChannelsService.recordGraphError', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes and broadcasts the same error once per window (a burst of unreadable profiles), a different one at once', async () => {
    const { service, update, emitted } = setup();
    for (let i = 0; i < 50; i += 1) await service.recordGraphError('ch-1', unknownObject());
    expect(update).toHaveBeenCalledTimes(1);
    expect(emitted).toHaveBeenCalledTimes(1);

    await service.recordGraphError('ch-1', new Error('socket hang up'));
    expect(update).toHaveBeenCalledTimes(2);

    // another channel keeps its own record
    await service.recordGraphError('ch-2', unknownObject());
    expect(update).toHaveBeenCalledTimes(3);
  });

  it('records the same error again once the window has passed', async () => {
    const { service, update } = setup();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await service.recordGraphError('ch-1', unknownObject());
    now.mockReturnValue(1_000_000 + GRAPH_ERROR_REPEAT_MS - 1);
    await service.recordGraphError('ch-1', unknownObject());
    expect(update).toHaveBeenCalledTimes(1);
    now.mockReturnValue(1_000_000 + GRAPH_ERROR_REPEAT_MS + 1);
    await service.recordGraphError('ch-1', unknownObject());
    expect(update).toHaveBeenCalledTimes(2);
  });

  it('never skips a rejected token: every one reaches needs-reauth', async () => {
    const { service, update, reauth } = setup();
    await service.recordGraphError('ch-1', rejectedToken());
    await service.recordGraphError('ch-1', rejectedToken());
    expect(update).toHaveBeenCalledTimes(2);
    expect(reauth).toHaveBeenCalledTimes(2);
  });
});
