/**
 * CIDR checks shared by the exposure rules, on ipaddr.js (an npm dependency of the pack: the pack
 * is published alone and cannot import the program's own CIDR helper). None of them throws: text
 * that is not a CIDR is undefined here, and each rule decides what that means.
 */
import * as ipaddr from "ipaddr.js";

/** A parsed range: an address and a prefix length. */
export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * Parses an IPv4 (`a.b.c.d/n`) or IPv6 (`x::/n`) range; undefined for anything else. IPv4 must be
 * plain dotted decimal: ipaddr.js would also read `10/8` as 0.0.0.10/8 and `010.0.0.0/8` as octal,
 * which is not how AWS reads them. The prefix is a number, so `0.0.0.0/00` is a /0.
 *
 * Looser on purpose than the config's parseIpv4Cidr (config/cidr.ts), which refuses a prefix with
 * a leading zero: the config fixes its own input where it is written, while a rule judges whatever
 * a resource carries, and refusing to read `0.0.0.0/00` would let an open range pass as "not a
 * CIDR". Read by its number, it is still the whole internet.
 */
export function parseCidr(text: string): Cidr | undefined {
  try {
    if (text.includes(":")) return ipaddr.IPv6.isValidCIDR(text) ? ipaddr.IPv6.parseCIDR(text) : undefined;
    return ipaddr.IPv4.isValidCIDRFourPartDecimal(text) ? ipaddr.IPv4.parseCIDR(text) : undefined;
  } catch {
    return undefined;
  }
}

/** True when every address of `inner` is inside `outer` (never across IPv4 and IPv6). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  const [address, prefix] = inner;
  return address.kind() === outer[0].kind() && prefix >= outer[1] && address.match(outer);
}

/**
 * True for a range that is, for practical purposes, the whole internet: any IPv4 range wider than
 * a /8 (0.0.0.0/0, but also 0.0.0.0/1 + 128.0.0.0/1) or IPv6 range wider than a /16.
 */
export function isInternetWide(cidr: string): boolean {
  const parsed = parseCidr(cidr);
  if (parsed === undefined) return false;
  const [address, prefix] = parsed;
  return prefix < (address.kind() === "ipv4" ? 8 : 16);
}
