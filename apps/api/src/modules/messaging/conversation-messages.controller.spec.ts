import { Role } from '@ticklegram/domain-models';
import { APP_CONFIG } from '../../config/app-config';
import { ANY_ID, ContractApp, fieldsOf, mockProvider, startContractApp } from '../../../test/contract/contract-app';
import { roleMatrixViolations } from '../../../test/contract/route-matrix';
import { AssignmentService } from '../assignment/assignment.service';
import { ConversationMessagesController } from './conversation-messages.controller';
import { ReactionsService } from './reactions.service';
import { SenderActionsService } from './sender-actions.service';
import { SendMessageService } from './send-message.service';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

describe('messaging controllers (contract)', () => {
  let api: ContractApp;
  const sending = mockProvider(SendMessageService, { replyPolicy: {}, send: {}, retry: {} });
  const reactions = mockProvider(ReactionsService, { react: {} });
  const assignment = mockProvider(AssignmentService, { markRead: {}, get: {} });
  const uploads = mockProvider(UploadsService, { create: {}, verify: false });
  const conversation = `/api/conversations/${ANY_ID}`;

  beforeAll(async () => {
    api = await startContractApp({
      controllers: [ConversationMessagesController, UploadsController],
      providers: [
        sending,
        reactions,
        assignment,
        mockProvider(SenderActionsService, { markSeen: false }),
        uploads,
        { provide: APP_CONFIG, useValue: { http: { publicApiUrl: 'https://api.contract.test' } } },
      ],
    });
  });
  afterAll(() => api.close());
  beforeEach(() => jest.clearAllMocks());

  it('admins and agents send, retry, react, read and upload; Meta fetches upload links without a session', async () => {
    const both = [Role.ADMIN, Role.AGENT] as const;
    expect(
      await roleMatrixViolations(api, [
        { method: 'get', path: `${conversation}/reply-policy`, roles: both },
        { method: 'post', path: `${conversation}/messages`, roles: both, body: { text: 'hi' } },
        { method: 'post', path: `${conversation}/messages/${ANY_ID}/retry`, roles: both },
        { method: 'post', path: `${conversation}/read`, roles: both },
        { method: 'post', path: `${conversation}/messages/m_1/reactions`, roles: both, body: { action: 'unreact' } },
        { method: 'post', path: '/api/uploads?platform=INSTAGRAM', roles: both },
        { method: 'get', path: `/api/uploads/${ANY_ID}/content?expires=1&signature=x`, roles: 'public' },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['neither text nor attachments', {}, ['text']],
    ['an empty text', { text: '' }, ['text']],
    ['attachments that are not upload ids', { attachments: ['file.png'] }, ['attachments']],
    ['fourteen quick replies', { text: 'pick', quickReplies: Array.from({ length: 14 }, (_, i) => ({ title: `o${i}`, payload: 'p' })) }, ['quickReplies']],
    ['a quick reply of an unknown kind', { text: 'pick', quickReplies: [{ contentType: 'location' }] }, ['quickReplies.0.contentType']],
    ['a text quick reply without a title', { text: 'pick', quickReplies: [{ payload: 'p' }] }, ['quickReplies.0.title']],
    ['an unknown field', { text: 'hi', tag: 'ACCOUNT_UPDATE' }, ['tag']],
  ])('POST …/messages refuses %s (400 naming the field, nothing sent)', async (_label, body, fields) => {
    const res = await api.as(Role.AGENT).post(`${conversation}/messages`).set('Idempotency-Key', 'contract-key-1').send(body);
    expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
    expect(sending.useValue['send']).not.toHaveBeenCalled();
  });

  it('a phone-number quick reply passes the DTO (the rules engine decides per platform)', async () => {
    const res = await api
      .as(Role.AGENT)
      .post(`${conversation}/messages`)
      .set('Idempotency-Key', 'contract-key-2')
      .send({ text: 'Your number?', quickReplies: [{ contentType: 'user_phone_number' }] });
    expect(res.status).toBe(201);
    expect(sending.useValue['send']).toHaveBeenCalledWith(
      expect.anything(),
      ANY_ID,
      'contract-key-2',
      { text: 'Your number?', quickReplies: [{ contentType: 'user_phone_number' }] },
      expect.any(String),
    );
  });

  it.each([[{ action: 'like' }], [{ action: 'react', reaction: '' }], [{}]])('POST …/reactions refuses %j', async (body) => {
    expect((await api.as(Role.AGENT).post(`${conversation}/messages/m_1/reactions`).send(body)).status).toBe(400);
    expect(reactions.useValue['react']).not.toHaveBeenCalled();
  });

  it('an upload needs a known platform', async () => {
    const res = await api.as(Role.AGENT).post('/api/uploads?platform=TIKTOK');
    expect(res.status).toBe(400);
    expect(uploads.useValue['create']).not.toHaveBeenCalled();
  });
});
