const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a syntactically valid UUID. Lookups check this first: Postgres rejects a malformed uuid literal with
 * an error, where callers expect "not found".
 */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
