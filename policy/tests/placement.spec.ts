import { expect } from "chai";

import { ebsVolumesSingleAz } from "../rules/ebs/ebs-volumes-single-az";
import { messages, res, UNKNOWN } from "./helpers";

const subnetA = res(
  "aws:ec2/subnet:Subnet",
  "private-1",
  { availabilityZoneId: "use1-az2" },
  { outputs: { availabilityZone: "us-east-1a" } },
);
const subnetB = res(
  "aws:ec2/subnet:Subnet",
  "private-2",
  { availabilityZoneId: "use1-az3" },
  { outputs: { availabilityZone: "us-east-1b" } },
);
const volume = (name: string, az: string) =>
  res("aws:ebs/volume:Volume", name, { availabilityZone: az, encrypted: true });
const group = (name: string, subnets: (typeof subnetA)[], tainted: boolean) =>
  res(
    "aws:eks/nodeGroup:NodeGroup",
    name,
    {
      subnetIds: subnets.map(() => UNKNOWN),
      taints: tainted ? [{ key: "clickhouse", value: "reserved", effect: "NO_SCHEDULE" }] : [],
    },
    { propertyDependencies: { subnetIds: subnets.map((s) => s.urn) } },
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
        group("data", [subnetA], true),
        group("app", [subnetB], false),
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
  it("fails a ClickHouse group with no subnet in the volumes' AZ", async () => {
    expect(
      await messages(ebsVolumesSingleAz, [subnetA, subnetB, ...volumes, group("data", [subnetB], true)]),
    ).to.deep.equal([
      "node group data runs ClickHouse/Redis and must have a subnet in us-east-1a, where their volumes are; its subnets are in us-east-1b.",
    ]);
  });
  it("with no tainted group, asks every group to reach the volumes' AZ", async () => {
    expect(
      await messages(ebsVolumesSingleAz, [subnetA, subnetB, ...volumes, group("all", [subnetA, subnetB], false)]),
    ).to.deep.equal([]);
    expect(
      await messages(ebsVolumesSingleAz, [subnetA, subnetB, ...volumes, group("b-only", [subnetB], false)]),
    ).to.have.length(1);
  });
  it("cannot tell yet while AZs are unknown or the subnets are not in the stack", async () => {
    expect(
      await messages(ebsVolumesSingleAz, [volume("clickhouse-data", UNKNOWN), volume("redis-data", "us-east-1b")]),
    ).to.deep.equal([]);
    const existing = res("aws:eks/nodeGroup:NodeGroup", "data", {
      subnetIds: ["subnet-0123"],
      taints: [{ key: "clickhouse" }],
    });
    expect(await messages(ebsVolumesSingleAz, [...volumes, existing])).to.deep.equal([]);
  });
});
