import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { ValidationError } from '../errors.js';
import { isUuid } from './ids.js';

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * An opaque cursor for the row with this UUIDv7 id. Opaque so clients cannot build or rely on its contents and
 * the encoding can change later.
 */
export function encodeIdCursor(id: string): string {
  return encodeBase64urlNoPadding(textEncoder.encode(id));
}

/** The id inside a cursor from {@link encodeIdCursor}; anything else is a {@link ValidationError} on `cursor`. */
export function decodeIdCursor(cursor: string): string {
  let id: string;
  try {
    id = textDecoder.decode(decodeBase64urlIgnorePadding(cursor));
  } catch {
    throw invalidCursor();
  }
  if (!isUuid(id)) throw invalidCursor();
  return id;
}

function invalidCursor(): ValidationError {
  return new ValidationError([{ path: 'cursor', message: 'Invalid cursor' }]);
}
