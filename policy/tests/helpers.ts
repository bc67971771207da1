/**
 * Rule tests run through the same offline evaluator as `npm run policy`: fixtures are resources
 * as a stack export holds them, and a test reads the messages each rule reports.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

import { evaluate, evaluatePack, type ExportResource, type PackConfig, type Violation } from "../engine";

/**
 * A resource as `pulumi stack export` would list it. Its outputs are its inputs unless given, as a
 * provider reports them (what a stack rule reads); `withInputs` changes both.
 */
export function res(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  extra: Partial<ExportResource> = {},
): ExportResource {
  return {
    urn: `urn:pulumi:test::datafold-aws::${type}::${name}`,
    type,
    custom: true,
    inputs,
    outputs: { ...inputs },
    dependencies: [],
    propertyDependencies: {},
    ...extra,
  };
}

/** The violations one policy reports for the resources. */
export function violations(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  resources: ExportResource[],
  config: PackConfig = {},
): Promise<Violation[]> {
  return evaluate(resources, [policy], config);
}

/** Only the messages. */
export async function messages(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  resources: ExportResource[],
  config: PackConfig = {},
): Promise<string[]> {
  return (await violations(policy, resources, config)).map((v) => v.message);
}

/** A copy of a resource with its inputs changed, and its outputs alike. */
export function withInputs(r: ExportResource, change: Record<string, unknown>): ExportResource {
  return { ...r, inputs: { ...r.inputs, ...change }, outputs: { ...r.outputs, ...change } };
}

/** The engine's marker for a value not known until the deployment. */
export { UNKNOWN } from "../lib/values";

/** The one violation a policy reports, as [level, message]. */
export async function levels(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  resources: ExportResource[],
  config: PackConfig = {},
): Promise<[string, string][]> {
  return (await violations(policy, resources, config)).map((v) => [v.enforcementLevel, v.message]);
}

/** What a policy could not decide (CrossGuard's "not applicable"), as [resource name, reason]. */
export async function undecidedReasons(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  resources: ExportResource[],
  config: PackConfig = {},
): Promise<[string, string][]> {
  return (await evaluatePack(resources, [policy], config)).notApplicable.map((n) => [
    n.urn === "" ? "(stack)" : (n.urn.split("::").pop() ?? n.urn),
    n.reason,
  ]);
}
