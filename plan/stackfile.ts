/**
 * Reads a stack's config the way the Pulumi CLI hands it to a program: Pulumi.<stack>.yaml's
 * `config` merged over the project's declared defaults in Pulumi.yaml, keys fully namespaced,
 * structured values as JSON text. Secure values cannot be decrypted offline: each is replaced by
 * a placeholder and its key is marked secret.
 *
 * Pulumi ESC: a stack file's `environment` lists the ESC environments it imports; their
 * `pulumiConfig` values become stack config, later environments over earlier ones, and "when a key
 * is set both in an environment's pulumiConfig and explicitly in your stack configuration, the
 * explicit stack value wins" (Pulumi docs, "Use Pulumi ESC with Pulumi IaC",
 * pulumi/docs content/docs/esc/guides/pulumi-iac/_index.md). Opening an environment needs Pulumi
 * Cloud, so offline those values are missing unless given (`pulumi env get <env> pulumiConfig
 * --value json` prints them with secrets hidden: escValues; pass that object as `escConfig`).
 *
 * Stack files are `Pulumi.<stack>.yaml`: the Pulumi CLI names a stack's file after the project
 * file, with its extension (`Pulumi.yaml` here: pulumi/pulumi sdk/go/common/workspace/paths.go,
 * ProjectStackPath, `filepath.Ext(projPath)`), so it never reads a `Pulumi.<stack>.yml` beside it.
 */
import * as fs from "fs";
import * as path from "path";

import * as yaml from "js-yaml";

import { isRecord } from "../config/values";

export const SECRET_PLACEHOLDER = "offline-plan-placeholder";

export interface StackConfig {
  readonly project: string;
  readonly stack: string;
  readonly config: Record<string, string>;
  readonly secretKeys: string[];
  /** The ESC environments the stack file imports (`environment:`), in order; none: []. */
  readonly environments: string[];
}

/** The stack file's `environment`: a list of ESC environment names (a single name is read as a list of one). */
function environmentsOf(file: string, raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const list = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(list) || !list.every((e): e is string => typeof e === "string")) {
    throw new Error(`${file}: \`environment\` must be a list of ESC environment names, such as [my-project/dev]`);
  }
  return list;
}

/** A secure value as a stack file holds it: `{secure: <ciphertext>}`. */
function isSecure(v: unknown): boolean {
  return isRecord(v) && Object.keys(v).length === 1 && typeof v.secure === "string";
}

/** Replaces `{secure: ...}` values (at any depth) by the placeholder; reports whether any was found. */
function replaceSecure(v: unknown): { value: unknown; secret: boolean } {
  if (isSecure(v)) return { value: SECRET_PLACEHOLDER, secret: true };
  if (Array.isArray(v)) {
    const items = v.map(replaceSecure);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (isRecord(v)) {
    const entries = Object.entries(v).map(([k, x]) => [k, replaceSecure(x)] as const);
    return {
      value: Object.fromEntries(entries.map(([k, r]) => [k, r.value])),
      secret: entries.some(([, r]) => r.secret),
    };
  }
  return { value: v, secret: false };
}

/** The key a YAML error points at: the text from the mark to the colon that ends the key. */
function keyAt(buffer: string, position: number): string {
  const line = buffer.slice(position).split("\n")[0];
  // A plain key may hold colons not followed by a space (datafold-aws:network).
  return (/^\s*("[^"]*"|'[^']*'|(?:[^:#]|:(?=\S))+?)\s*:(?:\s|$)/.exec(line)?.[1] ?? line).replace(/^["']|["']$/g, "");
}

function loadYaml(file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (err) {
    // js-yaml refuses a key given twice in one mapping (as YAML 1.2 requires, and as the Pulumi CLI
    // does); name the key and where, so that the fix is obvious.
    if (err instanceof yaml.YAMLException && err.reason === "duplicated mapping key" && err.mark !== undefined) {
      const { buffer, position, line } = err.mark as unknown as { buffer: string; position: number; line: number };
      throw new Error(
        `${file}:${line + 1}: the key "${keyAt(buffer, position)}" appears twice in the same mapping; YAML keeps one value per key, so one of them would be lost: merge the two into one`,
      );
    }
    throw err;
  }
  if (doc === undefined || doc === null) return {};
  if (!isRecord(doc)) throw new Error(`${file}: expected a YAML mapping at the top level`);
  return doc;
}

