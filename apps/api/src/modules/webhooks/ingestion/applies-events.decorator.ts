import { DiscoveryService } from '@nestjs/core';
import { MessagePlatform, NormalizedEventType } from '@ticklegram/domain-models';

/** Event types an applier may claim: every normalised type but `unsupported` (the normalizer's "unknown"). */
export type ClaimableEventType = Exclude<NormalizedEventType, 'unsupported'>;

/** One claim: these types, on these platforms (all platforms when `platforms` is omitted). */
export interface EventClaim {
  types: ClaimableEventType[];
  platforms?: MessagePlatform[];
}

export const EventClaimMetadata = DiscoveryService.createDecorator<EventClaim>();

/**
 * Registers a provider as the applier of these normalised event types; the webhooks module discovers it
 * at boot. Two appliers claiming the same type on the same platform stop the api from starting.
 *
 * ```ts
 * @Injectable()
 * @AppliesEvents('reaction', 'message_edit')                                 // on every platform
 * export class MessageChangesApplier implements EventApplier<…> { … }
 *
 * @Injectable()
 * @AppliesEvents({ types: ['handover'], platforms: [MessagePlatform.FACEBOOK] })  // or only some
 * export class HandoverApplier implements EventApplier<HandoverEvent> { … }
 * ```
 * One decorator per class. The class must be a provider of a module the AppModule imports.
 */
export function AppliesEvents(...claim: ClaimableEventType[] | [EventClaim]): ClassDecorator {
  const first = claim[0];
  const value: EventClaim = typeof first === 'object' ? first : { types: claim as ClaimableEventType[] };
  return EventClaimMetadata(value);
}
