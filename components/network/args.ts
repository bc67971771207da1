/** The Network component's arguments, their defaults, and the one place the defaults are resolved. */

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
  /** AZ ids to use in order (the first is the primary AZ); empty: the region's AZs sorted by name. @default [] */
  readonly availabilityZoneIds?: readonly string[];
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

/** What the stack's config decides about the network: every optional setting but `tags`, resolved. */
export type NetworkSettings = Required<Omit<NetworkArgs, "clusterName" | "tags">>;

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

export type ResolvedNetworkArgs = NetworkSettings & {
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
    availabilityZoneIds: args.availabilityZoneIds ?? d.availabilityZoneIds,
    natGateway: args.natGateway ?? d.natGateway,
    flowLogs: args.flowLogs ?? d.flowLogs,
    flowLogsRetentionDays: args.flowLogsRetentionDays ?? d.flowLogsRetentionDays,
    clusterName: args.clusterName,
    tags: args.tags ?? {},
  };
}
