import { expect } from "chai";

import { TLS12_OR_LATER_POLICIES } from "../../config/ingress";
import { ConfigError, validateConfig } from "../../config/validator";
import { packConfigHints, RULE_CONFIG_KEYS } from "../../plan/pack-hints";
import { policies } from "../../policy/policies";
import { elbListenerRequireTlsPolicy } from "../../policy/rules/elb/elb-listener-require-tls-policy";
import { DEFAULT_ALLOWED_SSL_POLICIES } from "../../policy/rules/elb/tls-policies";
import { res, violations } from "../../policy/tests/helpers";

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

describe("the pack's TLS defaults and the config contract", () => {
  /** The problems the validator reports for a stack with this ingress.sslPolicy. */
  function problems(sslPolicy: string): string[] {
    try {
      validateConfig({
        region: "us-east-1",
        values: {
          deploymentName: "acme",
          domain: "datafold.acme.example",
          cluster: { publicAccessCidrs: ["203.0.113.0/24"] },
          ingress: { sslPolicy },
        },
      });
      return [];
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
  }

  it("the config accepts every policy the pack allows by default", () => {
    const refused = DEFAULT_ALLOWED_SSL_POLICIES.filter((policy) => problems(policy).length > 0);
    expect(refused).to.deep.equal([]);
  });

  it("a policy the config allows and the pack blocks by default gets the plan's key and rule hint", async () => {
    const blockedByPack = TLS12_OR_LATER_POLICIES.filter((p) => !DEFAULT_ALLOWED_SSL_POLICIES.includes(p));
    // By design: the contract allows TLS 1.2 policies with CBC ciphers; the pack refuses them unless
    // its config accepts them for the stack, and the plan says how.
    expect(blockedByPack).to.include("ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09");
    for (const sslPolicy of blockedByPack) {
      const listener = res("aws:lb/listener:Listener", "https", {
        protocol: "HTTPS",
        sslPolicy,
        certificateArn: "arn:cert",
      });
      const found = await violations(elbListenerRequireTlsPolicy, [listener]);
      expect(
        packConfigHints(found, { "datafold-aws:ingress": JSON.stringify({ sslPolicy }) }),
        sslPolicy,
      ).to.deep.equal([
        `datafold-aws:ingress.sslPolicy = ${JSON.stringify(sslPolicy)} is blocked by elb-listener-require-tls-policy; if this stack needs it, accept it with a pack config entry ${JSON.stringify({ "elb-listener-require-tls-policy": { allowedSslPolicies: [...DEFAULT_ALLOWED_SSL_POLICIES, sslPolicy] } })}`,
      ]);
    }
  });
});
