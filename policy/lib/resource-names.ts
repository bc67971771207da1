/**
 * The name a resource will have, for the API rules: the one it declares, a declared prefix with the
 * provider's suffix, or Pulumi's auto-name from its logical name. Shared by the rules that hold
 * names to an API's limits.
 *
 * During a preview a name built from a value of the same run (a random suffix, another resource's
 * id) is not known: the SDK sends an output with any unknown part as one unknown value
 * (@pulumi/pulumi runtime/rpc.ts, serializeProperty), so not even its known part can be read. Such
 * a name is left undecided (`unknown`), never guessed. A prefix or an auto-name is decided: its
 * known part is the whole name but a suffix whose length and characters are certain.
 */
import type { ResourceValidationArgs, ReportViolation } from "@pulumi/policy";

import { AUTONAME_RANDOM_LENGTH, autoName } from "./aws-limits";
import { isKnown, notKnown, peek, propsOf, show, type Pending } from "./values";

/**
 * The Terraform AWS provider's `name_prefix`: the prefix and a 26-character unique suffix, a
 * timestamp and a counter in lowercase hex (hashicorp/terraform-plugin-sdk, helper/id:
 * `UniqueIDSuffixLength = 26`).
 */
const PREFIX_SUFFIX = "0".repeat(26);

export interface PlannedName {
  /** The property the name comes from, or "(auto-name)". */
  readonly field: string;
  /** The name (a prefix with a placeholder suffix, or the auto-name with a placeholder suffix). */
  readonly value: string;
  /** How it was found: given, from a prefix, or Pulumi's auto-name. */
  readonly how: "given" | "prefix" | "auto";
}

/** A name not known yet: the property that will hold it. */
export interface UnknownName {
  readonly unknown: string;
}

/**
 * The name a resource will have. `lowercase`: the provider lower-cases its auto-name (S3 buckets,
 * RDS identifiers and groups: pulumi/pulumi-aws provider/resources.go, `AutoNameTransform` with
 * `strings.ToLower`). Undefined when the resource sets neither the name nor a prefix and Pulumi does
 * not auto-name it (`autoNamed: false`); `{ unknown }` when the name or prefix that decides is not
 * known yet. Reads raw values: it never throws on an unknown.
 */
export function plannedName(
  args: Pick<ResourceValidationArgs, "name" | "props">,
  nameKey: string,
  prefixKey: string | undefined,
  options: { lowercase?: boolean; autoNamed?: boolean } = {},
): PlannedName | UnknownName | undefined {
  const props = propsOf(args);
  // The name decides first: when it is set (even to a value not known yet), the prefix is not used.
  if (!isKnown(props, nameKey)) return { unknown: nameKey };
  const given = peek(props, nameKey);
  if (typeof given === "string") return { field: nameKey, value: given, how: "given" };
  if (prefixKey !== undefined) {
    if (!isKnown(props, prefixKey)) return { unknown: prefixKey };
    const prefix = peek(props, prefixKey);
    if (typeof prefix === "string") return { field: prefixKey, value: `${prefix}${PREFIX_SUFFIX}`, how: "prefix" };
  }
  if (options.autoNamed === false) return undefined;
  const auto = autoName(args.name);
  return { field: "(auto-name)", value: options.lowercase === true ? auto.toLowerCase() : auto, how: "auto" };
}

/**
 * Reports a name that `problem` refuses, saying where the name comes from and what is allowed.
 * Returns what it could not decide (a name not known yet), for the rule's `undecided`.
 */
export function reportName(
  report: ReportViolation,
  what: string,
  logicalName: string,
  api: string,
  name: PlannedName | UnknownName | undefined,
  problem: (name: string) => string | undefined,
): Pending[] {
  if (name === undefined) return [];
  if ("unknown" in name) return [notKnown(logicalName, name.unknown)];
  const allowed = problem(name.value);
  if (allowed === undefined) return [];
  const source =
    name.how === "given"
      ? `${name.field} ${show(name.value)}`
      : name.how === "prefix"
        ? `${name.field} ${show(name.value.slice(0, -PREFIX_SUFFIX.length))} (the provider appends 26 characters)`
        : `no name, so Pulumi names it ${show(name.value)} (its logical name, "-" and ${AUTONAME_RANDOM_LENGTH} random characters)`;
  report(`${what} ${logicalName} has ${source}, which ${api} refuses; expected ${allowed}.`);
  return [];
}

/**
 * Holds a resource's `description` to `problem` (reported as `<what> <name> has description ...`);
 * returns what could not be decided (the description not known yet).
 */
export function reportDescription(
  report: ReportViolation,
  what: string,
  logicalName: string,
  api: string,
  props: Record<string, unknown>,
  problem: (text: string) => string | undefined,
): Pending[] {
  if (!isKnown(props, "description")) return [notKnown(logicalName, "description")];
  const description = peek(props, "description");
  if (typeof description !== "string") return [];
  const allowed = problem(description);
  if (allowed !== undefined)
    report(`${what} ${logicalName} has description ${show(description)}, which ${api} refuses; expected ${allowed}.`);
  return [];
}
