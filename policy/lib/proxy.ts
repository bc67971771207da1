/**
 * CrossGuard's own unknown-checking proxy, its error and its unknown markers. They are internal to
 * @pulumi/policy (its .d.ts exports nothing), so they are typed here; the offline evaluator uses
 * them so that a rule meets unknown values exactly as it does under `pulumi preview`.
 */
import * as internal from "@pulumi/policy/proxy";

interface ProxyModule {
  UnknownValueError: new (sentinel: string, props: string[]) => Error;
  unknownCheckingProxy<T extends object>(value: T): T;
  /** The property that answers the proxied object itself, unchecked. */
  getSpecialProxyTarget: string;
  unknownBooleanValue: string;
  unknownNumberValue: string;
  unknownStringValue: string;
  unknownArrayValue: string;
  unknownAssetValue: string;
  unknownArchiveValue: string;
  unknownObjectValue: string;
}

const proxy = internal as unknown as ProxyModule;

/** Thrown when a rule reads a value that is not known yet. */
export const UnknownValueError = proxy.UnknownValueError;

/** Wraps properties so that reading an unknown value throws UnknownValueError. */
export function unknownCheckingProxy<T extends object>(value: T): T {
  return proxy.unknownCheckingProxy(value);
}

/** The markers the proxy treats as unknown (the engine sends the string one for every type). */
export const UNKNOWN_MARKERS: ReadonlySet<unknown> = new Set([
  proxy.unknownBooleanValue,
  proxy.unknownNumberValue,
  proxy.unknownStringValue,
  proxy.unknownArrayValue,
  proxy.unknownAssetValue,
  proxy.unknownArchiveValue,
  proxy.unknownObjectValue,
]);

/** The object behind CrossGuard's proxy (the value itself when it is not proxied); reading it never throws. */
export function unproxied<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  const target = (value as Record<string, unknown>)[proxy.getSpecialProxyTarget];
  return (target ?? value) as T;
}
