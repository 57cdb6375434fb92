import { createHash } from 'node:crypto';

/** Headers naming a delivery, in order of preference (Standard Webhooks' `webhook-id` first). */
export const DELIVERY_ID_HEADERS = ['webhook-id'] as const;

/** Longer ids are hashed, so a provider's (or a forger's) huge header cannot bloat the table. */
const MAX_ID_LENGTH = 200;

/**
 * The id a webhook delivery is remembered by: the id the plugin read from the payload, else a `webhook-id`
 * header, else the sha256 of the raw body (a provider without ids retries with the same bytes). Prefixed by its
 * source so a header value can never equal a body hash.
 */
export function webhookDeliveryId(input: {
  pluginDeliveryId?: string | undefined;
  headers: Record<string, string | undefined>;
  rawBody: string | Buffer;
}): string {
  const named =
    input.pluginDeliveryId ?? DELIVERY_ID_HEADERS.map((name) => input.headers[name]).find(Boolean);
  if (named !== undefined) {
    const id = `id:${named}`;
    return id.length <= MAX_ID_LENGTH ? id : `id-sha256:${sha256(named)}`;
  }
  return `sha256:${sha256(input.rawBody)}`;
}

function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}
