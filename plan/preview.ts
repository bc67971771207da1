/**
 * A stack's plan as the policy pack sees it on other occasions than a finished `pulumi up`:
 *
 * - `asFirstPreview`: the first `pulumi preview` of a new stack, where nothing exists yet. The
 *   offline plan computes every output (mock values); a real first preview knows only what the
 *   program derives from its config and from lookups. What a resource computes when it is created
 *   (its id, ARN, generated names, a subnet's AZ name) is unknown, and so is every input fed from
 *   such a value.
 * - `asPlainExport`: a `pulumi stack export` of a stack another program built, with no property
 *   dependencies and no tags to go by, and outputs as the AWS provider stores them (with `id`).
 *
 * Pure functions of a plan export (`plan/export.ts`'s shape); the tests of the pack use them.
 */
import { isRecord } from "../config/values";
import type { ExportedResource } from "./export";
import { isSecret, SECRET_SIG, SIG_KEY, UNKNOWN } from "./values";

/**
 * Outputs a provider fills in when it plans a creation, so that a first preview already knows them:
 * `region` (pulumi-aws 7: "Region where this resource will be managed. Defaults to the Region set
 * in the provider configuration", resolved at plan time) and `tagsAll` (the resource's tags merged
 * with the provider's default tags, computed at plan time by the AWS provider's tagging
 * customization: registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/resource-tagging).
 */
const KNOWN_AT_PLAN = new Set(["region", "tagsAll"]);

/**
 * Computed values shorter than this are not traced into other resources' inputs: a short value
 * ("none", "1") would match text it did not produce. Every id, ARN and generated name is longer.
 */
const TRACEABLE_LENGTH = 8;

/** Every string in a value, at any depth. */
function stringsIn(value: unknown): string[] {
  if (isSecret(value) && typeof value.plaintext === "string") return stringsIn(JSON.parse(value.plaintext));
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isRecord(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * The value with every string that carries one of `unknown` (whole or inside it) replaced by
 * UNKNOWN; inside a secret (export form: its plaintext is JSON) as well.
 */
function hide(value: unknown, unknown: ReadonlySet<string>): unknown {
  if (isSecret(value) && typeof value.plaintext === "string") {
    return { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(hide(JSON.parse(value.plaintext), unknown)) };
  }
  if (typeof value === "string") {
    if (value === UNKNOWN) return UNKNOWN;
    for (const u of unknown) if (value.includes(u)) return UNKNOWN;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => hide(v, unknown));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hide(v, unknown)]));
  return value;
}

/**
 * The first preview of the plan's resources, as the engine holds them at the end of a preview of a
 * stack with no resources yet:
 *
 * - resources the stack creates (custom resources, providers, remote components such as
 *   `eks:index:Cluster`) have no id, and each output they do not take as an input is unknown, except
 *   `region` and `tagsAll`, which the provider knows when it plans;
 * - an input is unknown where it carries a value that one of the resources it depends on (its
 *   `propertyDependencies`) does not know yet: that resource's computed outputs or its own unknown
 *   inputs (traced as text: an input holding such a value, whole or inside a document, is unknown);
 * - reads (stack references, `.get()`), the stack and local components keep what they have; a
 *   component's registered outputs lose the values that are unknown anywhere in the stack.
 *
 * Config-derived inputs and lookups' answers stay known, as in a real preview. An approximation at
 * the granularity of strings: where the program computes a number or boolean from an unknown value,
 * the real preview would have an unknown that this keeps.
 */
