/** Node group planning: AMI type, taint format, subnets, tags. Plain data; no Pulumi import. */
import type { NodeGroupSettings, Placement, TaintEffect } from "./args";

/** Graviton (ARM) families have a "g" right after the generation digits: r7g, m7gd, c6gn, t4g, x2gd, g5g. */
export function isArmInstanceType(instanceType: string): boolean {
  return /^[a-z]+\d+g/.test(instanceType.split(".")[0]);
}

/** The EKS-optimized AL2023 AMI type for a group's instance types (which must share an architecture). */
export function amiType(instanceTypes: readonly string[]): "AL2023_ARM_64_STANDARD" | "AL2023_x86_64_STANDARD" {
  return instanceTypes.every(isArmInstanceType) ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
}

/** The EKS API's spelling of a Kubernetes taint effect. */
export function eksTaintEffect(effect: TaintEffect): "NO_SCHEDULE" | "PREFER_NO_SCHEDULE" | "NO_EXECUTE" {
  return ({ NoSchedule: "NO_SCHEDULE", PreferNoSchedule: "PREFER_NO_SCHEDULE", NoExecute: "NO_EXECUTE" } as const)[
    effect
  ];
}

/** The private subnets a group runs in: all of them, or the primary AZ's (the first) only. */
export function subnetsForPlacement<T>(placement: Placement, privateSubnetIds: readonly T[]): T[] {
  return placement === "primary" ? privateSubnetIds.slice(0, 1) : [...privateSubnetIds];
}

/** Tags the cluster autoscaler uses for auto-discovery of a cluster's groups. */
export function autoscalerTags(clusterName: string): Record<string, string> {
  return { "k8s.io/cluster-autoscaler/enabled": "true", [`k8s.io/cluster-autoscaler/${clusterName}`]: "owned" };
}

/**
 * The group ClickHouse and Redis run on: the one tainted clickhouse=..., else the first group
 * placed in the primary AZ. Undefined when there is none (then they run wherever they fit).
 */
export function dataNodeGroup(groups: readonly NodeGroupSettings[]): NodeGroupSettings | undefined {
  return (
    groups.find((g) => g.taints.some((t) => t.key === "clickhouse")) ?? groups.find((g) => g.placement === "primary")
  );
}
