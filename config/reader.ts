/** The thin reader of Pulumi's config: the stack's values as the validator takes them. */
import * as pulumi from "@pulumi/pulumi";

import { PROJECT, type Settings } from "./settings";
import { OTHER_NAMESPACES, type RawConfig, validateConfig } from "./validator";
import { parseConfigValue } from "./values";

/**
 * Splits every config key of the stack (full keys, values as the engine passes them) into the
 * project's keys (namespace removed, structured values parsed) and the keys of namespaces that are
 * neither the project's nor in OTHER_NAMESPACES. Pure.
 */
export function splitConfig(all: Readonly<Record<string, string>>, region: string | undefined): RawConfig {
  const values: Record<string, unknown> = {};
  const foreignKeys: Record<string, unknown> = {};
  const prefix = `${PROJECT}:`;
  for (const [fullKey, text] of Object.entries(all)) {
    if (fullKey.startsWith(prefix)) values[fullKey.slice(prefix.length)] = parseConfigValue(text);
    else if (!OTHER_NAMESPACES.includes(fullKey.split(":")[0])) foreignKeys[fullKey] = parseConfigValue(text);
  }
  return { region, values, foreignKeys };
}

/** Reads the stack's config (no validation here) into the validator's input. */
export function readRawConfig(): RawConfig {
  const aws = new pulumi.Config("aws");
  const parsed = (key: string) => {
    const text = aws.get(key);
    return text === undefined ? undefined : parseConfigValue(text);
  };
  const provider = {
    profile: aws.get("profile"),
    assumeRoles: parsed("assumeRoles"),
    assumeRole: parsed("assumeRole"),
  };
  return { ...splitConfig(pulumi.runtime.allConfig(), aws.get("region")), provider };
}

/** Reads and validates this stack's settings; throws ConfigError before anything is declared. */
export function loadSettings(): Settings {
  return validateConfig(readRawConfig());
}
