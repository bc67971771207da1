/**
 * `platformReleases`: with `platform.enabled: false` this program declares nothing inside the
 * cluster, and a second stage, run from a machine that reaches the cluster API, installs the
 * in-cluster controllers with Helm. This is what that stage needs, per Helm release: the chart,
 * its repository and pinned version, the namespace and the values (the IRSA role ARNs included).
 * Built from the same chart specs and values functions the Platform component installs
 * (components/platform/charts.ts), so the two stages cannot drift. Plain data; no Pulumi import.
 */
import {
  CHARTS,
  type ChartSpec,
  clusterAutoscalerValues,
  loadBalancerControllerValues,
  metricsServerValues,
} from "../components/platform/charts";

/** The namespace the Platform component installs the controllers into. */
export const CONTROLLERS_NAMESPACE = "kube-system";

/** One Helm release, as `helm upgrade --install <name> <chart> --repo <repo> --version <version>` takes it. */
export interface PlatformRelease {
  readonly chart: string;
  readonly repo: string;
  readonly version: string;
  readonly namespace: string;
  readonly values: Record<string, unknown>;
}

export interface PlatformReleaseInputs {
  readonly clusterName: string;
  readonly region: string;
  readonly vpcId: string;
  /** The cluster's Kubernetes minor version ("1.35"): the autoscaler's image follows it. */
  readonly kubernetesVersion: string;
  readonly loadBalancerControllerRoleArn: string;
  readonly clusterAutoscalerRoleArn: string;
  /** The IngressClassParams spec of the class `alb` (the Ingress component's `albClassParams`). */
  readonly albClassParams: Record<string, unknown>;
}

function release(spec: ChartSpec, values: Record<string, unknown>): PlatformRelease {
  return { chart: spec.chart, repo: spec.repo, version: spec.version, namespace: CONTROLLERS_NAMESPACE, values };
}

/**
 * The controllers' Helm releases, keyed by release name (the chart's name, as the Platform
 * component names them). A stack output's keys come back sorted, so the order to install them in
 * (the Load Balancer Controller first) is the README's, not this object's.
 */
export function platformReleases(i: PlatformReleaseInputs): Record<string, PlatformRelease> {
  const lbc = CHARTS.loadBalancerController;
  const metrics = CHARTS.metricsServer;
  const autoscaler = CHARTS.clusterAutoscaler;
  return {
    [lbc.chart]: release(
      lbc,
      loadBalancerControllerValues(i.clusterName, i.region, i.vpcId, i.loadBalancerControllerRoleArn, i.albClassParams),
    ),
    [metrics.chart]: release(metrics, metricsServerValues()),
    [autoscaler.chart]: release(
      autoscaler,
      clusterAutoscalerValues(i.clusterName, i.region, i.clusterAutoscalerRoleArn, i.kubernetesVersion),
    ),
  };
}
