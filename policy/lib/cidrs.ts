/** CIDR checks shared by the exposure rules. */
import { parseCidr } from "../../components/shared/cidr";

/**
 * True for a range that is, for practical purposes, the whole internet: any IPv4 range wider than
 * a /8 (0.0.0.0/0, but also 0.0.0.0/1 + 128.0.0.0/1) or IPv6 range wider than a /16.
 */
export function isInternetWide(cidr: string): boolean {
  if (cidr.includes(":")) {
    const prefix = Number(cidr.split("/")[1] ?? "128");
    return Number.isFinite(prefix) && prefix < 16;
  }
  const parsed = parseCidr(cidr);
  return parsed !== undefined && parsed.prefix < 8;
}
