import { Injectable } from '@nestjs/common';
import { FieldError, OUTCOMES_WITH_VALUE, OutcomeDto, outcomeTypeOf } from '@ticklegram/domain-models';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { RequestValidationException } from '../../common/pipes/validation.pipe';
import { AuditService } from '../audit/audit.service';
import { ChannelsService } from '../channels/channels.service';
import { ScopedConversationRepository } from '../inbox/repositories/scoped-conversation.repository';
import { UserRepository } from '../users/repositories/user.repository';
import { CapiSender } from './capi-sender';
import { CapiSettingsService } from './capi-settings.service';
import { conversationNotFound } from './capi.exception';
import { CapiGateway } from './capi.gateway';
import { toEventDto, toOutcomeDto } from './capi.mapper';
import { buildEventInput, currencyDigits, hashEmail, hashPhone, isCurrency, toMinorUnits } from './capi.rules';
import { RecordOutcomeRequestDto } from './dto/outcome.request.dto';
import { CapiEventRepository } from './repositories/capi-event.repository';
import { ConversionOutcomeRepository } from './repositories/conversion-outcome.repository';

/**
 * Outcomes on a conversation (a lead, a purchase…), within the inbox's access rules: whoever may see
 * the conversation may record one. Each outcome is stored with its Conversions API event (the outbox
 * row) in one transaction; the sender delivers it after the commit.
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly conversations: ScopedConversationRepository,
    private readonly outcomes: ConversionOutcomeRepository,
    private readonly events: CapiEventRepository,
    private readonly channels: ChannelsService,
    private readonly audit: AuditService,
    private readonly gateway: CapiGateway,
    private readonly sender: CapiSender,
    private readonly users: UserRepository,
  ) {}

  async list(caller: AuthUser, conversationId: string): Promise<OutcomeDto[]> {
    if (!(await this.conversations.findVisible(caller, conversationId))) throw conversationNotFound();
    const rows = await this.outcomes.listByConversation(conversationId);
    const events = await this.events.byOutcomeIds(rows.map((o) => o.id));
    return rows.map((o) => toOutcomeDto(o, events.get(o.id)));
  }

  async record(caller: AuthUser, conversationId: string, body: RecordOutcomeRequestDto, ip: string | null): Promise<OutcomeDto> {
    const conversation = await this.conversations.findVisible(caller, conversationId);
    if (!conversation) throw conversationNotFound();
    const facts = checkOutcome(body);
    const channel = await this.channels.getById(conversation.channelId);
    const unavailable = channel ? CapiSettingsService.unavailableReason(channel) : 'The channel was removed.';
    const id = randomUUID();
    const occurredAt = new Date();
    const ad = conversation.referral?.kind === 'ad' ? conversation.referral.adId : null;
    const payload = buildEventInput(
      { eventId: id, type: facts.type, occurredAt, value: facts.value, currency: facts.currency, emailHash: facts.emailHash, phoneHash: facts.phoneHash },
      { platform: conversation.platform, accountId: channel?.externalId ?? '', customerId: conversation.customerExternalId },
    );
    const { outcome, event } = await this.outcomes.recordWithEvent(
      {
        id,
        conversationId: conversation.id,
        channelId: conversation.channelId,
        platform: conversation.platform,
        type: facts.type,
        valueMinor: facts.valueMinor,
        currency: facts.currency,
        emailHash: facts.emailHash,
        phoneHash: facts.phoneHash,
        adId: ad,
        recordedById: caller.id,
        recordedByName: (await this.users.findById(caller.id))?.name ?? caller.email,
        occurredAt,
      },
      () => ({
        outcomeId: id,
        eventId: id,
        conversationId: conversation.id,
        channelId: conversation.channelId,
        platform: conversation.platform,
        eventName: facts.type,
        status: unavailable ? 'failed' : 'queued',
        message: unavailable,
        attempts: 0,
        nextAttemptAt: null,
        claimToken: null,
        claimedAt: null,
        payload,
        datasetId: null,
        testEventCode: null,
        eventsReceived: null,
        fbtraceId: null,
        sentAt: null,
      }),
    );
    await this.audit.record({
      actor: caller,
      action: 'capi.outcome_recorded',
      target: { type: 'conversation', id: conversation.id },
      details: { outcomeId: id, type: facts.type, value: facts.value, currency: facts.currency, adId: ad, email: !!facts.emailHash, phone: !!facts.phoneHash },
      ip,
    });
    const dto = toOutcomeDto(outcome, event);
    this.gateway.outcomeUpdated(dto, conversation.assigneeId);
    this.gateway.eventUpdated(toEventDto(event));
    if (!unavailable) this.sender.wake();
    return dto;
  }
}

interface CheckedOutcome {
  type: NonNullable<ReturnType<typeof outcomeTypeOf>>;
  value: number | null;
  valueMinor: number | null;
  currency: string | null;
  emailHash: string | null;
  phoneHash: string | null;
}

/** The request's rules beyond single fields (type names, value with currency, hashable contact data): 400 with field errors. */
function checkOutcome(body: RecordOutcomeRequestDto): CheckedOutcome {
  const problems: FieldError[] = [];
  const problem = (field: string, message: string) => problems.push({ field, messages: [message] });
  const type = outcomeTypeOf(body.type);
  if (!type) problem('type', `type ${body.type} is not an event Meta accepts for business messaging`);
  const needsValue = type !== null && OUTCOMES_WITH_VALUE.includes(type);
  if (needsValue && body.value === undefined) problem('value', `a ${type} needs its value`);
  if (needsValue && body.currency === undefined) problem('currency', `a ${type} needs the currency of its value`);
  if (body.value !== undefined && body.currency === undefined && !needsValue) problem('currency', 'a value needs its currency');
  if (body.currency !== undefined && body.value === undefined && !needsValue) problem('value', 'a currency needs a value');
  let valueMinor: number | null = null;
  if (body.currency !== undefined && !isCurrency(body.currency)) problem('currency', `${body.currency} is not an ISO 4217 currency`);
  else if (body.currency !== undefined && body.value !== undefined) {
    valueMinor = toMinorUnits(body.value, body.currency);
    if (valueMinor === null) problem('value', `${body.currency} amounts have at most ${currencyDigits(body.currency)} decimals`);
  }
  const phoneHash = hashPhone(body.phone);
  if (body.phone !== undefined && !phoneHash) problem('phone', 'phone must contain digits');
  if (problems.length) throw new RequestValidationException(problems);
  return {
    type: type as CheckedOutcome['type'],
    value: valueMinor !== null ? (body.value ?? null) : null,
    valueMinor,
    currency: valueMinor !== null ? (body.currency ?? null) : null,
    emailHash: hashEmail(body.email),
    phoneHash,
  };
}
