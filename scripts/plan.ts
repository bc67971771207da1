/**
 * The offline plan: `npm run plan -- [stack] [--json FILE] [--dir DIR] [--full] [--show-secrets]
 * [--esc-config FILE|-]...`. Runs the real program under mocks with Pulumi.<stack>.yaml (default
 * dev; a customer stack at the project root, else an example in examples/), and prints for a
 * reviewer: the stack's mode and what needs the cluster API, the resource tree, the resource counts
 * by kind, the outputs, the program's messages, what the offline world assumed and the policy
 * pack's report. With --json it writes the planned resources as a `pulumi stack export`
 * (deployment v3); with --policy-config it applies a pack config as `pulumi preview
 * --policy-pack-config` does. Needs no AWS account and no Pulumi CLI. Exits 1 when the config is
 * invalid, the program fails or a mandatory policy is violated; 3 (NEEDS_ESC) when the stack
 * imports ESC environments whose values were not supplied and its config is incomplete without
 * them: not planned offline, which is neither a pass nor a failure of the stack.
 */
import * as fs from "fs";
import * as path from "path";

import * as yaml from "js-yaml";

import { ConfigError, validateConfig } from "../config/validator";
import { toStackExport } from "../plan/export";
import { blocks, evaluatePack, formatNotApplicable, formatReport, PACK } from "../policy/engine";
import { PackConfigError, readPackConfigFile, reconcilePackConfig } from "../policy/lib/pack-config";
import { policies } from "../policy/policies";
import { planConfig, rawConfigOf } from "../plan/offline";
import { packConfigHints } from "../plan/pack-hints";
import {
  inTreeOrder,
  renderLegend,
  renderMode,
  renderOutputs,
  renderSummary,
  renderTree,
  type RenderOptions,
} from "../plan/render";
import { ProgramError } from "../plan/run";
import { escNotice, locateStack, mergeEscConfig, readStackConfig } from "../plan/stackfile";

// Pulumi's SDK captures and formats a stack trace for every promise it makes (runtime/debuggable.js,
// for its leak report): thousands in one plan, about a twentieth of its run time. The plan prints
// messages, never stacks, so it keeps none (Resource.callsites() raises the limit itself where it
// needs source positions). To see stacks while debugging: NODE_OPTIONS=--stack-trace-limit=50.
if (!`${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`.includes("--stack-trace-limit"))
  Error.stackTraceLimit = 0;

const USAGE =
  "usage: npm run plan -- [stack] [--json FILE] [--dir DIR] [--full] [--show-secrets] [--esc-config FILE|-]... [--policy-config FILE]";

