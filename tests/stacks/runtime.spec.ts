/**
 * The pack as `pulumi preview --policy-pack policy` runs it: started by @pulumi/pulumi's
 * run-policy-pack in policy/ (TypeScript compiled and type-checked by the runtime's ts-node with the
 * pack's tsconfig.json), driven over gRPC as the engine drives it (policy/tests/runtime.ts), on the
 * dev stack's first preview, clean and broken. Its verdicts must be the offline evaluator's.
 */
import * as path from "path";

import { expect } from "chai";

import type { EnforcementLevel, Policies } from "@pulumi/policy";

import { PolicyType } from "@pulumi/pulumi/proto/analyzer_pb";

import { asFirstPreview } from "../../plan/preview";
import { evaluatePack, type ExportResource, PACK } from "../../policy/engine";
import { type PolicyConfig, reconcilePackConfig } from "../../policy/lib/pack-config";
import { apiLimitPolicies, policies } from "../../policy/policies";
import { EngineSide, type ServedPack, servePack } from "../../policy/tests/runtime";
import { MUTATIONS } from "./mutations";
import { exported, plannedStack, ROOT } from "./plans";

const LEVEL_NAMES: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

/** A verdict, comparable between the runtime and the offline evaluator. */
type Verdict = [policy: string, urn: string, level: string, message: string];

