/**
 * The pack on what `pulumi preview` of a new customer stack sends it: the program's plan shaped as
 * a first preview (plan/preview.ts: computed values unknown, config-derived inputs known), clean and
 * then broken one misconfiguration at a time. Every rule the information of a preview allows must
 * report a mandatory violation on the culprit's URN; the others are listed in CANNOT_AT_PREVIEW (and
 * in the README). Also: a plain export (another program's stack, no property dependencies) passes.
 */
import { expect } from "chai";

import { asFirstPreview, asPlainExport } from "../../plan/preview";
import { evaluatePack } from "../../policy/engine";
import { policies } from "../../policy/policies";
import { MUTATIONS, type Resources } from "./mutations";
import { exported, plannedStack } from "./plans";

const STACKS = ["dev", "existing-vpc", "internal", "controller", "access"];

/** Rules that a first preview cannot decide, and why (the README lists them too). */
const CANNOT_AT_PREVIEW: Record<string, string> = {
  "iam-role-irsa-trust-pinned":
    "an IRSA trust names the cluster's OIDC provider, which exists only once the cluster does: the whole document is unknown",
};

async function firstPreview(stack: string): Promise<Resources> {
  const { run } = await plannedStack(stack);
  return asFirstPreview(exported(run));
}

describe("the policy pack on a first preview of every example stack", function () {
  this.timeout(120000);

  it("has a mutation for every rule, or says why a preview cannot decide it", () => {
    const covered = new Set([...MUTATIONS.map((m) => m.rule), ...Object.keys(CANNOT_AT_PREVIEW)]);
    expect(policies.map((p) => p.name).filter((name) => !covered.has(name))).to.deep.equal([]);
  });

  for (const stack of STACKS) {
    describe(stack, () => {
      it("reports no violation on the clean first preview (what it cannot decide yet is not a violation)", async () => {
        const { violations, notApplicable } = await evaluatePack(await firstPreview(stack), policies);
        expect(violations).to.deep.equal([]);
        // What waits for `pulumi up`: values made from resources created in this run.
        expect([...new Set(notApplicable.map((n) => n.policy))].sort()).to.deep.equal(
          [
            "iam-policy-no-admin-wildcard",
            "iam-role-cross-account-trust-restricted",
            "iam-role-irsa-trust-pinned",
            "rds-instance-require-cmk-encryption",
            "s3-bucket-valid-name",
            ...(stack === "existing-vpc" ? ["ebs-volumes-single-az"] : []),
          ].sort(),
        );
      });

      it("reports each misconfiguration as a mandatory violation on the culprit", async () => {
        const clean = await firstPreview(stack);
        const applied: string[] = [];
        for (const mutation of MUTATIONS) {
          const broken = mutation.apply(clean, stack);
          if (broken === undefined) continue;
          applied.push(mutation.rule);
          const { violations } = await evaluatePack(broken.resources, policies);
          const hits = violations.filter((v) => v.policy === mutation.rule).map((v) => [v.urn, v.enforcementLevel]);
          expect(hits, `${stack}: ${mutation.what}`).to.deep.include([broken.culprit, "mandatory"]);
          expect(
            violations.filter((v) => v.enforcementLevel !== "mandatory"),
            `${stack}: ${mutation.what}`,
          ).to.deep.equal([]);
        }
        // Every stack exercises the rules that apply to it.
        expect(applied.length, stack).to.be.greaterThan(15);
      });
    });
  }

  it("applies each mutation to at least one example stack", async () => {
    const unused: string[] = [];
    for (const mutation of MUTATIONS) {
      let used = false;
      for (const stack of STACKS) used ||= mutation.apply(await firstPreview(stack), stack) !== undefined;
      if (!used) unused.push(mutation.what);
    }
    expect(unused).to.deep.equal([]);
  });
});

describe("the program's dependencies say where the node groups are", () => {
  for (const stack of ["dev", "internal", "controller", "access"]) {
    it(`${stack}: the data group's subnetIds depend on the primary private subnet alone, the app group's on every private subnet`, async () => {
      const { run } = await plannedStack(stack);
      const resources = exported(run);
      const subnetsOf = (group: string) =>
        (
          resources.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup" && r.urn.endsWith(`-${group}`))
            ?.propertyDependencies.subnetIds ?? []
        )
          .filter((d) => d.includes("aws:ec2/subnet:Subnet"))
          .map((d) => d.split("::").pop());
      const prefix = (
        resources
          .find((r) => r.type === "eks:index:Cluster")
          ?.urn.split("::")
          .pop() ?? ""
      ).replace(/-eks$/, "");
      expect([subnetsOf("data"), subnetsOf("app")]).to.deep.equal([
        [`${prefix}-private-1`],
        [`${prefix}-private-1`, `${prefix}-private-2`],
      ]);
    });
  }
});

describe("the policy pack on plain exports (stacks another program built: no property dependencies)", () => {
  for (const stack of STACKS) {
    it(`reports no violation on the ${stack} stack's`, async () => {
      const { run } = await plannedStack(stack);
      expect(await evaluatePack(asPlainExport(exported(run)), policies).then((e) => e.violations)).to.deep.equal([]);
    });
  }
  it("recognises the load balancer's security group by its id alone (no dependency, no tag)", async () => {
    const { run } = await plannedStack("dev");
    const plain = asPlainExport(exported(run), { untagged: true });
    expect(await evaluatePack(plain, policies).then((e) => e.violations)).to.deep.equal([]);
  });
});
