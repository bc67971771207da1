import { expect } from "chai";

import type { ExportedResource } from "../../plan/export";
import { asFirstPreview, asPlainExport } from "../../plan/preview";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../plan/values";

const urn = (type: string, name: string) => `urn:pulumi:dev::p::${type}::${name}`;
const STACK = urn("pulumi:pulumi:Stack", "p-dev");
const NETWORK = urn("datafold:aws:Network", "net");

function resource(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  outputs: Record<string, unknown>,
  extra: Partial<ExportedResource> = {},
): ExportedResource {
  return {
    urn: urn(type, name),
    custom: true,
    type,
    inputs,
    outputs,
    dependencies: [],
    propertyDependencies: {},
    parent: STACK,
    ...extra,
  };
}

const stack = resource(
  "pulumi:pulumi:Stack",
  "p-dev",
  {},
  { zone: "us-east-1a", subnet: "subnet-1" },
  {
    custom: false,
    parent: undefined,
  },
);
const network = resource(
  "datafold:aws:Network",
  "net",
  {},
  { primaryAvailabilityZone: "us-east-1a", primaryAvailabilityZoneId: "use1-az4", primarySubnetId: "subnet-1" },
  { custom: false },
);
const reference = resource(
  "pulumi:pulumi:StackReference",
  "self",
  { name: "o/p/dev" },
  { name: "o/p/dev", outputs: {} },
  { external: true, id: "o/p/dev" },
);
const subnet = resource(
  "aws:ec2/subnet:Subnet",
  "private-1",
  { availabilityZoneId: "use1-az4", cidrBlock: "10.0.0.0/24", tags: { Name: "private-1" } },
  {
    availabilityZoneId: "use1-az4",
    cidrBlock: "10.0.0.0/24",
    tags: { Name: "private-1" },
    availabilityZone: "us-east-1a",
    arn: "arn:aws:ec2:us-east-1:1:subnet/subnet-1",
    region: "us-east-1",
    tagsAll: { Name: "private-1" },
  },
  { id: "subnet-1", parent: NETWORK },
);
const volume = resource(
  "aws:ebs/volume:Volume",
  "data",
  { availabilityZone: "us-east-1a", encrypted: true },
  { availabilityZone: "us-east-1a", encrypted: true, arn: "arn:aws:ec2:us-east-1:1:volume/vol-1" },
  { id: "vol-1", propertyDependencies: { availabilityZone: [reference.urn], encrypted: [] } },
);
const group = resource(
  "aws:eks/nodeGroup:NodeGroup",
  "data",
  {
    subnetIds: ["subnet-1"],
    instanceTypes: ["r7a.2xlarge"],
    password: { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify({ subnet: "subnet-1", keep: "kept" }) },
  },
  { subnetIds: ["subnet-1"], instanceTypes: ["r7a.2xlarge"], status: "ACTIVE" },
  { id: "cluster:data", propertyDependencies: { subnetIds: [subnet.urn], instanceTypes: [], password: [subnet.urn] } },
);
const plan = [stack, network, reference, subnet, volume, group];

describe("asFirstPreview", () => {
  const preview = asFirstPreview(plan);
  const get = (r: ExportedResource) => preview.find((x) => x.urn === r.urn) as ExportedResource;

  it("drops the ids of what the stack creates and keeps the reads'", () => {
    expect(preview.map((r) => r.id)).to.deep.equal([undefined, undefined, "o/p/dev", undefined, undefined, undefined]);
  });
  it("makes what a resource computes unknown, keeps its inputs and what the provider knows at plan (region, tagsAll)", () => {
    expect(get(subnet).outputs).to.deep.equal({
      availabilityZoneId: "use1-az4",
      cidrBlock: "10.0.0.0/24",
      tags: { Name: "private-1" },
      availabilityZone: UNKNOWN,
      arn: UNKNOWN,
      region: "us-east-1",
      tagsAll: { Name: "private-1" },
    });
    expect(get(subnet).inputs).to.deep.equal(subnet.inputs);
  });
  it("makes unknown an input fed by a computed value (an id), inside a secret too; keeps config-derived inputs", () => {
    expect(get(group).inputs).to.deep.equal({
      subnetIds: [UNKNOWN],
      instanceTypes: ["r7a.2xlarge"],
      password: { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify({ subnet: UNKNOWN, keep: "kept" }) },
    });
    expect(get(group).outputs).to.deep.equal({ ...get(group).inputs, status: UNKNOWN });
  });
  it("keeps an input fed by a read (the stack's last deployment), and a computed value the program also knows", () => {
    expect(get(volume).inputs).to.deep.equal(volume.inputs);
    // us-east-1a is the subnet's computed AZ name, and also a known input of the volume: not traced.
    expect(get(network).outputs).to.deep.equal({
      primaryAvailabilityZone: "us-east-1a",
      primaryAvailabilityZoneId: "use1-az4",
      primarySubnetId: UNKNOWN,
    });
    expect(get(stack).outputs).to.deep.equal({ zone: "us-east-1a", subnet: UNKNOWN });
    expect(get(reference)).to.deep.equal(reference);
  });
  it("does not trace the region (known at plan) into a known AZ name, from a remote component's kubeconfig", () => {
    const cluster = resource(
      "eks:index:Cluster",
      "eks",
      { name: "acme" },
      { name: "acme", kubeconfig: { args: ["--region", "us-east-1", "eks", "get-token"] } },
      { custom: false },
    );
    const withCluster = asFirstPreview([...plan, cluster]);
    const outputsOf = (r: ExportedResource) => withCluster.find((x) => x.urn === r.urn)?.outputs;
    expect(outputsOf(cluster)).to.deep.equal({ name: "acme", kubeconfig: UNKNOWN });
    expect(outputsOf(network)).to.deep.equal({
      primaryAvailabilityZone: "us-east-1a",
      primaryAvailabilityZoneId: "use1-az4",
      primarySubnetId: UNKNOWN,
    });
  });
  it("keeps dependencies, parents and options", () => {
    expect(preview.map((r) => [r.urn, r.parent, r.dependencies, r.propertyDependencies, r.protect])).to.deep.equal(
      plan.map((r) => [r.urn, r.parent, r.dependencies, r.propertyDependencies, r.protect]),
    );
  });
});

describe("asPlainExport", () => {
  it("drops dependencies and puts a bridged resource's id among its outputs; keeps tags unless asked", () => {
    const [plainSubnet] = asPlainExport([subnet]);
    expect([plainSubnet.propertyDependencies, plainSubnet.dependencies, plainSubnet.outputs.id]).to.deep.equal([
      {},
      [],
      "subnet-1",
    ]);
    expect(plainSubnet.outputs.tags).to.deep.equal({ Name: "private-1" });
    const [untagged] = asPlainExport([subnet], { untagged: true });
    expect(["tags" in untagged.inputs, "tags" in untagged.outputs, "tagsAll" in untagged.outputs]).to.deep.equal([
      false,
      false,
      false,
    ]);
  });
  it("adds no id to components, reads or resources of other providers", () => {
    const k8s = resource("kubernetes:core/v1:Namespace", "ns", {}, { metadata: {} }, { id: "ns" });
    expect(asPlainExport([network, reference, k8s]).map((r) => "id" in r.outputs)).to.deep.equal([false, false, false]);
  });
});
