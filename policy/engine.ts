/**
 * Evaluates the pack without the Pulumi engine: against a `pulumi stack export` file or the
 * offline plan's JSON. The same code serves `npm run policy`, `npm run plan` and the tests, so
 * there is one evaluation, not two. It hands each policy what the engine and CrossGuard's runtime
 * (@pulumi/policy's server.js) do, and nothing more:
 *
 * - resource policies (`Analyze`, for every resource the program registers; not for reads): the
 *   resource's inputs, its options (protect, parent), no dependencies;
 * - stack policies (`AnalyzeStack`, once, for every resource including reads): each resource's
 *   outputs as the engine stores them (no `id` added, nothing taken from the inputs when outputs are
 *   missing), parent, dependencies and property dependencies;
 * - both behind CrossGuard's own unknown-checking proxy, with secrets revealed, keys starting with
 *   `__` left out (the engine marshals with SkipInternalKeys) and undefined values dropped;
 * - each policy's config as the Pulumi CLI reconciles and validates it (./lib/pack-config.ts).
 *
 * A policy that reads an unknown value is reported as the runtime reports it: advisory, "can't run
 * policy ... during preview"; `notApplicable` is recorded apart, not as a violation; a `remediate`
 * level reports as mandatory. Secrets exported without --show-secrets count as unknown.
 */
import * as fs from "fs";
import * as path from "path";

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

import { type PackConfig, reconcilePackConfig } from "./lib/pack-config";
import { unknownCheckingProxy, UnknownValueError } from "./lib/proxy";
import { isRecord, reveal } from "./lib/wire";

export { PackConfigError, type PackConfig } from "./lib/pack-config";

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

/** A policy that called `notApplicable` for a resource (resource policies) or the stack. */
export interface NotApplicable {
  readonly policy: string;
  readonly urn: string;
  readonly reason: string;
}

export interface Evaluation {
  readonly violations: Violation[];
  readonly notApplicable: NotApplicable[];
}

/** The pack as the runtime announces it: name, version (policy/package.json) and default level. */
export interface PackInfo {
  readonly name: string;
  readonly version: string;
  readonly enforcementLevel: EnforcementLevel;
}

/** This pack: the name index.ts serves it under, the version its package.json declares. */
export const PACK: PackInfo = {
  name: "datafold-aws",
  version: (JSON.parse(fs.readFileSync(path.join(__dirname, "package.json"), "utf8")) as { version: string }).version,
  enforcementLevel: "mandatory",
};

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

/** The options the runtime builds from the engine's AnalyzerResourceOptions (server.js, getResourceOptions). */
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

/**
 * Properties as the runtime deserializes them: secrets revealed, internal keys (`__defaults`,
 * `__meta`) left out as the engine's marshalling does, undefined values dropped, behind the
 * unknown-checking proxy.
 */
function properties(raw: Record<string, unknown> | undefined): Record<string, unknown> {
  const revealed = reveal(raw ?? {}) as Record<string, unknown>;
  const kept = Object.fromEntries(
    Object.entries(revealed).filter(([k, v]) => !k.startsWith("__") && v !== undefined),
  ) as Record<string, unknown>;
  return unknownCheckingProxy(kept);
}

function typeChecks(type: string, props: Record<string, unknown>) {
  const matches = (resourceClass: unknown) =>
    (resourceClass as { __pulumiType?: string } | undefined)?.__pulumiType === type;
  return {
    isType: matches as PolicyResource["isType"],
    asType: ((resourceClass: unknown) => (matches(resourceClass) ? props : undefined)) as PolicyResource["asType"],
  };
}

/**
 * What AnalyzeStack hands stack policies: every resource with its outputs as stored, options,
 * parent, dependencies and property dependencies (links to the other resources).
 */
