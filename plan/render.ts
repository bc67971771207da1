/**
 * Renders a planned program as text for a reviewer: the stack's mode and what needs the cluster
 * API, the resource tree with each resource's key inputs, the resource counts by kind, then the
 * outputs. Long values are shortened only between whole elements, never inside a string (an ARN,
 * a policy's statement text): `…+N` stands for N more elements, and `full` shows everything. A
 * value that holds something only the mock world made up (an id, an address, a validation record)
 * ends in `*`: AWS assigns the real one.
 */
import type { Settings } from "../config/settings";
import type { RecordedResource } from "./monitor";
import { isSecret, reveal, SIG_KEY, stringLeaves } from "./values";

const HIDDEN_INPUTS = new Set(["tags", "tagsAll"]);

/** The width a tree input's value is shortened to. */
export const INPUT_WIDTH = 72;
/** The width an output's value is shortened to. */
export const OUTPUT_WIDTH = 160;
/** The mark after a value that holds something the mock world made up. */
export const MADE_UP_MARK = "*";
/** Made-up strings at least this long are also found inside longer strings (an id inside an ARN). */
const MIN_CONTAINED = 8;

export interface RenderOptions {
  /** Show every value whole. @default false */
  readonly full?: boolean;
  /** The strings the mock world made up (ProgramRun.madeUp). @default none */
  readonly madeUp?: ReadonlySet<string>;
  /** Show secret outputs. @default false */
  readonly showSecrets?: boolean;
}

