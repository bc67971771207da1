/** The thin reader of Pulumi's config: the stack's values as the validator takes them. */
import * as pulumi from "@pulumi/pulumi";

import { PROJECT, type Settings } from "./settings";
import { type RawConfig, validateConfig } from "./validator";
import { parseConfigValue } from "./values";

/** Reads the stack's config (no validation here) into the validator's input. */
export function readRawConfig(): RawConfig {
  const values: Record<string, unknown> = {};
  const prefix = `${PROJECT}:`;
  for (const [fullKey, text] of Object.entries(pulumi.runtime.allConfig())) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    values[key] = parseConfigValue(text);
  }
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
  return { region: aws.get("region"), values, provider };
}

/** Reads and validates this stack's settings; throws ConfigError before anything is declared. */
export function loadSettings(): Settings {
  return validateConfig(readRawConfig());
}
