import { Injectable } from '@nestjs/common';
import { MessagePlatform, OptinEvent } from '@ticklegram/domain-models';
import { TokenCipher } from '../../../common/crypto/token-cipher';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier } from '../../webhooks/ingestion/event-applier';
import { MessengerOptinEntity } from '../entities/messenger-optin.entity';
import { MessengerOptinsService } from '../optins/messenger-optins.service';

const STOP = 'STOP_NOTIFICATIONS';

/**
 * Messenger opt-ins (`messaging_optins`), stored per customer and topic: marketing "notification
 * messages" (the token encrypted; stop / resume keep the row) and plugin / Send-to-Messenger opt-ins.
 * An opt-in known only by `user_ref` (before the person ever messaged) has no customer to attach to.
 */
@Injectable()
@AppliesEvents({ types: ['optin'], platforms: [MessagePlatform.FACEBOOK] })
export class OptinApplier implements EventApplier<OptinEvent> {
  constructor(
    private readonly cipher: TokenCipher,
    private readonly optins: MessengerOptinsService,
  ) {}

  async apply(event: OptinEvent, ctx: ApplyContext): Promise<ApplyResult> {
    if (!event.customerExternalId)
      return { outcome: 'noted', detail: 'opt-in known only by user_ref (the person has not messaged the Page): nothing to attach it to' };
    const m = ctx.manager;
    const at = new Date(event.timestamp ?? event.entryTime ?? Date.now());
    const kind = (event.optinType ?? 'send_to_messenger').slice(0, 40);
    const topic = (event.title ?? event.payload ?? event.ref ?? '').slice(0, 150);
    const key = { channelId: ctx.channel.id, psid: event.customerExternalId, kind, topic };
    const status = event.notificationMessagesStatus === STOP ? 'stopped' : 'active';
    const values = {
      status,
      title: event.title?.slice(0, 255) ?? null,
      payload: (event.payload ?? event.ref)?.slice(0, 1000) ?? null,
      timezone: event.timezone?.slice(0, 64) ?? null,
      tokenExpiresAt: event.tokenExpiresAt ? new Date(event.tokenExpiresAt) : null,
      lastEventAt: at,
      ...(event.notificationMessagesToken ? { tokenEnc: this.cipher.encrypt(event.notificationMessagesToken) } : {}),
    } as const;
    const existing = await m.findOne(MessengerOptinEntity, { where: key });
    if (existing && existing.lastEventAt > at) return { outcome: 'applied', detail: 'older than the stored opt-in' };
    if (existing) await m.update(MessengerOptinEntity, { id: existing.id }, { ...values, updatedAt: new Date() });
    else await m.insert(MessengerOptinEntity, m.create(MessengerOptinEntity, { ...key, ...values, optedInAt: at }));
    const psid = event.customerExternalId;
    ctx.afterCommit(() => this.optins.announce(ctx.channel.id, psid));
    return { outcome: 'applied', detail: `opt-in ${status}` };
  }
}
