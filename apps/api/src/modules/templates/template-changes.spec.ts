import { TemplateStatus } from '@ticklegram/domain-models';
import { MessageTemplateEntity } from './entities/message-template.entity';
import { applyStatus } from './template-changes';

const T0 = new Date('2026-06-01T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function template(patch: Partial<MessageTemplateEntity> = {}): MessageTemplateEntity {
  return Object.assign(new MessageTemplateEntity(), {
    status: TemplateStatus.PENDING,
    statusReasonCode: null,
    statusUpdatedAt: T0,
    metaStatusAt: null,
    ...patch,
  });
}

describe('applyStatus', () => {
  it.each<[string, Partial<MessageTemplateEntity>, TemplateStatus, string | null, Date | null, boolean, TemplateStatus]>([
    ['a poll moves PENDING to APPROVED', {}, TemplateStatus.APPROVED, 'NONE', null, true, TemplateStatus.APPROVED],
    ['the same status and reason change nothing', { status: TemplateStatus.APPROVED }, TemplateStatus.APPROVED, null, null, false, TemplateStatus.APPROVED],
    // Meta's times are in seconds: a webhook "before" our own submit answer still counts
    ['a webhook a second older than our submit answer counts', {}, TemplateStatus.APPROVED, null, at(-1), true, TemplateStatus.APPROVED],
    [
      'a webhook from an hour before our last reading is stale',
      { status: TemplateStatus.PAUSED },
      TemplateStatus.APPROVED,
      null,
      at(-3600),
      false,
      TemplateStatus.PAUSED,
    ],
    [
      'a webhook older than the last one applied is stale',
      { status: TemplateStatus.PAUSED, metaStatusAt: at(30) },
      TemplateStatus.APPROVED,
      null,
      at(20),
      false,
      TemplateStatus.PAUSED,
    ],
    ['a newer webhook applies', { status: TemplateStatus.APPROVED, metaStatusAt: at(30) }, TemplateStatus.PAUSED, 'NONE', at(40), true, TemplateStatus.PAUSED],
  ])('%s', (_case, patch, status, reason, metaTime, changed, final) => {
    const t = template(patch);
    expect(applyStatus(t, status, reason, at(100), metaTime)).toBe(changed);
    expect(t.status).toBe(final);
    if (changed) expect(t.statusUpdatedAt).toEqual(at(100));
  });

  it("keeps Meta's rejection reason, and clears it once approved", () => {
    const t = template();
    applyStatus(t, TemplateStatus.REJECTED, 'INCORRECT_PARAMS', at(1));
    expect(t.statusReasonCode).toBe('INCORRECT_PARAMS');
    applyStatus(t, TemplateStatus.APPROVED, 'NONE', at(2));
    expect(t.statusReasonCode).toBeNull();
  });
});
