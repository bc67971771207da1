/**
 * Checks that need the account's answers (lookups, which also run during `pulumi preview`), made
 * before any resource is declared: a stack that fails them declares nothing (the one read it may
 * make is of its own last deployment). It also decides what the components need from those answers:
 * the AZs, and whether the database applies this run's changes immediately.
 */
import * as net from "net";

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import type { NodeGroupSettings } from "../components/cluster/args";
import { existingSubnetProblems, type FoundSubnet, type Zone } from "../components/network/plan";
import { callerChecks, principalArn } from "../config/caller";
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
import { clusterApiReachability, type ExistingCluster, type ProbeResult } from "./reachability";
import { chooseZones, existingZoneProblems, type Offerings, type ZoneChoice } from "./zones";

/** Tells whether this machine reaches an endpoint (`https://host[:port]`). */
export type Probe = (endpoint: string) => Promise<ProbeResult>;

/** How long the probe waits for a TCP connection: far above any cross-region round trip. */
export const PROBE_TIMEOUT_MS = 10_000;

/**
 * A TCP connection to the endpoint's host and port (443 unless the URL says otherwise), closed at
 * once: the question is whether packets get through, which is what a private-only endpoint or a
 * `publicAccessCidrs` list decides. A private-only endpoint's name resolves, from anywhere, to
 * addresses inside the VPC (EKS User Guide, "Cluster API server endpoint", "Accessing a private only
 * API server"), so from outside the connection times out or finds no route.
 */
export const tcpProbe: Probe = (endpoint) => {
  const url = new URL(endpoint);
  const port = url.port === "" ? 443 : Number(url.port);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port });
    const done = (result: ProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () =>
      done({
        reachable: false,
        reason: `no connection to ${url.hostname}:${port} within ${PROBE_TIMEOUT_MS / 1000} s`,
      }),
    );
    socket.once("connect", () => done({ reachable: true }));
    socket.once("error", (err: NodeJS.ErrnoException) =>
      done({ reachable: false, reason: `${url.hostname}:${port}: ${err.code ?? err.message}` }),
    );
  });
};

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
 *
 * The last deployment (a read of the stack itself) is read before the checks when the cluster
 * exists: the checks of a deployed stack depend on what it recorded (who created the cluster,
 * whether the platform was on). Before the first deployment it is read once the checks pass.
 */
export async function preflight(settings: Settings, probe: Probe = tcpProbe): Promise<Preflight> {
  const dryRun = pulumi.runtime.isDryRun();
  const caller = await aws.getCallerIdentity({});
  const running = await runningCluster(settings.deploymentName);
  // A deployed stack's last settings are read first (its AZs are kept); a new stack's only once
  // the checks passed, so that a refused first run registers nothing.
  let previous = running ? await lastStatefulSettings(settings.deploymentName) : undefined;
  const keepsZones = settings.network.vpcId === "" && settings.network.availabilityZoneIds.length === 0;
  const placement =
    settings.network.vpcId === ""
      ? await newVpcZones(settings, keepsZones ? recordedZones(previous) : undefined)
      : await existingVpcZones(settings);
  const recordedCreator =
    isRecord(previous) && typeof previous.clusterCreator === "string" ? previous.clusterCreator : "";
  const lastPlatformEnabled =
    isRecord(previous) && typeof previous.platformEnabled === "boolean" ? previous.platformEnabled : undefined;

  const access = callerChecks(settings.cluster, caller.arn, {
    clusterExists: running !== undefined,
    dryRun,
    clusterCreator: recordedCreator,
  });
  const problems = [...access.problems, ...placement.problems];
  problems.push(...kubernetesVersionProblems(running?.version, settings.cluster.kubernetesVersion));

  // The cluster API: needed when something inside the cluster is declared, or is to be deleted
  // (the last deployment had the platform on and this one turns it off).
  const reach =
    settings.platform.enabled || (running !== undefined && lastPlatformEnabled === true)
      ? clusterApiReachability({
          platformEnabled: settings.platform.enabled,
          ...(lastPlatformEnabled === undefined ? {} : { lastPlatformEnabled }),
          dryRun,
          newVpc: settings.network.vpcId === "",
          endpointPublicAccess: settings.cluster.endpointPublicAccess,
          publicAccessCidrs: settings.cluster.publicAccessCidrs,
          cluster: running ? await reachable(running, settings.region, probe) : undefined,
        })
      : { problems: [], warnings: [] };
  problems.push(...reach.problems);
  for (const warning of [...access.warnings, ...reach.warnings]) await pulumi.log.warn(warning);
  if (problems.length > 0) throw new ConfigError(problems);

  let zones = placement.zones;
  if (!running) {
    previous = await lastStatefulSettings(settings.deploymentName);
    const recorded = recordedZones(previous);
    if (keepsZones && recorded) {
      // A deployment whose cluster is gone (or never came up) still keeps its recorded AZs (stack/zones.ts).
      const kept = await newVpcZones(settings, recorded);
      if (kept.problems.length > 0) throw new ConfigError(kept.problems);
      zones = kept.zones;
    }
  }
  // The run that finds no cluster creates it as the caller; later runs keep what that one recorded.
  const current = statefulSettings(settings, zones, running ? recordedCreator : principalArn(caller.arn));
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

/**
 * The stack's cluster as EKS describes it now (eks:ListClusters, eks:DescribeCluster); undefined
 * when the account has no such cluster (a first deployment).
 */
async function runningCluster(clusterName: string): Promise<aws.eks.GetClusterResult | undefined> {
  const clusters = await aws.eks.getClusters({});
  if (!clusters.names.includes(clusterName)) return undefined;
  return aws.eks.getCluster({ name: clusterName });
}

/**
 * The running cluster's endpoint with the probe's answer. The endpoint as it is now: a run that
 * changes endpoint access is judged by the current one, as the preview's Kubernetes provider is.
 */
async function reachable(cluster: aws.eks.GetClusterResult, region: string, probe: Probe): Promise<ExistingCluster> {
  return {
    name: cluster.name,
    region,
    endpoint: cluster.endpoint,
    endpointPublicAccess: cluster.vpcConfig.endpointPublicAccess,
    publicAccessCidrs: cluster.vpcConfig.publicAccessCidrs,
    probe: await probe(cluster.endpoint),
  };
}
