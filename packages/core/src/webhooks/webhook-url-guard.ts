import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Resolves a host name to every address it has (default: the system resolver, like `fetch` uses). */
export type HostResolver = (hostname: string) => Promise<string[]>;

export const systemHostResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

// Addresses a webhook must not reach from inside the network (SSRF): loopback, private, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, unspecified, multicast and reserved ranges, for both families.
const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv6');
}

/** True for an address that is not on the public internet (IPv4-mapped IPv6 addresses are judged as IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return nonPublic.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return nonPublic.check(address, 'ipv4');
  if (family === 6) return nonPublic.check(address, 'ipv6');
  return true;
}

/**
 * Why a webhook may not be sent to `url`, or null when it may: its host must resolve, and only to public
 * addresses. Checked when an endpoint is saved and again before every attempt, since DNS answers can change.
 */
export async function webhookUrlRefusal(url: string, resolve: HostResolver): Promise<string | null> {
  // URL keeps IPv6 literals in brackets.
  const hostname = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(hostname) ? [hostname] : await resolve(hostname);
  } catch {
    return `The host ${hostname} does not resolve`;
  }
  if (addresses.length === 0) return `The host ${hostname} does not resolve`;
  const blocked = addresses.find(isNonPublicAddress);
  return blocked === undefined
    ? null
    : `The host ${hostname} resolves to a private or loopback address (${blocked}); set WARMPATH_ALLOW_PRIVATE_WEBHOOKS=true to allow it`;
}
