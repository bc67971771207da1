import { expect } from "chai";

import {
  existingSubnetProblems,
  natForZone,
  natGatewayIndexes,
  selectZones,
  subnetTags,
} from "../../components/network/plan";
import type { NatGatewayMode } from "../../components/network/args";

const region = {
  names: ["us-east-1c", "us-east-1a", "us-east-1b"],
  zoneIds: ["use1-az1", "use1-az2", "use1-az3"],
};

describe("network plan", () => {
  describe("selectZones", () => {
    it("takes the region's zones sorted by name when no ids are requested", () => {
      expect(selectZones(region, [], 2)).to.deep.equal([
        { name: "us-east-1a", id: "use1-az2" },
        { name: "us-east-1b", id: "use1-az3" },
      ]);
    });

    it("takes the requested ids in the requested order, the first being the primary AZ", () => {
      expect(selectZones(region, ["use1-az1", "use1-az3"], 2)).to.deep.equal([
        { name: "us-east-1c", id: "use1-az1" },
        { name: "us-east-1b", id: "use1-az3" },
      ]);
    });

    it("names the config key and the region's zones when a requested id is not in the region", () => {
      expect(() => selectZones(region, ["use1-az1", "use1-az9"], 2)).to.throw(
        "datafold-aws:network.availabilityZoneIds: use1-az9 is not in this region; its zones are use1-az1 (us-east-1c), use1-az2 (us-east-1a), use1-az3 (us-east-1b)",
      );
    });

    it("refuses more subnets than the region has zones", () => {
      expect(() => selectZones(region, [], 4)).to.throw(
        "datafold-aws:network.privateSubnetCidrs: 4 subnets need 4 availability zones; this region offers 3 (us-east-1a, us-east-1b, us-east-1c)",
      );
    });

    it("always returns `count` distinct zones of the region, in name order (property)", () => {
      const names = ["x-1f", "x-1a", "x-1d", "x-1b", "x-1e", "x-1c"];
      for (let n = 1; n <= names.length; n++) {
        const zones = selectZones({ names, zoneIds: names.map((x) => `${x}-id`) }, [], n);
        expect(zones).to.have.length(n);
        expect(new Set(zones.map((z) => z.id)).size).to.equal(n);
        expect(zones.map((z) => z.name)).to.deep.equal([...names].sort().slice(0, n));
        zones.forEach((z) => expect(z.id).to.equal(`${z.name}-id`));
      }
    });
  });

  describe("NAT gateways", () => {
    const table: [NatGatewayMode, number, number[], (number | undefined)[]][] = [
      ["single", 2, [0], [0, 0]],
      ["single", 3, [0], [0, 0, 0]],
      ["perAz", 2, [0, 1], [0, 1]],
      ["perAz", 3, [0, 1, 2], [0, 1, 2]],
      ["none", 2, [], [undefined, undefined]],
    ];
    for (const [mode, zones, gateways, routes] of table) {
      it(`${mode} with ${zones} AZs puts gateways in AZs ${JSON.stringify(gateways)} and routes private AZs to ${JSON.stringify(routes)}`, () => {
        expect(natGatewayIndexes(mode, zones)).to.deep.equal(gateways);
        expect(Array.from({ length: zones }, (_, i) => natForZone(mode, i))).to.deep.equal(routes);
      });
    }
  });

  describe("subnetTags", () => {
    it("marks private subnets for internal load balancers and the cluster", () => {
      expect(subnetTags("private", "acme")).to.deep.equal({
        "kubernetes.io/role/internal-elb": "1",
        "kubernetes.io/cluster/acme": "shared",
      });
    });
    it("marks public subnets for internet-facing load balancers and the cluster", () => {
      expect(subnetTags("public", "acme")).to.deep.equal({
        "kubernetes.io/role/elb": "1",
        "kubernetes.io/cluster/acme": "shared",
      });
    });
  });

  describe("existingSubnetProblems", () => {
    const subnet = (id: string, vpcId: string, az: string) => ({
      id,
      vpcId,
      availabilityZone: az,
      availabilityZoneId: `${az}-id`,
    });

    it("accepts subnets of the VPC, one per AZ", () => {
      expect(
        existingSubnetProblems(
          "vpc-1",
          [subnet("subnet-a", "vpc-1", "us-east-1a"), subnet("subnet-b", "vpc-1", "us-east-1b")],
          [subnet("subnet-c", "vpc-1", "us-east-1a")],
        ),
      ).to.deep.equal([]);
    });

    it("reports a subnet of another VPC and two private subnets in one AZ, naming the keys", () => {
      expect(
        existingSubnetProblems(
          "vpc-1",
          [subnet("subnet-a", "vpc-1", "us-east-1a"), subnet("subnet-b", "vpc-1", "us-east-1a")],
          [subnet("subnet-c", "vpc-2", "us-east-1a")],
        ),
      ).to.deep.equal([
        "datafold-aws:network.privateSubnetIds: more than one subnet in us-east-1a; expected one subnet per AZ",
        "datafold-aws:network.publicSubnetIds: subnet-c is in vpc-2, not in network.vpcId vpc-1",
      ]);
    });
  });
});
