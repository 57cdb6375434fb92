import { Webhook } from 'standardwebhooks';

/** One signed POST of a webhook message. */
export interface WebhookRequest {
  url: string;
  /** The endpoint's `whsec_…` secret. */
  secret: string;
  /** The `webhook-id`: the same on every attempt, so receivers can drop repeats. */
  messageId: string;
  /** The send time, signed as `webhook-timestamp` (receivers reject stale ones, so never the event time). */
  timestamp: Date;
  /** The JSON body, signed exactly as sent. */
  body: string;
  timeoutMs: number;
  /** Aborts the request early (the job queue shutting down). */
  signal?: AbortSignal | undefined;
  fetch?: typeof fetch | undefined;
}

/** What the endpoint answered: a status code, or why there was none. `ok` only for 2xx. */
export interface WebhookResponse {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Signs a message per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, `webhook-signature:
 * v1,<base64 HMAC-SHA256>`) and POSTs it. Never throws: network errors and timeouts come back as an answer
 * without a status code. Redirects are not followed (a 3xx is a failure), so an endpoint cannot bounce signed
 * payloads elsewhere.
 */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const signature = new Webhook(request.secret).sign(request.messageId, request.timestamp, request.body);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const response = await (request.fetch ?? fetch)(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Warmpath-Webhooks/1',
        'webhook-id': request.messageId,
        'webhook-timestamp': String(Math.floor(request.timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: request.body,
      redirect: 'manual',
      signal,
    });
    // The answer's body is not used; release the connection instead of buffering it.
    await response.body?.cancel().catch(() => {});
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      statusCode: response.status,
      error: ok ? null : `The endpoint answered HTTP ${response.status}`,
    };
  } catch (error) {
    if (timeout.aborted)
      return { ok: false, statusCode: null, error: `No answer within ${request.timeoutMs} ms` };
    return { ok: false, statusCode: null, error: describeNetworkError(error) };
  }
}

/** fetch wraps the useful part (ECONNREFUSED, a DNS failure) in `cause`. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.slice(0, 500);
}
