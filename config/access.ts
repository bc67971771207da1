/** The contract's `access` section: whether the vendor's role exists, its settings, and its cluster access. */
import { ACCESS_DEFAULTS, type AccessSettings } from "../components/access/args";
import { type Check, type Raw } from "./check";
import { ACCOUNT_ID, EXTERNAL_ID } from "./formats";

/** The `access` section: the Access component's settings, plus what the stack does with them. */
export interface AccessSection extends AccessSettings {
  /** Create the vendor's deployment role. */
  readonly enabled: boolean;
  /** Give the vendor's role a cluster-admin EKS access entry (when `enabled`). */
  readonly clusterAccess: boolean;
}

/** The defaults of the `access` section (../shared/CONFIG.md). */
export const ACCESS_SECTION_DEFAULTS: AccessSection = { enabled: false, ...ACCESS_DEFAULTS, clusterAccess: true };

/**
 * The other access keys are read, and checked, even while `enabled` is false: unlike the network's
 * mode-dependent keys they are not meaningless then. The specification has the vendor's access
 * revoked after a deployment and granted again when needed; turning `enabled` off keeps the
 * settings (external id, permissions) ready for the next time, so they are not refused.
 */
export function readAccess(c: Check, s: Raw): AccessSection {
  const d = ACCESS_SECTION_DEFAULTS;
  const p = "access";
  return {
    enabled: c.bool(s, p, "enabled", d.enabled),
    // `pulumi config set --path` stores an account id as a number: 12 digits are unambiguous; fewer
    // mean leading zeros were lost, and the message says to quote it.
    trustedAccountId: c.string(
      s,
      p,
      "trustedAccountId",
      d.trustedAccountId,
      "a 12-digit AWS account id",
      (x) => ACCOUNT_ID.test(x),
      (n) => (Number.isSafeInteger(n) ? String(n) : undefined),
    ),
    requireMfa: c.bool(s, p, "requireMfa", d.requireMfa),
    externalId: c.string(
      s,
      p,
      "externalId",
      d.externalId,
      "empty, or 2 to 1224 characters of A-Z a-z 0-9 + = , . @ : / - _",
      (x) => x === "" || EXTERNAL_ID.test(x),
    ),
    permissions: c.oneOf(s, p, "permissions", d.permissions, ["minimal", "administrator"] as const),
    allowIamChanges: c.bool(s, p, "allowIamChanges", d.allowIamChanges),
    clusterAccess: c.bool(s, p, "clusterAccess", d.clusterAccess),
  };
}