interface Args {
  stack: string;
  json?: string;
  /** Where the stack file is: given, or the project root (customer stacks), else examples/. */
  dir?: string;
  /** Print every value whole. */
  full: boolean;
  /** Print secret outputs (offline they hold mock values and config placeholders only). */
  showSecrets: boolean;
  /** Files (or `-`, standard input) holding the pulumiConfig of the stack's ESC environments, in order. */
  escConfig: string[];
  /** The pack config, as `pulumi preview --policy-pack-config FILE` takes it. */
  policyConfig?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { stack: "dev", full: false, showSecrets: false, escConfig: [] };
  const positional: string[] = [];
  const value = (i: number, what: string) => {
    const v = argv[i];
    if (v === undefined) throw new Error(`${argv[i - 1]} needs ${what}; ${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") args.json = value(++i, "a file name");
    else if (argv[i] === "--dir") args.dir = path.resolve(value(++i, "a directory"));
    else if (argv[i] === "--esc-config") args.escConfig.push(value(++i, "a file name or -"));
    else if (argv[i] === "--policy-config") args.policyConfig = value(++i, "a file");
    else if (argv[i] === "--full") args.full = true;
    else if (argv[i] === "--show-secrets") args.showSecrets = true;
    else if (argv[i] === "-h" || argv[i] === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else if (argv[i].startsWith("-") && argv[i] !== "-") {
      throw new Error(`unknown option ${argv[i]}; ${USAGE}`);
    } else positional.push(argv[i]);
  }
  if (positional.length > 1) throw new Error(`one stack at a time; ${USAGE}`);
  if (positional.length === 1) args.stack = positional[0];
  return args;
}

const ROOT = path.resolve(__dirname, "..");

/**
 * The exit code of a stack that was not planned offline because it imports ESC environments whose
 * values were not supplied (--esc-config) and its config is incomplete without them. .ci/run
 * reports such a stack as "not planned offline: needs ESC".
 */
const NEEDS_ESC = 3;

/** A failure that exits with its own code. */
class Exit extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/**
 * The stack file's folder: --dir, else the project root (customer stacks), else examples/. A
 * customer stack named like an example is planned, with a note on standard error.
 */
function stackDir(args: Args): string {
  if (args.dir !== undefined) return args.dir;
  const found = locateStack(ROOT, args.stack);
  if (found.hides !== undefined)
    console.error(
      `Note: planning the customer stack ${path.join(found.dir, `Pulumi.${args.stack}.yaml`)}; the example ${found.hides} of the same name is planned with --dir examples.`,
    );
  return found.dir;
}

/** One --esc-config source: a JSON or YAML object from a file, or from standard input for `-`. */
function readEscSource(source: string): unknown {
  return yaml.load(fs.readFileSync(source === "-" ? 0 : source, "utf8"));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  // The pack config is checked before anything is planned, as the CLI checks it before the preview.
  let pack: { json: unknown; environments: string[] } = { json: {}, environments: [] };
  try {
    if (args.policyConfig !== undefined) pack = readPackConfigFile(args.policyConfig);
    reconcilePackConfig(policies, pack.json, PACK);
  } catch (err) {
    if (!(err instanceof PackConfigError)) throw err;
    throw new Error(
      `The pack config ${args.policyConfig} is refused (nothing was planned):\n  ${err.reasons.join("\n  ")}`,
    );
  }
  const escConfig = mergeEscConfig(args.escConfig.map(readEscSource));
  const stack = readStackConfig(stackDir(args), args.stack, escConfig);
  const esc = stack.environments.length > 0 ? escNotice(stack, args.escConfig.length > 0) : undefined;
  // Loaded here, not at the top, so that a bad argument never loads the program.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const program = require("../index") as () => unknown;
  const { run } = await planConfig(stack, program).catch((err: unknown) => {
    // An incomplete config of a stack that imports ESC environments: not planned offline; say why first.
    if (esc !== undefined && args.escConfig.length === 0 && err instanceof ProgramError) {
      const message = `${esc}\n\nWith the stack file alone:\n${err.message}`;
      if (err.cause instanceof ConfigError) throw new Exit(`Not planned offline: needs ESC.\n${message}`, NEEDS_ESC);
      throw new ProgramError(new Error(message), err.resources);
    }
    throw err;
  });
  const settings = validateConfig(rawConfigOf(stack));
  const opts: RenderOptions = { full: args.full, showSecrets: args.showSecrets, madeUp: run.madeUp };

  console.log(
    `Offline plan of stack '${stack.stack}' (project ${stack.project}, region ${stack.config["aws:region"] ?? "unset"}): mocks, no AWS calls.`,
  );
  if (stack.secretKeys.length > 0)
    console.log(`Secret config values are placeholders here: ${stack.secretKeys.join(", ")}`);
  if (esc !== undefined) console.log(esc);
  console.log("");
  console.log(renderMode(settings, run.resources));
  console.log("");
  console.log(renderLegend(args.full));
  console.log("");
  console.log(renderTree(run.resources, opts));
  console.log("");
  console.log(renderSummary(run.resources));
  console.log("");
  console.log("Outputs:");
  console.log(renderOutputs(run.outputs, opts));
  if (run.messages.length > 0) {
    console.log("");
    console.log("Messages from the program (what `pulumi up` prints):");
    console.log(run.messages.map((m) => m.replace(/^/gm, "  ")).join("\n"));
  }
  if (run.assumptions.length > 0) {
    console.log("");
    console.log(
      "Assumed by the offline world, which holds no sourced fact for these (plan/world.ts; what rests on them ends in *):",
    );
    console.log(run.assumptions.map((a) => `  - ${a}`).join("\n"));
  }
  const exported = toStackExport(inTreeOrder(run.resources));
  if (args.json !== undefined) {
    fs.writeFileSync(args.json, `${JSON.stringify(exported, null, 2)}\n`);
    console.log(`\nWrote ${run.resources.length} resources to ${args.json}`);
  }
  // The pack's rules, on exactly what the JSON holds.
  const { violations, notApplicable } = await evaluatePack(
    exported.deployment.resources,
    policies,
    pack.json as Record<string, unknown>,
  );
  console.log("");
  if (args.policyConfig !== undefined) console.log(`Pack config: ${args.policyConfig}`);
  if (pack.environments.length > 0)
    console.log(
      `Not resolved offline: the ESC environments ${pack.environments.join(", ")} (their policy config is left out).`,
    );
  if (notApplicable.length > 0) console.log(formatNotApplicable(notApplicable));
  console.log(formatReport(violations, policies.length));
  const hints = packConfigHints(violations, stack.config);
  if (hints.length > 0) {
    console.log("");
    console.log(
      `Allowed by the config contract, blocked by the pack (accept it for this stack with a pack config beside its stack file, Pulumi.${stack.stack}.policy.json, which CI passes to the plan and to pulumi preview/up; by hand: npm run plan -- ${stack.stack} --policy-config FILE; pulumi preview --policy-pack policy --policy-pack-config FILE):`,
    );
    console.log(hints.map((h) => `  - ${h}`).join("\n"));
  }
  return violations.some((v) => blocks(v.enforcementLevel)) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    if (err instanceof ProgramError && err.resources.length > 1)
      console.error(`(${err.resources.length} resources had been declared before the failure)`);
    process.exit(err instanceof Exit ? err.code : 1);
  },
);
