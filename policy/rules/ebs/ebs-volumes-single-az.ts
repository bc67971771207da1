import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

import { EBS_VOLUME, EKS_NODE_GROUP, SUBNET, isOneOf } from "../../lib/types";
import {
  asList,
  checkEach,
  dependenciesOf,
  isKnown,
  isRecord,
  notKnown,
  type Pending,
  peek,
  propsOf,
  strings,
  undecided,
} from "../../lib/values";

/** An AZ as a resource tells it: by name (us-east-1a), by id (use1-az4), or both. */
interface Zone {
  readonly name?: string;
  readonly id?: string;
}

/** A known string at a property, else undefined. Never throws. */
function knownString(resource: PolicyResource, key: string): string | undefined {
  const value = peek(resource.props, key);
  return isKnown(resource.props, key) && typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * AZ names and ids that belong together, from every resource that reports both: a subnet
 * (`availabilityZone` beside `availabilityZoneId`), or a component reporting `<x>AvailabilityZone`
 * beside `<x>AvailabilityZoneId`. AZ names map to ids differently in each account, so nothing else
 * can pair them (AWS RAM, "Availability Zone IDs for your AWS resources").
 */
function zonePairs(resources: readonly PolicyResource[]): Map<string, string> {
  const idByName = new Map<string, string>();
  for (const r of resources) {
    for (const key of Object.keys(peek(r.props) as Record<string, unknown>)) {
      if (key !== "availabilityZone" && !key.endsWith("AvailabilityZone")) continue;
      const name = knownString(r, key);
      const id = knownString(r, `${key}Id`);
      if (name !== undefined && id !== undefined) idByName.set(name, id);
    }
  }
  return idByName;
}

/** Whether two zones are the same: true, false, or undefined when nothing in the stack tells. */
function sameZone(a: Zone, b: Zone, idByName: ReadonlyMap<string, string>): boolean | undefined {
  if (a.name !== undefined && b.name !== undefined) return a.name === b.name;
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  const idOf = (z: Zone) => z.id ?? (z.name !== undefined ? idByName.get(z.name) : undefined);
  const [x, y] = [idOf(a), idOf(b)];
  return x !== undefined && y !== undefined ? x === y : undefined;
}

function describe(zone: Zone): string {
  return zone.name !== undefined && zone.id !== undefined ? `${zone.name} (${zone.id})` : (zone.name ?? zone.id ?? "?");
}

/** The groups that run ClickHouse and Redis: those tainted clickhouse=..., or every group when none is. */
function dataGroups(groups: PolicyResource[]): { groups: PolicyResource[]; pending: Pending[] } {
  const tainted: PolicyResource[] = [];
  const pending = checkEach(groups, (g) => {
    if (asList(propsOf(g).taints).some((t) => isRecord(t) && t.key === "clickhouse")) tainted.push(g);
  });
  return { groups: tainted.length > 0 ? tainted : groups, pending };
}

/**
 * ClickHouse and Redis can only run where their volumes are: every EBS volume of the deployment in
 * one AZ, and each node group that can run them with a subnet in that AZ. A group's subnets are the
 * subnets its `subnetIds` depend on (their AZ is an input, known during a preview), else the subnets
 * of the stack whose ids it lists (resources that exist). Violations name the volume outside the AZ
 * most volumes share, or the group with no subnet in it.
 */
export const ebsVolumesSingleAz: StackValidationPolicy = {
  name: "ebs-volumes-single-az",
  description: "All EBS volumes are in one AZ, and the node groups that run ClickHouse and Redis have a subnet there.",
  validateStack: (args, report) => {
    const volumes: { volume: PolicyResource; zone: string }[] = [];
    const pending = checkEach(
      args.resources.filter((r) => isOneOf(r.type, EBS_VOLUME)),
      (v) => {
        const zone = propsOf(v).availabilityZone;
        if (typeof zone === "string") volumes.push({ volume: v, zone });
      },
    );
    if (volumes.length > 0) {
      const counts = new Map<string, number>();
      for (const { zone } of volumes) counts.set(zone, (counts.get(zone) ?? 0) + 1);
      // The AZ most volumes share (the first volume's on a tie): the others moved away from it.
      const zone = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
      for (const { volume, zone: other } of volumes.filter((v) => v.zone !== zone)) {
        report(
          `EBS volume ${volume.name} is in ${other}; the deployment's EBS volumes must all be in one AZ, ${zone}, where ${counts.get(zone)} of ${volumes.length} are.`,
          volume.urn,
        );
      }

      const idByName = zonePairs(args.resources);
      const subnets = args.resources.filter((r) => isOneOf(r.type, SUBNET));
      const subnetZone = (s: PolicyResource): Zone => ({
        name: knownString(s, "availabilityZone"),
        id: knownString(s, "availabilityZoneId"),
      });
      const target: Zone = { name: zone };
      const { groups, pending: taints } = dataGroups(args.resources.filter((r) => isOneOf(r.type, EKS_NODE_GROUP)));
      pending.push(...taints);
      for (const group of groups) {
        let zones: Zone[];
        const feeding = dependenciesOf(group, "subnetIds", SUBNET);
        if (feeding.length > 0) {
          zones = feeding.map(subnetZone);
        } else if (!isKnown(group.props, "subnetIds")) {
          pending.push(notKnown(group.name, "subnetIds"));
          continue;
        } else {
          const ids = strings(peek(group.props, "subnetIds"));
          const found = ids.map((id) => subnets.find((s) => knownString(s, "id") === id));
          if (ids.length === 0) continue;
          if (found.some((s) => s === undefined)) {
            pending.push({ name: group.name, what: "its subnets are not resources of this stack" });
            continue;
          }
          zones = (found as PolicyResource[]).map(subnetZone);
        }
        const verdicts = zones.map((z) => sameZone(z, target, idByName));
        if (verdicts.includes(true)) continue;
        if (verdicts.every((v) => v === false)) {
          report(
            `node group ${group.name} runs ClickHouse/Redis and must have a subnet in ${zone}, where their volumes are; its subnets are in ${[...new Set(zones.map(describe))].join(", ")}.`,
            group.urn,
          );
        } else {
          pending.push({
            name: group.name,
            what: `no resource of the stack pairs the AZ of its subnets (${zones.map(describe).join(", ")}) with ${zone}`,
          });
        }
      }
    }
    undecided(args, pending);
  },
};
