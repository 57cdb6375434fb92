import { isIP } from 'node:net';

/**
 * Whose `X-Forwarded-For` Warmpath believes when it decides a request's client IP (TRUST_PROXY):
 * - `none`: nobody's; the TCP peer is the client (the default, right when clients connect directly);
 * - `hops`: the nearest `hops` peers, whatever their address (right only when nothing but those proxies can reach
 *   Warmpath: a direct client could otherwise claim any address);
 * - `addresses`: peers at these addresses or CIDRs (and `loopback`, `linklocal`, `uniquelocal`), hop after hop.
 */
export type TrustProxySetting =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'addresses'; addresses: string[] };

/** The names proxy-addr (behind Fastify's `trustProxy`) expands into address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

/** Parses TRUST_PROXY; returns the problem as a sentence when the value is not one Warmpath accepts. */
export function parseTrustProxy(raw: string | undefined): TrustProxySetting | { problem: string } {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (value === 'true') {
    // `true` trusts every hop, so the left-most X-Forwarded-For entry wins: the one the client wrote itself.
    return {
      problem:
        '`true` would believe any client-supplied X-Forwarded-For; give the number of proxies in front of Warmpath or their addresses',
    };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= MAX_HOPS
      ? { kind: 'hops', hops }
      : { problem: `a hop count must be between 0 and ${MAX_HOPS}` };
  }
  const addresses = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const invalid = addresses.filter((entry) => !isAddressOrRange(entry));
  if (invalid.length > 0) {
    return {
      problem: `not an IP address, CIDR range, \`loopback\`, \`linklocal\` or \`uniquelocal\`: ${invalid.join(', ')}`,
    };
  }
  return { kind: 'addresses', addresses };
}

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Fastify's `trustProxy` option for a setting. */
export function fastifyTrustProxy(
  setting: TrustProxySetting,
): false | string[] | ((address: string, hop: number) => boolean) {
  switch (setting.kind) {
    case 'none':
      return false;
    // Fastify 5 ignores a numeric trustProxy (it trusts nobody then), so a hop count is given as proxy-addr's
    // trust function: the socket peer is hop 0, the right-most X-Forwarded-For entry hop 1, and so on.
    case 'hops': {
      const { hops } = setting;
      return hops === 0 ? false : (_address, hop) => hop < hops;
    }
    case 'addresses':
      return setting.addresses;
  }
}
