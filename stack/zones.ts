/**
 * Which Availability Zones the deployment uses, decided before anything is declared: zones where
 * EKS can place the control plane and where every node group's instance types are offered. The
 * primary AZ (the first) holds the EBS volumes and can never move, so this is decided once, here,
 * from the account's answers (stack/preflight.ts makes the lookups). Plain data in, problems out;
 * no Pulumi import.
 *
 * The rule, with `network.availabilityZoneIds` empty (a new VPC):
 *   1. a later run keeps the AZs of the last deployment (its `statefulSettings`), so that a new
 *      zone or a new instance type offering in the region never moves a subnet; a deployment made
 *      before `statefulSettings` recorded the AZs kept the region's first AZs by name, so those are
 *      kept when the first is its recorded primary AZ;
 *   2. a first deployment takes the region's AZs sorted by name, leaving out the AZ ids where EKS
 *      cannot place a control plane (EKS_UNSUPPORTED_ZONE_IDS): the first that offers the
 *      instance types of every node group is the primary AZ, then, in name order, the other ones
 *      (before or after it) that offer the types of the groups placed in every AZ (`placement: all`).
 * With `availabilityZoneIds` given, those zones in that order; with an existing VPC, the zones of
 * its private subnets. Either way every zone is checked, and a zone that does not fit is refused
 * with the config key named.
 */
import type { NodeGroupSettings } from "../components/cluster/args";
import type { FoundSubnet, Zone } from "../components/network/plan";

/**
 * The AZ ids where EKS refuses a cluster's control plane subnets (UnsupportedAvailabilityZoneException),
 * per region. Source (read 2026-12-05): Amazon EKS User Guide, "View Amazon EKS networking
 * requirements for VPC and subnets", "Subnet requirements for clusters"
 * (https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html; awsdocs/amazon-eks-user-guide
 * latest/ug/networking/network-reqs.adoc, commit 101184e): "The subnets can't reside in the following
 * Availability Zones". Check it again when EKS changes the list.
 */
export const EKS_UNSUPPORTED_ZONE_IDS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["use1-az3"],
  "us-west-1": ["usw1-az2"],
  "ca-central-1": ["cac1-az3"],
};

/** What `aws.getAvailabilityZones` answers, reduced to what the choice needs. */
export interface RegionZones {
  readonly names: readonly string[];
  readonly zoneIds: readonly string[];
}

/** The instance types each AZ id offers (ec2:DescribeInstanceTypeOfferings by `availability-zone-id`). */
export type Offerings = Readonly<Record<string, readonly string[]>>;

/** The zones chosen, in subnet order (the first is the primary AZ), or the problems that prevent a choice. */
export interface ZoneChoice {
  readonly zones: Zone[];
  readonly problems: string[];
}

const K = "datafold-aws:";

/** Whether EKS can place a control plane subnet in the zone. */
export function eksSupportsZone(region: string, zoneId: string): boolean {
  return !(EKS_UNSUPPORTED_ZONE_IDS[region] ?? []).includes(zoneId);
}

/** The node groups (with their index in `cluster.nodeGroups`) that run in the zone at `position`. */
function groupsAt(nodeGroups: readonly NodeGroupSettings[], position: number): [NodeGroupSettings, number][] {
  return nodeGroups
    .map((g, i): [NodeGroupSettings, number] => [g, i])
    .filter(([g]) => position === 0 || g.placement === "all");
}

/** The instance types of the groups running at `position` that the zone does not offer. */
function missingTypes(
  nodeGroups: readonly NodeGroupSettings[],
  position: number,
  zoneId: string,
  offerings: Offerings,
): { group: number; type: string }[] {
  const offered = offerings[zoneId] ?? [];
  return groupsAt(nodeGroups, position).flatMap(([g, i]) =>
    g.instanceTypes.filter((t) => !offered.includes(t)).map((type) => ({ group: i, type })),
  );
}

const label = (z: Zone) => `${z.id} (${z.name})`;

/**
 * Problems with using `zones` in this order: a zone EKS does not support (named by `keyOf(i)`), an
 * instance type a group's zone does not offer (named by the group's `instanceTypes` key).
 * `instead` names what else the user can choose ("other AZ ids in ...", "subnets in other AZs ..."),
 * or says why there is nothing else to choose (the kept AZs of the last deployment).
 */
export function zoneProblems(
  region: string,
  zones: readonly Zone[],
  nodeGroups: readonly NodeGroupSettings[],
  offerings: Offerings,
  keyOf: (position: number) => string,
  instead: string,
): string[] {
  const problems: string[] = [];
  zones.forEach((z, i) => {
    if (!eksSupportsZone(region, z.id)) {
      problems.push(
        `${K}${keyOf(i)}: ${label(z)} is an AZ where EKS cannot place the cluster's control plane (EKS User Guide, "Subnet requirements for clusters": CreateCluster fails with UnsupportedAvailabilityZoneException); ${instead.startsWith("(") ? instead : `choose ${instead}`}`,
      );
    }
  });
  nodeGroups.forEach((g, gi) => {
    const lacking = zones
      .map((z, i) => ({ z, missing: missingTypes(nodeGroups, i, z.id, offerings).filter((m) => m.group === gi) }))
      .filter((x) => x.missing.length > 0);
    for (const { z, missing } of lacking) {
      problems.push(
        `${K}cluster.nodeGroups[${gi}].instanceTypes: ${missing.map((m) => m.type).join(", ")} ${missing.length === 1 ? "is" : "are"} not offered in ${label(z)}, where the group "${g.name}" runs (ec2:DescribeInstanceTypeOfferings); choose instance types offered in every AZ of the group${instead.startsWith("(") ? ` ${instead}` : `, or ${instead}`}`,
      );
    }
  });
  return problems;
}

