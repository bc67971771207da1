import { expect } from "chai";

import { packConfigHints, RULE_CONFIG_KEYS } from "../../plan/pack-hints";
import { policies } from "../../policy/policies";
import { DEFAULT_ALLOWED_SSL_POLICIES } from "../../policy/rules/elb/tls-policies";

const blocked = (policy: string) => ({ policy, enforcementLevel: "mandatory" });
const config = (section: string, value: object) => ({ [`datafold-aws:${section}`]: JSON.stringify(value) });

describe("packConfigHints", () => {
  it("names only rules of the pack", () => {
    const names = policies.map((p) => p.name);
    expect(Object.keys(RULE_CONFIG_KEYS).filter((k) => !names.includes(k))).to.deep.equal([]);
  });

  const table: [string, { policy: string; enforcementLevel: string }[], Record<string, string>, string[]][] = [
    [
      "7-day backups",
      [blocked("rds-instance-min-backup-retention")],
      config("database", { backupRetentionDays: 7 }),
      [
        'datafold-aws:database.backupRetentionDays = 7 is blocked by rds-instance-min-backup-retention; if this stack needs it, accept it with a pack config entry {"rds-instance-min-backup-retention":{"minimumRetentionDays":7}}',
      ],
    ],
    [
      "deletion protection off",
      [blocked("rds-instance-require-deletion-protection")],
      config("database", { deletionProtection: false }),
      [
        'datafold-aws:database.deletionProtection = false is blocked by rds-instance-require-deletion-protection; if this stack needs it, accept it with a pack config entry {"rds-instance-require-deletion-protection":"advisory"}',
      ],
    ],
    [
      "MFA off names requireMfa, not the trusted account left at its default",
      [blocked("iam-role-cross-account-trust-restricted")],
      config("access", { enabled: true, requireMfa: false }),
      [
        'datafold-aws:access.requireMfa = false is blocked by iam-role-cross-account-trust-restricted; if this stack needs it, accept it with a pack config entry {"iam-role-cross-account-trust-restricted":{"requireMfa":false}}',
      ],
    ],
    [
      "a TLS policy weaker than the allowed ones, for both TLS rules",
      [blocked("elb-listener-require-tls-policy"), blocked("k8s-ingress-class-params-require-tls-policy")],
      config("ingress", { sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01" }),
      ["elb-listener-require-tls-policy", "k8s-ingress-class-params-require-tls-policy"].map(
        (rule) =>
          `datafold-aws:ingress.sslPolicy = "ELBSecurityPolicy-TLS-1-2-2017-01" is blocked by ${rule}; if this stack needs it, accept it with a pack config entry ${JSON.stringify({ [rule]: { allowedSslPolicies: [...DEFAULT_ALLOWED_SSL_POLICIES, "ELBSecurityPolicy-TLS-1-2-2017-01"] } })}`,
      ),
    ],
    [
      "a key left at its default (blocked by a stricter pack config) shows the default",
      [blocked("rds-instance-min-backup-retention")],
      {},
      [
        'datafold-aws:database.backupRetentionDays = 14 is blocked by rds-instance-min-backup-retention; if this stack needs it, accept it with a pack config entry {"rds-instance-min-backup-retention":{"minimumRetentionDays":14}}',
      ],
    ],
    [
      "nothing for an advisory violation, nor for a rule no config key feeds",
      [
        { policy: "rds-instance-min-backup-retention", enforcementLevel: "advisory" },
        blocked("ebs-volume-require-encryption"),
      ],
      config("database", { backupRetentionDays: 7 }),
      [],
    ],
  ];
  for (const [what, violations, stackConfig, expected] of table)
    it(what, () => expect(packConfigHints(violations, stackConfig)).to.deep.equal(expected));
});