export function toPolicyResources(resources: readonly ExportResource[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const built = resources.map((r) => {
    const props = properties(r.outputs);
    const resource = {
      type: r.type,
      props,
      urn: r.urn,
      name: nameOf(r.urn),
      opts: options(r),
      dependencies: [],
      propertyDependencies: {},
      ...typeChecks(r.type, props),
    } as unknown as PolicyResource;
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
    if (r.parent !== undefined && byUrn.has(r.parent)) resource.parent = byUrn.get(r.parent);
    resource.dependencies = link(r.dependencies);
    resource.propertyDependencies = Object.fromEntries(
      Object.entries(r.propertyDependencies ?? {})
        .filter(([, urns]) => urns.length > 0)
        .map(([k, urns]) => [k, link(urns)]),
    );
  });
  return built;
}

class NotApplicableError extends Error {
  constructor(readonly reason: string | undefined) {
    super(reason ?? "Policy does not apply");
  }
}

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

/** True when a violation at this level blocks a deployment. */
export function blocks(level: EnforcementLevel): boolean {
  return level === "mandatory" || level === "remediate";
}

/**
 * Runs every policy against the resources, as `pulumi preview` with the pack and `config` (the
 * pack config file's content) would: resource policies on each registered resource, then stack
 * policies once. Throws PackConfigError for a config the CLI (or this stricter check) refuses.
 */
export async function evaluatePack(
  resources: readonly ExportResource[],
  policies: Policies,
  config: PackConfig = {},
  pack: PackInfo = PACK,
): Promise<Evaluation> {
  const configs = reconcilePackConfig(policies, config, pack);
  const stackTags = new Map<string, string>();
  const notApplicable = (reason?: string): never => {
    throw new NotApplicableError(reason);
  };
  const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
  const urns = new Set(resources.map((r) => r.urn));
  const forStack = toPolicyResources(resources);
  const registered = resources.filter((r) => r.external !== true);
  const violations: Violation[] = [];
  const skipped: NotApplicable[] = [];

  for (const policy of policies as AnyPolicy[]) {
    const { enforcementLevel: configured, properties: settings } = configs.get(policy.name) as {
      enforcementLevel: EnforcementLevel;
      properties: Record<string, unknown>;
    };
    if (configured === "disabled") continue;
    // Neither resource nor stack violations can be remediated by this pack: the runtime reports them as mandatory.
    const level: EnforcementLevel = configured === "remediate" ? "mandatory" : configured;
    const getConfig = <T>() => ({ ...settings }) as T;
    const run = async (urn: string, fn: () => Promise<void> | void) => {
      try {
        await fn();
      } catch (err) {
        if (err instanceof UnknownValueError) {
          violations.push({
            policy: policy.name,
            urn,
            message: `can't run policy '${policy.name}' from policy pack '${pack.name}@v${pack.version}' during preview: ${err.message}`,
            enforcementLevel: "advisory",
          });
        } else if (err instanceof NotApplicableError) {
          skipped.push({ policy: policy.name, urn, reason: err.reason ?? "" });
        } else {
          throw err;
        }
      }
    };

    if ("validateResource" in policy && policy.validateResource !== undefined) {
      const validators = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
      for (const r of registered) {
        const report = (message: string, at?: string) =>
          violations.push({ policy: policy.name, urn: at ?? r.urn, message, enforcementLevel: level });
        for (const validate of validators) {
          const props = properties(r.inputs);
          const args = {
            type: r.type,
            props,
            urn: r.urn,
            name: nameOf(r.urn),
            opts: options(r),
            stackTags,
            getConfig,
            notApplicable,
            ...typeChecks(r.type, props),
          } as unknown as ResourceValidationArgs;
          await run(r.urn, () => validate(args, report));
        }
      }
    }
    if ("validateStack" in policy && typeof policy.validateStack === "function") {
      // A stack violation names a resource of the stack, else the engine puts it on the stack.
      const report = (message: string, at?: string) =>
        violations.push({
          policy: policy.name,
          urn: at !== undefined && urns.has(at) ? at : stackUrn,
          message,
          enforcementLevel: level,
        });
      const args: StackValidationArgs = { resources: forStack, stackTags, getConfig, notApplicable };
      await run(stackUrn, () => policy.validateStack(args, report));
    }
  }
  return { violations, notApplicable: skipped };
}

/** The violations alone (see evaluatePack). */
export async function evaluate(
  resources: readonly ExportResource[],
  policies: Policies,
  config: PackConfig = {},
  pack: PackInfo = PACK,
): Promise<Violation[]> {
  return (await evaluatePack(resources, policies, config, pack)).violations;
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

/** What the pack could not decide (values not known yet), one line per policy and resource. */
export function formatNotApplicable(entries: readonly NotApplicable[]): string {
  return entries.map((n) => `[not applicable] ${n.policy}\n    ${n.urn}\n    ${n.reason}`).join("\n");
}
