import bcryptjs from 'bcryptjs';
import { AppConfig } from '../../config/app-config';
import { PasswordHasher } from './password-hasher.service';

const hasherFor = (env: AppConfig['env']) => new PasswordHasher({ env } as AppConfig);

/** How many times the event loop turns while `work` runs: a blocked loop turns a handful of times. */
async function loopTurnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const spin = () => {
    turns += 1;
    if (running) setImmediate(spin);
  };
  setImmediate(spin);
  await work;
  running = false;
  return turns;
}

describe('PasswordHasher', () => {
  it('verifies hashes made by bcryptjs before the switch, and its own', async () => {
    const hasher = hasherFor('test');
    const legacy = bcryptjs.hashSync('correct horse battery', 10);
    expect(await hasher.verify('correct horse battery', legacy)).toBe(true);
    expect(await hasher.verify('wrong', legacy)).toBe(false);
    const fresh = await hasher.hash('another secret');
    expect(fresh).toMatch(/^\$2b\$04\$/);
    expect(await hasher.verify('another secret', fresh)).toBe(true);
    // unknown user: the decoy is compared, the answer is still no
    expect(await hasher.verify('decoy-password-for-timing', null)).toBe(false);
  });

  it('keeps the event loop free while a production-cost hash is checked', async () => {
    const hasher = hasherFor('production');
    const hash = await hasher.hash('s3cret-password');
    expect(hash).toMatch(/^\$2b\$12\$/);
    // cost 12 takes a few hundred ms; on the main thread (bcryptjs) the loop turns about once per 100 ms
    const turns = await loopTurnsDuring(Promise.all([hasher.verify('s3cret-password', hash), hasher.verify('nope', hash)]));
    expect(turns).toBeGreaterThan(1000);
  }, 30_000);
});
