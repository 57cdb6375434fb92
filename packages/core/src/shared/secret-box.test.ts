import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('refuses a tampered ciphertext and another key', () => {
    const box = new SecretBox('k'.repeat(40));
    const sealed = box.sealJson({ token: 'x' });
    const [version, iv, tag, data] = sealed.split('.');
    const flipped = `${data!.slice(0, -2)}${data!.endsWith('A') ? 'B' : 'A'}${data!.slice(-1)}`;
    expect(() => box.open([version, iv, tag, flipped].join('.'))).toThrow();
    expect(() => new SecretBox('j'.repeat(40)).open(sealed)).toThrow();
    expect(box.openJson(sealed)).toEqual({ token: 'x' });
  });
});
