import { ApplyContext } from '../../webhooks/ingestion/event-applier';
import { MessageEntity } from '../entities/message.entity';
import { InboxGateway } from '../inbox.gateway';
import { ScopedConversationRepository } from '../repositories/scoped-conversation.repository';
import { IngestAnnouncer } from './ingest-announcer';

function setup() {
  const effects: (() => void | Promise<void>)[] = [];
  const ctx = { afterCommit: (effect: () => void | Promise<void>) => effects.push(effect) } as unknown as ApplyContext;
  const gateway = { messageDto: jest.fn() };
  const conversations = { findById: jest.fn().mockResolvedValue({ id: 'c1', assigneeId: 'assigned-after-commit' }) };
  const announcer = new IngestAnnouncer(gateway as unknown as InboxGateway, conversations as unknown as ScopedConversationRepository);
  const message = Object.assign(new MessageEntity(), {
    id: 'm1',
    conversationId: 'c1',
    mid: 'mid-1',
    direction: 'inbound',
    text: 'hi',
    sentAt: new Date(0),
    createdAt: new Date(0),
  });
  const runEffects = async () => {
    for (const effect of effects) await effect();
  };
  return { ctx, gateway, conversations, announcer, message, effects, runEffects };
}

describe('IngestAnnouncer.message', () => {
  it('re-reads a conversation created in the transaction after the commit (round-robin may have assigned it)', async () => {
    const { ctx, gateway, conversations, announcer, message, effects, runEffects } = setup();
    announcer.message(ctx, message, 'message.created');
    expect(gateway.messageDto).not.toHaveBeenCalled();
    expect(effects).toHaveLength(1);
    await runEffects();
    expect(conversations.findById).toHaveBeenCalledWith('c1');
    expect(gateway.messageDto).toHaveBeenCalledWith(
      { id: 'c1', assigneeId: 'assigned-after-commit' },
      expect.objectContaining({ id: 'm1' }),
      'message.created',
    );
  });

  it('sends to the audience of a conversation that existed before the transaction without reading it again', async () => {
    const { ctx, gateway, conversations, announcer, message, runEffects } = setup();
    const existing = { id: 'c1', assigneeId: 'agent-1' };
    announcer.message(ctx, message, 'message.created', existing);
    // the assignee is captured now: a later change of the entity in this transaction does not leak into the audience
    existing.assigneeId = 'someone-else';
    expect(gateway.messageDto).not.toHaveBeenCalled();
    await runEffects();
    expect(conversations.findById).not.toHaveBeenCalled();
    expect(gateway.messageDto).toHaveBeenCalledWith({ id: 'c1', assigneeId: 'agent-1' }, expect.objectContaining({ id: 'm1' }), 'message.created');
  });
});
