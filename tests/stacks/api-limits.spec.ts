/**
 * The plans against the AWS APIs' own rules: no description, name or tag of any example stack's
 * plan breaks what the APIs accept (the pack's API-limit rules, policy/rules/*-valid-*), and the
 * longest names the config allows still fit.
 */
import { expect } from "chai";

import { ProgramError, runProgram } from "../../plan/run";
import { readStackConfig } from "../../plan/stackfile";
import { makeWorld } from "../../plan/world";
import { evaluate } from "../../policy/engine";
import { apiLimitPolicies, policies } from "../../policy/policies";
import { EXAMPLES, exported, plannedStack, program } from "./plans";

describe("the plans against the AWS APIs' rules", () => {
  for (const stack of ["dev", "existing-vpc", "internal", "controller", "access"]) {
    it(`finds no description, name or tag the APIs refuse in the plan of the ${stack} stack`, async () => {
      const { run } = await plannedStack(stack);
      expect(await evaluate(exported(run), apiLimitPolicies)).to.deep.equal([]);
    });
  }

  it("fits every generated name when deploymentName and node group names are as long as the config allows", async () => {
    const stack = readStackConfig(EXAMPLES, "internal");
    const longest = "a".repeat(27) + "z"; // 28 characters
    const group = (name: string, extra: Record<string, unknown> = {}) => ({
      name,
      instanceTypes: ["r7a.2xlarge"],
      ...extra,
    });
    const cluster = {
      endpointPublicAccess: false,
      adminRoleArns: ["arn:aws:iam::123456789012:role/PlatformAdmin"],
      bedrock: true,
      nodeGroups: [
        group("n".repeat(20)),
        group("d".repeat(20), {
          placement: "primary",
          labels: { "datafold.com/node-pool": "data" },
          taints: [{ key: "clickhouse", value: "reserved", effect: "NoSchedule" }],
        }),
      ],
    };
    const run = await runProgram({
      project: "datafold-aws",
      stack: "internal",
      config: {
        ...stack.config,
        "datafold-aws:deploymentName": longest,
        "datafold-aws:cluster": JSON.stringify(cluster),
        "datafold-aws:access": JSON.stringify({ enabled: true, allowIamChanges: true }),
      },
      world: makeWorld("us-west-2"),
      program,
    });
    expect(await evaluate(exported(run), policies)).to.deep.equal([]);
  });

  it("plans with no violation what the APIs accept at the edges: a multi-Region key, 450 nodes, the TLS 1.3-only policy", async () => {
    const stack = readStackConfig(EXAMPLES, "dev");
    const dev = (section: string) => JSON.parse(stack.config[`datafold-aws:${section}`]) as Record<string, unknown>;
    const groups = dev("cluster").nodeGroups as Record<string, unknown>[];
    const run = await runProgram({
      project: "datafold-aws",
      stack: "dev",
      config: {
        ...stack.config,
        "datafold-aws:storage": JSON.stringify({
          ...dev("storage"),
          kmsKeyArn: `arn:aws:kms:us-east-1:123456789012:key/mrk-${"0a1b2c3d".repeat(4)}`,
        }),
        "datafold-aws:cluster": JSON.stringify({
          ...dev("cluster"),
          nodeGroups: [{ ...groups[0], minSize: 1, maxSize: 450, desiredSize: 1 }, groups[1]],
        }),
        "datafold-aws:ingress": JSON.stringify({ ...dev("ingress"), sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" }),
      },
      world: makeWorld("us-east-1"),
      program,
    });
    const resources = exported(run);
    expect(await evaluate(resources, policies)).to.deep.equal([]);
    const listener = resources.find((r) => r.urn.endsWith("aws:lb/listener:Listener::acme-datafold-https"));
    expect(listener?.inputs?.sslPolicy).to.equal("ELBSecurityPolicy-TLS13-1-3-2021-06");
  });

  it("refuses a section under a namespace the program never reads, before anything is declared", async () => {
    const stack = readStackConfig(EXAMPLES, "dev");
    const err = await runProgram({
      project: "datafold-aws",
      stack: "dev",
      config: { ...stack.config, "datafold:database": JSON.stringify({ multiAz: true }) },
      world: makeWorld("us-east-1"),
      program,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(ProgramError);
    const e = err as ProgramError;
    expect(e.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).to.deep.equal([]);
    expect(e.message.split("\n")).to.deep.equal([
      "Invalid stack configuration (1 problem); nothing was declared:",
      `  - datafold:database: got {"multiAz":true}; expected a key in the project's namespace (datafold-aws:database) or a provider's (aws, kubernetes, random, eks, pulumi): the program reads no other namespace, so this value would be ignored`,
    ]);
  });
});
