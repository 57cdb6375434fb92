/**
 * The characters of link codes: digits and upper-case letters without 0, O, 1 and I, which are misread when a link
 * is typed from a slide or read aloud (lower case is left out for the same reason: l and 1). 32 characters, so a
 * random byte maps onto it without bias.
 */
export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Characters per code: 32^8 ≈ 10^12 codes, far too many to find a live one by guessing. */
export const LINK_CODE_LENGTH = 8;

/**
 * A new random link code. Codes come from the operating system's CSPRNG, so one referrer's code says nothing about
 * another's; uniqueness is the database's job (the caller retries on a clash).
 */
export function generateLinkCode(): string {
  const bytes = new Uint8Array(LINK_CODE_LENGTH);
  crypto.getRandomValues(bytes);
  let code = '';
  // 256 is a multiple of 32: the low five bits of each byte are uniform.
  for (const byte of bytes) code += LINK_CODE_ALPHABET[byte & 31];
  return code;
}
