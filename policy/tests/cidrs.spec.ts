import { expect } from "chai";

import { cidrContains, type Cidr, isInternetWide, parseCidr } from "../lib/cidrs";

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (parsed === undefined) throw new Error(`not a CIDR: ${text}`);
  return parsed;
}

describe("the pack's CIDR helpers (ipaddr.js)", () => {
  it("count IPv4 ranges wider than a /8 and IPv6 ranges wider than a /16 as the internet", () => {
    const wide = ["0.0.0.0/0", "0.0.0.0/00", "0.0.0.0/1", "128.0.0.0/1", "64.0.0.0/7", "::/0", "::/00", "2000::/3"];
    const narrow = ["10.0.0.0/8", "203.0.113.0/24", "1.2.3.4/32", "2001:db8::/16", "2001:db8::/32", "fe80::/64"];
    expect(wide.filter((c) => !isInternetWide(c))).to.deep.equal([]);
    expect(narrow.filter(isInternetWide)).to.deep.equal([]);
  });

  it("read text that is not a CIDR as none, without throwing", () => {
    const invalid = [
      "",
      "garbage",
      "0.0.0.0",
      "0.0.0.0/",
      "0.0.0.0/33",
      "256.0.0.0/0",
      "1.2.3/0",
      "10/8",
      "010.0.0.0/8",
      "0x0.0.0.0/0",
      " 0.0.0.0/0",
      "0.0.0.0/0 ",
      "0.0.0.0/-1",
      "::",
      "::/129",
      "gggg::/0",
      "1:2:3:4:5:6:7:8:9/0",
    ];
    expect(invalid.map(parseCidr).filter((c) => c !== undefined)).to.deep.equal([]);
    expect(invalid.filter(isInternetWide)).to.deep.equal([]);
  });

  it("contain a range in a wider one of the same family, whatever the host bits", () => {
    expect(cidrContains(cidr("198.51.100.0/24"), cidr("198.51.100.128/25"))).to.equal(true);
    expect(cidrContains(cidr("198.51.100.0/24"), cidr("198.51.100.0/24"))).to.equal(true);
    expect(cidrContains(cidr("198.51.100.7/24"), cidr("198.51.100.9/32"))).to.equal(true);
    expect(cidrContains(cidr("0.0.0.0/00"), cidr("203.0.113.0/24"))).to.equal(true);
    expect(cidrContains(cidr("198.51.100.0/24"), cidr("198.51.0.0/16"))).to.equal(false);
    expect(cidrContains(cidr("198.51.100.0/24"), cidr("198.51.101.0/24"))).to.equal(false);
    expect(cidrContains(cidr("2001:db8::/32"), cidr("2001:db8:1::/48"))).to.equal(true);
    expect(cidrContains(cidr("::/0"), cidr("0.0.0.0/0"))).to.equal(false);
    expect(cidrContains(cidr("0.0.0.0/0"), cidr("::/0"))).to.equal(false);
  });
});
