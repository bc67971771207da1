/**
 * The contract test: `applicationSettings` of every example stack against the checked-in list of
 * the vendor's chart's value paths (stack/chart-values.ts, read from chart 0.10.110).
 */
import { expect } from "chai";

import { parseConfigValue, PROJECT, type Settings, validateConfig } from "../../config";
import type { StackConfig } from "../../plan/stackfile";
import { chartValueProblems, stackTraits, type StackTraits } from "../../stack/chart-values";
import { outputs } from "../helpers";
import { plannedStack } from "./plans";

const EXAMPLE_STACKS = ["dev", "existing-vpc", "internal", "controller", "access"];

/** The settings the program reads from a stack file. */
function settingsOf(stack: StackConfig): Settings {
  const values: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(stack.config)) {
    if (key.startsWith(`${PROJECT}:`)) values[key.slice(PROJECT.length + 1)] = parseConfigValue(text);
  }
  return validateConfig({ region: stack.config["aws:region"], values });
}

describe("applicationSettings against the vendor's chart (stack/chart-values.ts)", () => {
  const traits = new Map<string, StackTraits>();
  before(async function () {
    this.timeout(120000);
    for (const name of EXAMPLE_STACKS) traits.set(name, stackTraits(settingsOf((await plannedStack(name)).stack)));
  });

  for (const name of EXAMPLE_STACKS) {
    it(`${name}: every key is a path chart 0.10.110 reads, with its type, and every path the infrastructure fills is filled`, async () => {
      const { run } = await plannedStack(name);
      const values = outputs(run).applicationSettings as Record<string, unknown>;
      expect(chartValueProblems(values, traits.get(name) as StackTraits)).to.deep.equal([]);
    });
  }

  it("the example stacks hold both modes, with and without Bedrock and a data node group", () => {
    const seen = [...traits.values()].map((t) => `${t.mode} bedrock:${t.bedrock} data:${t.dataNodeGroup}`);
    expect([...new Set(seen)].sort()).to.deep.equal([
      "alb bedrock:false data:true",
      "controller bedrock:true data:true",
    ]);
  });
});
