import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Authenticated encryption (AES-256-GCM) for secrets at rest: plugin secret settings and credentials,
 * webhook signing secrets. The key is
 * derived from WARMPATH_SECRET_KEY; a tampered or foreign ciphertext fails to open instead of yielding garbage.
 * Format: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = createHash('sha256').update(`warmpath:secret-box:${secretKey}`).digest();
  }

  /** Encrypts `plaintext` with a fresh random IV; the result is safe to store as text. */
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Decrypts what {@link SecretBox.seal} produced; throws when it was tampered with or sealed with another key. */
  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined)
      throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** Seals the JSON text of `value`. */
  sealJson(value: unknown): string {
    return this.seal(JSON.stringify(value));
  }

  /** Opens and parses what {@link SecretBox.sealJson} produced. */
  openJson(sealed: string): unknown {
    return JSON.parse(this.open(sealed));
  }
}
