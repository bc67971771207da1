/**
 * Property values in the Pulumi engine's wire form: what the resource monitor records and what
 * `pulumi stack export` writes. The signature keys and the unknown marker are the engine's own
 * constants (`specialSigKey`, `specialSecretSig` and `unknownValue` in @pulumi/pulumi/runtime/rpc),
 * not ours.
 *
 * The pack is published alone (`pulumi policy publish` packs only policy/), so it keeps these
 * itself; the offline plan (plan/values.ts) uses them from here rather than keeping a copy.
 */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The key that marks a special value (a secret, an asset, ...). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The value of SIG_KEY on a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The engine's marker for a string that is not known until the resource exists. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True for a value wrapped as a secret, in wire form ({sig, value}) or export form ({sig, plaintext|ciphertext}). */
export function isSecret(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && v[SIG_KEY] === SECRET_SIG;
}

/**
 * The value with every secret wrapper removed (export-form plaintext is parsed back). A secret
 * exported without --show-secrets (ciphertext only) becomes UNKNOWN.
 */
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
