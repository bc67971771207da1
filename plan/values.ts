/**
 * Property values in the engine's wire form (what the monitor records and exports hold). The
 * engine's constants and the secret helpers are the policy pack's (`policy/lib/wire.ts`): the
 * pack is published alone and keeps them, the plan uses them from there, so there is one copy.
 */
import { isRecord, isSecret, reveal, SECRET_SIG, SIG_KEY } from "../policy/lib/wire";

export { isSecret, reveal, SECRET_SIG, SIG_KEY, UNKNOWN } from "../policy/lib/wire";

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
