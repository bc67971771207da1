/** Helpers for property values in the engine's wire form (what the monitor records and exports hold). */
import { isRecord } from "../config/values";

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True for a value wrapped as a secret, in wire form ({sig, value}) or export form ({sig, plaintext|ciphertext}). */
export function isSecret(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && v[SIG_KEY] === SECRET_SIG;
}

/** The value with every secret wrapper removed (export-form plaintext is parsed back). */
export function reveal(v: unknown): unknown {
  if (isSecret(v)) {
    if ("value" in v) return reveal(v.value);
    if (typeof v.plaintext === "string") return reveal(JSON.parse(v.plaintext));
    return UNKNOWN;
  }
  if (Array.isArray(v)) return v.map(reveal);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reveal(x)]));
  return v;
}

/** Wire form to `pulumi stack export --show-secrets` form: secrets become {sig, plaintext}. */
export function toExportForm(v: unknown): unknown {
  if (isSecret(v)) return { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(reveal(v.value)) };
  if (Array.isArray(v)) return v.map(toExportForm);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toExportForm(x)]));
  return v;
}

/** Every string in a value, at any depth (secret wrappers included as they are). */
export function stringLeaves(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringLeaves(x, out));
  else if (isRecord(v)) Object.values(v).forEach((x) => stringLeaves(x, out));
  return out;
}
