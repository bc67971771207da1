/**
 * A small collector for config validation: each reader resolves a default, records a problem
 * (full key, value given, what is allowed) instead of throwing, and returns a usable value so that
 * one pass reports every problem at once. Pure: no Pulumi import.
 */
import { isNetworkAddress, parseIpv4Cidr } from "./cidr";
import { isRecord } from "./values";

/** A config object as parsed from the stack's YAML. */
export type Raw = Readonly<Record<string, unknown>>;

/** Thrown with every problem collected. */
export class ValidationError extends Error {
  constructor(
    readonly problems: string[],
    summary: string,
  ) {
    super(summary);
  }
}

/** Renders a value the way a user wrote it, short. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export class Check {
  readonly problems: string[] = [];

  constructor(
    private readonly namespace: string,
    private readonly makeError: (problems: string[]) => Error = (p) => new ValidationError(p, p.join("\n")),
  ) {}

  /** The full key of a field under a parent path ("" for the top level). */
  key(parent: string, field: string): string {
    return parent === "" ? field : `${parent}.${field}`;
  }

  /** Records a problem in free text; `absolute` keys are not put in the project's namespace. */
  problem(key: string, text: string, absolute = false): void {
    this.problems.push(`${absolute ? key : `${this.namespace}:${key}`}: ${text}`);
  }

  /** Records that `key` holds `value` where `expected` is allowed. */
  fail(key: string, value: unknown, expected: string): void {
    this.problem(key, `got ${show(value)}; expected ${expected}`);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw this.makeError([...this.problems]);
  }

  /** A raw field, or the fallback when it is absent or null. */
  field(obj: Raw, name: string, fallback: unknown): unknown {
    const value = obj[name];
    return value === undefined || value === null ? fallback : value;
  }

  /** An object whose keys must be among `known`; an empty object after a problem. */
  object(value: unknown, path: string, known: readonly string[]): Raw {
    if (!isRecord(value)) {
      this.fail(path, value, "an object");
      return {};
    }
    for (const k of Object.keys(value)) {
      if (!known.includes(k))
        this.fail(this.key(path, k), value[k], `one of the known keys of ${path}: ${known.join(", ")}`);
    }
    return value;
  }

  /** A top-level section; its known keys are those of its defaults. */
  section(values: Raw, name: string, defaults: object): Raw {
    return this.object(this.field(values, name, {}), name, Object.keys(defaults));
  }

  requiredString(obj: Raw, parent: string, name: string, expected: string, test: (s: string) => boolean): string {
    const key = this.key(parent, name);
    const value = obj[name];
    if (value === undefined || value === null || value === "") {
      this.problem(key, `is required; expected ${expected}`);
      return "";
    }
    if (typeof value !== "string" || !test(value)) {
      this.fail(key, value, expected);
      return "";
    }
    return value;
  }

  string(
    obj: Raw,
    parent: string,
    name: string,
    fallback: string,
    expected: string,
    test: (s: string) => boolean,
  ): string {
    const value = this.field(obj, name, fallback);
    if (typeof value !== "string" || !test(value)) {
      this.fail(this.key(parent, name), value, expected);
      return fallback;
    }
    return value;
  }

  int(obj: Raw, parent: string, name: string, fallback: number, min: number, max: number): number {
    const value = this.field(obj, name, fallback);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(this.key(parent, name), value, `an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  bool(obj: Raw, parent: string, name: string, fallback: boolean): boolean {
    const value = this.field(obj, name, fallback);
    if (typeof value !== "boolean") {
      this.fail(this.key(parent, name), value, "true or false");
      return fallback;
    }
    return value;
  }

  oneOf<T extends string | number>(obj: Raw, parent: string, name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.field(obj, name, fallback);
    if (!allowed.includes(value as T)) {
      this.fail(this.key(parent, name), value, `one of ${allowed.map((a) => show(a)).join(", ")}`);
      return fallback;
    }
    return value as T;
  }

  list(obj: Raw, parent: string, name: string, fallback: readonly unknown[]): unknown[] {
    const value = this.field(obj, name, fallback);
    if (!Array.isArray(value)) {
      this.fail(this.key(parent, name), value, "a list");
      return [...fallback];
    }
    return value as unknown[];
  }

  stringList(
    obj: Raw,
    parent: string,
    name: string,
    fallback: readonly string[],
    expected: string,
    test: (s: string) => boolean,
  ): string[] {
    const key = this.key(parent, name);
    const items = this.list(obj, parent, name, fallback);
    const good: string[] = [];
    items.forEach((item, i) => {
      if (typeof item === "string" && test(item)) good.push(item);
      else this.fail(`${key}[${i}]`, item, expected);
    });
    return good;
  }

  /** An IPv4 CIDR whose prefix is within [minPrefix, maxPrefix] and whose host bits are zero. */
  cidrProblem(text: unknown, minPrefix: number, maxPrefix: number): string | undefined {
    const parsed = typeof text === "string" ? parseIpv4Cidr(text) : undefined;
    const expected = `an IPv4 CIDR such as 10.0.0.0/24 with a prefix from /${minPrefix} to /${maxPrefix}`;
    if (!parsed || parsed.prefix < minPrefix || parsed.prefix > maxPrefix) return expected;
    if (!isNetworkAddress(parsed)) return `${expected}, with no host bits set (a network address)`;
    return undefined;
  }

  cidr(obj: Raw, parent: string, name: string, fallback: string, minPrefix: number, maxPrefix: number): string {
    const value = this.field(obj, name, fallback);
    const problem = this.cidrProblem(value, minPrefix, maxPrefix);
    if (problem !== undefined) {
      this.fail(this.key(parent, name), value, problem);
      return fallback;
    }
    return value as string;
  }

  cidrList(
    obj: Raw,
    parent: string,
    name: string,
    fallback: readonly string[],
    minPrefix: number,
    maxPrefix: number,
  ): string[] {
    const key = this.key(parent, name);
    const good: string[] = [];
    this.list(obj, parent, name, fallback).forEach((item, i) => {
      const problem = this.cidrProblem(item, minPrefix, maxPrefix);
      if (problem === undefined) good.push(item as string);
      else this.fail(`${key}[${i}]`, item, problem);
    });
    this.unique(key, good, "each CIDR once");
    return good;
  }

  stringMap(
    obj: Raw,
    parent: string,
    name: string,
    fallback: Readonly<Record<string, string>>,
    entryProblem: (k: string, v: string) => string | undefined,
  ): Record<string, string> {
    const key = this.key(parent, name);
    const value = this.field(obj, name, fallback);
    if (!isRecord(value)) {
      this.fail(key, value, "a map of strings to strings");
      return { ...fallback };
    }
    const good: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
      const problem = typeof v === "string" ? entryProblem(k, v) : "a string value";
      if (problem === undefined) good[k] = v as string;
      else this.fail(`${key}.${k}`, v, problem);
    }
    return good;
  }

  unique(key: string, items: readonly string[], expected: string): void {
    const dupes = items.filter((item, i) => items.indexOf(item) !== i);
    if (dupes.length > 0) this.fail(key, [...new Set(dupes)], expected);
  }
}
