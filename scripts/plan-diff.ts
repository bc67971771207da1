/**
 * Compares two offline-plan exports (`npm run plan -- STACK --json FILE`): `npm run plan:diff --
 * OLD.json NEW.json [--outputs]`. Prints, sorted by URN, the resources only one side has and, for
 * the resources both have, every difference in type, parent and inputs (and outputs and id with
 * --outputs), one leaf path per line. Exits 0 when nothing differs, 1 otherwise.
 */
import * as fs from "fs";

import type { ExportedResource, StackExport } from "../plan/export";

function load(file: string): Map<string, ExportedResource> {
  const exported = JSON.parse(fs.readFileSync(file, "utf8")) as StackExport;
  return new Map(exported.deployment.resources.map((r) => [r.urn, r]));
}

/** Every leaf of a JSON value as `path -> JSON text`; empty objects and arrays are leaves too. */
function leaves(v: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(v) && v.length > 0) v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  else if (typeof v === "object" && v !== null && Object.keys(v).length > 0)
    for (const [k, x] of Object.entries(v)) leaves(x, path === "" ? k : `${path}.${k}`, out);
  else out.set(path, JSON.stringify(v));
  return out;
}

export function diffValues(label: string, a: unknown, b: unknown): string[] {
  const left = leaves(a, label, new Map());
  const right = leaves(b, label, new Map());
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths
    .filter((p) => left.get(p) !== right.get(p))
    .map((p) => `${p}: ${left.get(p) ?? "(absent)"} -> ${right.get(p) ?? "(absent)"}`);
}

export function diffExports(
  before: Map<string, ExportedResource>,
  after: Map<string, ExportedResource>,
  withOutputs: boolean,
): string[] {
  const lines: string[] = [];
  const urns = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const urn of urns) {
    const a = before.get(urn);
    const b = after.get(urn);
    if (!a) lines.push(`+ ${urn}`);
    else if (!b) lines.push(`- ${urn}`);
    else {
      const changes = [
        ...diffValues("type", a.type, b.type),
        ...diffValues("parent", a.parent, b.parent),
        ...diffValues("inputs", a.inputs, b.inputs),
        ...(withOutputs ? [...diffValues("id", a.id, b.id), ...diffValues("outputs", a.outputs, b.outputs)] : []),
      ];
      if (changes.length > 0) lines.push(`~ ${urn}`, ...changes.map((c) => `    ${c}`));
    }
  }
  return lines;
}

function main(): number {
  const args = process.argv.slice(2);
  const withOutputs = args.includes("--outputs");
  const files = args.filter((a) => a !== "--outputs");
  if (files.length !== 2) {
    console.error("usage: npm run plan:diff -- OLD.json NEW.json [--outputs]");
    return 2;
  }
  const before = load(files[0]);
  const after = load(files[1]);
  const lines = diffExports(before, after, withOutputs);
  console.log(
    `${files[0]} -> ${files[1]}: ${before.size} -> ${after.size} resources, ${lines.filter((l) => /^[-+~] /.test(l)).length} differ`,
  );
  if (lines.length > 0) console.log(lines.join("\n"));
  return lines.length > 0 ? 1 : 0;
}

if (require.main === module) process.exit(main());