/** A string that holds a JSON object or array (policy documents, configuration values), parsed. */
function jsonDocument(text: string): unknown {
  const t = text.trim();
  if (!(t.startsWith("{") || t.startsWith("["))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * JSON text of `v` within about `width` characters, leaving out whole trailing elements (`…+N`);
 * strings and numbers are never cut, so an element longer than the width is shown whole.
 */
export function compactJson(v: unknown, width: number): string {
  const whole = JSON.stringify(v);
  if (whole.length <= width || v === null || typeof v !== "object") return whole;
  const array = Array.isArray(v);
  const entries: [string | undefined, unknown][] = array
    ? (v as unknown[]).map((x) => [undefined, x])
    : Object.entries(v as Record<string, unknown>);
  const parts: string[] = [];
  let used = 2;
  for (let i = 0; i < entries.length; i++) {
    const [key, x] = entries[i];
    const prefix = key === undefined ? "" : `${JSON.stringify(key)}:`;
    const later = entries.length - i - 1;
    const room = width - used - (parts.length > 0 ? 1 : 0) - prefix.length - (later > 0 ? `,…+${later}`.length : 0);
    let piece = compactJson(x, Math.max(room, 16));
    // Too long: a structure still shows its key and how many elements it has.
    if (piece.length > room && typeof x === "object" && x !== null) {
      const n = Array.isArray(x) ? x.length : Object.keys(x).length;
      const folded = Array.isArray(x) ? `[…+${n}]` : `{…+${n}}`;
      if (n > 0 && folded.length <= room) piece = folded;
    }
    if (parts.length > 0 && piece.length > room) break;
    parts.push(`${prefix}${piece}`);
    used += (parts.length > 1 ? 1 : 0) + prefix.length + piece.length;
  }
  const left = entries.length - parts.length;
  const tail = left > 0 ? `${parts.length > 0 ? "," : ""}…+${left}` : "";
  return `${array ? "[" : "{"}${parts.join(",")}${tail}${array ? "]" : "}"}`;
}

/** A value as the tree shows it: plain strings as they are, structures and JSON documents as compact JSON. */
export function brief(value: unknown, width: number, full = false): string {
  if (isSecret(value)) return "[secret]";
  const v = reveal(value);
  if (typeof v === "string") {
    const doc = jsonDocument(v);
    if (doc === undefined) return v;
    return full ? JSON.stringify(doc) : compactJson(doc, width);
  }
  return full ? JSON.stringify(v) : compactJson(v, width);
}

/** Whether a value holds a string the mock world made up, whole or inside a longer string. */
export function isMadeUp(value: unknown, madeUp: ReadonlySet<string> | undefined): boolean {
  if (madeUp === undefined || madeUp.size === 0) return false;
  const long = [...madeUp].filter((m) => m.length >= MIN_CONTAINED);
  return stringLeaves(reveal(value)).some((s) => madeUp.has(s) || long.some((m) => s.includes(m)));
}

function shown(value: unknown, width: number, opts: RenderOptions): string {
  const text = brief(value, width, opts.full);
  return !isSecret(value) && isMadeUp(value, opts.madeUp) ? `${text}${MADE_UP_MARK}` : text;
}

/** The inputs worth a glance: everything but tags and engine bookkeeping, each value shortened. */
export function keyInputs(inputs: Readonly<Record<string, unknown>>, opts: RenderOptions = {}): string {
  return Object.entries(inputs)
    .filter(
      ([k, v]) =>
        !HIDDEN_INPUTS.has(k) &&
        !k.startsWith("__") &&
        v !== undefined &&
        !(typeof v === "object" && v !== null && SIG_KEY in v && !isSecret(v)),
    )
    .map(([k, v]) => `${k}=${shown(v, INPUT_WIDTH, opts)}`)
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

export function renderTree(resources: readonly RecordedResource[], opts: RenderOptions = {}): string {
  const children = childrenByParent(resources);
  const lines: string[] = [];
  const walk = (r: RecordedResource, prefix: string, last: boolean, root: boolean) => {
    const flags = [r.protect ? "protected" : "", r.retainOnDelete ? "retained on delete" : ""].filter((f) => f !== "");
    const head = `${r.type}  ${r.name}${flags.length > 0 ? `  [${flags.join(", ")}]` : ""}`;
    const inputs = r.custom ? keyInputs(r.inputs, opts) : "";
    lines.push(
      `${root ? "" : `${prefix}${last ? "└─ " : "├─ "}`}${head}${inputs ? `\n${prefix}${root ? "" : last ? "   " : "│  "}    ${inputs}` : ""}`,
    );
    const kids = children.get(r.urn) ?? [];
    kids.forEach((k, i) => walk(k, root ? "" : `${prefix}${last ? "   " : "│  "}`, i === kids.length - 1, false));
  };
  for (const r of children.get(undefined) ?? []) walk(r, "", true, true);
  return lines.join("\n");
}

export function renderOutputs(outputs: Readonly<Record<string, unknown>>, opts: RenderOptions = {}): string {
  return Object.keys(outputs)
    .sort()
    .map((k) => {
      const v = outputs[k];
      if (isSecret(v) && !opts.showSecrets) return `  ${k}: [secret]`;
      const text = opts.full ? JSON.stringify(reveal(v)) : compactJson(reveal(v), OUTPUT_WIDTH);
      return `  ${k}: ${text}${isMadeUp(v, opts.madeUp) ? MADE_UP_MARK : ""}`;
    })
    .join("\n");
}

/** What a planned resource is, for a reviewer counting what the account will hold. */
export type ResourceKind = "cloud" | "cluster" | "component" | "helper";

/**
 * cloud: a resource in the AWS account; cluster: an object inside the cluster, through the
 * Kubernetes provider (needs the cluster API); component: a grouping (the stack, this program's
 * components, remote components); helper: providers, random values and stack references, which
 * put nothing in the account.
 */
export function kindOf(r: Pick<RecordedResource, "type" | "custom">): ResourceKind {
  if (!r.custom) return "component";
  if (r.type.startsWith("kubernetes:")) return "cluster";
  if (r.type.startsWith("pulumi:") || r.type.startsWith("random:")) return "helper";
  return "cloud";
}

/**
 * Remote (multi-language) components: one resource in the plan, several in the account. What
 * @pulumi/eks 4.3.0's Cluster creates with this program's options (pulumi/pulumi-eks v4.3.0,
 * nodejs/eks/cluster/cluster.ts, `createCore`): the EKS cluster, its IAM service role with the
 * managed policies attached, and a Kubernetes provider no object uses.
 */
const REMOTE_CONTENTS: Readonly<Record<string, string>> = {
  "eks:index:Cluster": "the EKS cluster, its IAM service role and policy attachments, a Kubernetes provider",
};

const KIND_HEADINGS: Record<ResourceKind, string> = {
  cloud: "in the AWS account",
  cluster: "inside the cluster, through the Kubernetes provider (they need the cluster API)",
  component: "components: groupings, no resource of their own",
  helper: "helpers: providers, random values, stack references (nothing in the account)",
};

export function renderSummary(resources: readonly RecordedResource[]): string {
  const lines = [`${resources.length} resources planned:`];
  for (const kind of ["cloud", "cluster", "component", "helper"] as const) {
    const ofKind = resources.filter((r) => kindOf(r) === kind);
    if (ofKind.length === 0) continue;
    lines.push(`  ${String(ofKind.length).padStart(3)} ${KIND_HEADINGS[kind]}`);
    const counts = new Map<string, number>();
    for (const r of ofKind) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    for (const [type, n] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const remote = REMOTE_CONTENTS[type];
      lines.push(
        `        ${String(n).padStart(3)}  ${type}${remote ? `  (remote: also creates ${remote}, not seen offline)` : ""}`,
      );
    }
  }
  return lines.join("\n");
}

/** The resources that go through the Kubernetes provider: what needs the cluster API. */
export function needsClusterApi(resources: readonly RecordedResource[]): RecordedResource[] {
  return inTreeOrder(resources).filter((r) => kindOf(r) === "cluster");
}

/** The stack's mode, as a reviewer needs it: ingress, network, cluster API, platform, vendor access. */
export function renderMode(s: Settings, resources: readonly RecordedResource[]): string {
  const inCluster = needsClusterApi(resources);
  const ingress =
    s.ingress.mode === "alb"
      ? "alb: this program creates the load balancer"
      : "controller: the AWS Load Balancer Controller creates the load balancer from the application's Ingress";
  const network =
    s.network.vpcId === ""
      ? `a new VPC ${s.network.vpcCidr}, ${s.network.privateSubnetCidrs.length} AZs, NAT ${s.network.natGateway}`
      : `the existing VPC ${s.network.vpcId} (its subnets looked up)`;
  const endpoint = s.cluster.endpointPublicAccess
    ? `public endpoint open to ${s.cluster.publicAccessCidrs.join(", ")}, and the private endpoint`
    : "private endpoint only: reachable from the VPC and networks connected to it";
  const platform = s.platform.enabled
    ? `enabled: ${inCluster.length} resources go through the Kubernetes provider, so preview and up must run where the cluster API answers`
    : "disabled: nothing inside the cluster; the controllers' Helm releases are in the platformReleases output, for the second stage";
  const vendor = s.access.enabled
    ? `the vendor's role, ${s.access.permissions} permissions${s.access.allowIamChanges ? " plus the temporary IAM changes" : ""}, ` +
      `${s.access.clusterAccess ? "a cluster-admin access entry" : "no cluster access entry"}`
    : "none";
  const rows: [string, string][] = [
    ["ingress", `${ingress}, ${s.ingress.internal ? "internal" : "internet-facing"}`],
    ["network", network],
    ["cluster API", endpoint],
    ["platform", platform],
    ["vendor access", vendor],
  ];
  const needs =
    inCluster.length === 0
      ? ["Needs the cluster API: nothing; this stack previews and deploys from anywhere AWS answers."]
      : [
          "Needs the cluster API (these fail where the cluster API cannot be reached):",
          ...inCluster.map((r) => `  ${r.type}  ${r.name}`),
        ];
  return ["Mode:", ...rows.map(([k, v]) => `  ${k.padEnd(14)}${v}`), "", ...needs].join("\n");
}

/** The legend of the marks the tree and the outputs use. */
export function renderLegend(full: boolean): string {
  return [
    `${MADE_UP_MARK} after a value: it holds something the offline world made up (an id, an address, a record); AWS assigns the real one.`,
    ...(full ? [] : ["…+N in a value: N more elements, left out whole; --full shows every value whole."]),
  ].join("\n");
}