export function asFirstPreview(resources: readonly ExportedResource[]): ExportedResource[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const parents = new Set(resources.map((r) => r.parent).filter((p): p is string => p !== undefined));
  /** A remote component computes its outputs; under mocks it registers no children. */
  const isRemoteComponent = (r: ExportedResource) =>
    !r.custom && r.type !== "pulumi:pulumi:Stack" && !parents.has(r.urn);
  const isCreated = (r: ExportedResource) => r.external !== true && (r.custom || isRemoteComponent(r));

  // Text the preview knows anyway: inputs fed by no resource being created (config, lookups, reads),
  // what reads report and what providers know at plan (the region). A computed value equal to such
  // text is not traced (a subnet computes its AZ's name, which the program also has from the AZ
  // lookup; the EKS component's kubeconfig names the region, which must not hide "us-east-1a").
  const known = new Set<string>();
  for (const r of resources) {
    if (r.external === true) for (const s of stringsIn(r.outputs)) known.add(s);
    if (r.custom) for (const key of KNOWN_AT_PLAN) for (const s of stringsIn(r.outputs[key])) known.add(s);
    for (const [key, value] of Object.entries(r.inputs)) {
      const fed = (r.propertyDependencies[key] ?? []).some((d) => {
        const dep = byUrn.get(d);
        return dep !== undefined && isCreated(dep);
      });
      if (!fed) for (const s of stringsIn(value)) known.add(s);
    }
  }

  const previews = new Map<string, ExportedResource>();
  /** The values of a resource that a first preview does not know, long enough to be traced. */
  const unknownValues = new Map<string, Set<string>>();

  const shape = (urn: string): void => {
    if (previews.has(urn)) return;
    const r = byUrn.get(urn);
    if (r === undefined) return;
    const deps = (key: string) => (r.propertyDependencies[key] ?? []).filter((d) => d !== urn);
    for (const key of Object.keys(r.inputs)) for (const d of deps(key)) shape(d);

    const inputs = Object.fromEntries(
      Object.entries(r.inputs).map(([key, value]) => {
        const hidden = new Set(deps(key).flatMap((d) => [...(unknownValues.get(d) ?? [])]));
        return [key, hidden.size === 0 ? value : hide(value, hidden)];
      }),
    );
    const unknown = new Set<string>();
    for (const key of Object.keys(r.inputs))
      if (inputs[key] !== r.inputs[key])
        for (const s of stringsIn(r.inputs[key])) if (!stringsIn(inputs[key]).includes(s)) unknown.add(s);

    let outputs = r.outputs;
    let id = r.id;
    if (isCreated(r)) {
      id = undefined;
      if (r.id !== undefined) unknown.add(r.id);
      outputs = { ...inputs };
      for (const [key, value] of Object.entries(r.outputs)) {
        if (key in r.inputs) continue;
        if (KNOWN_AT_PLAN.has(key) && !isRemoteComponent(r)) {
          outputs[key] = value;
        } else {
          outputs[key] = UNKNOWN;
          for (const s of stringsIn(value)) unknown.add(s);
        }
      }
    }
    unknownValues.set(
      urn,
      new Set([...unknown].filter((s) => s.length >= TRACEABLE_LENGTH && s !== UNKNOWN && !known.has(s))),
    );
    const preview: ExportedResource = { ...r, inputs, outputs };
    if (id === undefined) delete preview.id;
    previews.set(urn, preview);
  };
  for (const r of resources) shape(r.urn);

  // Components and the stack register outputs built from their children's: hide what is unknown anywhere.
  const everywhere = new Set([...unknownValues.values()].flatMap((s) => [...s]));
  return resources.map((r) => {
    const preview = previews.get(r.urn) as ExportedResource;
    return isCreated(r) || r.external === true
      ? preview
      : { ...preview, outputs: hide(r.outputs, everywhere) as never };
  });
}

/** Providers that keep the Terraform state's `id` attribute among a resource's outputs. */
const BRIDGED_PACKAGES = new Set(["aws", "random"]);

/**
 * The plan as `pulumi stack export` of a stack built by another program might hold it: no property
 * dependencies or dependencies, and outputs as a bridged provider stores them, with the Terraform
 * `id` attribute among them (pulumi-terraform-bridge, pkg/tfbridge/schema.go, MakeTerraformResult:
 * the outputs are the Terraform state object, `id` included). `untagged`: no tags either.
 */
export function asPlainExport(
  resources: readonly ExportedResource[],
  { untagged = false }: { untagged?: boolean } = {},
): ExportedResource[] {
  const strip = (props: Record<string, unknown>) =>
    untagged ? Object.fromEntries(Object.entries(props).filter(([k]) => k !== "tags" && k !== "tagsAll")) : props;
  return resources.map((r) => {
    const bridged = r.custom && r.id !== undefined && BRIDGED_PACKAGES.has(r.type.split(":")[0]);
    return {
      ...r,
      inputs: strip(r.inputs),
      outputs: { ...strip(r.outputs), ...(bridged ? { id: r.id } : {}) },
      dependencies: [],
      propertyDependencies: {},
    };
  });
}
