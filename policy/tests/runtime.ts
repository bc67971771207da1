/**
 * CrossGuard's runtime started as the Pulumi CLI starts a local pack, and driven over gRPC as the
 * engine drives it. The CLI (pulumi/pulumi pkg/resource/plugin/analyzer_plugin.go and the Node
 * language host's RunPlugin) runs `node <@pulumi/pulumi>/cmd/run-policy-pack <engine address> <pack
 * dir>` with the pack's folder as working directory; run-policy-pack drops the engine address
 * (cmd/run-policy-pack/index.js shifts it off), compiles the pack with ts-node and its tsconfig.json
 * (type-checked), and the pack's PolicyPack prints the port it serves on. The engine then calls
 * GetAnalyzerInfo, ConfigureStack, Configure (with the reconciled pack config), Analyze for each
 * resource it registers and AnalyzeStack once (pkg/resource/deploy/step_generator.go).
 *
 * Shared by the pack's packaging test (policy/tests/standalone.spec.ts) and the runtime test on the
 * program's plan (tests/stacks/runtime.spec.ts).
 */
import { type ChildProcess, spawn } from "child_process";
import { createRequire } from "module";
import * as path from "path";

import * as grpc from "@grpc/grpc-js";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

import type { EnforcementLevel } from "@pulumi/policy";

import type { ExportResource } from "../engine";
import type { PolicyConfig } from "../lib/pack-config";
import { isRecord, isSecret, SECRET_SIG, SIG_KEY } from "../lib/wire";

/** A pack served by CrossGuard's runtime in its own process. */
export interface ServedPack {
  readonly port: string;
  /** What the runtime printed on stderr so far. */
  stderr(): string;
  stop(): void;
}

/**
 * Starts the pack in `dir` as `pulumi preview --policy-pack <dir>` does, with the run-policy-pack
 * of the @pulumi/pulumi the pack resolves, and waits for the port it serves on.
 */
