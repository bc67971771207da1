/**
 * Network planning: which AZs, which NAT gateways, which route goes where. Plain data in, plain
 * data out; no @pulumi/aws import. Counts come from the (validated) config, so the shape of the
 * network is known before any lookup; only AZ names and ids come from the region.
 */
import type { NatGatewayMode } from "./args";

export interface Zone {
  /** AZ name, such as us-east-1a. */
  readonly name: string;
  /** AZ id, such as use1-az4: the same physical zone in every account. */
  readonly id: string;
}

/** What `aws.getAvailabilityZones` answers, reduced to what selection needs. */
export interface RegionZones {
  readonly names: readonly string[];
  readonly zoneIds: readonly string[];
}

/**
 * Picks the AZs for the subnets. With `requestedIds` (config `network.availabilityZoneIds`), those
 * zones in that order; otherwise the region's zones sorted by name, the first `count`. The first is
 * the primary AZ. Throws with the config key named when the region cannot satisfy the request.
 */
export function selectZones(region: RegionZones, requestedIds: readonly string[], count: number): Zone[] {
  const zones = region.names.map((name, i) => ({ name, id: region.zoneIds[i] }));
  if (requestedIds.length > 0) {
    const missing = requestedIds.filter((id) => !zones.some((z) => z.id === id));
    if (missing.length > 0) {
      throw new Error(
        `datafold-aws:network.availabilityZoneIds: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in this region; ` +
          `its zones are ${zones.map((z) => `${z.id} (${z.name})`).join(", ")}`,
      );
    }
    return requestedIds.map((id) => zones.find((z) => z.id === id) as Zone);
  }
  const sorted = [...zones].sort((a, b) => a.name.localeCompare(b.name));
  if (sorted.length < count) {
    throw new Error(
      `datafold-aws:network.privateSubnetCidrs: ${count} subnets need ${count} availability zones; this region offers ${sorted.length} (${sorted.map((z) => z.name).join(", ")})`,
    );
  }
  return sorted.slice(0, count);
}

/** The AZ indexes that get a NAT gateway (in that AZ's public subnet). */
export function natGatewayIndexes(mode: NatGatewayMode, zoneCount: number): number[] {
  switch (mode) {
    case "single":
      return [0];
    case "perAz":
      return Array.from({ length: zoneCount }, (_, i) => i);
    case "none":
      return [];
  }
}

/** For the private route table of AZ `index`, the index of the NAT gateway it routes through, if any. */
export function natForZone(mode: NatGatewayMode, index: number): number | undefined {
  switch (mode) {
    case "single":
      return 0;
    case "perAz":
      return index;
    case "none":
      return undefined;
  }
}

/** Subnet tags the AWS Load Balancer Controller and EKS use to discover subnets. */
export function subnetTags(tier: "private" | "public", clusterName: string): Record<string, string> {
  return {
    [tier === "private" ? "kubernetes.io/role/internal-elb" : "kubernetes.io/role/elb"]: "1",
    [`kubernetes.io/cluster/${clusterName}`]: "shared",
  };
}

/** An existing subnet as looked up, reduced to what validation needs. */
export interface FoundSubnet {
  readonly id: string;
  readonly vpcId: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
}

/**
 * Checks the subnets given for an existing VPC: every one in that VPC, the private ones in
 * distinct AZs (at least two). Returns the problems, each naming the config key.
 */
export function existingSubnetProblems(
  vpcId: string,
  privateSubnets: readonly FoundSubnet[],
  publicSubnets: readonly FoundSubnet[],
): string[] {
  const problems: string[] = [];
  const check = (key: string, subnets: readonly FoundSubnet[]) => {
    for (const s of subnets) {
      if (s.vpcId !== vpcId)
        problems.push(`datafold-aws:network.${key}: ${s.id} is in ${s.vpcId}, not in network.vpcId ${vpcId}`);
    }
    const azs = subnets.map((s) => s.availabilityZone);
    const repeated = [...new Set(azs.filter((az, i) => azs.indexOf(az) !== i))];
    if (repeated.length > 0)
      problems.push(
        `datafold-aws:network.${key}: more than one subnet in ${repeated.join(", ")}; expected one subnet per AZ`,
      );
  };
  check("privateSubnetIds", privateSubnets);
  check("publicSubnetIds", publicSubnets);
  return problems;
}
