import { expect } from "chai";

import { CLUSTER_DEFAULTS, type NodeGroupSettings } from "../../components/cluster/args";
import type { Zone } from "../../components/network/plan";
import {
  chooseZones,
  EKS_UNSUPPORTED_ZONE_IDS,
  eksSupportsZone,
  existingZoneProblems,
  type Offerings,
} from "../../stack/zones";

/** A us-east-1 account whose names map to ids out of order, as in the oldest regions. */
const REGION = {
  names: ["us-east-1c", "us-east-1a", "us-east-1b", "us-east-1d", "us-east-1e", "us-east-1f"],
  zoneIds: ["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az6", "use1-az5"],
};
const z = (name: string): Zone => ({
  name: `us-east-1${name}`,
  id: REGION.zoneIds[REGION.names.indexOf(`us-east-1${name}`)],
});

const GROUPS = CLUSTER_DEFAULTS.nodeGroups; // app (all AZs) and data (primary AZ), both r7a.2xlarge
const EVERYWHERE: Offerings = Object.fromEntries(REGION.zoneIds.map((id) => [id, ["r7a.2xlarge", "x2idn.xlarge"]]));
const without = (zoneIds: string[], type = "r7a.2xlarge"): Offerings =>
  Object.fromEntries(
    Object.entries(EVERYWHERE).map(([id, types]) => [
      id,
      zoneIds.includes(id) ? types.filter((t) => t !== type) : types,
    ]),
  );
const dataOn = (type: string): NodeGroupSettings[] => [GROUPS[0], { ...GROUPS[1], instanceTypes: [type] }];

function choose(
  extra: Partial<{
    requestedIds: string[];
    previous: { ids?: string[]; primaryId?: string };
    count: number;
    nodeGroups: readonly NodeGroupSettings[];
    offerings: Offerings;
  }>,
) {
  return chooseZones({
    region: "us-east-1",
    regionZones: REGION,
    requestedIds: [],
    count: 2,
    nodeGroups: GROUPS,
    offerings: EVERYWHERE,
    ...extra,
  });
}