export function servePack(dir: string, timeoutMs = 150000): Promise<ServedPack> {
  const runtime = createRequire(path.join(dir, "package.json")).resolve("@pulumi/pulumi/cmd/run-policy-pack");
  const child: ChildProcess = spawn(process.execPath, [runtime, "127.0.0.1:0", "."], { cwd: dir });
  let stdout = "";
  let stderr = "";
  const served: ServedPack = {
    port: "",
    stderr: () => stderr,
    stop: () => void child.kill(),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the pack did not serve within ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
      const m = /^(\d+)\n/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ ...served, port: m[1] });
      }
    });
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the pack exited (${code}) before serving:\n${stdout}${stderr}`));
    });
  });
}

/** A diagnostic as the engine receives it, with the URN the engine files it under. */
export interface Diagnostic {
  readonly policy: string;
  readonly urn: string;
  readonly enforcementLevel: EnforcementLevel;
  /** As the runtime sends it: the policy's description, a newline and the rule's message (or the advisory alone). */
  readonly message: string;
}

export interface NotApplicableEntry {
  readonly policy: string;
  readonly urn: string;
  readonly reason: string;
}

const LEVELS: Record<number, EnforcementLevel> = {
  [analyzer.EnforcementLevel.ADVISORY]: "advisory",
  [analyzer.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzer.EnforcementLevel.DISABLED]: "disabled",
  [analyzer.EnforcementLevel.REMEDIATE]: "remediate",
};
const ENUM: Record<EnforcementLevel, analyzer.EnforcementLevel> = {
  advisory: analyzer.EnforcementLevel.ADVISORY,
  mandatory: analyzer.EnforcementLevel.MANDATORY,
  disabled: analyzer.EnforcementLevel.DISABLED,
  remediate: analyzer.EnforcementLevel.REMEDIATE,
};

/**
 * A property value as the engine marshals it to an analyzer (MarshalProperties with KeepUnknowns,
 * KeepSecrets, SkipInternalKeys): unknowns as the unknown string, secrets as {sig, value}, keys
 * starting with `__` left out. Export-form secrets ({sig, plaintext}) become wire form.
 */
export function toWire(value: unknown): unknown {
  if (isSecret(value)) {
    const inner: unknown =
      "value" in value ? value.value : typeof value.plaintext === "string" ? JSON.parse(value.plaintext) : null;
    return { [SIG_KEY]: SECRET_SIG, value: toWire(inner) };
  }
  if (Array.isArray(value)) return value.map(toWire);
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => !k.startsWith("__") && v !== undefined)
        .map(([k, v]) => [k, toWire(v)]),
    );
  return value;
}

function struct(props: Record<string, unknown> | undefined): Struct {
  return Struct.fromJavaScript(toWire(props ?? {}) as Record<string, never>);
}

function options(r: ExportResource): analyzer.AnalyzerResourceOptions {
  const opts = new analyzer.AnalyzerResourceOptions();
  opts.setProtect(r.protect === true);
  const timeouts = new analyzer.AnalyzerResourceOptions.CustomTimeouts();
  opts.setCustomtimeouts(timeouts);
  if (r.parent !== undefined) opts.setParent(r.parent);
  return opts;
}

type Call<Req, Res> = (request: Req, callback: (err: grpc.ServiceError | null, response: Res) => void) => unknown;

/** The engine's side of the Analyzer service, for one served pack. */
export class EngineSide {
  private readonly client: AnalyzerClient;

  constructor(port: string) {
    this.client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": 1024 * 1024 * 400,
    });
  }

  private call<Req, Res>(method: Call<Req, Res>, request: Req): Promise<Res> {
    return new Promise((resolve, reject) =>
      method.call(this.client, request, (err, response) => (err ? reject(err) : resolve(response))),
    );
  }

  /** GetAnalyzerInfo: the pack's name, version and policies (with their config schemas). */
  info(): Promise<analyzer.AnalyzerInfo> {
    return this.call(this.client.getAnalyzerInfo.bind(this.client), new Empty());
  }

  /** ConfigureStack, as the engine sends it before anything is analyzed. */
  async configureStack(stack: { stack: string; project: string; organization: string; dryRun: boolean }) {
    const req = new analyzer.AnalyzerStackConfigureRequest();
    req.setStack(stack.stack);
    req.setProject(stack.project);
    req.setOrganization(stack.organization);
    req.setDryRun(stack.dryRun);
    await this.call(this.client.configureStack.bind(this.client), req);
  }

  /** Configure: each policy's level (as the enum the engine sends; any number) and settings. */
  async configure(config: ReadonlyMap<string, PolicyConfig | { enforcementLevel: number; properties: object }>) {
    const req = new analyzer.ConfigureAnalyzerRequest();
    for (const [name, c] of config) {
      const entry = new analyzer.PolicyConfig();
      entry.setEnforcementlevel(typeof c.enforcementLevel === "number" ? c.enforcementLevel : ENUM[c.enforcementLevel]);
      entry.setProperties(Struct.fromJavaScript(c.properties as Record<string, never>));
      req.getPolicyconfigMap().set(name, entry);
    }
    await this.call(this.client.configure.bind(this.client), req);
  }

  private static read(
    response: analyzer.AnalyzeResponse,
    fallbackUrn: string,
  ): { diagnostics: Diagnostic[]; notApplicable: NotApplicableEntry[] } {
    return {
      diagnostics: response.getDiagnosticsList().map((d) => ({
        policy: d.getPolicyname(),
        urn: d.getUrn() === "" ? fallbackUrn : d.getUrn(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()],
        message: d.getMessage(),
      })),
      notApplicable: response.getNotApplicableList().map((n) => ({
        policy: n.getPolicyName(),
        urn: fallbackUrn,
        reason: n.getReason(),
      })),
    };
  }

  /** Analyze: one resource's inputs and options, as the engine sends them before it acts on the resource. */
  async analyze(r: ExportResource) {
    const req = new analyzer.AnalyzeRequest();
    req.setUrn(r.urn);
    req.setType(r.type);
    req.setName(r.urn.split("::").pop() ?? r.urn);
    req.setProperties(struct(r.inputs));
    req.setOptions(options(r));
    const response = await this.call<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(
      this.client.analyze.bind(this.client),
      req,
    );
    return EngineSide.read(response, r.urn);
  }

  /**
   * AnalyzeStack: every resource's stored outputs, options, parent, dependencies and property
   * dependencies (empty ones left out, as the engine does). A violation with no URN, or one not of
   * the stack, is filed under the stack (step_generator.go, resolveStackPolicyViolationURN).
   */
  async analyzeStack(resources: readonly ExportResource[]) {
    const req = new analyzer.AnalyzeStackRequest();
    req.setResourcesList(
      resources.map((r) => {
        const resource = new analyzer.AnalyzerResource();
        resource.setUrn(r.urn);
        resource.setType(r.type);
        resource.setName(r.urn.split("::").pop() ?? r.urn);
        resource.setProperties(struct(r.outputs));
        resource.setOptions(options(r));
        if (r.parent !== undefined) resource.setParent(r.parent);
        resource.setDependenciesList(r.dependencies ?? []);
        for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
          if (urns.length === 0) continue;
          const deps = new analyzer.AnalyzerPropertyDependencies();
          deps.setUrnsList(urns);
          resource.getPropertydependenciesMap().set(key, deps);
        }
        return resource;
      }),
    );
    const response = await this.call<analyzer.AnalyzeStackRequest, analyzer.AnalyzeResponse>(
      this.client.analyzeStack.bind(this.client),
      req,
    );
    const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
    const urns = new Set(resources.map((r) => r.urn));
    const read = EngineSide.read(response, stackUrn);
    return {
      ...read,
      diagnostics: read.diagnostics.map((d) => (urns.has(d.urn) ? d : { ...d, urn: stackUrn })),
    };
  }

  close(): void {
    this.client.close();
  }
}
