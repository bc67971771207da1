/**
 * `npm run plan:esc -- <stack> --org ORG [plan options]`: the offline plan of a stack that imports
 * Pulumi ESC environments, with the values they provide. Each environment's `pulumiConfig` is read
 * with the Pulumi CLI, `pulumi env get <ORG>/<environment> pulumiConfig --value json` (checked, not
 * opened: secrets print as `[secret]` and become the plan's placeholders, so no secret reaches the
 * plan or its output), merged in the stack's order and piped to `npm run plan -- <stack>
 * --esc-config -`; nothing is written to disk. ORG is the Pulumi organization the stack lives in
 * (the stack file names its environments relative to it). Needs the Pulumi CLI logged in to Pulumi
 * Cloud (in CI: PULUMI_ACCESS_TOKEN). Exits as the plan does; 1 when an environment cannot be read.
 *
 * Source for the command: pulumi/pulumi pkg/cmd/esc/cli/env_get.go (`get
 * [<org-name>/][<project-name>/]<environment-name>[@<version>] <path>`, `--value json`, secrets
 * shown only with --show-secrets) and sdk/go/common/esc/value.go (ToJSON: `[secret]`, `[unknown]`).
 */
import { spawnSync } from "child_process";
import * as path from "path";

import { escGetCommand, locateStack, mergeEscConfig, readStackConfig } from "../plan/stackfile";

const ROOT = path.resolve(__dirname, "..");
const USAGE = "usage: npm run plan:esc -- [stack] --org ORG [options of npm run plan, but --esc-config]";

/** The arguments: the organization taken out, the rest passed to the plan. */
function parse(argv: readonly string[]): { org: string; stack: string; dir?: string; rest: string[] } {
  const rest: string[] = [];
  let org: string | undefined;
  let dir: string | undefined;
  let stack = "dev";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--org") org = argv[++i];
    else if (a === "--esc-config") throw new Error(`--esc-config: the environments are read here; ${USAGE}`);
    else {
      rest.push(a);
      if (a === "--dir") rest.push((dir = path.resolve(argv[++i] ?? ".")));
      else if (["--json", "--policy-config"].includes(a)) rest.push(argv[++i]);
      else if (!a.startsWith("-")) stack = a;
    }
  }
  if (org === undefined || org === "") throw new Error(`--org needs the Pulumi organization of the stack; ${USAGE}`);
  return { org, stack, rest, ...(dir !== undefined ? { dir } : {}) };
}

/** One environment's pulumiConfig, as the Pulumi CLI prints it. */
function environmentConfig(org: string, environment: string): unknown {
  const args = ["env", "get", `${org}/${environment}`, "pulumiConfig", "--value", "json"];
  const result = spawnSync("pulumi", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ?? result.stderr.trim();
    throw new Error(`${escGetCommand(org, environment)} failed: ${why}`);
  }
  return JSON.parse(result.stdout) as unknown;
}

function main(): number {
  const { org, stack, dir, rest } = parse(process.argv.slice(2));
  const config = readStackConfig(dir ?? locateStack(ROOT, stack).dir, stack);
  const values = mergeEscConfig(config.environments.map((e) => environmentConfig(org, e)));
  const plan = spawnSync(
    process.execPath,
    ["-r", path.join(ROOT, "scripts/register.js"), path.join(ROOT, "scripts/plan.ts"), ...rest, "--esc-config", "-"],
    { input: JSON.stringify(values), stdio: ["pipe", "inherit", "inherit"] },
  );
  return plan.status ?? 1;
}

try {
  process.exit(main());
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
