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

/** What a value is, in words: "a number", "a list", ... */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return typeof value === "number" ? "a number" : typeof value === "boolean" ? "a boolean" : `a ${typeof value}`;
}

/**
 * Why a number or boolean stands where text is expected: YAML (the stack file, or `pulumi config set
 * --path`) reads an unquoted 1.30 as the number 1.3, 0123 as 123 and true as a boolean, so the text
 * the user meant is lost. The fix is to quote it.
 */
const RETYPED =
  "YAML reads unquoted digits, true and false as numbers and booleans (1.30 becomes 1.3, 0123 becomes 123)";

/**
 * The texts a user can have written for a value YAML read as a number or boolean: its own text and,
 * for a number with one decimal digit, the one with the trailing zero YAML drops (1.30 is read as
 * 1.3). Leading zeros (0123) cannot be recovered.
 */
function writtenAs(value: number | boolean): string[] {
  const text = String(value);
  return typeof value === "number" && /^-?\d+\.\d$/.test(text) ? [text, `${text}0`] : [text];
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

  /**
   * A raw field, or the fallback when it is absent. A null (YAML's empty value, `~` or `null`) is
   * not taken for absent: a value never falls back to its default silently. It is reported, and the
   * fallback is returned only so that validation goes on.
   */
  field(obj: Raw, parent: string, name: string, fallback: unknown, expected: string): unknown {
    const value = obj[name];
    if (value === undefined) return fallback;
    if (value === null) {
      this.problem(
        this.key(parent, name),
        `got null (YAML reads an empty value, ~ and null as null); expected ${expected}. Remove the key to use the default ${show(fallback)}`,
      );
      return fallback;
    }
    return value;
  }

  /**
   * Records that `key` holds a number or boolean where text is expected, and says to quote it. With
   * `test` (what the text must pass), when no text the user can have written passes it either, says
   * so in the same message, so that quoting is not one more round that fails.
   */
  retyped(key: string, value: unknown, expected: string, test?: (s: string) => boolean): void {
    const got = `got ${show(value)}, ${kindOf(value)}; expected ${expected}, as text`;
    const texts = typeof value === "number" || typeof value === "boolean" ? writtenAs(value) : [];
    if (test !== undefined && texts.length > 0) {
      const fits = texts.filter(test);
      if (fits.length === 0) {
        const quoted = texts.map((t) => `"${t}"`);
        this.problem(
          key,
          `${got} (${RETYPED}); quoting it is not enough: ${quoted.join(" and ")} ${quoted.length === 1 ? "is" : "are"} not allowed either`,
        );
        return;
      }
      this.problem(key, `${got}: quote it, ${fits.map((t) => `"${t}"`).join(" or ")} (${RETYPED})`);
      return;
    }
    this.problem(key, `${got}: quote it (${RETYPED})`);
  }

  /**
   * An object whose keys must be among `known`; an empty object after a problem. `removed`: keys
   * the contract once had, each with why it went and what to do instead.
   */
  object(value: unknown, path: string, known: readonly string[], removed: Readonly<Record<string, string>> = {}): Raw {
    if (!isRecord(value)) {
      this.fail(path, value, "an object");
      return {};
    }
    for (const k of Object.keys(value)) {
      const key = this.key(path, k);
      if (Object.hasOwn(removed, k))
        this.fail(key, value[k], `no ${key}: it was removed from the contract (${removed[k]}); remove the key`);
      else if (!known.includes(k)) this.fail(key, value[k], `one of the known keys of ${path}: ${known.join(", ")}`);
    }
    return value;
  }

  /** A top-level section; its known keys are those of its defaults. */
  section(values: Raw, name: string, defaults: object, removed: Readonly<Record<string, string>> = {}): Raw {
    return this.object(this.field(values, "", name, {}, "an object"), name, Object.keys(defaults), removed);
  }

  requiredString(obj: Raw, parent: string, name: string, expected: string, test: (s: string) => boolean): string {
    const key = this.key(parent, name);
    const value = obj[name];
    if (value === undefined || value === null || value === "") {
      this.problem(key, `is required; expected ${expected}`);
      return "";
    }
    if (typeof value === "number" || typeof value === "boolean") {
      this.retyped(key, value, expected, test);
      return "";
    }
    if (typeof value !== "string" || !test(value)) {
      this.fail(key, value, expected);
      return "";
    }
    return value;
  }

  /**
   * A string. `fromNumber` accepts a number where its text is unambiguous (a 12-digit account id:
   * `pulumi config set --path` stores such values as numbers); any other number or boolean is
   * refused with "quote it".
   */
  string(
    obj: Raw,
    parent: string,
    name: string,
    fallback: string,
    expected: string,
    test: (s: string) => boolean,
    fromNumber?: (n: number) => string | undefined,
  ): string {
    const key = this.key(parent, name);
    const value = this.field(obj, parent, name, fallback, expected);
    if (typeof value === "number" && fromNumber !== undefined) {
      const text = fromNumber(value);
      if (text !== undefined && test(text)) return text;
    }
    if (typeof value === "number" || typeof value === "boolean") {
      this.retyped(key, value, expected, test);
      return fallback;
    }
    if (typeof value !== "string" || !test(value)) {
      this.fail(key, value, expected);
      return fallback;
    }
    return value;
  }

  int(obj: Raw, parent: string, name: string, fallback: number, min: number, max: number): number {
    const value = this.field(obj, parent, name, fallback, `an integer from ${min} to ${max}`);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(this.key(parent, name), value, `an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  bool(obj: Raw, parent: string, name: string, fallback: boolean): boolean {
    const value = this.field(obj, parent, name, fallback, "true or false");
    if (typeof value !== "boolean") {
      this.fail(this.key(parent, name), value, "true or false");
      return fallback;
    }
    return value;
  }

  oneOf<T extends string | number>(obj: Raw, parent: string, name: string, fallback: T, allowed: readonly T[]): T {
    const expected = `one of ${allowed.map((a) => show(a)).join(", ")}`;
    const value = this.field(obj, parent, name, fallback, expected);
    if (!allowed.includes(value as T)) {
      this.fail(this.key(parent, name), value, expected);
      return fallback;
    }
    return value as T;
  }

  list(obj: Raw, parent: string, name: string, fallback: readonly unknown[]): unknown[] {
    const value = this.field(obj, parent, name, fallback, "a list");
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
      else if (typeof item === "number" || typeof item === "boolean")
        this.retyped(`${key}[${i}]`, item, expected, test);
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
    const value = this.field(
      obj,
      parent,
      name,
      fallback,
      `an IPv4 CIDR with a prefix from /${minPrefix} to /${maxPrefix}`,
    );
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
    const value = this.field(obj, parent, name, fallback, "a map of strings to strings");
    if (!isRecord(value)) {
      this.fail(key, value, "a map of strings to strings");
      return { ...fallback };
    }
    const good: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === "number" || typeof v === "boolean") {
        this.retyped(`${key}.${k}`, v, "a string");
        continue;
      }
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
