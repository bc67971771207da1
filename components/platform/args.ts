/** The Platform component's arguments, their defaults, and the one place the defaults are resolved. */
import type * as pulumi from "@pulumi/pulumi";

export interface PlatformArgs {
  /** Kubeconfig (JSON) of the cluster; the provider uses nothing else. */
  readonly kubeconfig: pulumi.Input<string>;
  /** The EKS cluster's name, for the controllers. */
  readonly clusterName: string;
  /** The AWS region, for the controllers. */
  readonly region: string;
  /** The VPC the Load Balancer Controller works in. */
  readonly vpcId: pulumi.Input<string>;
  /** The application's namespace: exactly the deployment name. */
  readonly namespace: string;
  /** The Load Balancer Controller's IRSA role. */
  readonly loadBalancerControllerRoleArn: pulumi.Input<string>;
  /** The cluster autoscaler's IRSA role. */
  readonly clusterAutoscalerRoleArn: pulumi.Input<string>;
  /** The cluster's Kubernetes minor version ("1.35"): the autoscaler's image follows it. */
  readonly kubernetesVersion: string;
  /** Labels for the namespace. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * The IngressClassParams spec of the class `alb`, which the Load Balancer Controller's chart
   * creates (and the vendor's chart's Ingress names). @default none: the class without params
   */
  readonly albClassParams?: pulumi.Input<Record<string, unknown>>;
}

/** The defaults of PlatformArgs' optional settings. */
export const PLATFORM_DEFAULTS = {
  labels: {} as Readonly<Record<string, string>>,
};

export type ResolvedPlatformArgs = Omit<PlatformArgs, keyof typeof PLATFORM_DEFAULTS> & typeof PLATFORM_DEFAULTS;

/** Resolves every default of PlatformArgs once. Pure. */
export function withDefaults(args: PlatformArgs): ResolvedPlatformArgs {
  return {
    ...args,
    labels: args.labels ?? PLATFORM_DEFAULTS.labels,
  };
}
