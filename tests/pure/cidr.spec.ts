import { expect } from "chai";

import { cidrContains, cidrsOverlap, isNetworkAddress, parseIpv4Cidr } from "../../config/cidr";

function cidr(text: string) {
  const c = parseIpv4Cidr(text);
  if (!c) throw new Error(`bad fixture ${text}`);
  return c;
}

describe("cidr", () => {
  describe("parseIpv4Cidr", () => {
    const table: [string, [number[], number] | undefined][] = [
      ["10.0.0.0/16", [[10, 0, 0, 0], 16]],
      ["0.0.0.0/0", [[0, 0, 0, 0], 0]],
      ["255.255.255.255/32", [[255, 255, 255, 255], 32]],
      ["192.168.1.7/24", [[192, 168, 1, 7], 24]],
      // Another spelling of a valid range is refused, not silently read as it.
      ["0.0.0.0/00", undefined],
      ["10.0.0.0/024", undefined],
      ["10.1/16", undefined],
      ["10.0.0.0", undefined],
      ["10.0.0.0/33", undefined],
      ["10.0.0.256/24", undefined],
      ["10.0.0/24", undefined],
      ["010.0.0.0/8", undefined],
      ["10.0.0.0/8 ", undefined],
      ["::/0", undefined],
      ["", undefined],
    ];
    for (const [text, want] of table) {
      it(`parses ${JSON.stringify(text)} as ${JSON.stringify(want)}`, () => {
        const c = parseIpv4Cidr(text);
        expect(c && [c.address.octets, c.prefix]).to.deep.equal(want);
      });
    }
  });

  describe("isNetworkAddress", () => {
    const table: [string, boolean][] = [
      ["10.0.0.0/16", true],
      ["10.0.1.0/16", false],
      ["10.0.1.0/24", true],
      ["10.0.1.1/32", true],
      ["0.0.0.0/0", true],
      ["10.0.0.0/0", false],
    ];
    for (const [text, want] of table) {
      it(`says ${text} is ${want ? "" : "not "}a network address`, () => {
        expect(isNetworkAddress(cidr(text))).to.equal(want);
      });
    }
  });

  describe("cidrContains and cidrsOverlap", () => {
    const table: [string, string, boolean, boolean][] = [
      // outer, inner, contains, overlaps
      ["10.0.0.0/16", "10.0.1.0/24", true, true],
      ["10.0.0.0/16", "10.1.0.0/24", false, false],
      ["10.0.0.0/24", "10.0.0.0/16", false, true],
      ["10.0.0.0/24", "10.0.0.128/25", true, true],
      ["10.0.0.0/25", "10.0.0.128/25", false, false],
      ["0.0.0.0/0", "203.0.113.0/24", true, true],
      ["10.0.0.0/16", "10.0.0.0/16", true, true],
    ];
    for (const [outer, inner, contains, overlaps] of table) {
      it(`${outer} ${contains ? "contains" : "does not contain"} ${inner}, and they ${overlaps ? "overlap" : "do not overlap"}`, () => {
        expect(cidrContains(cidr(outer), cidr(inner))).to.equal(contains);
        expect(cidrsOverlap(cidr(outer), cidr(inner))).to.equal(overlaps);
        expect(cidrsOverlap(cidr(inner), cidr(outer))).to.equal(overlaps);
      });
    }

    it("agrees with address-by-address counting on random /26../30 pairs inside 10.0.0.0/24", () => {
      // Property: two ranges overlap exactly when some address lies in both.
      let seed = 42;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      for (let i = 0; i < 200; i++) {
        const make = () => {
          const prefix = 26 + random(5);
          const size = 2 ** (32 - prefix);
          const start = random(256 / size) * size;
          return { text: `10.0.0.${start}/${prefix}`, start, size };
        };
        const a = make();
        const b = make();
        const inA = (x: number) => x >= a.start && x < a.start + a.size;
        let shared = false;
        for (let x = b.start; x < b.start + b.size; x++) shared = shared || inA(x);
        expect(cidrsOverlap(cidr(a.text), cidr(b.text)), `${a.text} ${b.text}`).to.equal(shared);
      }
    });
  });
});
