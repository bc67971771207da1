/**
 * The example stacks, each planned once per test run and shared by every test of the stacks lane
 * (program, plan and pack tests), so that no stack is planned twice.
 */
import * as path from "path";

import { toStackExport, type ExportedResource } from "../../plan/export";
import { type OfflinePlan, planStack } from "../../plan/offline";
import { inTreeOrder } from "../../plan/render";
import type { ProgramRun } from "../../plan/run";

/** The project root: Pulumi.yaml (and customer stack files). */
export const ROOT = path.resolve(__dirname, "../..");

/** The example stack files. */
export const EXAMPLES = path.join(ROOT, "examples");

/** The program, as `pulumi up` loads it (index.ts's export). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const program = require("../../index") as () => unknown;

const plans = new Map<string, Promise<OfflinePlan>>();

/** The offline plan of an example stack; planned on first use, then shared. */
export function plannedStack(stack: string): Promise<OfflinePlan> {
  let plan = plans.get(stack);
  if (plan === undefined) {
    plan = planStack(EXAMPLES, stack, program);
    plans.set(stack, plan);
  }
  return plan;
}

/** A run's resources as `npm run plan -- --json` writes them. */
export function exported(run: ProgramRun): ExportedResource[] {
  return toStackExport(inTreeOrder(run.resources)).deployment.resources;
}
