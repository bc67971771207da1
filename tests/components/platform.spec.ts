import { expect } from "chai";

import type { PlatformArgs } from "../../components/platform/args";
import { Platform } from "../../components/platform/platform";
import { find, inputs, outputs, runComponents } from "../helpers";

const KUBECONFIG = JSON.stringify({ apiVersion: "v1", kind: "Config", clusters: [] });
const LBC_ROLE = "arn:aws:iam::123456789012:role/acme-load-balancer-controller";
const CA_ROLE = "arn:aws:iam::123456789012:role/acme-cluster-autoscaler";

const PARAMS = { scheme: "internal", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" };

function plan(extra: Partial<PlatformArgs> = {}) {
  return runComponents(() => {
    const p = new Platform("acme", {
      kubeconfig: KUBECONFIG,
      clusterName: "acme",
      region: "us-east-1",
      vpcId: "vpc-0123456789abcdef0",
      namespace: "acme",
      loadBalancerControllerRoleArn: LBC_ROLE,
      clusterAutoscalerRoleArn: CA_ROLE,
      kubernetesVersion: "1.35",
      labels: { "datafold.com/deployment": "acme" },
      ...extra,
    });
    return { namespace: p.namespace };
  });
}

describe("Platform", () => {
  it("declares a provider from the cluster's kubeconfig, the namespace and three Helm releases, and nothing else", async () => {
    const run = await plan();
    expect(
      run.resources
        .filter((r) => r.custom)
        .map((r) => `${r.type} ${r.name}`)
        .sort(),
    ).to.deep.equal([
      "kubernetes:core/v1:Namespace acme-namespace",
      "kubernetes:helm.sh/v3:Release acme-aws-load-balancer-controller",
      "kubernetes:helm.sh/v3:Release acme-cluster-autoscaler",
      "kubernetes:helm.sh/v3:Release acme-metrics-server",
      "pulumi:providers:kubernetes acme-k8s",
    ]);
    const provider = inputs(find(run, "pulumi:providers:kubernetes", "acme-k8s"));
    expect([provider.kubeconfig, provider.enableServerSideApply]).to.deep.equal([KUBECONFIG, "true"]);
  });

  it("creates no PersistentVolume, StorageClass or TargetGroupBinding: the application's charts do", async () => {
    const run = await plan();
    expect(run.resources.filter((r) => /PersistentVolume|StorageClass|TargetGroupBinding/.test(r.type))).to.deep.equal(
      [],
    );
  });

  it("names the namespace exactly after the deployment, through the cluster's provider", async () => {
    const run = await plan();
    const ns = find(run, "kubernetes:core/v1:Namespace", "acme-namespace");
    expect(inputs(ns).metadata).to.deep.equal({
      name: "acme",
      labels: { "app.kubernetes.io/managed-by": "pulumi", "datafold.com/deployment": "acme" },
    });
    expect(ns.provider).to.match(
      /^urn:pulumi:test::datafold-aws::datafold:aws:Platform\$pulumi:providers:kubernetes::acme-k8s::/,
    );
    expect(outputs(run).namespace).to.equal("acme");
  });

  it("installs the load balancer controller at a pinned version in kube-system on its IRSA service account", async () => {
    const run = await plan();
    const release = find(run, "kubernetes:helm.sh/v3:Release", "acme-aws-load-balancer-controller");
    expect(inputs(release)).to.deep.include({
      name: "aws-load-balancer-controller",
      chart: "aws-load-balancer-controller",
      version: "1.14.0",
      repositoryOpts: { repo: "https://aws.github.io/eks-charts" },
      namespace: "kube-system",
      atomic: true,
      cleanupOnFail: true,
      timeout: 600,
    });
    expect(inputs(release).values).to.deep.equal({
      clusterName: "acme",
      region: "us-east-1",
      vpcId: "vpc-0123456789abcdef0",
      replicaCount: 2,
      serviceAccount: {
        create: true,
        name: "aws-load-balancer-controller",
        annotations: { "eks.amazonaws.com/role-arn": LBC_ROLE },
      },
      enableServiceMutatorWebhook: false,
      ingressClass: "alb",
      createIngressClassResource: true,
    });
  });

  it("installs metrics-server and the cluster autoscaler at pinned versions on their own service accounts", async () => {
    const run = await plan();
    const ms = inputs(find(run, "kubernetes:helm.sh/v3:Release", "acme-metrics-server"));
    expect([ms.chart, ms.version, ms.namespace, ms.values]).to.deep.equal([
      "metrics-server",
      "3.13.1",
      "kube-system",
      { serviceAccount: { create: true, name: "metrics-server" } },
    ]);
    const ca = inputs(find(run, "kubernetes:helm.sh/v3:Release", "acme-cluster-autoscaler"));
    expect([ca.chart, ca.version, ca.namespace, (ca.repositoryOpts as { repo: string }).repo]).to.deep.equal([
      "cluster-autoscaler",
      "9.59.0",
      "kube-system",
      "https://kubernetes.github.io/autoscaler",
    ]);
    expect((ca.values as { rbac: unknown }).rbac).to.deep.equal({
      serviceAccount: {
        create: true,
        name: "cluster-autoscaler",
        annotations: { "eks.amazonaws.com/role-arn": CA_ROLE },
      },
    });
    expect((ca.values as { image: unknown }).image).to.deep.equal({ tag: "v1.35.0" });
  });

  it("makes the controller's own class alb strict with the params given, and declares no class of its own", async () => {
    const run = await plan({ albClassParams: PARAMS });
    const values = inputs(find(run, "kubernetes:helm.sh/v3:Release", "acme-aws-load-balancer-controller"))
      .values as Record<string, unknown>;
    expect([values.ingressClass, values.createIngressClassResource, values.ingressClassParams]).to.deep.equal([
      "alb",
      true,
      { create: true, spec: PARAMS },
    ]);
    expect(run.resources.filter((r) => /IngressClass/.test(r.type))).to.deep.equal([]);
  });
});
