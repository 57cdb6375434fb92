import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

const textEncoder = new TextEncoder();

/** `byteCount` random bytes as lower-case base32 without padding (8 characters per 5 bytes). */
export function randomBase32(byteCount: number): string {
  const bytes = new Uint8Array(byteCount);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Bytes(text: string): Uint8Array {
  return sha256(textEncoder.encode(text));
}

/** SHA-256 of the UTF-8 bytes of `text`, as lower-case hex. */
export function sha256Hex(text: string): string {
  return encodeHexLowerCase(sha256Bytes(text));
}
