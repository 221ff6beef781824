import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { MessagePlatform, NORMALIZED_EVENT_TYPES } from '@ticklegram/domain-models';
import { AppliesEvents, ClaimableEventType } from './applies-events.decorator';
import { ApplierRegistry, ApplierRegistryError } from './applier-registry';
import { ApplyResult, EventApplier } from './event-applier';

const applied = async (): Promise<ApplyResult> => ({ outcome: 'applied' });

@Injectable()
@AppliesEvents('message', 'reaction')
class MessagesApplier implements EventApplier {
  apply = applied;
}

@Injectable()
@AppliesEvents({ types: ['handover'], platforms: [MessagePlatform.FACEBOOK] })
class MessengerHandoverApplier implements EventApplier {
  apply = applied;
}

@Injectable()
@AppliesEvents({ types: ['handover'], platforms: [MessagePlatform.INSTAGRAM] })
class InstagramHandoverApplier implements EventApplier {
  apply = applied;
}

@Injectable()
@AppliesEvents('reaction')
class SecondReactionApplier implements EventApplier {
  apply = applied;
}

/** Boots a Nest module with these providers in one feature module and the registry in another, like the app. */
async function boot(...providers: (new () => EventApplier)[]): Promise<ApplierRegistry> {
  @Module({ providers })
  class FeatureModule {}
  @Module({ imports: [DiscoveryModule], providers: [ApplierRegistry], exports: [ApplierRegistry] })
  class IngestionModule {}
  const moduleRef = await Test.createTestingModule({ imports: [IngestionModule, FeatureModule] }).compile();
  await moduleRef.init();
  return moduleRef.get(ApplierRegistry);
}

describe('ApplierRegistry', () => {
  it('discovers @AppliesEvents providers of other modules and routes each type (and platform) to its applier', async () => {
    const registry = await boot(MessagesApplier, MessengerHandoverApplier, InstagramHandoverApplier);
    expect(registry.applierFor({ type: 'message', platform: MessagePlatform.INSTAGRAM })?.name).toBe('MessagesApplier');
    expect(registry.applierFor({ type: 'reaction', platform: MessagePlatform.FACEBOOK })?.applier).toBeInstanceOf(MessagesApplier);
    expect(registry.applierFor({ type: 'handover', platform: MessagePlatform.FACEBOOK })?.name).toBe('MessengerHandoverApplier');
    expect(registry.applierFor({ type: 'handover', platform: MessagePlatform.INSTAGRAM })?.name).toBe('InstagramHandoverApplier');
  });

  it('answers null for a type nobody claims, and lists such types', async () => {
    const registry = await boot(MessagesApplier, MessengerHandoverApplier);
    expect(registry.applierFor({ type: 'template_status', platform: MessagePlatform.FACEBOOK })).toBeNull();
    expect(registry.applierFor({ type: 'handover', platform: MessagePlatform.INSTAGRAM })).toBeNull();
    const unhandled = registry.unhandledTypes();
    expect(unhandled).toContain('template_status');
    expect(unhandled).toContain(`handover (${MessagePlatform.INSTAGRAM})`);
    expect(unhandled).not.toContain('message');
    expect(unhandled).not.toContain('unsupported');
  });

  it('refuses to boot when two modules claim the same type on the same platform', async () => {
    await expect(boot(MessagesApplier, SecondReactionApplier)).rejects.toThrow(
      /"reaction" events are claimed by both (MessagesApplier and SecondReactionApplier|SecondReactionApplier and MessagesApplier)/,
    );
  });

  it.each([
    [
      'an all-platform claim against a platform claim',
      { types: ['handover'] as ClaimableEventType[] },
      { types: ['handover'] as ClaimableEventType[], platforms: [MessagePlatform.FACEBOOK] },
    ],
    [
      'overlapping platform lists',
      { types: ['optin'] as ClaimableEventType[], platforms: [MessagePlatform.FACEBOOK, MessagePlatform.INSTAGRAM] },
      { types: ['optin'] as ClaimableEventType[], platforms: [MessagePlatform.INSTAGRAM] },
    ],
  ])('rejects %s', (_label, first, second) => {
    const registry = new ApplierRegistry({} as never);
    registry.register('First', { apply: applied }, first);
    expect(() => registry.register('Second', { apply: applied }, second)).toThrow(ApplierRegistryError);
  });

  it('rejects claims of `unsupported`, of unknown types, of nothing, and appliers without apply()', () => {
    const registry = new ApplierRegistry({} as never);
    expect(() => registry.register('A', { apply: applied }, { types: ['unsupported' as ClaimableEventType] })).toThrow(/not a normalised event type/);
    expect(() => registry.register('B', { apply: applied }, { types: ['dm.received' as ClaimableEventType] })).toThrow(/not a normalised event type/);
    expect(() => registry.register('C', { apply: applied }, { types: [] })).toThrow(/claims no event types/);
    expect(() => registry.register('D', {} as EventApplier, { types: ['message'] })).toThrow(/no apply\(\) method/);
  });

  it('knows every normalised type', () => {
    const registry = new ApplierRegistry({} as never);
    expect(registry.unhandledTypes()).toEqual(NORMALIZED_EVENT_TYPES.filter((t) => t !== 'unsupported'));
  });
});
