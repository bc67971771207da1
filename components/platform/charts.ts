/**
 * The in-cluster platform's Helm charts: pinned versions and their values, as plain functions of
 * plain values. No Pulumi import.
 */

export interface ChartSpec {
  readonly chart: string;
  readonly version: string;
  readonly repo: string;
}

export const CHARTS = {
  loadBalancerController: {
    chart: "aws-load-balancer-controller",
    version: "1.14.0",
    repo: "https://aws.github.io/eks-charts",
  },
  metricsServer: {
    chart: "metrics-server",
    version: "3.13.1",
    repo: "https://kubernetes-sigs.github.io/metrics-server/",
  },
  clusterAutoscaler: {
    chart: "cluster-autoscaler",
    version: "9.59.0",
    repo: "https://kubernetes.github.io/autoscaler",
  },
} as const satisfies Record<string, ChartSpec>;

const ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

/**
 * The Load Balancer Controller's values. The chart creates the IngressClass `ingressClass` and,
 * with `ingressClassParams.create` and a spec, the IngressClassParams it refers to (aws/eks-charts,
 * stable/aws-load-balancer-controller 1.14.0: templates/ingressclass.yaml, values.yaml). The class
 * is `alb`, the one the vendor's chart's Ingress names (datafold/helm-charts chart 0.10.110,
 * charts/datafold/charts/nginx/templates/_helpers.tpl lines 235-241); `albClassParams` make it as
 * strict as alb mode's load balancer.
 */
export function loadBalancerControllerValues(
  clusterName: string,
  region: string,
  vpcId: string,
  roleArn: string,
  albClassParams?: Record<string, unknown>,
) {
  return {
    clusterName,
    region,
    vpcId,
    replicaCount: 2,
    serviceAccount: { create: true, name: "aws-load-balancer-controller", annotations: { [ROLE_ANNOTATION]: roleArn } },
    // Only Ingress, TargetGroupBinding and explicitly annotated Services are the controller's:
    // it must not take over every Service of type LoadBalancer in the cluster.
    enableServiceMutatorWebhook: false,
    ingressClass: "alb",
    createIngressClassResource: true,
    ...(albClassParams !== undefined ? { ingressClassParams: { create: true, spec: albClassParams } } : {}),
  };
}

export function metricsServerValues() {
  return { serviceAccount: { create: true, name: "metrics-server" } };
}

/**
 * The autoscaler's image follows the cluster's Kubernetes minor version, as the autoscaler's
 * compatibility rules require; the chart's default image is for the newest minor only.
 */
export function clusterAutoscalerValues(
  clusterName: string,
  region: string,
  roleArn: string,
  kubernetesVersion: string,
) {
  return {
    autoDiscovery: { clusterName },
    awsRegion: region,
    image: { tag: `v${kubernetesVersion}.0` },
    rbac: { serviceAccount: { create: true, name: "cluster-autoscaler", annotations: { [ROLE_ANNOTATION]: roleArn } } },
    extraArgs: { "balance-similar-node-groups": true, "skip-nodes-with-local-storage": false, expander: "least-waste" },
  };
}
