import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import { blocks, evaluate, readExport } from "../engine";
import { policies } from "../policies";

/** The pack's own folder (policy/). Tests that need the program live in tests/stacks/ of the root project. */
const PACK = path.resolve(__dirname, "..");

function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", path.join(PACK, script), ...args],
      { cwd: PACK, timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("the policy pack", () => {
  it("has one rule per file, named after it in kebab case, each with a one-sentence description", () => {
    const files = fs
      .readdirSync(path.join(PACK, "rules"), { recursive: true })
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

  describe("catches deliberately broken stacks, each by the intended rule", () => {
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
      const result = await cli("cli.ts", [path.join(__dirname, "fixtures/hand-made-export.json")]);
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
      const result = await cli("cli.ts", [path.join(__dirname, "fixtures/hand-made-export.json"), "--config", config]);
      expect(result.code).to.equal(0);
      expect(result.stdout).to.contain("[advisory] rds-instance-no-public-access");
      expect(result.stdout).to.not.contain("elb-listener-require-tls-policy");
    });
  });
});
