/**
 * Evaluates the pack without the Pulumi engine: against a `pulumi stack export` file or the
 * offline plan's JSON. The same code serves `npm run policy`, `npm run plan` and the tests, so
 * there is one evaluation, not two. It builds what CrossGuard hands a policy (props, options,
 * parent, dependencies, property dependencies, the policy's config with its schema defaults) and
 * collects the violations.
 */
import type {
  EnforcementLevel,
  Policies,
  PolicyResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";

import { isRecord, UNKNOWN } from "./lib/values";

/** A resource as `pulumi stack export` (deployment v3) writes it. */
export interface ExportResource {
  urn: string;
  type: string;
  custom?: boolean;
  external?: boolean;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  parent?: string;
  protect?: boolean;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  provider?: string;
}

export interface Violation {
  readonly policy: string;
  readonly urn: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevel;
}

/** The pack's config as `pulumi preview --policy-pack-config` takes it: per policy, a level or an object. */
export type PackConfig = Record<
  string,
  EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)
>;

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** The resources of an export, whichever wrapper it comes in (export, checkpoint, bare list). */
export function readExport(json: unknown): ExportResource[] {
  const candidates = [
    (json as { deployment?: { resources?: unknown } })?.deployment?.resources,
    (json as { checkpoint?: { latest?: { resources?: unknown } } })?.checkpoint?.latest?.resources,
    json,
  ];
  const list = candidates.find(Array.isArray);
  if (!list)
    throw new Error("not a stack export: expected deployment.resources (pulumi stack export) or a list of resources");
  return (list as unknown[]).filter(
    (r): r is ExportResource => isRecord(r) && typeof r.urn === "string" && typeof r.type === "string",
  );
}

/** Plain values as policies see them: secrets revealed (plaintext) or unknown (ciphertext). */
export function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValue);
  if (isRecord(value)) {
    if (value[SIG_KEY] === SECRET_SIG) {
      if ("value" in value) return plainValue(value.value);
      if (typeof value.plaintext === "string") return plainValue(JSON.parse(value.plaintext));
      return UNKNOWN;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
  }
  return value;
}

function nameOf(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

function options(r: ExportResource): PolicyResourceOptions {
  return {
    protect: r.protect === true,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    ...(r.parent !== undefined ? { parent: r.parent } : {}),
  };
}

function typeChecks(type: string) {
  const matches = (resourceClass: unknown) =>
    (resourceClass as { __pulumiType?: string } | undefined)?.__pulumiType === type;
  return {
    isType: matches as PolicyResource["isType"],
    asType: ((resourceClass: unknown) =>
      matches(resourceClass) ? {} : undefined) as unknown as PolicyResource["asType"],
  };
}

/** What CrossGuard hands stack policies: every resource with props (desired inputs over recorded outputs) and links. */
export function toPolicyResources(resources: readonly ExportResource[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const built = resources.map((r) => {
    const props = plainValue({ ...(r.outputs ?? {}), ...(r.inputs ?? {}) }) as Record<string, unknown>;
    const resource = {
      type: r.type,
      props,
      urn: r.urn,
      name: nameOf(r.urn),
      opts: options(r),
      dependencies: [],
      propertyDependencies: {},
      ...typeChecks(r.type),
    } as PolicyResource;
    byUrn.set(r.urn, resource);
    return resource;
  });
  resources.forEach((r, i) => {
    const resource = built[i] as {
      parent?: PolicyResource;
      dependencies: PolicyResource[];
      propertyDependencies: Record<string, PolicyResource[]>;
    };
    const link = (urns: readonly string[] | undefined) =>
      (urns ?? []).map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
    if (r.parent !== undefined) resource.parent = byUrn.get(r.parent);
    resource.dependencies = link(r.dependencies);
    resource.propertyDependencies = Object.fromEntries(
      Object.entries(r.propertyDependencies ?? {}).map(([k, urns]) => [k, link(urns)]),
    );
  });
  return built;
}

class NotApplicable extends Error {}

function policyConfig(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  given: PackConfig[string] | undefined,
): Record<string, unknown> {
  const defaults = Object.fromEntries(
    Object.entries(policy.configSchema?.properties ?? {})
      .filter(([, schema]) => (schema as { default?: unknown }).default !== undefined)
      .map(([k, schema]) => [k, (schema as { default?: unknown }).default]),
  );
  const values = isRecord(given)
    ? Object.fromEntries(Object.entries(given).filter(([k]) => k !== "enforcementLevel"))
    : {};
  return { ...defaults, ...values };
}

function enforcement(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  given: PackConfig[string] | undefined,
  packLevel: EnforcementLevel,
): EnforcementLevel {
  if (typeof given === "string") return given;
  if (isRecord(given) && typeof given.enforcementLevel === "string") return given.enforcementLevel;
  return policy.enforcementLevel ?? packLevel;
}

/** Runs every policy against the resources; returns the violations in policy order. */
export async function evaluate(
  resources: readonly ExportResource[],
  policies: Policies,
  config: PackConfig = {},
  packLevel: EnforcementLevel = "mandatory",
): Promise<Violation[]> {
  const policyResources = toPolicyResources(resources);
  const stackTags = new Map<string, string>();
  const notApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
  };
  const violations: Violation[] = [];
  for (const policy of policies) {
    const given = config[policy.name];
    const level = enforcement(policy, given, packLevel);
    if (level === "disabled") continue;
    const cfg = policyConfig(policy, given);
    const report = (urn: string) => (message: string, at?: string) =>
      violations.push({ policy: policy.name, urn: at ?? urn, message, enforcementLevel: level });
    const run = async (fn: () => Promise<void> | void) => {
      try {
        await fn();
      } catch (err) {
        if (!(err instanceof NotApplicable)) throw err;
      }
    };
    if ("validateResource" in policy && policy.validateResource !== undefined) {
      const validators = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
      for (const resource of policyResources) {
        if (resource.type === "pulumi:pulumi:Stack" || resource.type.startsWith("pulumi:providers:")) continue;
        const args = {
          ...resource,
          stackTags,
          getConfig: <T>() => cfg as T,
          notApplicable,
        } as unknown as ResourceValidationArgs;
        for (const validate of validators) await run(() => validate(args, report(resource.urn)));
      }
    }
    if ("validateStack" in policy) {
      const args: StackValidationArgs = {
        resources: policyResources,
        stackTags,
        getConfig: <T>() => cfg as T,
        notApplicable,
      };
      const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
      await run(() => policy.validateStack(args, report(stackUrn)));
    }
  }
  return violations;
}

/** The report printed by `npm run policy` and `npm run plan`. */
export function formatReport(violations: readonly Violation[], policyCount: number): string {
  const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const lines = violations.map((v) => `[${v.enforcementLevel}] ${v.policy}\n    ${v.urn}\n    ${v.message}`);
  const summary =
    violations.length === 0
      ? `Policy check: ${policyCount} policies, no violations.`
      : `Policy check: ${policyCount} policies, ${violations.length} violation${violations.length === 1 ? "" : "s"} (${mandatory} mandatory).`;
  return [...lines, summary].join("\n");
}
