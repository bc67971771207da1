/**
 * The pack config as the Pulumi CLI takes it (lib/pack-config.ts mirrors pkg/resource/analyzer/
 * config.go and gojsonschema's messages): every limit of every schema at its edge, every refusal
 * with the CLI's text, and where this check is stricter.
 */
import { expect } from "chai";

import { PackConfigError, parsePackConfig, reconcilePackConfig, schemaErrors } from "../lib/pack-config";
import { policies } from "../policies";
import { DEFAULT_ALLOWED_SSL_POLICIES } from "../rules/elb/tls-policies";

const PACK = { name: "datafold-aws", version: "0.1.0", enforcementLevel: "mandatory" as const };

function reasons(json: unknown): string[] {
  try {
    reconcilePackConfig(policies, json, PACK);
    return [];
  } catch (err) {
    if (err instanceof PackConfigError) return [...err.reasons];
    throw err;
  }
}

describe("the pack config, as the Pulumi CLI takes it", () => {
  it("gives every policy its schema's defaults and the pack's level when the file is empty", () => {
    const config = reconcilePackConfig(policies, {}, PACK);
    expect([...config.keys()]).to.deep.equal(policies.map((p) => p.name));
    expect(config.get("rds-instance-min-backup-retention")).to.deep.equal({
      enforcementLevel: "mandatory",
      properties: { minimumRetentionDays: 14 },
    });
    expect(config.get("elb-listener-require-tls-policy")?.properties).to.deep.equal({
      allowedSslPolicies: DEFAULT_ALLOWED_SSL_POLICIES,
    });
    expect(config.get("ebs-volumes-single-az")).to.deep.equal({ enforcementLevel: "mandatory", properties: {} });
  });

  it('applies "all" first, then each entry; settings merge over the defaults', () => {
    const config = reconcilePackConfig(
      policies,
      {
        all: "advisory",
        "rds-instance-min-backup-retention": { enforcementLevel: "mandatory", minimumRetentionDays: 7 },
        "iam-role-cross-account-trust-restricted": { requireMfa: false },
      },
      PACK,
    );
    expect(config.get("kms-key-require-rotation")?.enforcementLevel).to.equal("advisory");
    expect(config.get("rds-instance-min-backup-retention")).to.deep.equal({
      enforcementLevel: "mandatory",
      properties: { minimumRetentionDays: 7 },
    });
    expect(config.get("iam-role-cross-account-trust-restricted")).to.deep.equal({
      enforcementLevel: "advisory",
      properties: { trustedAccountIds: ["710753145501"], requireMfa: false },
    });
  });

  describe("validates each policy's settings against its schema (gojsonschema's messages)", () => {
    const retention = (days: unknown) => ({ "rds-instance-min-backup-retention": { minimumRetentionDays: days } });
    const table: [string, unknown, string[]][] = [
      ["the minimum, 1 day", retention(1), []],
      ["the maximum, 35 days", retention(35), []],
      [
        "0 days, under the minimum",
        retention(0),
        [
          "validating policy config: datafold-aws 0.1.0  rds-instance-min-backup-retention: minimumRetentionDays: Must be greater than or equal to 1",
        ],
      ],
      [
        "36 days, over the maximum",
        retention(36),
        [
          "validating policy config: datafold-aws 0.1.0  rds-instance-min-backup-retention: minimumRetentionDays: Must be less than or equal to 35",
        ],
      ],
      [
        "a fraction, not an integer",
        retention(14.5),
        [
          "validating policy config: datafold-aws 0.1.0  rds-instance-min-backup-retention: minimumRetentionDays: Invalid type. Expected: integer, given: number",
        ],
      ],
      [
        "a string of digits",
        retention("14"),
        [
          "validating policy config: datafold-aws 0.1.0  rds-instance-min-backup-retention: minimumRetentionDays: Invalid type. Expected: integer, given: string",
        ],
      ],
      [
        "null",
        retention(null),
        [
          "validating policy config: datafold-aws 0.1.0  rds-instance-min-backup-retention: minimumRetentionDays: Invalid type. Expected: integer, given: null",
        ],
      ],
      [
        "a list item of the wrong type",
        { "elb-listener-require-tls-policy": { allowedSslPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06", 5] } },
        [
          "validating policy config: datafold-aws 0.1.0  elb-listener-require-tls-policy: allowedSslPolicies.1: Invalid type. Expected: string, given: integer",
        ],
      ],
      [
        "a single policy where a list is expected",
        {
          "k8s-ingress-class-params-require-tls-policy": { allowedSslPolicies: "ELBSecurityPolicy-TLS13-1-3-2021-06" },
        },
        [
          "validating policy config: datafold-aws 0.1.0  k8s-ingress-class-params-require-tls-policy: allowedSslPolicies: Invalid type. Expected: array, given: string",
        ],
      ],
      [
        "a boolean as text",
        { "iam-role-cross-account-trust-restricted": { requireMfa: "false" } },
        [
          "validating policy config: datafold-aws 0.1.0  iam-role-cross-account-trust-restricted: requireMfa: Invalid type. Expected: boolean, given: string",
        ],
      ],
    ];
    for (const [what, json, expected] of table) it(what, () => expect(reasons(json)).to.deep.equal(expected));

    it("reports every problem, sorted as the CLI prints them", () => {
      expect(
        reasons({
          "rds-instance-min-backup-retention": { minimumRetentionDays: 0 },
          "eks-cluster-restrict-public-endpoint": { allowedPublicCidrs: [1] },
        }),
      ).to.deep.equal([
        "validating policy config: datafold-aws 0.1.0  eks-cluster-restrict-public-endpoint: allowedPublicCidrs.0: Invalid type. Expected: string, given: integer",
        "validating policy config: datafold-aws 0.1.0  rds-instance-min-backup-retention: minimumRetentionDays: Must be greater than or equal to 1",
      ]);
    });
  });

  describe("parses levels as the CLI does", () => {
    const table: [string, unknown, string[]][] = [
      ["each of the four levels", { a: "advisory", b: "mandatory", c: "remediate", d: "disabled" }, []],
      [
        '"warn", which is no level',
        { "kms-key-require-rotation": "warn" },
        ['parsing enforcement level for "kms-key-require-rotation": "warn" is not a valid enforcement level'],
      ],
      [
        "a level in upper case",
        { "kms-key-require-rotation": { enforcementLevel: "Mandatory" } },
        ['parsing enforcement level for "kms-key-require-rotation": "Mandatory" is not a valid enforcement level'],
      ],
      [
        "a level that is not text",
        { "kms-key-require-rotation": { enforcementLevel: 1 } },
        [
          'parsing enforcement level for "kms-key-require-rotation": 1 is not a valid enforcement level; must be a string',
        ],
      ],
      [
        "an entry that is neither text nor an object",
        { "kms-key-require-rotation": true },
        ['parsing "kms-key-require-rotation": true is not a valid value; must be a string or object'],
      ],
    ];
    for (const [what, json, expected] of table)
      it(what, () => {
        let got: string[] = [];
        try {
          parsePackConfig(json);
        } catch (err) {
          got = [...(err as PackConfigError).reasons];
        }
        expect(got).to.deep.equal(expected);
      });
    it("refuses a file that is not an object, and takes ESC environments apart", () => {
      expect(() => parsePackConfig([])).to.throw(
        "json: cannot unmarshal array into Go value of type map[string]interface {}",
      );
      expect(parsePackConfig({ environments: ["org/policy"], all: "advisory" }).environments).to.deep.equal([
        "org/policy",
      ]);
    });
  });

  it("refuses, as the CLI's Configure does, an entry for no policy that sets no level", () => {
    expect(reasons({ "kms-key-rotation": { days: 365 } })).to.deep.equal([
      'configuring policy pack "datafold-aws": invalid enforcement level ""',
    ]);
  });

  describe("is stricter than the CLI, which accepts and ignores these", () => {
    it("a policy name the pack does not have", () => {
      expect(reasons({ "kms-key-rotation": "disabled" })).to.deep.equal([
        '"kms-key-rotation" is not a policy of datafold-aws (the Pulumi CLI would ignore it)',
      ]);
    });
    it("a setting a policy does not take, and a setting on a policy that takes none", () => {
      expect(
        reasons({
          "rds-instance-min-backup-retention": { minimumRetentionDay: 7 },
          "kms-key-require-rotation": { enforcementLevel: "advisory", days: 365 },
        }),
      ).to.deep.equal([
        "kms-key-require-rotation: days is not one of its settings (it has none; the Pulumi CLI would ignore it)",
        "rds-instance-min-backup-retention: minimumRetentionDay is not one of its settings (minimumRetentionDays; the Pulumi CLI would ignore it)",
      ]);
    });
    it('settings under "all"', () => {
      expect(reasons({ all: { enforcementLevel: "advisory", minimumRetentionDays: 7 } })).to.deep.equal([
        '"all" takes only an enforcement level; it has minimumRetentionDays',
      ]);
    });
  });

  it("implements only the JSON schema keywords the pack's schemas use, and refuses others", () => {
    for (const p of policies)
      for (const schema of Object.values(p.configSchema?.properties ?? {}))
        expect(() => schemaErrors(schema as never, (schema as { default?: unknown }).default, p.name)).to.not.throw();
    expect(() => schemaErrors({ type: "string", pattern: "^a" } as never, "a", "x")).to.throw(
      "the offline pack-config check does not implement JSON schema pattern",
    );
  });
});
