/**
 * The example stacks, each planned once per test run and shared by every test of the stacks lane
 * (program, plan and pack tests), so that no stack is planned twice.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
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

/** What a command printed and how it exited. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a TypeScript script of the project as `npm run` does (the project's loader), in the project root. */
export function runScript(script: string, args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["-r", path.join(ROOT, "scripts/register.js"), path.join(ROOT, script), ...args],
      { cwd: ROOT, timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let devCommand: Promise<CommandResult & { readonly json: string }> | undefined;

/**
 * `npm run plan -- dev --dir examples --json FILE`, run once per test run and shared by the tests of the command
 * and of the pack on its JSON, so that the command plans the dev stack once.
 */
export function plannedDevByCommand(): Promise<CommandResult & { readonly json: string }> {
  if (devCommand === undefined) {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "datafold-plan-")), "dev.json");
    // --dir: the example, even where a customer stack named dev sits at the project root.
    devCommand = runScript("scripts/plan.ts", ["dev", "--dir", EXAMPLES, "--json", json]).then((r) => ({ ...r, json }));
  }
  return devCommand;
}
