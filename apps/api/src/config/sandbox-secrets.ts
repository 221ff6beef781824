import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface SandboxSecrets {
  jwtSecret: string;
  tokenEncryptionKey: string;
}

/**
 * Sandbox mode needs no secrets from the user: they are generated once and kept in the data
 * directory (mode 0600) so sessions and encrypted tokens survive restarts.
 */
export function loadOrCreateSandboxSecrets(dataDir: string): SandboxSecrets {
  const file = join(dataDir, 'sandbox-secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as SandboxSecrets;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: SandboxSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    tokenEncryptionKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
