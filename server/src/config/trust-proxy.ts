import { isIP } from 'node:net';

/** What Express's 'trust proxy' setting takes: off, on, a hop count, or addresses to trust. */
export type TrustProxy = boolean | number | string[];

/** Names Express accepts for address ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY: `false` (the default: X-Forwarded-For is ignored and the client is the
 * connection's peer), `true` (every proxy is trusted: only behind one that sets the header
 * itself), a number of proxy hops, or a comma-separated list of proxy addresses, CIDR ranges and
 * `loopback`, `linklocal`, `uniquelocal`. Returns null for anything else.
 */
export function parseTrustProxy(value: string): TrustProxy | null {
  const text = value.trim().toLowerCase();
  if (text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.length === 0 || !entries.every(isAddressOrRange)) return null;
  return entries;
}
