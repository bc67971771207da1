/**
 * Reading resource properties in rules. During `pulumi preview` some values are not known yet:
 * CrossGuard hands rules a proxy that throws UnknownValueError when one is read, and reports
 * "can't run this policy during preview" (advisory) instead of a violation. The offline evaluator
 * uses the same proxy. Stack rules read each resource inside `eachKnown`, so that one unknown
 * value skips that resource only, not the whole check.
 */
import { UnknownValueError } from "./proxy";
import { isRecord } from "./wire";

export { isRecord };

/** The engine's marker for a string that is not known until the resource exists. */
export { UNKNOWN } from "./wire";

/** Runs `check` for each item; an item whose values are not known yet is skipped ("cannot tell yet"). */
export function eachKnown<T>(items: readonly T[], check: (item: T) => void): void {
  for (const item of items) {
    try {
      check(item);
    } catch (err) {
      if (!(err instanceof UnknownValueError)) throw err;
    }
  }
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

/** Shows a value in a message, short. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
