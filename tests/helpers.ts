/** Test helpers: run a program under the recording mocks and look at what it declared. */
import { expect } from "chai";

import type { RecordedResource } from "../plan/monitor";
import { type ProgramRun, runProgram } from "../plan/run";
import { makeWorld, type World } from "../plan/world";
import { reveal } from "../plan/values";

/** Runs `program` (which declares resources) with no config, against `world`. */
export function runComponents(program: () => unknown, world: World = makeWorld("us-east-1")): Promise<ProgramRun> {
  return runProgram({ project: "datafold-aws", stack: "test", config: {}, world, program });
}

/** The custom (cloud) resources, as "type name" lines, sorted: the exact shape of what is declared. */
export function shape(run: ProgramRun): string[] {
  return run.resources
    .filter((r) => r.custom)
    .map((r) => `${r.type} ${r.name}`)
    .sort();
}

/** The one resource of that type and name; fails the test when there is not exactly one. */
export function find(run: ProgramRun, type: string, name: string): RecordedResource {
  const found = run.resources.filter((r) => r.type === type && r.name === name);
  expect(found, `${type} ${name}`).to.have.length(1);
  return found[0];
}

/** A resource's inputs with secrets revealed and the engine's bookkeeping keys dropped. */
export function inputs(r: RecordedResource): Record<string, unknown> {
  const plain = reveal(r.inputs) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(plain).filter(([k]) => !k.startsWith("__")));
}

/** The stack outputs with secrets revealed. */
export function outputs(run: ProgramRun): Record<string, unknown> {
  return reveal(run.outputs) as Record<string, unknown>;
}
