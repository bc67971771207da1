import { expect } from "chai";

import { existingSubnetProblems, natForZone, natGatewayIndexes, subnetTags } from "../../components/network/plan";
import type { NatGatewayMode } from "../../components/network/args";

describe("network plan", () => {
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
