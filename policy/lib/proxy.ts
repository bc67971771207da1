/**
 * CrossGuard's own unknown-checking proxy and its error. They are internal to @pulumi/policy
 * (its .d.ts exports nothing), so they are typed here; the offline evaluator uses them so that a
 * rule meets unknown values exactly as it does under `pulumi preview`.
 */
import * as internal from "@pulumi/policy/proxy";

interface ProxyModule {
  UnknownValueError: new (sentinel: string, props: string[]) => Error;
  unknownCheckingProxy<T extends object>(value: T): T;
}

const proxy = internal as unknown as ProxyModule;

/** Thrown when a rule reads a value that is not known yet. */
export const UnknownValueError = proxy.UnknownValueError;

/** Wraps properties so that reading an unknown value throws UnknownValueError. */
export function unknownCheckingProxy<T extends object>(value: T): T {
  return proxy.unknownCheckingProxy(value);
}
