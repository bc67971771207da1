import { expect } from "chai";

import { ebsVolumesSingleAz } from "../rules/ebs/ebs-volumes-single-az";
import { levels, messages, res, undecidedReasons, UNKNOWN, violations } from "./helpers";

// Stack policies see outputs (what the provider reports); a subnet that exists reports its id.
const subnet = (name: string, id: string, az: string, azId: string) =>
  res(
    "aws:ec2/subnet:Subnet",
    name,
    { availabilityZoneId: azId },
    { id, outputs: { id, availabilityZone: az, availabilityZoneId: azId } },
  );
const subnetA = subnet("private-1", "subnet-a", "us-east-1a", "use1-az4");
const subnetB = subnet("private-2", "subnet-b", "us-east-1b", "use1-az6");
const volume = (name: string, az: string) =>
  res("aws:ebs/volume:Volume", name, {}, { id: `vol-${name}`, outputs: { availabilityZone: az, encrypted: true } });
const group = (name: string, subnetIds: unknown[], tainted: boolean, dependsOn: string[] = []) =>
  res(
    "aws:eks/nodeGroup:NodeGroup",
    name,
    {},
    {
      outputs: { subnetIds, taints: tainted ? [{ key: "clickhouse", value: "reserved", effect: "NO_SCHEDULE" }] : [] },
      propertyDependencies: { subnetIds: dependsOn },
    },
  );
const volumes = [
  volume("clickhouse-data", "us-east-1a"),
  volume("clickhouse-logs", "us-east-1a"),
  volume("redis-data", "us-east-1a"),
];

// A first preview: subnets report their AZ id (an input) but not their AZ name (computed), and no id.
const planned = (name: string, azId: string) =>
  res(
    "aws:ec2/subnet:Subnet",
    name,
    { availabilityZoneId: azId },
    { outputs: { availabilityZoneId: azId, availabilityZone: UNKNOWN, id: UNKNOWN } },
  );
const plannedA = planned("private-1", "use1-az4");
const plannedB = planned("private-2", "use1-az6");
// The network component reports the primary AZ both ways (from the AZ lookup, known during a preview).
const network = res(
  "datafold:aws:Network",
  "net",
  {},
  { custom: false, outputs: { primaryAvailabilityZone: "us-east-1a", primaryAvailabilityZoneId: "use1-az4" } },
);

describe("ebs-volumes-single-az", () => {
  it("passes three volumes in one AZ with the data group there and the app group anywhere", async () => {
    expect(
      await messages(ebsVolumesSingleAz, [
        subnetA,
        subnetB,
        ...volumes,
        group("data", ["subnet-a"], true),
        group("app", ["subnet-b"], false),
      ]),
    ).to.deep.equal([]);
  });
  it("reports the volume outside the AZ the others share, on that volume", async () => {
    const moved = volume("redis-data", "us-east-1b");
    expect(
      await violations(ebsVolumesSingleAz, [volumes[0], volumes[1], moved]).then((vs) =>
        vs.map((v) => [v.urn, v.message]),
      ),
    ).to.deep.equal([
      [
        moved.urn,
        "EBS volume redis-data is in us-east-1b; the deployment's EBS volumes must all be in one AZ, us-east-1a, where 2 of 3 are.",
      ],
    ]);
  });
  it("fails a ClickHouse group whose subnets (found by id) are all in another AZ, on the group", async () => {
    const data = group("data", ["subnet-b"], true);
    expect(
      await violations(ebsVolumesSingleAz, [subnetA, subnetB, ...volumes, data]).then((vs) =>
        vs.map((v) => [v.urn, v.message]),
      ),
    ).to.deep.equal([
      [
        data.urn,
        "node group data runs ClickHouse/Redis and must have a subnet in us-east-1a, where their volumes are; its subnets are in us-east-1b (use1-az6).",
      ],
    ]);
  });
  it("with no tainted group, asks every group to reach the volumes' AZ", async () => {
    expect(
      await messages(ebsVolumesSingleAz, [subnetA, subnetB, ...volumes, group("all", ["subnet-a", "subnet-b"], false)]),
    ).to.deep.equal([]);
    expect(
      await messages(ebsVolumesSingleAz, [subnetA, subnetB, ...volumes, group("b-only", ["subnet-b"], false)]),
    ).to.have.length(1);
  });

  describe("during a first preview (ids and AZ names not known yet)", () => {
    it("follows the group's subnet dependency and pairs AZ names with ids: a data group moved is a violation", async () => {
      const data = group("data", [UNKNOWN], true, [plannedB.urn]);
      expect(
        await violations(ebsVolumesSingleAz, [network, plannedA, plannedB, ...volumes, data]).then((vs) =>
          vs.map((v) => [v.urn, v.enforcementLevel, v.message]),
        ),
      ).to.deep.equal([
        [
          data.urn,
          "mandatory",
          "node group data runs ClickHouse/Redis and must have a subnet in us-east-1a, where their volumes are; its subnets are in use1-az6.",
        ],
      ]);
    });
    it("passes the data group on the primary subnet", async () => {
      const data = group("data", [UNKNOWN], true, [plannedA.urn]);
      const stack = [network, plannedA, plannedB, ...volumes, data];
      expect(await levels(ebsVolumesSingleAz, stack)).to.deep.equal([]);
      expect(await undecidedReasons(ebsVolumesSingleAz, stack)).to.deep.equal([]);
    });
    it("follows the dependency to subnets only (a route a group waits for is not a subnet)", async () => {
      const route = res("aws:ec2/route:Route", "private-1-egress", {});
      const data = group("data", [UNKNOWN], true, [route.urn, plannedA.urn]);
      expect(await messages(ebsVolumesSingleAz, [network, route, plannedA, plannedB, ...volumes, data])).to.deep.equal(
        [],
      );
    });
    it("says what it cannot decide when nothing pairs the AZ name with the subnet's AZ id; no violation", async () => {
      const data = group("data", [UNKNOWN], true, [plannedB.urn]);
      const stack = [plannedA, plannedB, ...volumes, data];
      expect(await levels(ebsVolumesSingleAz, stack)).to.deep.equal([]);
      expect(await undecidedReasons(ebsVolumesSingleAz, stack)).to.deep.equal([
        [
          "(stack)",
          "not decided: data (no resource of the stack pairs the AZ of its subnets (use1-az6) with us-east-1a)",
        ],
      ]);
    });
  });

  it("says it cannot tell for a group whose subnets are not resources of the stack (an existing VPC)", async () => {
    const stack = [...volumes, group("data", ["subnet-0123456789"], true)];
    expect(await levels(ebsVolumesSingleAz, stack)).to.deep.equal([]);
    expect(await undecidedReasons(ebsVolumesSingleAz, stack)).to.deep.equal([
      ["(stack)", "not decided: data (its subnets are not resources of this stack)"],
    ]);
  });
  it("still reports a moved volume while another volume's AZ is unknown, and says which it could not read", async () => {
    const stack = [volume("clickhouse-data", UNKNOWN), volumes[1], volumes[2], volume("extra", "us-east-1b")];
    expect(await levels(ebsVolumesSingleAz, stack)).to.deep.equal([
      [
        "mandatory",
        "EBS volume extra is in us-east-1b; the deployment's EBS volumes must all be in one AZ, us-east-1a, where 2 of 3 are.",
      ],
    ]);
    expect(await undecidedReasons(ebsVolumesSingleAz, stack)).to.deep.equal([
      ["(stack)", "not decided: clickhouse-data (string value at .availabilityZone can't be known during preview)"],
    ]);
  });
});
