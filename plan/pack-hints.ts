/**
 * When the policy pack blocks a value the config contract allows, the plan names both: the config
 * key with its value, and the rule with the pack config that relaxes it for this stack. The pack
 * knows nothing of the program's config; this table is where the two meet. Pure.
 */
import { parseConfigValue } from "../config/values";
import { DEFAULTS, PROJECT } from "../config/settings";
import { DEFAULT_ALLOWED_SSL_POLICIES } from "../policy/rules/elb/tls-policies";

/** A config key (`section.field`) a rule judges, and the pack config that accepts its value. */
interface Feed {
  readonly key: string;
  /** The pack config entry that accepts `value` for this stack. */
  readonly relax: (value: unknown) => unknown;
  /** Whether this value can be what the rule blocks (for a rule fed by several keys). */
  readonly blocks?: (value: unknown) => boolean;
}

const tlsPolicy = (rule: string): Feed => ({
  key: "ingress.sslPolicy",
  relax: (value) => ({ [rule]: { allowedSslPolicies: [...DEFAULT_ALLOWED_SSL_POLICIES, value] } }),
});

/** Rule -> the config keys that feed it and how to relax it. */
export const RULE_CONFIG_KEYS: Readonly<Record<string, readonly Feed[]>> = {
  "elb-listener-require-tls-policy": [tlsPolicy("elb-listener-require-tls-policy")],
  "k8s-ingress-class-params-require-tls-policy": [tlsPolicy("k8s-ingress-class-params-require-tls-policy")],
  "k8s-application-ingress-require-tls-policy": [tlsPolicy("k8s-application-ingress-require-tls-policy")],
  "rds-instance-min-backup-retention": [
    {
      key: "database.backupRetentionDays",
      relax: (value) => ({ "rds-instance-min-backup-retention": { minimumRetentionDays: value } }),
    },
  ],
  "rds-instance-require-deletion-protection": [
    {
      key: "database.deletionProtection",
      relax: () => ({ "rds-instance-require-deletion-protection": "advisory" }),
      blocks: (value) => value === false,
    },
  ],
  "iam-role-cross-account-trust-restricted": [
    {
      key: "access.requireMfa",
      relax: () => ({ "iam-role-cross-account-trust-restricted": { requireMfa: false } }),
      blocks: (value) => value === false,
    },
    {
      key: "access.trustedAccountId",
      relax: (value) => ({ "iam-role-cross-account-trust-restricted": { trustedAccountIds: [value] } }),
      blocks: (value) => value !== DEFAULTS.access.trustedAccountId,
    },
  ],
  "eks-cluster-restrict-public-endpoint": [
    {
      key: "cluster.publicAccessCidrs",
      relax: (value) => ({ "eks-cluster-restrict-public-endpoint": { allowedPublicCidrs: value } }),
    },
  ],
};

/** The stack's value of `section.field`: its stack file's, else the contract's default. */
function valueOf(config: Readonly<Record<string, string>>, key: string): unknown {
  const [section, field] = key.split(".");
  const raw = config[`${PROJECT}:${section}`];
  const given = raw === undefined ? {} : (parseConfigValue(raw) as Record<string, unknown>);
  if (given !== null && typeof given === "object" && field in given) return given[field];
  return (DEFAULTS as unknown as Record<string, Record<string, unknown>>)[section]?.[field];
}

/**
 * One line per config key behind a blocking violation: the key, its value, the rule, and the pack
 * config entry that would accept the value. Empty when no violation comes from the config.
 */
export function packConfigHints(
  violations: readonly { policy: string; enforcementLevel: string }[],
  config: Readonly<Record<string, string>>,
): string[] {
  const lines = new Set<string>();
  for (const v of violations) {
    if (v.enforcementLevel !== "mandatory" && v.enforcementLevel !== "remediate") continue;
    for (const feed of RULE_CONFIG_KEYS[v.policy] ?? []) {
      const value = valueOf(config, feed.key);
      if (feed.blocks !== undefined && !feed.blocks(value)) continue;
      lines.add(
        `${PROJECT}:${feed.key} = ${JSON.stringify(value)} is blocked by ${v.policy}; if this stack needs it, accept it with a pack config entry ${JSON.stringify(feed.relax(value))}`,
      );
    }
  }
  return [...lines];
}
