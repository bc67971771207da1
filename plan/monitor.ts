/**
 * A mock monitor that records what the real engine would see: for each resource its URN, type,
 * parent, dependencies, property dependencies and options (protect, retainOnDelete, ignoreChanges,
 * aliases), plus the outputs components register. The stock MockMonitor answers; this one listens.
 */
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as settings from "@pulumi/pulumi/runtime/settings";

import type * as pulumi from "@pulumi/pulumi";

export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** A resource read, not managed (`pulumi.StackReference`, `Resource.get`). */
  readonly external?: boolean;
  readonly parent: string | undefined;
  readonly dependencies: string[];
  readonly propertyDependencies: Record<string, string[]>;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly ignoreChanges: string[];
  readonly replaceOnChanges: string[];
  readonly deleteBeforeReplace: boolean;
  readonly aliases: string[];
  readonly provider: string | undefined;
  readonly inputs: Record<string, unknown>;
  id: string | undefined;
  outputs: Record<string, unknown>;
}

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return --
   the monitor speaks the engine's untyped protobuf request objects */

/**
 * Property values as the engine keeps them: plain JSON, with secrets as {sig, value} objects,
 * unknowns as the unknown sentinel and resource references as {sig, urn, id}.
 */
function wire(struct: any): Record<string, unknown> {
  return struct ? (struct.toJavaScript() as Record<string, unknown>) : {};
}

export class RecordingMonitor extends MockMonitor {
  /** Every registered resource, in registration order (a parent always before its children). */
  readonly recorded: RecordedResource[] = [];
  private readonly byUrn = new Map<string, RecordedResource>();
  /** Whether the resource being registered is a remote component, for the mocks' newResource. */
  private readonly pending: { remote: boolean };

  constructor(mocks: pulumi.runtime.Mocks) {
    // The stock monitor passes the mocks no `remote` flag: add the one of the registration under way.
    const pending = { remote: false };
    super({
      newResource: (args) => mocks.newResource({ ...args, remote: pending.remote } as pulumi.runtime.MockResourceArgs),
      call: (args) => mocks.call(args),
    });
    this.pending = pending;
    // The stock mock builds child URNs from the parent's last type only and prefixes children of
    // the stack with the stack's type; the engine uses the parent's whole qualified type and never
    // the stack's. Policy reports and exports quote URNs, so make them the engine's.
    (this as any).newUrn = (parent: string, type: string, name: string) => {
      let qualified = type;
      if (parent) {
        const parentType = parent.split("::")[2];
        if (parentType !== "pulumi:pulumi:Stack") qualified = `${parentType}$${type}`;
      }
      return `urn:pulumi:${settings.getStack()}::${settings.getProject()}::${qualified}::${name}`;
    };
  }

  /** Starts the record of a resource the program declared or read. */
  private record(req: any, fields: Partial<RecordedResource>): RecordedResource {
    const parent: string = req.getParent();
    const entry: RecordedResource = {
      urn: (this as any).newUrn(parent, req.getType(), req.getName()),
      type: req.getType(),
      name: req.getName(),
      custom: true,
      parent: parent === "" ? undefined : parent,
      dependencies: req.getDependenciesList(),
      propertyDependencies: {},
      protect: false,
      retainOnDelete: false,
      ignoreChanges: [],
      replaceOnChanges: [],
      deleteBeforeReplace: false,
      aliases: [],
      provider: req.getProvider() === "" ? undefined : req.getProvider(),
      inputs: {},
      id: undefined,
      outputs: {},
      ...fields,
    };
    this.recorded.push(entry);
    this.byUrn.set(entry.urn, entry);
    return entry;
  }

  async registerResource(req: any, callback: (err: any, response: any) => void): Promise<void> {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
      propertyDependencies[key] = deps.getUrnsList();
    });
    const entry = this.record(req, {
      custom: req.getCustom(),
      propertyDependencies,
      protect: req.hasProtect() ? req.getProtect() : false,
      retainOnDelete: req.hasRetainondelete() ? req.getRetainondelete() : false,
      ignoreChanges: req.getIgnorechangesList(),
      replaceOnChanges: req.getReplaceonchangesList(),
      deleteBeforeReplace: req.getDeletebeforereplace(),
      aliases: req.getAliasesList().map((a: any) => (a.hasUrn() ? a.getUrn() : JSON.stringify(a.toObject()))),
      inputs: wire(req.getObject()),
    });
    // The stock monitor calls the mocks' newResource before its first await: the flag is read then.
    this.pending.remote = req.getRemote();
    const registered = super.registerResource(req, (err: any, response: any) => {
      if (!err && response) {
        entry.id = response.getId() === "" ? undefined : response.getId();
        entry.outputs = wire(response.getObject());
      }
      callback(err, response);
    });
    this.pending.remote = false;
    await registered;
  }

  /** Reads (`.get()`, stack references) are resources of the deployment too: recorded, marked external. */
  async readResource(req: any, callback: (err: any, response: any) => void): Promise<void> {
    const entry = this.record(req, { external: true, inputs: wire(req.getProperties()), id: req.getId() });
    await super.readResource(req, (err: any, response: any) => {
      if (!err && response) entry.outputs = wire(response.getProperties());
      callback(err, response);
    });
  }

  registerResourceOutputs(req: any, callback: (err: any, response: any) => void): void {
    const entry = this.byUrn.get(req.getUrn());
    if (entry) entry.outputs = wire(req.getOutputs());
    super.registerResourceOutputs(req, callback);
  }
}
