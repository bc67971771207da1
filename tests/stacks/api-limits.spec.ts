/**
 * The plans against the AWS APIs' own rules: no description, name or tag of any example stack's
 * plan breaks what the APIs accept (the pack's API-limit rules, policy/rules/*-valid-*), and the
 * longest names the config allows still fit.
 */
import { expect } from "chai";

import { runProgram } from "../../plan/run";
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
});
