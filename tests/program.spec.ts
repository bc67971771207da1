import * as path from "path";

import { expect } from "chai";

import { planStack } from "../plan/offline";
import { ProgramError, runProgram } from "../plan/run";
import { makeWorld } from "../plan/world";
import { find, inputs, outputs } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const program = require("../index") as () => unknown;
const ROOT = path.resolve(__dirname, "..");

describe("program (index.ts)", () => {
  it("plans the dev stack: one network with the stack's tags, and the network outputs", async () => {
    const { run } = await planStack(ROOT, "dev", program);
    const types = run.resources.map((r) => r.type);
    expect(types.filter((t) => t === "aws:ec2/subnet:Subnet")).to.have.length(4);
    expect(types.filter((t) => t === "aws:ec2/natGateway:NatGateway")).to.have.length(1);
    expect(run.resources).to.have.length(21);
    expect(inputs(find(run, "aws:ec2/vpc:Vpc", "acme-datafold-vpc")).tags).to.deep.equal({
      "managed-by": "pulumi",
      "cost-center": "data-platform",
      "datafold:deployment": "acme-datafold",
      Name: "acme-datafold-vpc",
    });
    const out = outputs(run);
    expect(Object.keys(out).sort()).to.deep.equal([
      "availabilityZones",
      "primaryAvailabilityZone",
      "primaryAvailabilityZoneId",
      "primaryPrivateSubnetId",
      "privateSubnetIds",
      "publicSubnetIds",
      "region",
      "vpcCidr",
      "vpcId",
    ]);
    expect(out.region).to.equal("us-east-1");
    expect(out.primaryAvailabilityZone).to.equal("us-east-1a");
  });

  it("plans the existing-VPC stack without creating any network resource", async () => {
    const { run } = await planStack(ROOT, "existing-vpc", program);
    expect(run.resources.map((r) => r.type)).to.deep.equal(["pulumi:pulumi:Stack", "datafold:aws:Network"]);
    expect(outputs(run).vpcId).to.equal("vpc-0a1b2c3d4e5f60718");
  });

  it("declares nothing but the stack when the config is invalid, and names every bad key", async () => {
    const err = await runProgram({
      project: "datafold-aws",
      stack: "bad",
      world: makeWorld("us-east-1"),
      program,
      config: {
        "aws:region": "us-east-1",
        "datafold-aws:deploymentName": "Bad Name",
        "datafold-aws:domain": "datafold.acme.example",
        "datafold-aws:network": JSON.stringify({ natGateway: "twice" }),
        "datafold-aws:storage": JSON.stringify({ clickhouseData: { iops: 100 } }),
      },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(ProgramError);
    const e = err as ProgramError;
    // At most the stack itself was registered: no component and no cloud resource.
    expect(e.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).to.deep.equal([]);
    expect(e.message.split("\n").map((l) => l.replace(/:( got| is).*/, ""))).to.deep.equal([
      "Invalid stack configuration (4 problems); nothing was declared:",
      "  - datafold-aws:deploymentName",
      "  - datafold-aws:network.natGateway",
      "  - datafold-aws:cluster.publicAccessCidrs",
      "  - datafold-aws:storage.clickhouseData.iops",
    ]);
  });
});
