/**
 * Reading resource properties in rules. During `pulumi preview` some values are not known yet:
 * CrossGuard hands rules a proxy that throws UnknownValueError when one is read, and reports
 * "can't run this policy during preview" (advisory) for the whole rule. So rules read the value
 * that decides first, ask whether a value is known before reading it (`isKnown`, which never
 * throws), report every violation that is certain, and only then say what they could not decide
 * (`undecided`: CrossGuard's "not applicable", with the reason). A rule never quotes an unknown
 * value in a message (`show` renders one as "(not known yet)").
 */
import type { PolicyResource } from "@pulumi/policy";

import { UNKNOWN_MARKERS, UnknownValueError, unproxied } from "./proxy";
import { isRecord } from "./wire";

export { isRecord };

/** The engine's marker for a string that is not known until the resource exists. */
export { UNKNOWN } from "./wire";

/** True for one of the engine's unknown markers. */
export function isUnknownMarker(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_MARKERS.has(value);
}

/** True when the value, at any depth, holds nothing unknown. Never throws. */
export function isKnownValue(value: unknown): boolean {
  const raw = unproxied(value);
  if (isUnknownMarker(raw)) return false;
  if (Array.isArray(raw)) return raw.every(isKnownValue);
  if (isRecord(raw)) return Object.values(raw).every(isKnownValue);
  return true;
}

/** The raw value at a path of an object (proxied or not), without the unknown check. Never throws. */
export function peek(value: unknown, ...path: string[]): unknown {
  let current = unproxied(value);
  for (const key of path) {
    if (!isRecord(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** True when the value at the path is known (absent counts as known: nothing is set). Never throws. */
export function isKnown(value: unknown, ...path: string[]): boolean {
  return isKnownValue(peek(value, ...path));
}

/** A value set aside because something it needs is not known yet: where, and what. */
export interface Pending {
  readonly name: string;
  readonly what: string;
}

/**
 * A stack rule's loop: checks each item; an item that meets a value not known yet is set aside
 * (returned), and the others are still checked, so that every certain violation is reported.
 */
export function checkEach<T extends { name: string }>(items: readonly T[], check: (item: T) => void): Pending[] {
  const pending: Pending[] = [];
  for (const item of items) {
    try {
      check(item);
    } catch (err) {
      if (!(err instanceof UnknownValueError)) throw err;
      pending.push({ name: item.name, what: err.message });
    }
  }
  return pending;
}

/**
 * Ends a rule that could not decide everything during a preview: CrossGuard's "not applicable",
 * naming what it could not decide. Call it last: it throws, and what was reported before stays.
 */
export function undecided(args: { notApplicable(reason?: string): never }, pending: readonly Pending[]): void {
  if (pending.length === 0) return;
  args.notApplicable(`not decided: ${pending.map((p) => `${p.name} (${p.what})`).join("; ")}`);
}

/** A Pending for a value the rule asked about with isKnown. */
export function notKnown(name: string, path: string): Pending {
  return { name, what: `${path} is not known until the deployment` };
}

/** A value as a list: a list stays, a single value becomes one item, nothing becomes none. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as unknown[])] : [value];
}

/** Strings of a value or list of values. */
export function strings(value: unknown): string[] {
  return asList(value).filter((v): v is string => typeof v === "string");
}

/** An IAM policy document from a property: parsed when text, undefined when unreadable. */
export function policyDocument(value: unknown): { Statement?: unknown } | undefined {
  if (typeof value === "string") {
    try {
      const parsed = JSON.parse(value) as unknown;
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isRecord(value) ? value : undefined;
}

/** The statements of a policy document, each an object. */
export function statements(doc: { Statement?: unknown } | undefined): Record<string, unknown>[] {
  return asList(doc?.Statement).filter(isRecord);
}

/** True for `true` and `"true"` (some providers keep booleans as strings). */
export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

/** A resource's properties as unknown values, to be checked before use (the SDK types them as any). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function propsOf(resource: { props: Record<string, any> }): Record<string, unknown> {
  return resource.props;
}

/** The resources a property depends on (its `propertyDependencies`), of the given types. */
export function dependenciesOf(resource: PolicyResource, property: string, types: readonly string[]): PolicyResource[] {
  return (resource.propertyDependencies[property] ?? []).filter((d) => types.includes(d.type));
}

/** Shows a value in a message, short; an unknown part shows as "(not known yet)". Never throws. */
export function show(value: unknown): string {
  const plain = (v: unknown): unknown => {
    const raw = unproxied(v);
    if (isUnknownMarker(raw)) return "(not known yet)";
    if (Array.isArray(raw)) return raw.map(plain);
    if (isRecord(raw)) return Object.fromEntries(Object.entries(raw).map(([k, x]) => [k, plain(x)]));
    return raw;
  };
  const text = JSON.stringify(plain(value)) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