describe("the pack under CrossGuard's runtime, driven as the engine drives it", function () {
  this.timeout(300000);
  let served: ServedPack | undefined;
  let engine: EngineSide;
  const descriptions = new Map(policies.map((p) => [p.name, p.description]));

  before(async () => {
    served = await servePack(path.join(ROOT, "policy"));
    engine = new EngineSide(served.port);
    await engine.configureStack({ stack: "dev", project: "datafold-aws", organization: "organization", dryRun: true });
  });
  after(() => {
    engine?.close();
    served?.stop();
  });

  /** What the runtime says about every registered resource (Analyze) and the stack (AnalyzeStack). */
  async function runtimeVerdicts(resources: readonly ExportResource[]) {
    const verdicts: Verdict[] = [];
    const notApplicable: [string, string, string][] = [];
    const take = (r: Awaited<ReturnType<EngineSide["analyze"]>>) => {
      for (const d of r.diagnostics) {
        // The runtime prefixes a rule's message with its policy's description; an advisory it makes itself has none.
        const prefix = `${descriptions.get(d.policy)}\n`;
        verdicts.push([
          d.policy,
          d.urn,
          d.enforcementLevel,
          d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message,
        ]);
      }
      for (const n of r.notApplicable) notApplicable.push([n.policy, n.urn, n.reason]);
    };
    for (const r of resources.filter((x) => x.external !== true)) take(await engine.analyze(r));
    take(await engine.analyzeStack(resources));
    return { verdicts: verdicts.sort(), notApplicable: notApplicable.sort() };
  }

  async function offlineVerdicts(resources: readonly ExportResource[], config: Record<string, unknown>) {
    const { violations, notApplicable } = await evaluatePack(resources, policies, config);
    return {
      verdicts: violations.map((v): Verdict => [v.policy, v.urn, v.enforcementLevel, v.message]).sort(),
      notApplicable: notApplicable.map((n): [string, string, string] => [n.policy, n.urn, n.reason]).sort(),
    };
  }

  it("announces the pack, its policies, their kinds, levels and config schemas", async () => {
    const info = await engine.info();
    expect([info.getName(), info.getVersion(), info.getSupportsconfig()]).to.deep.equal([
      PACK.name,
      PACK.version,
      true,
    ]);
    const announced = info
      .getPoliciesList()
      .map((p) => [
        p.getName(),
        LEVEL_NAMES[p.getEnforcementlevel()],
        p.getPolicyType() === PolicyType.POLICY_TYPE_RESOURCE ? "resource" : "stack",
        p.getConfigschema()?.getProperties()?.toJavaScript() ?? null,
      ]);
    expect(announced).to.deep.equal(
      policies.map((p) => [
        p.name,
        "mandatory",
        "validateResource" in p ? "resource" : "stack",
        p.configSchema?.properties ?? null,
      ]),
    );
  });

  it("gets from the announced schemas the same pack-config verdicts as the offline check", async () => {
    // The CLI validates a pack config against what GetAnalyzerInfo announces; the offline check uses the
    // policies themselves. Both must refuse and accept alike.
    const info = await engine.info();
    const announced = info.getPoliciesList().map((p) => ({
      name: p.getName(),
      description: p.getDescription(),
      enforcementLevel: LEVEL_NAMES[p.getEnforcementlevel()],
      ...(p.getConfigschema() !== undefined
        ? { configSchema: { properties: p.getConfigschema()?.getProperties()?.toJavaScript() ?? {} } }
        : {}),
      validateStack: () => undefined,
    })) as unknown as Policies;
    const verdict = (list: Policies, json: unknown) => {
      try {
        return [...reconcilePackConfig(list, json, PACK)];
      } catch (err) {
        return (err as Error).message;
      }
    };
    for (const json of [
      {},
      { all: "advisory", "rds-instance-min-backup-retention": { minimumRetentionDays: 7 } },
      { "rds-instance-no-public-access": "warn" },
      { "rds-instance-min-backup-retention": { minimumRetentionDays: "7" } },
      { "rds-instance-min-backup-retention": { minimumRetentionDays: 36 } },
      { "elb-listener-require-tls-policy": { allowedSslPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06", 1] } },
      { "iam-role-cross-account-trust-restricted": { requireMfa: "no" } },
    ]) {
      expect(verdict(announced, json), JSON.stringify(json)).to.deep.equal(verdict(policies, json));
    }
  });

  it('refuses an enforcement level outside the four it knows (the engine cannot even encode "warn")', async () => {
    const refused = await engine
      .configure(new Map([["kms-key-require-rotation", { enforcementLevel: 7, properties: {} }]]))
      .then(
        () => "",
        (err: Error) => err.message,
      );
    expect(refused).to.contain("Unknown enforcement level 7.");
  });

  it("gives the offline evaluator's verdicts on the dev stack's clean first preview", async () => {
    const { run } = await plannedStack("dev");
    const preview = asFirstPreview(exported(run));
    const config: Map<string, PolicyConfig> = reconcilePackConfig(policies, {}, PACK);
    await engine.configure(config);
    const [online, offline] = [await runtimeVerdicts(preview), await offlineVerdicts(preview, {})];
    expect(online).to.deep.equal(offline);
    expect(online.verdicts).to.deep.equal([]);
    expect(online.notApplicable.length).to.be.greaterThan(0);
    // The backup bucket's name ends with a random suffix of the same run: not applicable, not an advisory.
    expect(online.notApplicable.map(([policy, urn]) => [policy, urn.split("::").pop()])).to.deep.include([
      "s3-bucket-valid-name",
      "acme-datafold-clickhouse-backups",
    ]);
  });

  it("gives the offline evaluator's verdicts on a broken first preview, under a pack config", async () => {
    const { run } = await plannedStack("dev");
    let broken = asFirstPreview(exported(run));
    for (const m of MUTATIONS) broken = m.apply(broken, "dev")?.resources ?? broken;
    const json = {
      "rds-instance-min-backup-retention": { minimumRetentionDays: 7 },
      "kms-key-require-rotation": "advisory",
      "s3-bucket-no-public-acl": { enforcementLevel: "disabled" },
    };
    await engine.configure(reconcilePackConfig(policies, json, PACK));
    const [online, offline] = [await runtimeVerdicts(broken), await offlineVerdicts(broken, json)];
    expect(online).to.deep.equal(offline);
    // The config is applied: rotation reported as advisory, the ACL rule silent, 7 days of backups allowed.
    const rules = (level: string) => [...new Set(online.verdicts.filter((v) => v[2] === level).map((v) => v[0]))];
    expect(rules("advisory")).to.deep.equal(["kms-key-require-rotation"]);
    expect(rules("mandatory")).to.include.members([
      "ebs-volumes-single-az",
      "elb-listener-require-tls-policy",
      "k8s-ingress-class-params-require-tls-policy",
      ...apiLimitPolicies.map((p) => p.name),
    ]);
    expect(
      online.verdicts.filter((v) => ["s3-bucket-no-public-acl", "rds-instance-min-backup-retention"].includes(v[0])),
    ).to.deep.equal([]);
  });
});
