import { v7 } from 'uuid';

/** A new UUIDv7: unique and ordered by creation time, so ids double as stable cursors. */
export function newId(): string {
  return v7();
}
