import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const MODULES = join(__dirname, 'modules');

/** Which realtime events each module owns (prefix of `<aggregate>.<verb>`); its gateway emits only these. */
const EVENT_OWNERS: Record<string, string[]> = {
  realtime: ['session.', 'presence.'],
  inbox: ['conversation.', 'message.'],
  channels: ['channel.'],
  webhooks: ['webhook.'],
  notes: ['note.'],
  comments: ['comment.'],
  insights: ['insights.'],
  templates: ['template.'],
  messenger: ['optin.'],
  instagram: ['story.'],
  capi: ['capi.'],
  // handles `conversation.join` / `.leave` / `presence.typing` from clients; presence goes out through realtime
  collaboration: [],
};

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, suffix) : name.endsWith(suffix) ? [path] : [];
  });
}

const moduleOf = (path: string) => relative(MODULES, path).split(sep)[0];

/** Event names passed to RealtimeService's emit methods (`toRooms(…, 'x.y', …)`, `toRole(…)`, …). */
function emittedEvents(source: string): string[] {
  return [...source.matchAll(/\.(?:toRooms|toRole|toUser|toConversation)\([^;]*?'([a-z_]+\.[a-z_]+)'/gs)].map((m) => m[1]);
}

describe('architecture', () => {
  const gateways = files(MODULES, '.gateway.ts');

  it('finds the gateways (a sanity check of this test)', () => {
    expect(gateways.map(moduleOf)).toEqual(
      expect.arrayContaining(['inbox', 'channels', 'webhooks', 'notes', 'comments', 'insights', 'instagram', 'messenger']),
    );
    const inbox = gateways.find((path) => path.endsWith('inbox.gateway.ts')) as string;
    expect(emittedEvents(readFileSync(inbox, 'utf8'))).toEqual(expect.arrayContaining(['conversation.updated', 'conversation.assigned']));
  });

  it.each(files(MODULES, '.gateway.ts').map((path) => [relative(MODULES, path), path]))('%s emits only its own module’s events', (_name, path) => {
    const owned = EVENT_OWNERS[moduleOf(path)];
    if (!owned) throw new Error(`add ${moduleOf(path)} and the event prefixes it owns to EVENT_OWNERS`);
    const foreign = emittedEvents(readFileSync(path, 'utf8')).filter((event) => !owned.some((prefix) => event.startsWith(prefix)));
    expect(foreign).toEqual([]);
  });

  it('only gateways and the realtime module emit (RealtimeService stays out of services)', () => {
    const emitting = files(MODULES, '.ts')
      .filter((path) => !path.endsWith('.spec.ts') && !path.endsWith('.gateway.ts') && moduleOf(path) !== 'realtime')
      .filter((path) => emittedEvents(readFileSync(path, 'utf8')).length > 0);
    expect(emitting.map((path) => relative(MODULES, path))).toEqual([]);
  });
});
