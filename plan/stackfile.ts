/**
 * Reads a stack's config the way the Pulumi CLI hands it to a program: Pulumi.<stack>.yaml's
 * `config` merged over the project's declared defaults in Pulumi.yaml, keys fully namespaced,
 * structured values as JSON text. Secure values cannot be decrypted offline: each is replaced by
 * a placeholder and its key is marked secret.
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
}

/** Replaces `{secure: ...}` values (at any depth) by the placeholder; reports whether any was found. */
function replaceSecure(v: unknown): { value: unknown; secret: boolean } {
  if (isRecord(v) && Object.keys(v).length === 1 && typeof v.secure === "string")
    return { value: SECRET_PLACEHOLDER, secret: true };
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

/** The stacks that have a Pulumi.<stack>.yaml in `dir`, sorted. */
export function listStacks(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
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

export function readStackConfig(dir: string, stack: string): StackConfig {
  const projectFile = loadYaml(projectFileFor(dir));
  const project = String(projectFile.name);
  const stackPath = path.join(dir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(stackPath)) {
    throw new Error(`no stack file ${stackPath}; stacks here: ${listStacks(dir).join(", ") || "none"}`);
  }
  const stackFile = loadYaml(stackPath);
  const qualify = (key: string) => (key.includes(":") ? key : `${project}:${key}`);

  const values: Record<string, unknown> = {};
  const declared = isRecord(projectFile.config) ? projectFile.config : {};
  for (const [key, decl] of Object.entries(declared)) {
    if (isRecord(decl) && "default" in decl) values[qualify(key)] = decl.default;
    else if (!isRecord(decl)) values[qualify(key)] = decl;
  }
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
  return { project, stack, config, secretKeys };
}
