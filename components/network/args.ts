/** The Network component's arguments, their defaults, and the one place the defaults are resolved. */

/** An Availability Zone as the network uses it. */
export interface Zone {
  /** AZ name, such as us-east-1a. */
  readonly name: string;
  /** AZ id, such as use1-az4: the same physical zone in every account. */
  readonly id: string;
}

/** NAT egress: one gateway shared by every AZ, one per AZ, or none. */
export type NatGatewayMode = "single" | "perAz" | "none";

export interface NetworkArgs {
  /** An existing VPC to deploy into; empty creates a new VPC. @default "" */
  readonly vpcId?: string;
  /** With `vpcId`: the private subnets, one per AZ, the first in the primary AZ. @default [] */
  readonly privateSubnetIds?: readonly string[];
  /** With `vpcId`: the public subnets for an internet-facing load balancer. @default [] */
  readonly publicSubnetIds?: readonly string[];
  /** CIDR of a new VPC. @default "10.0.0.0/16" */
  readonly vpcCidr?: string;
  /** One private subnet CIDR per AZ, in AZ order. @default ["10.0.0.0/24", "10.0.1.0/24"] */
  readonly privateSubnetCidrs?: readonly string[];
  /** One public subnet CIDR per AZ, in AZ order; empty for none. @default ["10.0.100.0/24", "10.0.101.0/24"] */
  readonly publicSubnetCidrs?: readonly string[];
  /**
   * A new VPC's AZs, one per private subnet, in subnet order (the first is the primary AZ): chosen
   * before anything is declared (stack/zones.ts), so that the network itself makes no lookup.
   * Required without `vpcId`. @default []
   */
  readonly availabilityZones?: readonly Zone[];
  /** NAT gateways for egress: one shared, one per AZ, or none. @default "single" */
  readonly natGateway?: NatGatewayMode;
  /** Send VPC flow logs to CloudWatch Logs. @default false */
  readonly flowLogs?: boolean;
  /** Retention of the flow log group, in days (a value CloudWatch Logs offers). @default 90 */
  readonly flowLogsRetentionDays?: number;
  /** The EKS cluster's name, for the subnet discovery tags. */
  readonly clusterName: string;
  /** Tags for every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * What the stack's config decides about the network: every optional setting but `tags` and the
 * zones, resolved; the zones are requested as AZ ids (`availabilityZoneIds`, in order; empty: the
 * program chooses, stack/zones.ts).
 */
export type NetworkSettings = Required<Omit<NetworkArgs, "clusterName" | "tags" | "availabilityZones">> & {
  readonly availabilityZoneIds: readonly string[];
};

/** The defaults of NetworkSettings (the contract's `network` section, ../shared/CONFIG.md). */
export const NETWORK_DEFAULTS: NetworkSettings = {
  vpcId: "",
  privateSubnetIds: [],
  publicSubnetIds: [],
  vpcCidr: "10.0.0.0/16",
  privateSubnetCidrs: ["10.0.0.0/24", "10.0.1.0/24"],
  publicSubnetCidrs: ["10.0.100.0/24", "10.0.101.0/24"],
  availabilityZoneIds: [],
  natGateway: "single",
  flowLogs: false,
  flowLogsRetentionDays: 90,
};

export type ResolvedNetworkArgs = Omit<NetworkSettings, "availabilityZoneIds"> & {
  readonly availabilityZones: readonly Zone[];
  readonly clusterName: string;
  readonly tags: Readonly<Record<string, string>>;
};

/** Resolves every default of NetworkArgs once. Pure. */
export function withDefaults(args: NetworkArgs): ResolvedNetworkArgs {
  const d = NETWORK_DEFAULTS;
  return {
    vpcId: args.vpcId ?? d.vpcId,
    privateSubnetIds: args.privateSubnetIds ?? d.privateSubnetIds,
    publicSubnetIds: args.publicSubnetIds ?? d.publicSubnetIds,
    vpcCidr: args.vpcCidr ?? d.vpcCidr,
    privateSubnetCidrs: args.privateSubnetCidrs ?? d.privateSubnetCidrs,
    publicSubnetCidrs: args.publicSubnetCidrs ?? d.publicSubnetCidrs,
    availabilityZones: args.availabilityZones ?? [],
    natGateway: args.natGateway ?? d.natGateway,
    flowLogs: args.flowLogs ?? d.flowLogs,
    flowLogsRetentionDays: args.flowLogsRetentionDays ?? d.flowLogsRetentionDays,
    clusterName: args.clusterName,
    tags: args.tags ?? {},
  };
}
