/**
 * The policy pack on the program's own plans: every example stack passes it, and deliberately
 * broken ones fail by the intended rule. These tests need the program and plan/, so they live in
 * the root project; the pack's own tests (policy/tests) import only the pack.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import { runProgram } from "../../plan/run";
import { readStackConfig } from "../../plan/stackfile";
import * as values from "../../plan/values";
import { makeWorld } from "../../plan/world";
import { evaluate, type ExportResource, PACK } from "../../policy/engine";
import { reconcilePackConfig } from "../../policy/lib/pack-config";
import * as wire from "../../policy/lib/wire";
import { policies } from "../../policy/policies";
import { EXAMPLES, exported, plannedDevByCommand, plannedStack, program, ROOT, runScript } from "./plans";

function rulesHit(violations: { policy: string }[]): string[] {
  return [...new Set(violations.map((v) => v.policy))].sort();
}

const cli = runScript;

describe("the policy pack on the program's plans", () => {
  for (const stack of ["dev", "existing-vpc", "internal", "controller", "access"]) {
    it(`finds no violation in the offline plan of the ${stack} stack`, async () => {
      const { run } = await plannedStack(stack);
      expect(await evaluate(exported(run), policies)).to.deep.equal([]);
    });
  }

  describe("catches deliberately broken stacks, each by the intended rule", () => {
    async function planDev(overrides: Record<string, unknown>): Promise<ExportResource[]> {
      const stack = readStackConfig(EXAMPLES, "dev");
      const config = { ...stack.config };
      for (const [key, value] of Object.entries(overrides)) {
        const [section, field] = key.split(".");
        const current = JSON.parse(config[`datafold-aws:${section}`] ?? "{}") as Record<string, unknown>;
        config[`datafold-aws:${section}`] = JSON.stringify({ ...current, [field]: value });
      }
      const run = await runProgram({
        project: "datafold-aws",
        stack: "dev",
        config,
        world: makeWorld("us-east-1"),
        program,
      });
      return exported(run);
    }
    const table: [string, Record<string, unknown>, string[]][] = [
      [
        "a weaker TLS policy the config accepts (the listener, and the class alb of the controller's chart)",
        { "ingress.sslPolicy": "ELBSecurityPolicy-TLS-1-2-2017-01" },
        ["elb-listener-require-tls-policy", "k8s-ingress-class-params-require-tls-policy"],
      ],
      [
        "controller mode with a weaker TLS policy (the class alb's params, and the application's Ingress)",
        { "ingress.mode": "controller", "ingress.sslPolicy": "ELBSecurityPolicy-TLS-1-2-2017-01" },
        ["k8s-application-ingress-require-tls-policy", "k8s-ingress-class-params-require-tls-policy"],
      ],
      [
        "database deletion protection off",
        { "database.deletionProtection": false },
        ["rds-instance-require-deletion-protection"],
      ],
      ["seven days of database backups", { "database.backupRetentionDays": 7 }, ["rds-instance-min-backup-retention"]],
    ];
    for (const [what, overrides, rules] of table) {
      it(`${what}: ${rules.join(", ")}`, async () => {
        expect(rulesHit(await evaluate(await planDev(overrides), policies))).to.deep.equal(rules);
      });
    }

    it("mutations of the dev plan: a volume in another AZ, an unprotected bucket, an open port, IMDSv1, a wildcard IRSA trust", async () => {
      const { run } = await plannedStack("dev");
      const resources = exported(run);
      const mutate = (type: string, suffix: string, change: (r: ExportResource) => ExportResource): ExportResource[] =>
        resources.map((r) => (r.type === type && r.urn.endsWith(suffix) ? change(r) : r));
      const cases: [string, ExportResource[]][] = [
        [
          "ebs-volumes-single-az",
          mutate("aws:ebs/volume:Volume", "-redis-data", (r) => ({
            ...r,
            outputs: { ...r.outputs, availabilityZone: "us-east-1b" },
          })),
        ],
        [
          "ebs-volumes-single-az",
          resources.map((r) =>
            r.type === "aws:ebs/volume:Volume"
              ? { ...r, outputs: { ...r.outputs, availabilityZone: "us-east-1b" } }
              : r,
          ),
        ],
        [
          "pulumi-stateful-resources-protected",
          mutate("aws:s3/bucket:Bucket", "-clickhouse-backups", (r) => ({ ...r, protect: false })),
        ],
        [
          "ec2-security-group-no-internet-ingress",
          mutate("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "-db-postgres", (r) => ({
            ...r,
            // A stack rule: it reads what the resource reports (outputs).
            outputs: { ...r.outputs, referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0" },
          })),
        ],
        [
          "ec2-nodes-require-imdsv2",
          mutate("aws:ec2/launchTemplate:LaunchTemplate", "-app", (r) => ({
            ...r,
            inputs: { ...r.inputs, metadataOptions: { httpTokens: "optional" } },
          })),
        ],
        [
          "iam-role-irsa-trust-pinned",
          mutate("aws:iam/role:Role", "-clickhouse-backup", (r) => ({
            ...r,
            inputs: {
              ...r.inputs,
              assumeRolePolicy: String(r.inputs?.assumeRolePolicy).replace(
                "system:serviceaccount:acme-datafold:clickhouse",
                "system:serviceaccount:acme-datafold:*",
              ),
            },
          })),
        ],
      ];
      for (const [rule, mutated] of cases)
        expect(rulesHit(await evaluate(mutated, policies)), rule).to.deep.equal([rule]);
    });
  });

  describe("npm run plan", () => {
    it("passes the offline plan's JSON of the dev stack", async () => {
      const plan = await plannedDevByCommand();
      expect(plan.code).to.equal(0);
      expect(plan.stdout.trim().split("\n").pop()).to.equal(
        `Policy check: ${policies.length} policies, no violations.`,
      );
      const result = await cli("policy/cli.ts", [plan.json]);
      expect([result.code, result.stdout.trim().split("\n").pop()]).to.deep.equal([
        0,
        `Policy check: ${policies.length} policies, no violations.`,
      ]);
    });

    it("makes the plan fail when the plan breaks a mandatory rule", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-policy-"));
      fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
      const dev = fs.readFileSync(path.join(EXAMPLES, "Pulumi.dev.yaml"), "utf8");
      fs.writeFileSync(
        path.join(dir, "Pulumi.weak.yaml"),
        dev.replace(
          "deletionProtection: true\n\n  datafold-aws:ingress",
          "deletionProtection: false\n\n  datafold-aws:ingress",
        ),
      );
      const result = await cli("scripts/plan.ts", ["weak", "--dir", dir]);
      expect(result.code).to.equal(1);
      expect(result.stdout).to.contain("[mandatory] rds-instance-require-deletion-protection\n");
      // The config contract allows it: the plan names the key and the rule, and how to accept it.
      expect(result.stdout).to.contain(
        '  - datafold-aws:database.deletionProtection = false is blocked by rds-instance-require-deletion-protection; if this stack needs it, accept it with a pack config entry {"rds-instance-require-deletion-protection":"advisory"}\n',
      );

      // With that pack config, as `pulumi preview --policy-pack-config` would take it, the plan passes.
      fs.writeFileSync(
        path.join(dir, "pack.json"),
        JSON.stringify({ "rds-instance-require-deletion-protection": "advisory" }),
      );
      const accepted = await cli("scripts/plan.ts", [
        "weak",
        "--dir",
        dir,
        "--policy-config",
        path.join(dir, "pack.json"),
      ]);
      expect([accepted.code, accepted.stdout.trim().split("\n").pop()]).to.deep.equal([
        0,
        `Policy check: ${policies.length} policies, 1 violation (0 mandatory).`,
      ]);
      expect(accepted.stdout).to.contain("[advisory] rds-instance-require-deletion-protection\n");
    });

    it("refuses a pack config the Pulumi CLI would refuse, before planning anything", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-policy-"));
      const file = path.join(dir, "pack.json");
      fs.writeFileSync(file, JSON.stringify({ "rds-instance-min-backup-retention": { minimumRetentionDays: 40 } }));
      const result = await cli("scripts/plan.ts", ["dev", "--policy-config", file]);
      expect([result.code, result.stdout, result.stderr.trim()]).to.deep.equal([
        1,
        "",
        `The pack config ${file} is refused (nothing was planned):\n  validating policy config: datafold-aws 0.1.0  rds-instance-min-backup-retention: minimumRetentionDays: Must be less than or equal to 35`,
      ]);
    });
  });

  describe("the README's pack config example", () => {
    /** The JSON block of the README's "Tunables and the pack config", as a reader copies it. */
    function readmeExample(): string {
      const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
      const section = readme.slice(readme.indexOf("### Tunables and the pack config"));
      const block = /```json\n([\s\S]*?)\n```/.exec(section);
      if (block === null) throw new Error("no JSON block in the README's pack config section");
      return block[1];
    }

    it("holds every tunable with its default: the pack reads it as no config at all", () => {
      const example = JSON.parse(readmeExample()) as unknown;
      expect(reconcilePackConfig(policies, example, PACK)).to.deep.equal(reconcilePackConfig(policies, {}, PACK));
    });

    for (const stack of ["dev", "controller"]) {
      it(`copied verbatim, passes the ${stack} stack's plan with no violation`, async () => {
        const { run } = await plannedStack(stack);
        const example = JSON.parse(readmeExample()) as Record<string, unknown>;
        expect(await evaluate(exported(run), policies, example)).to.deep.equal([]);
      });
    }

    it("copied verbatim into a file, is accepted by npm run plan -- dev --policy-config", async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "datafold-policy-")), "pack-config.json");
      fs.writeFileSync(file, readmeExample());
      const result = await cli("scripts/plan.ts", ["dev", "--policy-config", file]);
      expect([result.code, result.stdout.trim().split("\n").pop()], result.stderr).to.deep.equal([
        0,
        `Policy check: ${policies.length} policies, no violations.`,
      ]);
    });
  });

  it("reads back exactly what the plan writes: export-form secrets reveal to their values", () => {
    const secret = (v: unknown) => ({ [wire.SIG_KEY]: wire.SECRET_SIG, value: v });
    const plain = { password: "p", nested: [1, null, { key: "k" }] };
    const written = values.toExportForm(secret({ password: "p", nested: [secret(1), null, { key: secret("k") }] }));
    expect(written).to.deep.equal({
      [wire.SIG_KEY]: wire.SECRET_SIG,
      plaintext: JSON.stringify(plain),
    });
    expect(wire.reveal(written)).to.deep.equal(plain);
    // A secret exported without --show-secrets holds only ciphertext: not known.
    expect(wire.reveal({ [wire.SIG_KEY]: wire.SECRET_SIG, ciphertext: "v1:abc" })).to.equal(wire.UNKNOWN);
  });
});
