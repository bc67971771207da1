/** What the config tests share: a minimal valid raw config and the problems a config gets. */
import { ConfigError, type RawConfig, validateConfig } from "../../config/validator";

export const REQUIRED = { deploymentName: "acme", domain: "datafold.acme.example" };
export const PUBLIC_CIDRS = { publicAccessCidrs: ["203.0.113.0/24"] };

/** A valid raw config with `values` merged over the required keys. */
export function raw(values: Record<string, unknown> = {}, region = "us-east-1"): RawConfig {
  return { region, values: { ...REQUIRED, cluster: PUBLIC_CIDRS, ...values } };
}

/** The problems validation reports for `config` (none: an empty list). */
export function problems(config: RawConfig): string[] {
  try {
    validateConfig(config);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}
