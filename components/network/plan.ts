/**
 * Network planning: which NAT gateways, which route goes where, which subnets an existing VPC
 * offers. Plain data in, plain data out; no @pulumi/aws import. Counts come from the (validated)
 * config and the AZs are chosen before the network is declared (stack/zones.ts), so the shape of
 * the network is known before any resource exists.
 */
import type { NatGatewayMode } from "./args";

export type { Zone } from "./args";

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
