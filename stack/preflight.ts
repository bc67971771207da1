/**
 * Checks that need the account's answers (lookups, which also run during `pulumi preview`), made
 * before any resource is declared: a stack that fails them declares nothing (the one read it may
 * make is of its own last deployment). It also decides what the components need from those answers:
 * the AZs, and whether the database applies this run's changes immediately.
 */
import * as aws from "@pulumi/aws";

import type { NodeGroupSettings } from "../components/cluster/args";
import { existingSubnetProblems, type FoundSubnet, type Zone } from "../components/network/plan";
import { callerProblems } from "../config/caller";
import type { Settings } from "../config/settings";
import { ConfigError } from "../config/validator";
import { isRecord } from "../config/values";
import { kubernetesVersionProblems } from "./cluster-version";
import {
  databaseChangeNeedsApplyImmediately,
  statefulChangeError,
  statefulChangeProblems,
  statefulSettings,
  type StatefulSettings,
} from "./guard";
import { lastStatefulSettings } from "./last-deployment";
import { chooseZones, existingZoneProblems, type Offerings, type ZoneChoice } from "./zones";

/** What the checks decided, for the components. */
export interface Preflight {
  /** The AZs of the private subnets, in subnet order; the first is the primary AZ. */
  readonly zones: Zone[];
  /** The settings the guard compared; exported as `statefulSettings` for the next run. */
  readonly statefulSettings: StatefulSettings;
  /** Whether the database applies this run's modifications immediately (stack/guard.ts). */
  readonly databaseApplyImmediately: boolean;
}

/**
 * Throws ConfigError with every problem found, or the guard's error; resolves with what the
 * components need when there is none.
 */
export async function preflight(settings: Settings): Promise<Preflight> {
  const caller = await aws.getCallerIdentity({});
  const problems = callerProblems(settings.cluster, caller.arn);
  const placement = settings.network.vpcId === "" ? await newVpcZones(settings) : await existingVpcZones(settings);
  problems.push(...placement.problems);
  problems.push(
    ...kubernetesVersionProblems(await runningVersion(settings.deploymentName), settings.cluster.kubernetesVersion),
  );
  if (problems.length > 0) throw new ConfigError(problems);

  const previous = await lastStatefulSettings(settings.deploymentName);
  let zones = placement.zones;
  const recorded = recordedZones(previous);
  if (settings.network.vpcId === "" && settings.network.availabilityZoneIds.length === 0 && recorded) {
    // A later run keeps the last deployment's AZs (stack/zones.ts), checked again.
    const kept = await newVpcZones(settings, recorded);
    if (kept.problems.length > 0) throw new ConfigError(kept.problems);
    zones = kept.zones;
  }
  const current = statefulSettings(settings, zones);
  const refused = statefulChangeProblems(previous, current);
  if (refused.length > 0) throw statefulChangeError(refused);
  return {
    zones,
    statefulSettings: current,
    databaseApplyImmediately: databaseChangeNeedsApplyImmediately(previous, current),
  };
}

/** The AZs the last deployment recorded: its AZ ids, or (recorded before them) its primary AZ. */
function recordedZones(previous: unknown): { ids?: string[]; primaryId?: string } | undefined {
  if (!isRecord(previous)) return undefined;
  const ids = previous.availabilityZoneIds;
  if (Array.isArray(ids) && ids.every((x) => typeof x === "string")) return { ids };
  const primary = previous.primaryAvailabilityZoneId;
  return typeof primary === "string" ? { primaryId: primary } : undefined;
}

/** Every instance type of the node groups, once each. */
function instanceTypes(nodeGroups: readonly NodeGroupSettings[]): string[] {
  return [...new Set(nodeGroups.flatMap((g) => g.instanceTypes))].sort();
}

