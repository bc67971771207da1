/**
 * Reading resource properties in rules: unknown values (during preview) are "cannot tell yet",
 * never a violation; JSON policy documents may arrive as text or as objects.
 */

/** The engine's marker for a value that is not known until the resource exists. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the value, or anything inside it, is not known yet. */
export function hasUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(hasUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(hasUnknown);
  return false;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as a list: a list stays, a single value becomes one item, nothing becomes none. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Strings of a value or list of values. */
export function strings(value: unknown): string[] {
  return asList(value).filter((v): v is string => typeof v === "string");
}

/** An IAM policy document from a property: parsed when text, undefined when unknown or unreadable. */
export function policyDocument(value: unknown): { Statement?: unknown } | undefined {
  if (hasUnknown(value)) return undefined;
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

/** Shows a value in a message, short. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** A resource's properties as unknown values, to be checked before use (the SDK types them as any). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function propsOf(resource: { props: Record<string, any> }): Record<string, unknown> {
  return resource.props;
}
