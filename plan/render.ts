/** Renders a planned program as text: the resource tree with each resource's key inputs, then the outputs. */
import type { RecordedResource } from "./monitor";
import { isSecret, reveal, SIG_KEY } from "./values";

const HIDDEN_INPUTS = new Set(["tags", "tagsAll"]);
const MAX_VALUE = 72;

function brief(value: unknown): string {
  if (isSecret(value)) return "[secret]";
  const text = typeof value === "string" ? value : JSON.stringify(reveal(value));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 3)}...` : text;
}

/** The inputs worth a glance: everything but tags and engine bookkeeping, each value abbreviated. */
export function keyInputs(inputs: Readonly<Record<string, unknown>>): string {
  return Object.entries(inputs)
    .filter(
      ([k, v]) =>
        !HIDDEN_INPUTS.has(k) &&
        !k.startsWith("__") &&
        v !== undefined &&
        !(typeof v === "object" && v !== null && SIG_KEY in v && !isSecret(v)),
    )
    .map(([k, v]) => `${k}=${brief(v)}`)
    .join(" ");
}

function childrenByParent(resources: readonly RecordedResource[]): Map<string | undefined, RecordedResource[]> {
  const children = new Map<string | undefined, RecordedResource[]>();
  for (const r of resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  for (const kids of children.values())
    kids.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name, "en", { numeric: true }));
  return children;
}

/** The resources depth-first, siblings sorted by type then name: a parent always before its children, and the same order every run. */
export function inTreeOrder(resources: readonly RecordedResource[]): RecordedResource[] {
  const children = childrenByParent(resources);
  const out: RecordedResource[] = [];
  const walk = (r: RecordedResource) => {
    out.push(r);
    for (const k of children.get(r.urn) ?? []) walk(k);
  };
  for (const r of children.get(undefined) ?? []) walk(r);
  return out;
}

export function renderTree(resources: readonly RecordedResource[]): string {
  const children = childrenByParent(resources);
  const lines: string[] = [];
  const walk = (r: RecordedResource, prefix: string, last: boolean, root: boolean) => {
    const flags = [r.protect ? "protected" : "", r.retainOnDelete ? "retained on delete" : ""].filter((f) => f !== "");
    const head = `${r.type}  ${r.name}${flags.length > 0 ? `  [${flags.join(", ")}]` : ""}`;
    const inputs = r.custom ? keyInputs(r.inputs) : "";
    lines.push(
      `${root ? "" : `${prefix}${last ? "└─ " : "├─ "}`}${head}${inputs ? `\n${prefix}${root ? "" : last ? "   " : "│  "}    ${inputs}` : ""}`,
    );
    const kids = children.get(r.urn) ?? [];
    kids.forEach((k, i) => walk(k, root ? "" : `${prefix}${last ? "   " : "│  "}`, i === kids.length - 1, false));
  };
  for (const r of children.get(undefined) ?? []) walk(r, "", true, true);
  return lines.join("\n");
}

export function renderOutputs(outputs: Readonly<Record<string, unknown>>, showSecrets = false): string {
  return Object.keys(outputs)
    .sort()
    .map((k) => `  ${k}: ${isSecret(outputs[k]) && !showSecrets ? "[secret]" : JSON.stringify(reveal(outputs[k]))}`)
    .join("\n");
}

export function renderSummary(resources: readonly RecordedResource[]): string {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const rows = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, n]) => `  ${String(n).padStart(3)}  ${t}`);
  return `${resources.length} resources:\n${rows.join("\n")}`;
}
