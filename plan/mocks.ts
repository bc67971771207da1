/**
 * Pulumi mocks backed by a World. They only dispatch: what each resource type computes is in
 * ./resources, the answers to lookups in ./lookups, and the facts both read in ./world. An unlisted
 * resource type, remote component or lookup is an error naming it.
 */
import type * as pulumi from "@pulumi/pulumi";

import { answerLookup } from "./lookups";
import { Account, createRemoteComponent, createResource, remoteMadeUpStrings } from "./resources";
import type { World } from "./world";

type Inputs = Record<string, unknown>;

export interface RecordedCall {
  readonly token: string;
  readonly inputs: Inputs;
}

/** The mock engine's resource arguments, plus whether a component is remote (the stock mock monitor drops it). */
export type ResourceArgs = pulumi.runtime.MockResourceArgs & { readonly remote?: boolean };

/** An error as the engine reports a failed provider call: the SDK reads the gRPC error's `details`. */
function providerError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  return Object.assign(new Error(message), { details: message });
}

export class WorldMocks implements pulumi.runtime.Mocks {
  /** Every invoke made, in order. */
  readonly calls: RecordedCall[] = [];
  /** The strings this world made up (ids, addresses, records): the real values come from AWS. */
  readonly madeUp = new Set<string>();
  /** Strings lookups answered from sourced facts (AZ names, say): never counted as made up. */
  readonly facts = new Set<string>();
  /** What lookups answered from the world's assumptions instead of sourced facts, once each. */
  readonly assumptions = new Set<string>();

  /** The account as this run has changed it. */
  private readonly account: Account;

  constructor(readonly world: World) {
    this.account = new Account(world);
  }

  newResource(args: ResourceArgs): { id: string | undefined; state: Inputs } {
    const inputs = args.inputs as Inputs;
    try {
      if (args.custom === false) {
        // Remote components (multi-language packages) register one resource and no children: the
        // mock answers their outputs as the real component would. Local components compute nothing.
        const state = args.remote === true ? createRemoteComponent(this.account, args.type, args.name, inputs) : {};
        remoteMadeUpStrings(inputs, state).forEach((x) => this.madeUp.add(x));
        return { id: undefined, state };
      }
      const { id, state, madeUp } = createResource(this.account, args.type, args.name, inputs);
      madeUp.forEach((x) => this.madeUp.add(x));
      return { id, state };
    } catch (err) {
      throw providerError(err);
    }
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    const inputs = args.inputs as Inputs;
    this.calls.push({ token: args.token, inputs });
    try {
      // The account as this run has changed it: the network interfaces of a load balancer it created.
      const { answer, madeUp, facts, assumptions } = answerLookup(this.account.current(), args.token, inputs);
      madeUp.forEach((x) => this.madeUp.add(x));
      facts.forEach((x) => this.facts.add(x));
      assumptions.forEach((x) => this.assumptions.add(x));
      return answer;
    } catch (err) {
      throw providerError(err);
    }
  }
}
