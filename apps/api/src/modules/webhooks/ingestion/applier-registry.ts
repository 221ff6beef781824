import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MessagePlatform, NORMALIZED_EVENT_TYPES, NormalizedEvent, NormalizedEventType } from '@ticklegram/domain-models';
import { EventClaim, EventClaimMetadata } from './applies-events.decorator';
import { EventApplier } from './event-applier';

/** An applier with the name of its class (shown in boot errors and logs). */
export interface RegisteredApplier {
  name: string;
  applier: EventApplier;
}

interface Registration extends RegisteredApplier {
  platforms: MessagePlatform[] | null;
}

const ALL_PLATFORMS = Object.values(MessagePlatform);

export class ApplierRegistryError extends Error {}

/**
 * Which applier handles which normalised event type, discovered at boot from `@AppliesEvents` providers
 * of every module. Ingestion asks only this registry, so it names no domain module.
 */
@Injectable()
export class ApplierRegistry implements OnModuleInit {
  private readonly logger = new Logger(ApplierRegistry.name);
  private readonly byType = new Map<NormalizedEventType, Registration[]>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: EventClaimMetadata.KEY })) {
      const claim = this.discovery.getMetadataByDecorator(EventClaimMetadata, wrapper);
      const instance = wrapper.instance as EventApplier | undefined;
      if (!claim || !instance) continue;
      this.register(wrapper.metatype?.name ?? String(wrapper.token), instance, claim);
    }
    const unhandled = this.unhandledTypes();
    if (unhandled.length) this.logger.log(`no applier for ${unhandled.join(', ')}: those events are stored and shown as "unhandled"`);
  }

  /** Adds an applier; throws when a type/platform it claims is claimed already. */
  register(name: string, applier: EventApplier, claim: EventClaim): void {
    if (typeof applier.apply !== 'function') throw new ApplierRegistryError(`${name} claims events with @AppliesEvents but has no apply() method`);
    if (!claim.types.length) throw new ApplierRegistryError(`${name} claims no event types`);
    const platforms = claim.platforms?.length ? [...new Set(claim.platforms)] : null;
    for (const type of claim.types) {
      if (!(NORMALIZED_EVENT_TYPES as readonly string[]).includes(type) || type === ('unsupported' as string)) {
        throw new ApplierRegistryError(`${name} claims "${type}", which is not a normalised event type it may apply`);
      }
      const existing = this.byType.get(type) ?? [];
      const clash = existing.find((other) => overlaps(other.platforms, platforms));
      if (clash) {
        const on = platforms && clash.platforms ? ` on ${platforms.filter((p) => clash.platforms?.includes(p)).join(', ')}` : '';
        throw new ApplierRegistryError(`"${type}" events${on} are claimed by both ${clash.name} and ${name}: exactly one module may apply an event type`);
      }
      this.byType.set(type, [...existing, { name, applier, platforms }]);
    }
  }

  /** The applier of this event, or null when no module applies its type on its platform. */
  applierFor(event: Pick<NormalizedEvent, 'type' | 'platform'>): RegisteredApplier | null {
    const found = this.byType.get(event.type)?.find((r) => r.platforms === null || (event.platform !== null && r.platforms.includes(event.platform)));
    return found ? { name: found.name, applier: found.applier } : null;
  }

  /** Types (other than `unsupported`) no applier claims on at least one platform. */
  unhandledTypes(): string[] {
    return NORMALIZED_EVENT_TYPES.filter((type) => type !== 'unsupported').flatMap((type) => {
      const claimed = new Set((this.byType.get(type) ?? []).flatMap((r) => r.platforms ?? ALL_PLATFORMS));
      const missing = ALL_PLATFORMS.filter((p) => !claimed.has(p));
      if (missing.length === 0) return [];
      return missing.length === ALL_PLATFORMS.length ? [type] : [`${type} (${missing.join(', ')})`];
    });
  }
}

function overlaps(a: MessagePlatform[] | null, b: MessagePlatform[] | null): boolean {
  return a === null || b === null || a.some((p) => b.includes(p));
}
