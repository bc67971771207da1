/**
 * The AWS account the offline plan and the tests pretend to run against: a region with its AZs,
 * an account id, and any existing VPC and subnets the stack refers to. Plain data; deterministic.
 */

export interface WorldSubnet {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
}

export interface World {
  readonly region: string;
  readonly accountId: string;
  /** AZ names and ids of the region, in the order AWS lists them. */
  readonly zones: readonly { readonly name: string; readonly id: string }[];
  readonly vpcs: Readonly<Record<string, { readonly cidrBlock: string }>>;
  readonly subnets: Readonly<Record<string, WorldSubnet>>;
  /** The stack's outputs from its last deployment, as a self-reference reads them; none for a new stack. */
  readonly previousOutputs?: Readonly<Record<string, unknown>>;
}

const DIRECTIONS: Record<string, string> = {
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/** The AZ id prefix AWS uses for a region: us-east-1 -> use1, ap-southeast-2 -> apse2. */
export function zoneIdPrefix(region: string): string {
  const parts = region.split("-");
  const number = parts[parts.length - 1];
  const area = parts[0];
  const direction = parts[parts.length - 2];
  return `${area}${DIRECTIONS[direction] ?? direction.charAt(0)}${number}`;
}

/**
 * The region's zones as a mock: names a, b, c, ... with ids deliberately not in name order
 * (in real accounts the name-to-id mapping is shuffled per account).
 */
export function regionZones(region: string, count = 3): { name: string; id: string }[] {
  const prefix = zoneIdPrefix(region);
  return Array.from({ length: count }, (_, i) => ({
    name: `${region}${String.fromCharCode(97 + i)}`,
    id: `${prefix}-az${((i + 1) % count) + 1}`,
  }));
}

export const MOCK_ACCOUNT_ID = "123456789012";

/** A world for a region, with no existing network. */
export function makeWorld(
  region: string,
  extra: Partial<Pick<World, "vpcs" | "subnets" | "zones" | "previousOutputs">> = {},
): World {
  return {
    region,
    accountId: MOCK_ACCOUNT_ID,
    zones: extra.zones ?? regionZones(region),
    vpcs: extra.vpcs ?? {},
    subnets: extra.subnets ?? {},
    ...(extra.previousOutputs ? { previousOutputs: extra.previousOutputs } : {}),
  };
}

/**
 * A world that holds the existing VPC a stack names: the VPC as 10.20.0.0/16, and its private
 * and public subnets, the i-th of each in the region's i-th zone.
 */
export function worldForExistingNetwork(
  region: string,
  vpcId: string,
  privateSubnetIds: readonly string[],
  publicSubnetIds: readonly string[],
): World {
  const zones = regionZones(region, Math.max(3, privateSubnetIds.length, publicSubnetIds.length));
  const subnets: Record<string, WorldSubnet> = {};
  const add = (ids: readonly string[], base: number) =>
    ids.forEach((id, i) => {
      subnets[id] = {
        vpcId,
        cidrBlock: `10.20.${base + i}.0/24`,
        availabilityZone: zones[i].name,
        availabilityZoneId: zones[i].id,
      };
    });
  add(privateSubnetIds, 0);
  add(publicSubnetIds, 100);
  return makeWorld(region, { zones, vpcs: { [vpcId]: { cidrBlock: "10.20.0.0/16" } }, subnets });
}
