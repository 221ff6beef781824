import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts secrets at rest (Meta access tokens) with AES-256-GCM and a random 96-bit IV per value.
 * Ciphertext format: `v1:<iv b64url>:<auth tag b64url>:<ciphertext b64url>` — versioned so the
 * algorithm or key can be rotated later without guessing what a stored value is.
 */
export class TokenCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('TokenCipher needs a 32-byte key (AES-256)');
    this.key = Buffer.from(key);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  /** Throws {@link TokenCipherError} when the value is malformed, of an unknown version, tampered with or from another key. */
  decrypt(stored: string): string {
    const parts = stored.split(':');
    if (parts.length !== 4) throw new TokenCipherError('malformed ciphertext');
    const [version, ivText, tagText, bodyText] = parts;
    if (version !== VERSION) throw new TokenCipherError(`unknown ciphertext version "${version}"`);
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenCipherError('malformed ciphertext');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenCipherError('ciphertext failed authentication (wrong key or tampered)');
    }
  }
}

export class TokenCipherError extends Error {
  override readonly name = 'TokenCipherError';
}
