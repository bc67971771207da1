/**
 * IPv4 CIDR arithmetic: plain data in, plain data out. Used by config validation and network
 * planning; it imports nothing from Pulumi so it can be table-tested directly.
 */

export interface Cidr {
  /** The address as an unsigned 32-bit integer. */
  readonly address: number;
  /** The prefix length, 0..32. */
  readonly prefix: number;
}

const CIDR_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; returns undefined for anything that is not a syntactically valid IPv4 CIDR. */
export function parseCidr(text: string): Cidr | undefined {
  const m = CIDR_RE.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o, i) => o > 255 || (m[i + 1].length > 1 && m[i + 1].startsWith("0")))) return undefined;
  if (prefix > 32) return undefined;
  const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  return { address, prefix };
}

/** The netmask of a prefix length as an unsigned 32-bit integer. */
function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** True when the address has no bits set below the prefix (10.0.0.0/16, not 10.0.1.0/16). */
export function isNetworkAddress(c: Cidr): boolean {
  return (c.address & ~mask(c.prefix)) >>> 0 === 0;
}

/** True when every address of `inner` is inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (inner.prefix < outer.prefix) return false;
  const m = mask(outer.prefix);
  return (outer.address & m) >>> 0 === (inner.address & m) >>> 0;
}

/** True when the two ranges share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** The number of addresses in the range. */
export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}
