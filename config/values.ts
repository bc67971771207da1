/** Shapes of config values as they reach the program: plain data, no Pulumi import. */

/** A plain object (not null, not an array): the one shape test the config, plan and policy code share. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structured values reach the program as JSON text; plain strings stay strings. */
export function parseConfigValue(text: string): unknown {
  const t = text.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
