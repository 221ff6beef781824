import { randomBytes } from 'node:crypto';
import { TokenCipher, TokenCipherError } from './token-cipher';

describe('TokenCipher', () => {
  const key = randomBytes(32);
  const cipher = new TokenCipher(key);
  const token = 'EAASimPageToken104825791234560';

  it('round-trips text, including non-ASCII', () => {
    expect(cipher.decrypt(cipher.encrypt(token))).toBe(token);
    expect(cipher.decrypt(cipher.encrypt('tökén ✓'))).toBe('tökén ✓');
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('');
  });

  it('writes a versioned format that never contains the plaintext', () => {
    const stored = cipher.encrypt(token);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(token);
    expect(Buffer.from(stored.split(':')[3], 'base64url').toString('utf8')).not.toContain(token);
  });

  it('uses a fresh IV each time, so equal tokens encrypt differently', () => {
    const a = cipher.encrypt(token);
    const b = cipher.encrypt(token);
    expect(a).not.toBe(b);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
  });

  it('rejects another key', () => {
    const other = new TokenCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt(token))).toThrow(TokenCipherError);
  });

  it('rejects tampering with the ciphertext, the tag or the IV', () => {
    const [v, iv, tag, body] = cipher.encrypt(token).split(':');
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[0] ^= 0x01;
      return bytes.toString('base64url');
    };
    expect(() => cipher.decrypt([v, iv, tag, flip(body)].join(':'))).toThrow(TokenCipherError);
    expect(() => cipher.decrypt([v, iv, flip(tag), body].join(':'))).toThrow(TokenCipherError);
    expect(() => cipher.decrypt([v, flip(iv), tag, body].join(':'))).toThrow(TokenCipherError);
  });

  it('rejects unknown versions and malformed values', () => {
    const [, iv, tag, body] = cipher.encrypt(token).split(':');
    expect(() => cipher.decrypt(['v2', iv, tag, body].join(':'))).toThrow(/unknown ciphertext version/);
    expect(() => cipher.decrypt(token)).toThrow(/malformed/);
    expect(() => cipher.decrypt('v1:a:b:c')).toThrow(/malformed/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new TokenCipher(randomBytes(16))).toThrow(/32-byte/);
  });
});
