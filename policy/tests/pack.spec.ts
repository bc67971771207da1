import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

import { blocks, evaluate, readExport } from "../engine";
import { policies } from "../policies";
import { res, UNKNOWN } from "./helpers";

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

  const fixture = () =>
    readExport(JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/hand-made-export.json"), "utf8")));

  describe("the pack config", () => {
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
    it("refuses what the Pulumi CLI refuses, with the CLI's reason", async () => {
      const err = (config: Record<string, unknown>) =>
        evaluate(fixture(), policies, config).then(
          () => "",
          (e: unknown) => (e as Error).message,
        );
      expect(await err({ "rds-instance-min-backup-retention": { minimumRetentionDays: 40 } })).to.equal(
        "validating policy config: datafold-aws 0.1.0  rds-instance-min-backup-retention: minimumRetentionDays: Must be less than or equal to 35",
      );
      expect(await err({ "rds-instance-no-public-access": "warn" })).to.equal(
        'parsing enforcement level for "rds-instance-no-public-access": "warn" is not a valid enforcement level',
      );
    });
    it("refuses, more strictly than the CLI, a setting a rule does not take", async () => {
      const err = await evaluate(fixture(), policies, {
        "elb-listener-require-tls-policy": { allowedPolicies: [] },
      }).then(
        () => "",
        (e: unknown) => (e as Error).message,
      );
      expect(err).to.equal(
        "elb-listener-require-tls-policy: allowedPolicies is not one of its settings (allowedSslPolicies; the Pulumi CLI would ignore it)",
      );
    });
  });

  describe("behaves as CrossGuard's runtime", () => {
    const stack = res("pulumi:pulumi:Stack", "datafold-aws-test", {}, { custom: false });
    it("hands stack rules the outputs as stored: no id added, nothing taken from the inputs", async () => {
      const seen: unknown[] = [];
      const probe: StackValidationPolicy = {
        name: "probe-stack",
        description: "Records what it sees.",
        validateStack: (args) => {
          for (const r of args.resources) seen.push([r.name, { ...(r.props as object) }]);
        },
      };
      const volume = res("aws:ebs/volume:Volume", "v", { size: 1 }, { id: "vol-1", outputs: { arn: "arn:v" } });
      const bare = res("aws:ebs/volume:Volume", "w", { size: 2 }, { id: "vol-2", outputs: {} });
      await evaluate([stack, volume, bare], [probe]);
      expect(seen).to.deep.equal([
        ["datafold-aws-test", {}],
        ["v", { arn: "arn:v" }],
        ["w", {}],
      ]);
    });
    it("hands resource rules the inputs, options and nothing about dependencies; never a read", async () => {
      const seen: unknown[] = [];
      const probe: ResourceValidationPolicy = {
        name: "probe-resource",
        description: "Records what it sees.",
        validateResource: (args) => {
          seen.push([args.name, Object.keys(args).sort(), args.opts.protect, args.opts.parent]);
        },
      };
      const child = res(
        "aws:ebs/volume:Volume",
        "v",
        { size: 1, __defaults: ["x"] },
        { protect: true, parent: stack.urn, propertyDependencies: { size: [stack.urn] } },
      );
      const read = res("pulumi:pulumi:StackReference", "ref", { name: "o/p/s" }, { external: true });
      await evaluate([stack, child, read], [probe]);
      expect(seen).to.deep.equal([
        [
          "datafold-aws-test",
          ["asType", "getConfig", "isType", "name", "notApplicable", "opts", "props", "stackTags", "type", "urn"],
          false,
          undefined,
        ],
        [
          "v",
          ["asType", "getConfig", "isType", "name", "notApplicable", "opts", "props", "stackTags", "type", "urn"],
          true,
          stack.urn,
        ],
      ]);
    });
    it("leaves out internal keys (__defaults) as the engine's marshalling does", async () => {
      const keys: string[][] = [];
      const probe: ResourceValidationPolicy = {
        name: "probe-keys",
        description: "Records the keys.",
        validateResource: (args) => void keys.push(Object.keys(args.props as object)),
      };
      await evaluate([res("aws:ebs/volume:Volume", "v", { size: 1, __defaults: ["x"] })], [probe]);
      expect(keys).to.deep.equal([["size"]]);
    });
    it("reports a rule that reads an unknown value as the runtime does: advisory, naming the pack and its version", async () => {
      const reader: ResourceValidationPolicy = {
        name: "reads-unknown",
        description: "Reads a value.",
        validateResource: (args) => void String(args.props.size),
      };
      expect(
        await evaluate([res("aws:ebs/volume:Volume", "v", { size: UNKNOWN })], [reader]).then((vs) =>
          vs.map((v) => [v.enforcementLevel, v.message]),
        ),
      ).to.deep.equal([
        [
          "advisory",
          "can't run policy 'reads-unknown' from policy pack 'datafold-aws@v0.1.0' during preview: string value at .size can't be known during preview",
        ],
      ]);
    });
    it("reports a remediate level as mandatory (no rule here remediates)", async () => {
      const violations = await evaluate(fixture(), policies, { all: "remediate" });
      expect([...new Set(violations.map((v) => v.enforcementLevel))]).to.deep.equal(["mandatory"]);
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