describe("AZ choice (stack/zones.ts)", () => {
  describe("chooses", () => {
    const table: [string, Parameters<typeof choose>[0], Zone[]][] = [
      ["the first AZs by name, leaving out use1-az3 where EKS cannot place a control plane", {}, [z("a"), z("c")]],
      [
        "the next AZs by name when one does not offer the groups' instance types",
        { offerings: without(["use1-az2"]) },
        [z("c"), z("d")],
      ],
      [
        "as primary the first AZ offering every group's types; the others need only the types of groups in every AZ",
        { nodeGroups: dataOn("x1e.xlarge"), offerings: { ...EVERYWHERE, "use1-az4": ["r7a.2xlarge", "x1e.xlarge"] } },
        [z("d"), z("a")],
      ],
      ["as many AZs as subnets", { count: 3 }, [z("a"), z("c"), z("d")]],
      ["the requested AZ ids, in their order", { requestedIds: ["use1-az4", "use1-az1"] }, [z("d"), z("c")]],
      [
        "the last deployment's AZs when none are requested",
        { previous: { ids: ["use1-az1", "use1-az6"] } },
        [z("c"), z("e")],
      ],
      [
        "the requested AZs over the last deployment's",
        { requestedIds: ["use1-az5", "use1-az4"], previous: { ids: ["use1-az1", "use1-az6"] } },
        [z("f"), z("d")],
      ],
      [
        "afresh when the last deployment had another number of AZs",
        { previous: { ids: ["use1-az1"] } },
        [z("a"), z("c")],
      ],
    ];
    for (const [what, extra, zones] of table) {
      it(what, () => expect(choose(extra)).to.deep.equal({ zones, problems: [] }));
    }
  });

  describe("a deployment recorded before its AZ ids were (only its primary AZ)", () => {
    const EU = { names: ["eu-west-1a", "eu-west-1b", "eu-west-1c"], zoneIds: ["euw1-az2", "euw1-az3", "euw1-az1"] };
    const everywhere: Offerings = Object.fromEntries(EU.zoneIds.map((id) => [id, ["r7a.2xlarge"]]));
    const eu = (primaryId: string, offerings: Offerings) =>
      chooseZones({
        region: "eu-west-1",
        regionZones: EU,
        requestedIds: [],
        previous: { primaryId },
        count: 2,
        nodeGroups: GROUPS,
        offerings,
      });

    it("keeps the first AZs by name, as the program then chose them, when the first is its primary", () => {
      expect(eu("euw1-az2", everywhere)).to.deep.equal({
        zones: [
          { name: "eu-west-1a", id: "euw1-az2" },
          { name: "eu-west-1b", id: "euw1-az3" },
        ],
        problems: [],
      });
    });

    it("does not move a kept AZ that no longer offers the types: it says so", () => {
      expect(eu("euw1-az2", { ...everywhere, "euw1-az3": [] }).problems).to.deep.equal([
        'datafold-aws:cluster.nodeGroups[0].instanceTypes: r7a.2xlarge is not offered in euw1-az3 (eu-west-1b), where the group "app" runs (ec2:DescribeInstanceTypeOfferings); choose instance types offered in every AZ of the group (these are the last deployment\'s AZs, kept while network.availabilityZoneIds is empty: the cluster cannot move to others)',
      ]);
    });

    it("chooses afresh when its primary is not the first by name (the guard then compares the primary)", () => {
      expect(eu("euw1-az1", everywhere).zones.map((x) => x.id)).to.deep.equal(["euw1-az2", "euw1-az3"]);
    });
  });

  describe("refuses, naming the key", () => {
    const table: [string, Parameters<typeof choose>[0], string[]][] = [
      [
        "a requested AZ where EKS cannot place the control plane",
        { requestedIds: ["use1-az2", "use1-az3"] },
        [
          "datafold-aws:network.availabilityZoneIds[1]: use1-az3 (us-east-1b) is an AZ where EKS cannot place the cluster's control plane (EKS User Guide, \"Subnet requirements for clusters\": CreateCluster fails with UnsupportedAvailabilityZoneException); choose other AZ ids in network.availabilityZoneIds (this region's others: use1-az1 (us-east-1c), use1-az4 (us-east-1d), use1-az6 (us-east-1e), use1-az5 (us-east-1f))",
        ],
      ],
      [
        "a requested AZ that does not offer a group's instance type",
        { requestedIds: ["use1-az4", "use1-az1"], offerings: without(["use1-az1"]) },
        [
          'datafold-aws:cluster.nodeGroups[0].instanceTypes: r7a.2xlarge is not offered in use1-az1 (us-east-1c), where the group "app" runs (ec2:DescribeInstanceTypeOfferings); choose instance types offered in every AZ of the group, or other AZ ids in network.availabilityZoneIds (this region\'s others: use1-az2 (us-east-1a), use1-az6 (us-east-1e), use1-az5 (us-east-1f))',
        ],
      ],
      [
        "the data group's type missing in the primary AZ only (the app group runs everywhere)",
        {
          requestedIds: ["use1-az4", "use1-az1"],
          nodeGroups: dataOn("x2idn.xlarge"),
          offerings: without(["use1-az4"], "x2idn.xlarge"),
        },
        [
          'datafold-aws:cluster.nodeGroups[1].instanceTypes: x2idn.xlarge is not offered in use1-az4 (us-east-1d), where the group "data" runs (ec2:DescribeInstanceTypeOfferings); choose instance types offered in every AZ of the group, or other AZ ids in network.availabilityZoneIds (this region\'s others: use1-az2 (us-east-1a), use1-az6 (us-east-1e), use1-az5 (us-east-1f))',
        ],
      ],
      [
        "a requested AZ id the region does not have",
        { requestedIds: ["use1-az1", "use1-az9"] },
        [
          "datafold-aws:network.availabilityZoneIds: use1-az9 is not in this region; its zones are use1-az1 (us-east-1c), use1-az2 (us-east-1a), use1-az3 (us-east-1b), use1-az4 (us-east-1d), use1-az6 (us-east-1e), use1-az5 (us-east-1f)",
        ],
      ],
      [
        "a kept AZ that no longer offers the types, saying where the AZ came from",
        { previous: { ids: ["use1-az1", "use1-az6"] }, offerings: without(["use1-az6"]) },
        [
          'datafold-aws:cluster.nodeGroups[0].instanceTypes: r7a.2xlarge is not offered in use1-az6 (us-east-1e), where the group "app" runs (ec2:DescribeInstanceTypeOfferings); choose instance types offered in every AZ of the group (these are the last deployment\'s AZs, kept while network.availabilityZoneIds is empty: the cluster cannot move to others)',
        ],
      ],
      [
        "a choice when too few AZs fit, with the reason for each left out",
        { count: 3, offerings: without(["use1-az2", "use1-az4", "use1-az5"]) },
        [
          "datafold-aws:network.availabilityZoneIds: empty, so this program picks 3 AZs where EKS can place the control plane and the node groups' instance types are offered, but this region has 2 (use1-az2 (us-east-1a): r7a.2xlarge not offered; use1-az3 (us-east-1b): EKS cannot place a control plane there; use1-az4 (us-east-1d): r7a.2xlarge not offered; use1-az5 (us-east-1f): r7a.2xlarge not offered). Choose instance types offered in more AZs (cluster.nodeGroups[].instanceTypes), fewer subnets (network.privateSubnetCidrs), or AZs of your own (network.availabilityZoneIds)",
        ],
      ],
      [
        "more subnets than the region has AZs",
        { count: 7 },
        [
          "datafold-aws:network.privateSubnetCidrs: 7 subnets need 7 availability zones; this region offers 6 (us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f)",
        ],
      ],
    ];
    for (const [what, extra, problems] of table) {
      it(what, () => expect(choose(extra)).to.deep.equal({ zones: [], problems }));
    }
  });

  it("always chooses distinct AZs EKS supports and that offer what runs there, the primary the first by name (property)", () => {
    // Every pattern of which of the six zones offer the data group's type, for one to four subnets.
    const ids = REGION.zoneIds;
    for (let mask = 0; mask < 1 << ids.length; mask++) {
      const offered = ids.filter((_, i) => (mask & (1 << i)) !== 0);
      const offerings: Offerings = Object.fromEntries(
        ids.map((id) => [id, offered.includes(id) ? ["r7a.2xlarge", "x1e.xlarge"] : ["r7a.2xlarge"]]),
      );
      for (let count = 1; count <= 4; count++) {
        const { zones, problems } = choose({ count, nodeGroups: dataOn("x1e.xlarge"), offerings });
        const primaries = REGION.names
          .map((name, i) => ({ name, id: ids[i] }))
          .filter((x) => eksSupportsZone("us-east-1", x.id) && offered.includes(x.id))
          .sort((a, b) => a.name.localeCompare(b.name));
        if (primaries.length === 0 || count > 5) {
          expect(zones, `${mask}/${count}`).to.deep.equal([]);
          expect(problems, `${mask}/${count}`).to.have.length(1);
          continue;
        }
        expect(problems, `${mask}/${count}`).to.deep.equal([]);
        expect(zones, `${mask}/${count}`).to.have.length(count);
        expect(new Set(zones.map((x) => x.id)).size).to.equal(count);
        expect(zones.every((x) => eksSupportsZone("us-east-1", x.id))).to.equal(true);
        expect(zones[0]).to.deep.equal(primaries[0]);
      }
    }
  });

  it("holds the AZ ids EKS documents as unsupported for control planes", () => {
    expect(EKS_UNSUPPORTED_ZONE_IDS).to.deep.equal({
      "us-east-1": ["use1-az3"],
      "us-west-1": ["usw1-az2"],
      "ca-central-1": ["cac1-az3"],
    });
    expect([eksSupportsZone("us-east-1", "use1-az3"), eksSupportsZone("us-east-1", "use1-az1")]).to.deep.equal([
      false,
      true,
    ]);
  });

  describe("existing VPC subnets", () => {
    const subnet = (id: string, zone: Zone) => ({
      id,
      vpcId: "vpc-0a1b2c3d",
      availabilityZone: zone.name,
      availabilityZoneId: zone.id,
    });
    it("accepts subnets in AZs EKS supports that offer the groups' types", () => {
      expect(
        existingZoneProblems(
          "us-east-1",
          [subnet("subnet-01", z("a")), subnet("subnet-02", z("c"))],
          GROUPS,
          EVERYWHERE,
        ),
      ).to.deep.equal([]);
    });

    it("refuses a private subnet in an AZ EKS does not support, naming the subnet's key", () => {
      expect(
        existingZoneProblems(
          "us-east-1",
          [subnet("subnet-01", z("a")), subnet("subnet-02", z("b"))],
          GROUPS,
          EVERYWHERE,
        ),
      ).to.deep.equal([
        'datafold-aws:network.privateSubnetIds[1] (subnet-02): use1-az3 (us-east-1b) is an AZ where EKS cannot place the cluster\'s control plane (EKS User Guide, "Subnet requirements for clusters": CreateCluster fails with UnsupportedAvailabilityZoneException); choose subnets in other AZs in network.privateSubnetIds',
      ]);
    });

    it("refuses a subnet whose AZ does not offer a group's type", () => {
      expect(
        existingZoneProblems(
          "us-east-1",
          [subnet("subnet-01", z("a")), subnet("subnet-02", z("c"))],
          GROUPS,
          without(["use1-az1"]),
        ),
      ).to.deep.equal([
        'datafold-aws:cluster.nodeGroups[0].instanceTypes: r7a.2xlarge is not offered in use1-az1 (us-east-1c), where the group "app" runs (ec2:DescribeInstanceTypeOfferings); choose instance types offered in every AZ of the group, or subnets in other AZs in network.privateSubnetIds',
      ]);
    });
  });
});
