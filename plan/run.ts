/**
 * Runs a Pulumi program under mocks the way the engine would run `pulumi preview`, and returns
 * what the engine would have seen: every resource with its options and dependencies, the invokes,
 * and the stack outputs. Shared by the offline plan and the tests.
 */
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";

import { type RecordedCall, WorldMocks } from "./mocks";
import { parseConfigValue } from "../config/values";
import { RecordingMonitor, type RecordedResource } from "./monitor";
import { stringLeaves } from "./values";
import type { World } from "./world";

/** The organization the mock engine reports (a self-managed backend's is "organization" too). */
export const ORGANIZATION = "organization";

export interface RunOptions {
  readonly project: string;
  readonly stack: string;
  /** Full keys (`datafold-aws:network`) to values as the engine passes them (objects as JSON text). */
  readonly config: Readonly<Record<string, string>>;
  readonly secretKeys?: readonly string[];
  readonly world: World;
  /** Run as a preview (the default), as `pulumi preview` does. */
  readonly preview?: boolean;
  /** The organization the engine reports: "organization" (a DIY backend, the default) or a Pulumi Cloud organization. */
  readonly organization?: string;
  /** The program: what index.ts exports. */
  readonly program: () => unknown;
}

export interface ProgramRun {
  readonly resources: RecordedResource[];
  readonly calls: RecordedCall[];
  /** The stack outputs, in wire form (secrets wrapped). */
  readonly outputs: Record<string, unknown>;
  /** Warnings the program logged, in order. */
  readonly messages: string[];
  /**
   * The strings only the mock world made up (ids, ARNs with a generated part, addresses, endpoints,
   * validation records): a value that holds one will be different for real. Never a config value
   * or a sourced fact; none shorter than 5 characters.
   */
  readonly madeUp: ReadonlySet<string>;
  /** What the mock world assumed where it holds no sourced fact (plan/world.ts), one sentence each. */
  readonly assumptions: readonly string[];
}

/** The shortest string counted as made up: shorter ones ("none", "1") say nothing. */
const MIN_MADE_UP = 5;

/** Thrown when the program fails; carries what was declared before the failure. */
export class ProgramError extends Error {
  constructor(
    readonly cause: unknown,
    readonly resources: RecordedResource[],
  ) {
    // The SDK prefixes an error raised inside an output with the path it was serialized at.
    super(
      (cause instanceof Error ? cause.message : String(cause)).replace(/^(error serializing property "[^"]*": )+/, ""),
    );
    this.name = "ProgramError";
  }
}

export async function runProgram(opts: RunOptions): Promise<ProgramRun> {
  const preview = opts.preview ?? true;
  pulumi.runtime.setAllConfig({ ...opts.config }, [...(opts.secretKeys ?? [])]);
  const mocks = new WorldMocks(opts.world);
  // setMocks turns on the features a mock engine supports; the recording monitor then replaces
  // the stock one so that parents, dependencies and options are seen.
  const organization = opts.organization ?? ORGANIZATION;
  await pulumi.runtime.setMocks(mocks, opts.project, opts.stack, preview, organization);
  const monitor = new RecordingMonitor(mocks);
  settings.setMockOptions(monitor, opts.project, opts.stack, preview, organization);

  const failures: unknown[] = [];
  const onRejection = (reason: unknown) => failures.push(reason);
  process.on("unhandledRejection", onRejection);
  // Without an engine the SDK prints the program's warnings to the console; keep them with the run.
  const messages: string[] = [];
  const consoleWarn = console.warn;
  console.warn = (...parts: unknown[]) =>
    void messages.push(
      parts
        .map(String)
        .join(" ")
        .replace(/^warning: \[runtime\] /, ""),
    );
  try {
    await pulumi.runtime.runInPulumiStack(() => Promise.resolve(opts.program()));
    await (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    // Give rejected applies that nobody awaited one turn to surface.
    await new Promise((resolve) => setImmediate(resolve));
  } catch (err) {
    failures.unshift(err);
  } finally {
    process.off("unhandledRejection", onRejection);
    console.warn = consoleWarn;
  }
  if (failures.length > 0) throw new ProgramError(failures[0], monitor.recorded);

  const stack = monitor.recorded.find((r) => r.type === "pulumi:pulumi:Stack");
  const configured = new Set(Object.values(opts.config).flatMap((text) => stringLeaves(parseConfigValue(text))));
  const madeUp = new Set(
    [...mocks.madeUp].filter((x) => x.length >= MIN_MADE_UP && !mocks.facts.has(x) && !configured.has(x)),
  );
  return {
    resources: monitor.recorded,
    calls: mocks.calls,
    outputs: stack?.outputs ?? {},
    messages,
    madeUp,
    assumptions: [...mocks.assumptions],
  };
}
