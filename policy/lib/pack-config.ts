/**
 * The pack config (`pulumi preview --policy-pack-config FILE`), taken exactly as the Pulumi CLI
 * takes it before it starts the pack. The CLI, not the pack's Node runtime, does this work (the
 * runtime stores what `Configure` sends and hands it to `getConfig` untouched), so it is mirrored
 * here from pulumi/pulumi (3.259, commit 1b5949891b):
 *
 * - parse: pkg/resource/analyzer/config.go, `parsePolicyPackConfig` and `extractEnforcementLevel`
 *   (a level must be advisory, mandatory, remediate or disabled: sdk/go/common/apitype/policy.go);
 * - reconcile: `ReconcilePolicyPackConfig`: every policy's schema defaults and level, then "all"'s
 *   level, then each entry's level and settings merged over the defaults;
 * - validate: `validatePolicyPackConfig`, each policy's settings against `{type: object,
 *   properties}` with xeipuuv/gojsonschema v1.2.0, whose messages (locales.go) are reproduced for
 *   the keywords the pack's schemas use; errors sorted and printed by pkg/engine/update.go as
 *   `validating policy config: <pack> <version>  <policy>: <field>: <message>`;
 * - configure: pkg/resource/plugin/analyzer_plugin.go, `Configure` refuses an entry whose level is
 *   not valid, which is what becomes of an entry for a name no policy has when it sets no level.
 *
 * Stricter than the CLI (it accepts both and ignores them): an entry for a policy the pack does not
 * have, and a setting a policy's schema does not list. A misspelt name there would otherwise relax
 * or tighten nothing without a word.
 */
import * as fs from "fs";

import type { EnforcementLevel, Policies } from "@pulumi/policy";

import { isRecord } from "./wire";

/** The levels the CLI accepts (apitype.EnforcementLevel.IsValid). */
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** The pack config as the file holds it: per policy (or "all"), a level or an object. */
export type PackConfig = Record<string, unknown>;

/** One policy's reconciled config: its level and its settings (defaults filled in). */
export interface PolicyConfig {
  readonly enforcementLevel: EnforcementLevel;
  readonly properties: Record<string, unknown>;
}

/** A pack config the CLI (or, where said, this stricter check) refuses; `reasons` as the CLI prints them. */
export class PackConfigError extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(reasons.join("\n"));
    this.name = "PackConfigError";
  }
}

interface Parsed {
  enforcementLevel?: EnforcementLevel;
  properties: Record<string, unknown>;
}

function isLevel(value: unknown): value is EnforcementLevel {
  return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

/** A Go %v/%q-like rendering of a JSON value, for the CLI's messages. */
function goValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goValue).join(" ")}]`;
  if (isRecord(value))
    return `map[${Object.keys(value)
      .sort()
      .map((k) => `${k}:${goValue(value[k])}`)
      .join(" ")}]`;
  if (value === null) return "<nil>";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** parsePolicyPackConfig: each entry a level or an object with an optional level; "environments" set apart. */
export function parsePackConfig(json: unknown): { entries: Map<string, Parsed>; environments: string[] } {
  const entries = new Map<string, Parsed>();
  if (json === undefined || json === null) return { entries, environments: [] };
  if (!isRecord(json)) {
    throw new PackConfigError([
      `json: cannot unmarshal ${Array.isArray(json) ? "array" : typeof json} into Go value of type map[string]interface {}`,
    ]);
  }
  const reasons: string[] = [];
  let environments: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === "environments") {
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
        reasons.push(`"environments" must be an array of strings`);
      } else environments = value as string[];
      continue;
    }
    if (typeof value === "string") {
      if (!isLevel(value))
        reasons.push(`parsing enforcement level for "${key}": "${value}" is not a valid enforcement level`);
      else entries.set(key, { enforcementLevel: value, properties: {} });
    } else if (isRecord(value)) {
      const { enforcementLevel, ...properties } = value;
      if (enforcementLevel !== undefined && typeof enforcementLevel !== "string") {
        reasons.push(
          `parsing enforcement level for "${key}": ${goValue(enforcementLevel)} is not a valid enforcement level; must be a string`,
        );
      } else if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
        reasons.push(`parsing enforcement level for "${key}": "${enforcementLevel}" is not a valid enforcement level`);
      } else if (enforcementLevel !== undefined || Object.keys(properties).length > 0) {
        entries.set(key, { ...(enforcementLevel !== undefined ? { enforcementLevel } : {}), properties });
      }
    } else {
      reasons.push(`parsing "${key}": ${goValue(value)} is not a valid value; must be a string or object`);
    }
  }
  if (reasons.length > 0) throw new PackConfigError(reasons.sort());
  return { entries, environments };
}

/** A JSON schema as the pack's policies declare their settings (the keywords implemented below). */
interface Schema {
  type?: string | string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
}

const KEYWORDS = new Set(["type", "items", "minimum", "maximum", "minItems", "maxItems", "default", "description"]);

/** gojsonschema's name for a JSON value's type. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "object") return "object";
  return typeof value;
}

/** gojsonschema v1.2.0 on the subset of JSON schema the pack uses; each error as `<field>: <description>`. */
export function schemaErrors(schema: Schema, value: unknown, field: string): string[] {
  const unsupported = Object.keys(schema).filter((k) => !KEYWORDS.has(k));
  if (unsupported.length > 0)
    throw new Error(`the offline pack-config check does not implement JSON schema ${unsupported.join(", ")}`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const given = jsonType(value);
    const fits = types.includes(given) || (given === "integer" && types.includes("number"));
    if (!fits) {
      const expected = types.length === 1 ? types[0] : `[${types.join(",")}]`;
      return [`${field}: Invalid type. Expected: ${expected}, given: ${given}`];
    }
  }
  const errors: string[] = [];
  if (typeof value === "number") {
    if (schema.maximum !== undefined && value > schema.maximum)
      errors.push(`${field}: Must be less than or equal to ${schema.maximum}`);
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push(`${field}: Must be greater than or equal to ${schema.minimum}`);
  }
  if (Array.isArray(value)) {
    if (schema.items !== undefined)
      value.forEach((v, i) => errors.push(...schemaErrors(schema.items!, v, `${field}.${i}`)));
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errors.push(`${field}: Array must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      errors.push(`${field}: Array must have at most ${schema.maxItems} items`);
  }
  return errors;
}

