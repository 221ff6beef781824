import { threadOwnerNotice } from './thread-owner-view';

describe('threadOwnerNotice', () => {
  it('says nothing while this app owns the conversation (or the api did not say)', () => {
    expect(threadOwnerNotice({ threadOwner: { ownedBy: 'this_app', appId: null, appName: null, since: null } })).toBeNull();
    expect(threadOwnerNotice({})).toBeNull();
  });

  it('names the app that owns it when known', () => {
    const notice = threadOwnerNotice({
      threadOwner: { ownedBy: 'other_app', appId: '263902037430900', appName: 'Meta Business Suite inbox', since: '2026-11-20T10:00:00.000Z' },
    });
    expect(notice?.title).toBe('Meta Business Suite inbox has this conversation');
    expect(notice?.detail).toContain('until Meta Business Suite inbox passes the conversation back');
  });

  it('falls back to "another app"', () => {
    const notice = threadOwnerNotice({ threadOwner: { ownedBy: 'other_app', appId: null, appName: null, since: null } });
    expect(notice?.title).toBe('Another app has this conversation');
    expect(notice?.detail).toContain('until that app passes');
  });
});
