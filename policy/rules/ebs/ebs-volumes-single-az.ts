import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

import { EBS_VOLUME, EKS_NODE_GROUP, SUBNET, isOneOf } from "../../lib/types";
import { asList, eachKnown, isRecord, propsOf, strings } from "../../lib/values";

/** The groups that run ClickHouse and Redis: those tainted clickhouse=..., or every group when none is. */
function dataGroups(groups: PolicyResource[]): PolicyResource[] {
  const tainted = groups.filter((g) => asList(propsOf(g).taints).some((t) => isRecord(t) && t.key === "clickhouse"));
  return tainted.length > 0 ? tainted : groups;
}

/**
 * ClickHouse and Redis can only run where their volumes are: every EBS volume of the deployment in
 * one AZ, and each node group that can run them with a subnet in that AZ. A group's subnets are
 * found by id among the stack's subnets; subnets of an existing VPC are not in the stack, and then
 * this cannot be told here.
 */
export const ebsVolumesSingleAz: StackValidationPolicy = {
  name: "ebs-volumes-single-az",
  description: "All EBS volumes are in one AZ, and the node groups that run ClickHouse and Redis have a subnet there.",
  validateStack: (args, report) => {
    const volumes = args.resources.filter((r) => isOneOf(r.type, EBS_VOLUME));
    if (volumes.length === 0) return;
    const zones = volumes.map((v) => String(propsOf(v).availabilityZone));
    const distinct = [...new Set(zones)];
    if (distinct.length > 1) {
      report(
        `EBS volumes must all be in one AZ; they are spread over ${distinct.join(", ")} (${volumes.map((v, i) => `${v.name}: ${zones[i]}`).join(", ")}).`,
      );
      return;
    }
    const zone = distinct[0];
    const subnetZones = new Map<string, string>();
    eachKnown(
      args.resources.filter((r) => isOneOf(r.type, SUBNET)),
      (s) => {
        const { id, availabilityZone } = propsOf(s);
        if (typeof id === "string" && typeof availabilityZone === "string") subnetZones.set(id, availabilityZone);
      },
    );
    eachKnown(dataGroups(args.resources.filter((r) => isOneOf(r.type, EKS_NODE_GROUP))), (group) => {
      const ids = strings(propsOf(group).subnetIds);
      const groupZones = ids.map((id) => subnetZones.get(id));
      if (ids.length === 0 || groupZones.some((z) => z === undefined)) return;
      if (!groupZones.includes(zone)) {
        report(
          `node group ${group.name} runs ClickHouse/Redis and must have a subnet in ${zone}, where their volumes are; its subnets are in ${[...new Set(groupZones)].join(", ")}.`,
          group.urn,
        );
      }
    });
  },
};
