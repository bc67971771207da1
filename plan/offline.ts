/**
 * The offline plan of one stack: its config as the CLI would pass it, a mock world that fits it,
 * and the real program run under mocks.
 */
import { REGIONS } from "../config/aws-data";
import type { RawConfig } from "../config/validator";
import { parseConfigValue } from "../config/values";
import { runProgram, type ProgramRun } from "./run";
import { readStackConfig, type StackConfig } from "./stackfile";
import { makeWorld, type World, worldForExistingNetwork } from "./world";

/**
 * A world for the stack: its region, and the existing VPC and subnets it names, if any. A region
 * the config refuses (or none) gets us-east-1's world: the program stops at the config's problems
 * before it asks the world anything. A region the config accepts but the world lacks gets a world
 * whose zone lookups fail, naming REGION_ZONES (plan/world.ts).
 */
export function worldForStack(stack: StackConfig): World {
  const configured = stack.config["aws:region"];
  const region = configured !== undefined && REGIONS[configured] !== undefined ? configured : "us-east-1";
  const network = parseConfigValue(stack.config[`${stack.project}:network`] ?? "{}") as {
    vpcId?: unknown;
    privateSubnetIds?: unknown;
    publicSubnetIds?: unknown;
  };
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  if (typeof network.vpcId === "string" && network.vpcId !== "") {
    return worldForExistingNetwork(region, network.vpcId, ids(network.privateSubnetIds), ids(network.publicSubnetIds));
  }
  return makeWorld(region);
}

export interface OfflinePlan {
  readonly stack: StackConfig;
  readonly run: ProgramRun;
}

/** Plans `Pulumi.<stack>.yaml` in `dir` with the program `program` (index.ts's export). */
export function planStack(dir: string, stackName: string, program: () => unknown): Promise<OfflinePlan> {
  return planConfig(readStackConfig(dir, stackName), program);
}

/** Plans a stack's config, as read (and completed with ESC values) by readStackConfig. */
export async function planConfig(stack: StackConfig, program: () => unknown): Promise<OfflinePlan> {
  const run = await runProgram({
    project: stack.project,
    stack: stack.stack,
    config: stack.config,
    secretKeys: stack.secretKeys,
    world: worldForStack(stack),
    program,
  });
  return { stack, run };
}

/** The stack's config as the program's validator takes it (what config/reader.ts reads at run time). */
export function rawConfigOf(stack: StackConfig): RawConfig {
  const prefix = `${stack.project}:`;
  const values: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(stack.config)) {
    if (key.startsWith(prefix)) values[key.slice(prefix.length)] = parseConfigValue(text);
  }
  const region = stack.config["aws:region"];
  return region === undefined ? { values } : { region, values };
}
