import type { FetchLike } from '../../ports/http-client.js';

/** True for 127.0.0.0/8, `localhost` and `[::1]`. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
}

/**
 * The test host's default `fetch`: lets requests to local stand-ins through and refuses everything else, so a
 * test can never reach a real vendor.
 */
export const loopbackOnlyFetch: FetchLike = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  if (!isLoopback(url.hostname)) {
    throw new Error(
      `The test host only allows requests to loopback addresses, not ${url.host}: point the plugin at a local stand-in or pass fetch to createTestHost`,
    );
  }
  return fetch(input, init);
};
