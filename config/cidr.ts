/**
 * IPv4 CIDRs as the config contract writes them, on top of ipaddr.js (parsing and matching):
 * plain data in, plain data out, no Pulumi import.
 */
import * as ipaddr from "ipaddr.js";

export interface Ipv4Cidr {
  readonly address: ipaddr.IPv4;
  /** The prefix length, 0..32. */
  readonly prefix: number;
}

/**
 * Parses `a.b.c.d/n` written canonically (four decimal parts without leading zeros, a prefix
 * from 0 to 32 without leading zeros); undefined for anything else, so that `10.0.0.0/024` or
 * `0.0.0.0/00` are not silently read as another spelling of a valid range.
 *
 * Stricter on purpose than the pack's parseCidr (policy/lib/cidrs.ts), which reads `/00` as /0:
 * here the text is the contract's own input, which the program passes on as written (to EC2, EKS,
 * the chart) and compares as text (each CIDR once), so a spelling is fixed where it is written,
 * with the key named. The pack judges values it did not write, and a guard must not be side-stepped
 * by a spelling: it reads the number the prefix says, so `0.0.0.0/00` is still the whole internet.
 */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return undefined;
  const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
  return `${address.toString()}/${prefix}` === text ? { address, prefix } : undefined;
}

/** True when the address has no bits set below the prefix (10.0.0.0/16, not 10.0.1.0/16). */
export function isNetworkAddress(c: Ipv4Cidr): boolean {
  return ipaddr.IPv4.networkAddressFromCIDR(`${c.address.toString()}/${c.prefix}`).toString() === c.address.toString();
}

/** True when every address of `inner` is inside `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.address.match(outer.address, outer.prefix);
}

/** True when the two ranges share at least one address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** The first and last address of a range, as numbers. */
function bounds(c: Ipv4Cidr): [number, number] {
  const start = c.address.toByteArray().reduce((n, byte) => n * 256 + byte, 0);
  return [start, start + 2 ** (32 - c.prefix) - 1];
}

/** True when the ranges together cover every IPv4 address (0.0.0.0/1 with 128.0.0.0/1, say). */
export function coverAllAddresses(cidrs: readonly Ipv4Cidr[]): boolean {
  const sorted = cidrs.map(bounds).sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [start, end] of sorted) {
    if (start > next) return false;
    next = Math.max(next, end + 1);
  }
  return next > 2 ** 32 - 1;
}
