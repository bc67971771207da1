/**
 * The contract's `platform` section: whether this program declares anything inside the cluster.
 * No component owns it: it decides whether the Platform component exists at all.
 */
import { type Check, type Raw } from "./check";

export interface PlatformSection {
  /**
   * Install the in-cluster controllers (Load Balancer Controller, metrics-server, cluster
   * autoscaler) and the application's namespace. false: nothing inside the cluster is declared, so
   * the program runs from a machine that cannot reach the cluster API.
   */
  readonly enabled: boolean;
}

/** The defaults of the `platform` section (../shared/CONFIG.md). */
export const PLATFORM_SECTION_DEFAULTS: PlatformSection = { enabled: true };

export function readPlatform(c: Check, s: Raw): PlatformSection {
  return { enabled: c.bool(s, "platform", "enabled", PLATFORM_SECTION_DEFAULTS.enabled) };
}
