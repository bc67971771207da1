import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

import { EBS_VOLUME, EKS_NODE_GROUP, SUBNET, isOneOf } from "../../lib/types";
import { asList, hasUnknown, isRecord, propsOf } from "../../lib/values";

/** The AZ name of a subnet of this stack, if known. */
function subnetZone(subnet: PolicyResource): string | undefined {
  const az = propsOf(subnet).availabilityZone;
  return typeof az === "string" && !hasUnknown(az) ? az : undefined;
}

/** The groups that run ClickHouse and Redis: those tainted clickhouse=..., or every group when none is. */
function dataGroups(groups: PolicyResource[]): PolicyResource[] {
  const tainted = groups.filter((g) => asList(propsOf(g).taints).some((t) => isRecord(t) && t.key === "clickhouse"));
  return tainted.length > 0 ? tainted : groups;
}

/**
 * ClickHouse and Redis can only run where their volumes are: every EBS volume of the deployment
 * in one AZ, and each node group that can run them with a subnet in that AZ.
 */
export const ebsVolumesSingleAz: StackValidationPolicy = {
  name: "ebs-volumes-single-az",
  description: "All EBS volumes are in one AZ, and the node groups that run ClickHouse and Redis have a subnet there.",
  validateStack: (args, report) => {
    const volumes = args.resources.filter((r) => isOneOf(r.type, EBS_VOLUME));
    const zones = volumes.map((v) => propsOf(v).availabilityZone);
    if (volumes.length === 0 || zones.some(hasUnknown)) return;
    const distinct = [...new Set(zones.map(String))];
    if (distinct.length > 1) {
      report(
        `EBS volumes must all be in one AZ; they are spread over ${distinct.join(", ")} (${volumes.map((v) => `${v.name}: ${String(propsOf(v).availabilityZone)}`).join(", ")}).`,
      );
      return;
    }
    const zone = distinct[0];
    const subnets = new Map(args.resources.filter((r) => isOneOf(r.type, SUBNET)).map((s) => [s.urn, s]));
    for (const group of dataGroups(args.resources.filter((r) => isOneOf(r.type, EKS_NODE_GROUP)))) {
      // The group's subnets as resources of this stack (found through the property dependency);
      // subnets of an existing VPC are not in the stack: then this cannot be told here.
      const own = (group.propertyDependencies.subnetIds ?? [])
        .map((s) => subnets.get(s.urn))
        .filter((s): s is PolicyResource => s !== undefined);
      const groupZones = own.map(subnetZone);
      if (own.length === 0 || groupZones.some((z) => z === undefined)) continue;
      if (!groupZones.includes(zone)) {
        report(
          `node group ${group.name} runs ClickHouse/Redis and must have a subnet in ${zone}, where their volumes are; its subnets are in ${[...new Set(groupZones)].join(", ")}.`,
          group.urn,
        );
      }
    }
  },
};
