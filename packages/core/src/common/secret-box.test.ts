import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('refuses a tampered ciphertext and another key', () => {
    const box = new SecretBox('k'.repeat(40));
    const sealed = box.sealJson({ token: 'x' });
    const [version, iv, tag, data] = sealed.split('.');
    // One bit of the ciphertext flipped (changing a base64 character could leave the bytes equal, or pick the
    // character it replaces: the test failed about once in 64 runs).
    const bytes = Buffer.from(data as string, 'base64url');
    bytes[0] = (bytes[0] as number) ^ 1;
    const flipped = bytes.toString('base64url');
    expect(() => box.open([version, iv, tag, flipped].join('.'))).toThrow();
    expect(() => new SecretBox('j'.repeat(40)).open(sealed)).toThrow();
    expect(box.openJson(sealed)).toEqual({ token: 'x' });
  });
});
