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
  return { region: new pulumi.Config("aws").get("region"), values };
}

/** Reads and validates this stack's settings; throws ConfigError before anything is declared. */
export function loadSettings(): Settings {
  return validateConfig(readRawConfig());
}