/** Which of `types` each of `zoneIds` offers (ec2:DescribeInstanceTypeOfferings by AZ id). */
async function offerings(zoneIds: readonly string[], types: readonly string[]): Promise<Offerings> {
  const found = await aws.ec2.getInstanceTypeOfferings({
    locationType: "availability-zone-id",
    filters: [
      { name: "instance-type", values: [...types] },
      { name: "location", values: [...zoneIds] },
    ],
  });
  const byZone: Record<string, string[]> = Object.fromEntries(zoneIds.map((id) => [id, []]));
  found.locations.forEach((zoneId, i) => byZone[zoneId]?.push(found.instanceTypes[i]));
  return byZone;
}

/**
 * A new VPC's AZs: the region's zones that need no opt-in (Local and Wavelength Zones do), not
 * filtered on state, so that a briefly impaired zone does not shift the choice.
 */
async function newVpcZones(
  settings: Settings,
  previous?: { readonly ids?: readonly string[]; readonly primaryId?: string },
): Promise<ZoneChoice> {
  const region = await aws.getAvailabilityZones({
    filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }],
  });
  return chooseZones({
    region: settings.region,
    regionZones: region,
    requestedIds: settings.network.availabilityZoneIds,
    ...(previous ? { previous } : {}),
    count: settings.network.privateSubnetCidrs.length,
    nodeGroups: settings.cluster.nodeGroups,
    offerings: await offerings(region.zoneIds, instanceTypes(settings.cluster.nodeGroups)),
  });
}

/**
 * An existing VPC: DNS support and DNS host names on (EKS User Guide, "VPC requirements and
 * considerations": "The VPC must have DNS hostname and DNS resolution support. Otherwise, nodes
 * can't register to your cluster"), the subnets in it and one per AZ, their AZs usable by EKS and
 * offering the node groups' instance types. The AZs are the private subnets'.
 */
async function existingVpcZones(settings: Settings): Promise<ZoneChoice> {
  const n = settings.network;
  const vpc = await aws.ec2.getVpc({ id: n.vpcId });
  const problems: string[] = [];
  const off = [
    ...(vpc.enableDnsSupport ? [] : ["enableDnsSupport (DNS resolution)"]),
    ...(vpc.enableDnsHostnames ? [] : ["enableDnsHostnames (DNS host names)"]),
  ];
  if (off.length > 0) {
    problems.push(
      `datafold-aws:network.vpcId: ${n.vpcId} has ${off.join(" and ")} off; expected a VPC with both on: without them the nodes cannot resolve the cluster's private endpoint and never join (EKS User Guide, "VPC requirements and considerations"). ` +
        `Turn them on (aws ec2 modify-vpc-attribute --vpc-id ${n.vpcId} --enable-dns-support / --enable-dns-hostnames), or choose another VPC.`,
    );
  }
  const find = async (id: string): Promise<FoundSubnet> => {
    const s = await aws.ec2.getSubnet({ id });
    return { id: s.id, vpcId: s.vpcId, availabilityZone: s.availabilityZone, availabilityZoneId: s.availabilityZoneId };
  };
  const privates = await Promise.all(n.privateSubnetIds.map(find));
  const publics = await Promise.all(n.publicSubnetIds.map(find));
  problems.push(...existingSubnetProblems(n.vpcId, privates, publics));
  const zoneIds = [...new Set(privates.map((s) => s.availabilityZoneId))];
  const nodeGroups = settings.cluster.nodeGroups;
  problems.push(
    ...existingZoneProblems(settings.region, privates, nodeGroups, await offerings(zoneIds, instanceTypes(nodeGroups))),
  );
  return { zones: privates.map((s) => ({ name: s.availabilityZone, id: s.availabilityZoneId })), problems };
}

/** The Kubernetes version the stack's cluster runs, if it exists (eks:ListClusters, eks:DescribeCluster). */
async function runningVersion(clusterName: string): Promise<string | undefined> {
  const clusters = await aws.eks.getClusters({});
  if (!clusters.names.includes(clusterName)) return undefined;
  return (await aws.eks.getCluster({ name: clusterName })).version;
}
