/**
 * Evaluates the pack without the Pulumi engine: against a `pulumi stack export` file or the
 * offline plan's JSON. The same code serves `npm run policy`, `npm run plan` and the tests, so
 * there is one evaluation, not two. It hands each policy what CrossGuard does: resource policies
 * see a resource's inputs, stack policies its outputs, both behind CrossGuard's own
 * unknown-checking proxy; options, parent, dependencies and property dependencies; the policy's
 * config with its schema defaults. A policy that meets an unknown value is reported as CrossGuard
 * reports it: advisory, "can't run ... during preview". Secrets exported without --show-secrets
 * count as unknown.
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

import { unknownCheckingProxy, UnknownValueError } from "./lib/proxy";
import { isRecord, reveal } from "./lib/wire";

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

/**
 * What CrossGuard hands policies: every resource with its properties and links. `view` picks the
 * properties: "inputs" for resource policies, "outputs" (with the id, as the provider reports it)
 * for stack policies; a resource recorded without outputs falls back to its inputs.
 */
export function toPolicyResources(resources: readonly ExportResource[], view: "inputs" | "outputs"): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const built = resources.map((r) => {
    const outputs =
      r.outputs !== undefined && Object.keys(r.outputs).length > 0
        ? { ...r.outputs, ...(r.id !== undefined ? { id: r.id } : {}) }
        : undefined;
    const raw = view === "outputs" ? (outputs ?? r.inputs ?? {}) : (r.inputs ?? {});
    const props = unknownCheckingProxy(reveal(raw) as Record<string, unknown>);
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

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

/** The policy's config: its schema's defaults, then the pack config's values, checked against the schema. */
function policyConfig(policy: AnyPolicy, given: PackConfig[string] | undefined): Record<string, unknown> {
  const schema = (policy.configSchema?.properties ?? {}) as Record<
    string,
    { type?: string; default?: unknown; minimum?: number; maximum?: number }
  >;
  const defaults = Object.fromEntries(
    Object.entries(schema)
      .filter(([, property]) => property.default !== undefined)
      .map(([k, property]) => [k, property.default]),
  );
  const values = isRecord(given)
    ? Object.fromEntries(Object.entries(given).filter(([k]) => k !== "enforcementLevel"))
    : {};
  for (const [key, value] of Object.entries(values)) {
    const property = schema[key];
    const fits =
      property !== undefined &&
      (property.type === "integer"
        ? Number.isInteger(value) &&
          (property.minimum === undefined || (value as number) >= property.minimum) &&
          (property.maximum === undefined || (value as number) <= property.maximum)
        : property.type === "array"
          ? Array.isArray(value)
          : property.type === undefined || typeof value === property.type);
    if (!fits) {
      throw new Error(
        `pack config for ${policy.name}: ${key} = ${JSON.stringify(value)} is not allowed; the policy takes ${
          Object.entries(schema)
            .map(
              ([k, p]) =>
                `${k} (${p.type ?? "any"}${p.minimum !== undefined ? ` ${p.minimum}..${p.maximum ?? ""}` : ""})`,
            )
            .join(", ") || "no settings"
        }`,
      );
    }
  }
  return { ...defaults, ...values };
}

/** The level a policy runs at: its own pack config entry, then the pack config's "all", then the policy's, then the pack's. */
function enforcement(policy: AnyPolicy, config: PackConfig, packLevel: EnforcementLevel): EnforcementLevel {
  const levelOf = (entry: PackConfig[string] | undefined) =>
    typeof entry === "string"
      ? entry
      : isRecord(entry) && typeof entry.enforcementLevel === "string"
        ? entry.enforcementLevel
        : undefined;
  return levelOf(config[policy.name]) ?? levelOf(config.all) ?? policy.enforcementLevel ?? packLevel;
}

/** True when a violation at this level blocks a deployment (remediate without a remediation blocks like mandatory). */
export function blocks(level: EnforcementLevel): boolean {
  return level === "mandatory" || level === "remediate";
}

/** Runs every policy against the resources; returns the violations in policy order. */
export async function evaluate(
  resources: readonly ExportResource[],
  policies: Policies,
  config: PackConfig = {},
  packLevel: EnforcementLevel = "mandatory",
): Promise<Violation[]> {
  const forResources = toPolicyResources(resources, "inputs");
  const forStack = toPolicyResources(resources, "outputs");
  const stackTags = new Map<string, string>();
  const notApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
  };
  const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
  const violations: Violation[] = [];
  for (const policy of policies) {
    const level = enforcement(policy, config, packLevel);
    if (level === "disabled") continue;
    const cfg = policyConfig(policy, config[policy.name]);
    const report = (urn: string) => (message: string, at?: string) =>
      violations.push({ policy: policy.name, urn: at ?? urn, message, enforcementLevel: level });
    const run = async (urn: string, fn: () => Promise<void> | void) => {
      try {
        await fn();
      } catch (err) {
        if (err instanceof UnknownValueError) {
          violations.push({
            policy: policy.name,
            urn,
            message: `can't run policy '${policy.name}' during preview: ${err.message}`,
            enforcementLevel: "advisory",
          });
        } else if (!(err instanceof NotApplicable)) {
          throw err;
        }
      }
    };
    if ("validateResource" in policy && policy.validateResource !== undefined) {
      const validators = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
      for (const resource of forResources) {
        if (resource.type === "pulumi:pulumi:Stack" || resource.type.startsWith("pulumi:providers:")) continue;
        const args = {
          ...resource,
          stackTags,
          getConfig: <T>() => cfg as T,
          notApplicable,
        } as unknown as ResourceValidationArgs;
        for (const validate of validators) await run(resource.urn, () => validate(args, report(resource.urn)));
      }
    }
    if ("validateStack" in policy) {
      const args: StackValidationArgs = { resources: forStack, stackTags, getConfig: <T>() => cfg as T, notApplicable };
      await run(stackUrn, () => policy.validateStack(args, report(stackUrn)));
    }
  }
  return violations;
}

/** The report printed by `npm run policy` and `npm run plan`. */
export function formatReport(violations: readonly Violation[], policyCount: number): string {
  const mandatory = violations.filter((v) => blocks(v.enforcementLevel)).length;
  const lines = violations.map((v) => `[${v.enforcementLevel}] ${v.policy}\n    ${v.urn}\n    ${v.message}`);
  const summary =
    violations.length === 0
      ? `Policy check: ${policyCount} policies, no violations.`
      : `Policy check: ${policyCount} policies, ${violations.length} violation${violations.length === 1 ? "" : "s"} (${mandatory} mandatory).`;
  return [...lines, summary].join("\n");
}
