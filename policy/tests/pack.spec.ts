import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import { planStack } from "../../plan/offline";
import { toStackExport } from "../../plan/export";
import { inTreeOrder } from "../../plan/render";
import { type ProgramRun, runProgram } from "../../plan/run";
import { readStackConfig } from "../../plan/stackfile";
import { makeWorld } from "../../plan/world";
import { blocks, evaluate, type ExportResource, readExport } from "../engine";
import { policies } from "../policies";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const program = require("../../index") as () => unknown;

function exported(run: ProgramRun): ExportResource[] {
  return toStackExport(inTreeOrder(run.resources)).deployment.resources;
}

function rulesHit(violations: { policy: string }[]): string[] {
  return [...new Set(violations.map((v) => v.policy))].sort();
}

function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", path.join(ROOT, script), ...args],
      { cwd: ROOT, timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("the policy pack", () => {
  it("has one rule per file, named after it in kebab case, each with a one-sentence description", () => {
    const files = fs
      .readdirSync(path.join(ROOT, "policy/rules"), { recursive: true })
      .map(String)
      .filter(
        (f) =>
          f.endsWith(".ts") &&
          /\/[a-z0-9]+-[a-z0-9-]+\.ts$/.test(`/${f}`) &&
          !["s3/buckets.ts", "elb/tls-policies.ts"].includes(f),
      );
    expect(files.map((f) => path.basename(f, ".ts")).sort()).to.deep.equal(policies.map((p) => p.name).sort());
    for (const p of policies) {
      expect(p.name, p.name).to.match(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(p.description, p.name).to.match(/^[A-Z].*\.$/);
      expect(p.enforcementLevel, p.name).to.equal(undefined); // mandatory from the pack
    }
  });

  for (const stack of ["dev", "existing-vpc", "internal", "controller", "access"]) {
    it(`finds no violation in the offline plan of the ${stack} stack`, async () => {
      const { run } = await planStack(ROOT, stack, program);
      expect(await evaluate(exported(run), policies)).to.deep.equal([]);
    });
  }

  describe("catches deliberately broken stacks, each by the intended rule", () => {
    async function planDev(overrides: Record<string, unknown>): Promise<ExportResource[]> {
      const stack = readStackConfig(ROOT, "dev");
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
        "a weaker TLS policy the config accepts",
        { "ingress.sslPolicy": "ELBSecurityPolicy-TLS-1-2-2017-01" },
        ["elb-listener-require-tls-policy"],
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
      const { run } = await planStack(ROOT, "dev", program);
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

    it("a hand-made stack export: the old TLS policy on an aws:alb listener, a public database, an unprotected volume", async () => {
      const resources = readExport(
        JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/hand-made-export.json"), "utf8")),
      );
      const violations = await evaluate(resources, policies);
      expect(violations.map((v) => [v.policy, v.urn, v.enforcementLevel])).to.deep.equal([
        ["elb-listener-require-tls-policy", "urn:pulumi:prod::legacy::aws:alb/listener:Listener::web", "mandatory"],
        ["rds-instance-no-public-access", "urn:pulumi:prod::legacy::aws:rds/instance:Instance::db", "mandatory"],
        ["pulumi-stateful-resources-protected", "urn:pulumi:prod::legacy::aws:ebs/volume:Volume::scratch", "mandatory"],
      ]);
    });
  });

  describe("the pack config", () => {
    const fixture = () =>
      readExport(JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/hand-made-export.json"), "utf8")));
    it('applies "all" to every rule a rule entry does not override', async () => {
      const violations = await evaluate(fixture(), policies, {
        all: "advisory",
        "rds-instance-no-public-access": "mandatory",
      });
      expect(violations.map((v) => [v.policy, v.enforcementLevel])).to.deep.equal([
        ["elb-listener-require-tls-policy", "advisory"],
        ["rds-instance-no-public-access", "mandatory"],
        ["pulumi-stateful-resources-protected", "advisory"],
      ]);
    });
    it("counts remediate as blocking, like mandatory", () => {
      expect([blocks("mandatory"), blocks("remediate"), blocks("advisory"), blocks("disabled")]).to.deep.equal([
        true,
        true,
        false,
        false,
      ]);
    });
    it("refuses a setting a rule does not take, or a value outside its schema", async () => {
      const err = (config: object) =>
        evaluate(fixture(), policies, config as never).then(
          () => "",
          (e: unknown) => (e as Error).message,
        );
      expect(await err({ "rds-instance-min-backup-retention": { minimumRetentionDays: 40 } })).to.equal(
        "pack config for rds-instance-min-backup-retention: minimumRetentionDays = 40 is not allowed; the policy takes minimumRetentionDays (integer 1..35)",
      );
      expect(await err({ "elb-listener-require-tls-policy": { allowedPolicies: [] } })).to.match(
        /^pack config for elb-listener-require-tls-policy: allowedPolicies = \[\] is not allowed/,
      );
    });
  });

  describe("npm run policy", () => {
    it("prints each violation with rule, URN, message and level, and exits 1", async () => {
      const result = await cli("policy/cli.ts", [path.join(__dirname, "fixtures/hand-made-export.json")]);
      expect(result.code).to.equal(1);
      expect(result.stdout).to.contain(
        "[mandatory] rds-instance-no-public-access\n    urn:pulumi:prod::legacy::aws:rds/instance:Instance::db\n    database db must not be publicly accessible (publiclyAccessible: false); it is true.\n",
      );
      expect(result.stdout.trim().split("\n").pop()).to.equal(
        `Policy check: ${policies.length} policies, 3 violations (3 mandatory).`,
      );
    });

    it("applies the pack config: a disabled rule and an advisory one do not fail the check", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-policy-"));
      const config = path.join(dir, "config.json");
      fs.writeFileSync(
        config,
        JSON.stringify({
          "elb-listener-require-tls-policy": "disabled",
          "rds-instance-no-public-access": "advisory",
          "pulumi-stateful-resources-protected": { enforcementLevel: "advisory" },
        }),
      );
      const result = await cli("policy/cli.ts", [
        path.join(__dirname, "fixtures/hand-made-export.json"),
        "--config",
        config,
      ]);
      expect(result.code).to.equal(0);
      expect(result.stdout).to.contain("[advisory] rds-instance-no-public-access");
      expect(result.stdout).to.not.contain("elb-listener-require-tls-policy");
    });

    it("passes the offline plan's JSON of the dev stack", async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "datafold-policy-")), "dev.json");
      const plan = await cli("scripts/plan.ts", ["dev", "--json", file]);
      expect(plan.code).to.equal(0);
      expect(plan.stdout.trim().split("\n").pop()).to.equal(
        `Policy check: ${policies.length} policies, no violations.`,
      );
      const result = await cli("policy/cli.ts", [file]);
      expect([result.code, result.stdout.trim().split("\n").pop()]).to.deep.equal([
        0,
        `Policy check: ${policies.length} policies, no violations.`,
      ]);
    });

    it("makes the plan fail when the plan breaks a mandatory rule", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-policy-"));
      fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
      const dev = fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8");
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
    });
  });
});