/** A policy's settings schema: its properties (and required list), as GetAnalyzerInfo reports them. */
function propertiesOf(policy: Policies[number]): Record<string, Schema> {
  return (policy.configSchema?.properties ?? {}) as Record<string, Schema>;
}

/**
 * The config each policy runs with, reconciled and validated as the CLI does before it configures
 * the pack (see the file's comment), plus this check's stricter refusals. Throws PackConfigError
 * with every reason.
 */
export function reconcilePackConfig(
  policies: Policies,
  json: unknown,
  pack: { name: string; version: string; enforcementLevel: EnforcementLevel },
): Map<string, PolicyConfig> {
  const { entries } = parsePackConfig(json);
  const result = new Map<string, { enforcementLevel?: EnforcementLevel; properties: Record<string, unknown> }>();
  for (const policy of policies) {
    const defaults = Object.entries(propertiesOf(policy))
      .filter(([, s]) => s.default !== undefined)
      .map(([k, s]): [string, unknown] => [k, s.default]);
    result.set(policy.name, {
      enforcementLevel: policy.enforcementLevel ?? pack.enforcementLevel,
      properties: Object.fromEntries(defaults),
    });
  }
  const all = entries.get("all")?.enforcementLevel;
  if (all !== undefined) for (const [name, c] of result) result.set(name, { ...c, enforcementLevel: all });
  for (const [name, given] of entries) {
    const current = result.get(name);
    result.set(name, {
      enforcementLevel: given.enforcementLevel ?? current?.enforcementLevel,
      properties: { ...(current?.properties ?? {}), ...given.properties },
    });
  }

  const validation: string[] = [];
  for (const policy of policies) {
    if (policy.configSchema === undefined) continue;
    const properties = result.get(policy.name)?.properties ?? {};
    const schema = propertiesOf(policy);
    for (const key of Object.keys(properties).sort()) {
      if (schema[key] !== undefined)
        validation.push(...schemaErrors(schema[key], properties[key], `${policy.name}: ${key}`));
    }
    for (const key of policy.configSchema.required ?? [])
      if (!(key in properties)) validation.push(`${policy.name}: ${key} is required`);
  }
  if (validation.length > 0) {
    throw new PackConfigError(
      validation.sort().map((v) => `validating policy config: ${pack.name} ${pack.version}  ${v}`),
    );
  }
  const invalidLevel = [...result].find(([, c]) => c.enforcementLevel === undefined);
  if (invalidLevel !== undefined) {
    throw new PackConfigError([`configuring policy pack "${pack.name}": invalid enforcement level ""`]);
  }

  // Stricter than the CLI.
  const names = new Set(policies.map((p) => p.name));
  const stricter: string[] = [];
  for (const [name, given] of entries) {
    if (name === "all") {
      if (Object.keys(given.properties).length > 0)
        stricter.push(`"all" takes only an enforcement level; it has ${Object.keys(given.properties).join(", ")}`);
      continue;
    }
    const policy = policies.find((p) => p.name === name);
    if (!names.has(name) || policy === undefined) {
      stricter.push(`"${name}" is not a policy of ${pack.name} (the Pulumi CLI would ignore it)`);
      continue;
    }
    const known = Object.keys(propertiesOf(policy));
    for (const key of Object.keys(given.properties).filter((k) => !known.includes(k))) {
      stricter.push(
        `${name}: ${key} is not one of its settings (${known.length > 0 ? known.join(", ") : "it has none"}; the Pulumi CLI would ignore it)`,
      );
    }
  }
  if (stricter.length > 0) throw new PackConfigError(stricter.sort());

  return new Map(
    [...result].map(([name, c]) => [
      name,
      { enforcementLevel: c.enforcementLevel as EnforcementLevel, properties: c.properties },
    ]),
  );
}

/**
 * A pack config file's content as the CLI reads it (LoadPolicyPackConfigFromFile): JSON, an empty
 * file being no config. ESC `environments` cannot be resolved offline: they are returned, for the
 * caller to say so.
 */
export function readPackConfigFile(file: string): { json: unknown; environments: string[] } {
  const text = fs.readFileSync(file, "utf8");
  if (text.trim() === "") return { json: {}, environments: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PackConfigError([`${file}: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const { environments } = parsePackConfig(json);
  if (isRecord(json) && "environments" in json) {
    const { environments: _esc, ...rest } = json;
    void _esc;
    return { json: rest, environments };
  }
  return { json, environments };
}
