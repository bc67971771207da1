/**
 * Operating models, on the whole program: the AWS layer alone (`platform.enabled: false`) with
 * the controllers' Helm releases exported for a second stage, the vendor's cluster access, and the
 * refusal of a deployment whose cluster API no machine can reach.
 */
import { expect } from "chai";

import type { RecordedResource } from "../../plan/monitor";
import { worldForStack } from "../../plan/offline";
import { type ProgramRun, ProgramError, runProgram } from "../../plan/run";
import { readStackConfig } from "../../plan/stackfile";
import { find, inputs, outputs } from "../helpers";
import { EXAMPLES, plannedStack, program } from "./plans";

/** Plans an example stack with some of its config replaced. */
function planWith(stackName: string, overrides: Record<string, string>): Promise<ProgramRun> {
  const stack = readStackConfig(EXAMPLES, stackName);
  return runProgram({
    project: stack.project,
    stack: stackName,
    config: { ...stack.config, ...overrides },
    world: worldForStack(stack),
    program,
  });
}

const inCluster = (r: RecordedResource) => r.type.startsWith("kubernetes:") || r.type === "pulumi:providers:kubernetes";

describe("operating models", () => {
  describe("platform.enabled: false (the internal example)", () => {
    let run: ProgramRun;
    before(async function () {
      this.timeout(60000);
      run = (await plannedStack("internal")).run;
    });

    it("plans no Kubernetes resource, no Kubernetes provider and no Platform component", () => {
      expect(run.resources.filter(inCluster).map((r) => r.type)).to.deep.equal([]);
      expect(run.resources.filter((r) => r.type === "datafold:aws:Platform")).to.deep.equal([]);
      expect(run.outputs.namespace).to.equal(undefined);
    });

    it("exports the controllers' Helm releases with the cluster's IRSA roles", () => {
      const releases = outputs(run).platformReleases as Record<
        string,
        { chart: string; version: string; namespace: string; values: Record<string, unknown> }
      >;
      expect(Object.keys(releases).sort()).to.deep.equal([
        "aws-load-balancer-controller",
        "cluster-autoscaler",
        "metrics-server",
      ]);
      const lbc = releases["aws-load-balancer-controller"].values as {
        clusterName: string;
        vpcId: string;
        serviceAccount: { annotations: Record<string, string> };
      };
      expect([lbc.clusterName, lbc.vpcId, lbc.serviceAccount.annotations["eks.amazonaws.com/role-arn"]]).to.deep.equal([
        "initech-datafold",
        outputs(run).vpcId,
        outputs(run).loadBalancerControllerRoleArn,
      ]);
      const autoscaler = releases["cluster-autoscaler"].values as {
        rbac: { serviceAccount: { annotations: Record<string, string> } };
      };
      expect(autoscaler.rbac.serviceAccount.annotations["eks.amazonaws.com/role-arn"]).to.equal(
        outputs(run).clusterAutoscalerRoleArn,
      );
    });
  });

  it("exports, with the platform off, exactly the releases the Platform component installs with it on", async function () {
    this.timeout(60000);
    const on = (await plannedStack("dev")).run;
    const off = await planWith("dev", { "datafold-aws:platform": JSON.stringify({ enabled: false }) });
    expect(off.resources.filter(inCluster)).to.deep.equal([]);
    const installed = Object.fromEntries(
      on.resources
        .filter((r) => r.type === "kubernetes:helm.sh/v3:Release")
        .map((r) => {
          const i = inputs(r) as {
            name: string;
            chart: string;
            version: string;
            namespace: string;
            repositoryOpts: { repo: string };
            values: Record<string, unknown>;
          };
          return [
            i.name,
            {
              chart: i.chart,
              repo: i.repositoryOpts.repo,
              version: i.version,
              namespace: i.namespace,
              values: i.values,
            },
          ];
        }),
    );
    expect(Object.keys(installed)).to.have.length(3);
    expect(outputs(off).platformReleases).to.deep.equal(installed);
  });

  it("keeps the application's namespace when the Platform goes (model A to B): it is retained on delete", async function () {
    this.timeout(60000);
    const { run } = await plannedStack("dev");
    const namespace = find(run, "kubernetes:core/v1:Namespace", "acme-datafold-namespace");
    expect([namespace.retainOnDelete, namespace.protect]).to.deep.equal([true, false]);
  });

  it("refuses the internal example with the platform on: its private-only endpoint lives in a VPC the run creates", async function () {
    this.timeout(60000);
    const err = await planWith("internal", { "datafold-aws:platform": JSON.stringify({ enabled: true }) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(ProgramError);
    const e = err as ProgramError;
    expect(e.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).to.deep.equal([]);
    expect(e.message.split("\n")[1]).to.match(
      /^ {2}- datafold-aws:platform\.enabled: true with datafold-aws:cluster\.endpointPublicAccess: false in a VPC this stack creates/,
    );
  });

  describe("the vendor's role (the access example)", () => {
    it("gets a cluster-admin access entry in this cluster, declared after the cluster", async function () {
      this.timeout(60000);
      const { run } = await plannedStack("access");
      const eks = find(run, "eks:index:Cluster", "hooli-datafold-eks");
      const role = find(run, "aws:iam/role:Role", "hooli-datafold-vendor");
      const entry = find(run, "aws:eks/accessEntry:AccessEntry", "hooli-datafold-vendor");
      expect(inputs(entry)).to.include({
        clusterName: "hooli-datafold",
        principalArn: outputs(run).deploymentRoleArn,
        type: "STANDARD",
      });
      expect(entry.propertyDependencies.clusterName).to.include(eks.urn);
      expect(entry.propertyDependencies.principalArn).to.deep.equal([role.urn]);
      const assoc = find(run, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "hooli-datafold-vendor");
      expect([inputs(assoc).policyArn, inputs(assoc).accessScope]).to.deep.equal([
        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        { type: "cluster" },
      ]);
    });

    it("gets none with access.clusterAccess: false", async function () {
      this.timeout(60000);
      const stack = readStackConfig(EXAMPLES, "access");
      const section = JSON.parse(stack.config["datafold-aws:access"]) as Record<string, unknown>;
      const run = await planWith("access", {
        "datafold-aws:access": JSON.stringify({ ...section, clusterAccess: false }),
      });
      expect(run.resources.filter((r) => r.type.startsWith("aws:eks/access"))).to.deep.equal([]);
      expect(
        run.resources.filter((r) => r.type === "aws:iam/role:Role" && r.name === "hooli-datafold-vendor"),
      ).to.have.length(1);
    });
  });
});