/**
 * The paths of numbers JSON cannot hold (YAML's .inf, -.inf, .nan): JSON.stringify would write them
 * as null, the Pulumi CLI's JSON encoding refuses them, and the value the user wrote would be lost.
 */
function nonFiniteNumbers(value: unknown, path: string): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} (${String(value)})`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  return [];
}

/** The stack files the Pulumi CLI would ignore: `Pulumi.<stack>.yml` (the project file is Pulumi.yaml). */
export function ignoredStackFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^Pulumi\..+\.yml$/.test(f))
    .sort();
}

/** Why a `Pulumi.<stack>.yml` is refused, and the fix. */
function ymlProblem(dir: string, files: readonly string[]): string {
  return `${files.map((f) => path.join(dir, f)).join(", ")}: the Pulumi CLI reads a stack's config from Pulumi.<stack>.yaml (the project file's extension) and ignores ${files.length === 1 ? "this file" : "these files"}: rename ${files.length === 1 ? "it" : "them"} to .yaml`;
}

/**
 * The stacks that have a Pulumi.<stack>.yaml in `dir`, sorted. A `Pulumi.<stack>.yml` there is an
 * error naming it: the Pulumi CLI would ignore it, so the workflows would preview and deploy a
 * stack without its config.
 */
export function listStacks(dir: string): string[] {
  const ignored = ignoredStackFiles(dir);
  if (ignored.length > 0) throw new Error(ymlProblem(dir, ignored));
  return stackNames(dir);
}

/** The names of the `Pulumi.<stack>.yaml` files in `dir`, sorted. */
function stackNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** Where `npm run plan -- <stack>` finds a stack file without --dir. */
export interface StackLocation {
  readonly dir: string;
  /** The example stack of the same name, in examples/, that a customer stack at the root hides. */
  readonly hides?: string;
}

/**
 * The folder of the stack file `Pulumi.<stack>.yaml`: the project root `root` (customer stacks),
 * else `root/examples` (the example stacks). A customer stack named like an example wins, and the
 * location says which example it hides. An error listing both folders' stacks when neither has it.
 */
export function locateStack(root: string, stack: string): StackLocation {
  const examples = path.join(root, "examples");
  const file = `Pulumi.${stack}.yaml`;
  const atRoot = fs.existsSync(path.join(root, file));
  const example = fs.existsSync(path.join(examples, file));
  if (atRoot) return example ? { dir: root, hides: path.join(examples, file) } : { dir: root };
  if (example) return { dir: examples };
  const ignored = [root, examples].flatMap((d) =>
    fs.existsSync(path.join(d, `Pulumi.${stack}.yml`)) ? [path.join(d, `Pulumi.${stack}.yml`)] : [],
  );
  const names = (dir: string) => stackNames(dir).join(", ") || "none";
  throw new Error(
    [
      `no stack file ${file} at the project root or in examples/`,
      ...(ignored.length > 0
        ? [
            ymlProblem(
              path.dirname(ignored[0]),
              ignored.map((f) => path.basename(f)),
            ),
          ]
        : []),
      `customer stacks (project root): ${names(root)}`,
      `example stacks (examples/): ${names(examples)}`,
      "a stack file elsewhere: --dir DIR",
    ].join("\n"),
  );
}

/**
 * The project file that governs stack files in `dir`: `dir/Pulumi.yaml`, else the nearest one
 * above it (the example stacks in examples/ belong to the project at the root).
 */
export function projectFileFor(dir: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, "Pulumi.yaml");
    if (fs.existsSync(file)) return file;
    if (path.dirname(d) === d) throw new Error(`no Pulumi.yaml in ${dir} or above it`);
  }
}

/**
 * The stack's config. `escConfig`: the `pulumiConfig` values of its ESC environments, already
 * opened and merged (an object keyed as a stack file's `config`), applied under the stack file's
 * own values.
 */
export function readStackConfig(
  dir: string,
  stack: string,
  escConfig: Readonly<Record<string, unknown>> = {},
): StackConfig {
  const projectFile = loadYaml(projectFileFor(dir));
  const project = String(projectFile.name);
  const stackPath = path.join(dir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(stackPath)) {
    const yml = path.join(dir, `Pulumi.${stack}.yml`);
    if (fs.existsSync(yml)) throw new Error(ymlProblem(dir, [path.basename(yml)]));
    throw new Error(`no stack file ${stackPath}; stacks here: ${stackNames(dir).join(", ") || "none"}`);
  }
  const stackFile = loadYaml(stackPath);
  const qualify = (key: string) => (key.includes(":") ? key : `${project}:${key}`);

  const values: Record<string, unknown> = {};
  const declared = isRecord(projectFile.config) ? projectFile.config : {};
  for (const [key, decl] of Object.entries(declared)) {
    if (isRecord(decl) && "default" in decl) values[qualify(key)] = decl.default;
    else if (!isRecord(decl)) values[qualify(key)] = decl;
  }
  for (const [key, value] of Object.entries(escConfig)) values[qualify(key)] = value;
  const stackValues = isRecord(stackFile.config) ? stackFile.config : {};
  for (const [key, value] of Object.entries(stackValues)) values[qualify(key)] = value;

  const lost = Object.entries(values).flatMap(([key, v]) => nonFiniteNumbers(v, key));
  if (lost.length > 0) {
    throw new Error(
      `${stackPath}: ${lost.join(", ")}: YAML reads .inf, -.inf and .nan as numbers that JSON cannot hold, so the value would be lost; quote it if you meant the text, or give a number`,
    );
  }

  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const { value, secret } = replaceSecure(raw);
    if (secret) secretKeys.push(key);
    config[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return { project, stack, config, secretKeys, environments: environmentsOf(stackPath, stackFile.environment) };
}

/** The command that prints an environment's `pulumiConfig`, secrets hidden (see escValues). */
export function escGetCommand(org: string, environment: string): string {
  return `pulumi env get ${org}/${environment} pulumiConfig --value json`;
}

/**
 * What the offline plan says about a stack that imports ESC environments: which ones it cannot
 * open, and how to supply their values without writing them to disk (one `--esc-config` per
 * environment, in the stack's order).
 */
export function escNotice(stack: StackConfig, supplied: boolean): string {
  const names = stack.environments.join(", ");
  const plural = stack.environments.length === 1 ? "" : "s";
  if (supplied) return `ESC environment${plural} ${names}: pulumiConfig values supplied with --esc-config.`;
  const byHand =
    stack.environments.length === 1
      ? `  ${escGetCommand("<org>", stack.environments[0])} | npm run plan -- ${stack.stack} --esc-config -`
      : `  npm run plan -- ${stack.stack} ${stack.environments.map((e) => `--esc-config <(${escGetCommand("<org>", e)})`).join(" ")}`;
  return [
    `Stack '${stack.stack}' imports the ESC environment${plural} ${names}, which the offline plan cannot open ` +
      "(that needs Pulumi Cloud): the config values they provide through pulumiConfig are missing here.",
    "Supply them from a shell logged in to Pulumi Cloud (secrets stay hidden; nothing is written to disk):",
    `  npm run plan:esc -- ${stack.stack} --org <org>`,
    "or by hand:",
    byHand,
  ].join("\n");
}

/** What `pulumi env get --value json` prints for a secret and for a value only opening the environment gives. */
const HIDDEN_ESC_VALUES = ["[secret]", "[unknown]"];

/**
 * An environment's `pulumiConfig` as `pulumi env get <env> pulumiConfig --value json` prints it,
 * made a stack file's `config`: a secret (`[secret]`) and a value only opening the environment
 * gives (`[unknown]`: the command evaluates without running providers) become secure values, which
 * the plan replaces by its placeholder and keeps secret, as it does the stack file's own
 * (pulumi/pulumi pkg/cmd/esc/cli/env_get.go: the value is checked, not opened, and rendered with
 * secrets redacted; sdk/go/common/esc/value.go ToJSON writes `[secret]` and `[unknown]`).
 */
export function escValues(value: unknown): unknown {
  if (typeof value === "string" && HIDDEN_ESC_VALUES.includes(value)) return { secure: value };
  if (isSecure(value)) return value;
  if (Array.isArray(value)) return value.map(escValues);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escValues(v)]));
  return value;
}

/**
 * The `pulumiConfig` objects of several environments merged as the stack imports them, later over
 * earlier, key by key at the top level (a structured key such as `datafold-aws:cluster` is taken
 * whole from the last environment that sets it). `null` is an environment without `pulumiConfig`
 * (the command prints it for a path the environment lacks: env_get.go, renderValue).
 */
export function mergeEscConfig(objects: readonly unknown[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  objects.forEach((o, i) => {
    if (o === null) return;
    if (!isRecord(o)) {
      throw new Error(
        `--esc-config #${i + 1}: expected an object of config values, as \`pulumi env get <env> pulumiConfig --value json\` prints`,
      );
    }
    Object.assign(merged, escValues(o));
  });
  return merged;
}
