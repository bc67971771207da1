import { expect } from "chai";

import { ebsVolumesSingleAz } from "../rules/ebs/ebs-volumes-single-az";
import { levels, messages, res, UNKNOWN } from "./helpers";

// Stack policies see outputs (what the provider reports), ids included.
const subnet = (name: string, id: string, az: string) =>
  res("aws:ec2/subnet:Subnet", name, { availabilityZoneId: `${az}-id` }, { id, outputs: { availabilityZone: az } });
const subnetA = subnet("private-1", "subnet-a", "us-east-1a");
const subnetB = subnet("private-2", "subnet-b", "us-east-1b");
const volume = (name: string, az: string) =>
  res("aws:ebs/volume:Volume", name, {}, { id: `vol-${name}`, outputs: { availabilityZone: az, encrypted: true } });
const group = (name: string, subnetIds: unknown[], tainted: boolean) =>
  res(
    "aws:eks/nodeGroup:NodeGroup",
    name,
    {},
    {
      outputs: { subnetIds, taints: tainted ? [{ key: "clickhouse", value: "reserved", effect: "NO_SCHEDULE" }] : [] },
      // As the program declares them: every group's subnet ids derive from all private subnets.
      propertyDependencies: { subnetIds: [subnetA.urn, subnetB.urn] },
    },
  );
const volumes = [
  volume("clickhouse-data", "us-east-1a"),
  volume("clickhouse-logs", "us-east-1a"),
  volume("redis-data", "us-east-1a"),
];

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
  it("fails volumes spread over two AZs", async () => {
    expect(
      await messages(ebsVolumesSingleAz, [volume("clickhouse-data", "us-east-1a"), volume("redis-data", "us-east-1b")]),
    ).to.deep.equal([
      "EBS volumes must all be in one AZ; they are spread over us-east-1a, us-east-1b (clickhouse-data: us-east-1a, redis-data: us-east-1b).",
    ]);
  });
  it("fails a ClickHouse group whose subnets are all in another AZ, though it depends on every subnet", async () => {
    expect(
      await messages(ebsVolumesSingleAz, [subnetA, subnetB, ...volumes, group("data", ["subnet-b"], true)]),
    ).to.deep.equal([
      "node group data runs ClickHouse/Redis and must have a subnet in us-east-1a, where their volumes are; its subnets are in us-east-1b.",
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
  it("skips a group whose subnets are not known yet or not in the stack (an existing VPC)", async () => {
    expect(
      await messages(ebsVolumesSingleAz, [subnetA, subnetB, ...volumes, group("data", [UNKNOWN], true)]),
    ).to.deep.equal([]);
    expect(await messages(ebsVolumesSingleAz, [...volumes, group("data", ["subnet-0123456789"], true)])).to.deep.equal(
      [],
    );
  });
  it("cannot tell yet while a volume's AZ is unknown: advisory", async () => {
    expect(
      await levels(ebsVolumesSingleAz, [volume("clickhouse-data", UNKNOWN), volume("redis-data", "us-east-1b")]),
    ).to.deep.equal([
      [
        "advisory",
        "can't run policy 'ebs-volumes-single-az' during preview: string value at .availabilityZone can't be known during preview",
      ],
    ]);
  });
});