/** The region's zones, name and id paired. */
function pair(region: RegionZones): Zone[] {
  return region.names.map((name, i) => ({ name, id: region.zoneIds[i] }));
}

/**
 * The zones of a new VPC: `requestedIds` (config `network.availabilityZoneIds`) in that order;
 * else the last deployment's (`previous`: its AZ ids when it had `count` of them, or, recorded
 * before the ids were, the first `count` AZs by name when the first is its primary AZ); else the
 * rule of a first deployment (the file's comment). Every zone is checked; problems name the config keys.
 */
export function chooseZones(input: {
  readonly region: string;
  readonly regionZones: RegionZones;
  readonly requestedIds: readonly string[];
  readonly previous?: { readonly ids?: readonly string[]; readonly primaryId?: string };
  readonly count: number;
  readonly nodeGroups: readonly NodeGroupSettings[];
  readonly offerings: Offerings;
}): ZoneChoice {
  const { region, requestedIds, count, nodeGroups, offerings } = input;
  const all = pair(input.regionZones);
  const others = (exclude: readonly string[]) =>
    all
      .filter((z) => !exclude.includes(z.id) && eksSupportsZone(region, z.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(label)
      .join(", ");

  const byName = [...all].sort((a, b) => a.name.localeCompare(b.name));
  const previous = input.previous ?? {};
  const legacy =
    previous.ids === undefined && byName.length >= count && byName[0].id === previous.primaryId
      ? byName.slice(0, count).map((z) => z.id)
      : undefined;
  const keptIds = previous.ids?.length === count ? previous.ids : legacy;
  const fixed = requestedIds.length > 0 ? requestedIds : (keptIds ?? []);
  if (fixed.length > 0) {
    const key = "network.availabilityZoneIds";
    const kept = requestedIds.length === 0;
    const source = kept ? " (empty: the last deployment's AZs are kept)" : "";
    const missing = fixed.filter((id) => !all.some((z) => z.id === id));
    if (missing.length > 0) {
      return {
        zones: [],
        problems: [
          `${K}${key}${source}: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in this region; its zones are ${all.map(label).join(", ")}`,
        ],
      };
    }
    const zones = fixed.map((id) => all.find((z) => z.id === id) as Zone);
    const problems = zoneProblems(
      region,
      zones,
      nodeGroups,
      offerings,
      (i) => `${key}[${i}]${source}`,
      kept
        ? "(these are the last deployment's AZs, kept while network.availabilityZoneIds is empty: the cluster cannot move to others)"
        : `other AZ ids in network.availabilityZoneIds (this region's others: ${others(fixed)})`,
    );
    return { zones: problems.length > 0 ? [] : zones, problems };
  }

  const candidates = byName;
  if (candidates.length < count) {
    return {
      zones: [],
      problems: [
        `${K}network.privateSubnetCidrs: ${count} subnets need ${count} availability zones; this region offers ${candidates.length} (${candidates.map((z) => z.name).join(", ")})`,
      ],
    };
  }
  const usable = (z: Zone, position: number) =>
    eksSupportsZone(region, z.id) && missingTypes(nodeGroups, position, z.id, offerings).length === 0;
  const primary = candidates.find((z) => usable(z, 0));
  const rest = candidates.filter((z) => z !== primary && usable(z, 1)).slice(0, count - 1);
  if (primary !== undefined && rest.length === count - 1) return { zones: [primary, ...rest], problems: [] };

  const why = candidates
    .map((z) => {
      if (!eksSupportsZone(region, z.id)) return `${label(z)}: EKS cannot place a control plane there`;
      const lacking = missingTypes(nodeGroups, 0, z.id, offerings);
      return lacking.length > 0
        ? `${label(z)}: ${[...new Set(lacking.map((m) => m.type))].join(", ")} not offered`
        : undefined;
    })
    .filter((x): x is string => x !== undefined);
  return {
    zones: [],
    problems: [
      `${K}network.availabilityZoneIds: empty, so this program picks ${count} AZs where EKS can place the control plane and the node groups' instance types are offered, but this region has ${primary === undefined ? 0 : rest.length + 1} (${why.join("; ")}). ` +
        `Choose instance types offered in more AZs (cluster.nodeGroups[].instanceTypes), fewer subnets (network.privateSubnetCidrs), or AZs of your own (network.availabilityZoneIds)`,
    ],
  };
}

/**
 * Problems with the private subnets of an existing VPC beyond their VPC and AZs (components/network
 * existingSubnetProblems): each subnet's AZ must be one where EKS can place the control plane and
 * must offer the instance types of the groups running there.
 */
export function existingZoneProblems(
  region: string,
  privateSubnets: readonly FoundSubnet[],
  nodeGroups: readonly NodeGroupSettings[],
  offerings: Offerings,
): string[] {
  const zones = privateSubnets.map((s): Zone => ({ name: s.availabilityZone, id: s.availabilityZoneId }));
  return zoneProblems(
    region,
    zones,
    nodeGroups,
    offerings,
    (i) => `network.privateSubnetIds[${i}] (${privateSubnets[i].id})`,
    "subnets in other AZs in network.privateSubnetIds",
  );
}
