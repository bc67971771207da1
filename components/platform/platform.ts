import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

import { type PlatformArgs, withDefaults } from "./args";
import {
  CHARTS,
  type ChartSpec,
  clusterAutoscalerValues,
  loadBalancerControllerValues,
  metricsServerValues,
} from "./charts";

/**
 * What runs inside the cluster before the application: the application's namespace and, each in
 * kube-system on its own service account (IRSA where it calls AWS), the AWS Load Balancer
 * Controller (with the IngressClass `alb` its chart creates, made strict by `albClassParams`),
 * metrics-server and the cluster autoscaler. The application's charts create its
 * PersistentVolumes, StorageClasses, TargetGroupBinding and Ingress; nothing here does.
 */
export class Platform extends pulumi.ComponentResource {
  readonly namespace: pulumi.Output<string>;

  constructor(name: string, rawArgs: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    super("datafold:aws:Platform", name, {}, opts);
    const args = withDefaults(rawArgs);
    const provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: args.kubeconfig, enableServerSideApply: true },
      { parent: this },
    );
    const inCluster = { parent: this, provider };

    // The application lives in this namespace: removing the Platform (platform.enabled: false, the
    // second stage taking over) must not delete it, and with it the application.
    const namespace = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      { metadata: { name: args.namespace, labels: { "app.kubernetes.io/managed-by": "pulumi", ...args.labels } } },
      { ...inCluster, retainOnDelete: true },
    );

    const release = (key: string, spec: ChartSpec, values: pulumi.Input<Record<string, unknown>>) =>
      new k8s.helm.v3.Release(
        `${name}-${spec.chart}`,
        {
          name: spec.chart,
          chart: spec.chart,
          version: spec.version,
          repositoryOpts: { repo: spec.repo },
          namespace: "kube-system",
          values,
          atomic: true,
          cleanupOnFail: true,
          timeout: 600,
          description: `${args.clusterName}: ${key}`,
        },
        inCluster,
      );
    release(
      "AWS Load Balancer Controller",
      CHARTS.loadBalancerController,
      pulumi
        .all([args.vpcId, args.loadBalancerControllerRoleArn, args.albClassParams])
        .apply(([vpcId, role, params]) =>
          loadBalancerControllerValues(args.clusterName, args.region, vpcId, role, params),
        ),
    );
    release("metrics-server", CHARTS.metricsServer, metricsServerValues());
    release(
      "cluster autoscaler",
      CHARTS.clusterAutoscaler,
      pulumi
        .output(args.clusterAutoscalerRoleArn)
        .apply((role) => clusterAutoscalerValues(args.clusterName, args.region, role, args.kubernetesVersion)),
    );

    this.namespace = namespace.metadata.name;
    this.registerOutputs({ namespace: this.namespace });
  }
}
