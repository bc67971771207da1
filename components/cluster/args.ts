/** The Cluster component's arguments, their defaults, and the one place the defaults are resolved. */
import type * as pulumi from "@pulumi/pulumi";

/** Where a node group's nodes run: every private subnet, or the primary AZ's only. */
export type Placement = "all" | "primary";
/** A Kubernetes taint effect, as Kubernetes spells it. */
export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";
/** EKS support policy: STANDARD (AWS upgrades the control plane at its end) or EXTENDED (kept, at extra cost). */
export type SupportType = "STANDARD" | "EXTENDED";

export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: TaintEffect;
}

/** One managed node group. */
export interface NodeGroupArgs {
  /** The group's short name: part of its logical name and the EKS node group's name. */
  readonly name: string;
  /** EC2 instance types, all of one architecture. */
  readonly instanceTypes: readonly string[];
  /** Fewest nodes. @default 1 */
  readonly minSize?: number;
  /** Most nodes. @default 1 */
  readonly maxSize?: number;
  /** Nodes at creation; the cluster autoscaler owns it afterwards. @default minSize */
  readonly desiredSize?: number;
  /** Root volume size in GiB (gp3, encrypted). @default 80 */
  readonly diskSizeGb?: number;
  /** All private subnets, or the primary AZ's only. @default "all" */
  readonly placement?: Placement;
  /** Kubernetes labels on every node. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** Kubernetes taints on every node. @default [] */
  readonly taints?: readonly Taint[];
}

export type NodeGroupSettings = Required<NodeGroupArgs>;

/** Defaults of a node group's optional settings (`desiredSize` defaults to the group's `minSize`). */
export const NODE_GROUP_DEFAULTS = {
  minSize: 1,
  maxSize: 1,
  diskSizeGb: 80,
  placement: "all" as Placement,
  labels: {} as Readonly<Record<string, string>>,
  taints: [] as readonly Taint[],
};

/** Resolves a node group's defaults. Pure. */
export function nodeGroupWithDefaults(group: NodeGroupArgs): NodeGroupSettings {
  const d = NODE_GROUP_DEFAULTS;
  const minSize = group.minSize ?? d.minSize;
  return {
    name: group.name,
    instanceTypes: group.instanceTypes,
    minSize,
    maxSize: group.maxSize ?? d.maxSize,
    desiredSize: group.desiredSize ?? minSize,
    diskSizeGb: group.diskSizeGb ?? d.diskSizeGb,
    placement: group.placement ?? d.placement,
    labels: group.labels ?? d.labels,
    taints: group.taints ?? d.taints,
  };
}

/**
 * The identity the AWS provider deploys with, when it is not the ambient one: the kubeconfig the
 * in-cluster installs use must run `aws eks get-token` as the same identity (EKS gives the cluster's
 * creator its admin access entry). Passed to @pulumi/eks as `providerCredentialOpts`.
 */
export interface ProviderCredentials {
  /** The AWS CLI profile (`aws:profile`). */
  readonly profileName?: string;
  /** The role the provider assumes (`aws:assumeRoles[0].roleArn`). */
  readonly roleArn?: string;
}

/** The EKS managed add-ons the cluster runs. */
export const MANAGED_ADDONS = ["vpc-cni", "kube-proxy", "coredns", "aws-ebs-csi-driver"] as const;
export type ManagedAddon = (typeof MANAGED_ADDONS)[number];

export interface ClusterArgs {
  /** The EKS cluster's name: the deployment name. */
  readonly clusterName: string;
  /** The AWS region, for policy ARNs and the controllers. */
  readonly region: string;
  /** The namespace the application is installed into (its IRSA subjects live there). */
  readonly applicationNamespace: string;
  readonly vpcId: pulumi.Input<string>;
  /**
   * Private subnets in AZ order, one input each; the first is the primary AZ's. A node group
   * placed in the primary AZ takes the first only, and depends on that subnet alone.
   */
  readonly privateSubnetIds: readonly pulumi.Input<string>[];
  /** The ClickHouse backup bucket the backup role may use. */
  readonly backupBucketArn: pulumi.Input<string>;
  /** Kubernetes minor version. @default "1.35" */
  readonly kubernetesVersion?: string;
  /** Public API endpoint, restricted to `publicAccessCidrs`. @default true */
  readonly endpointPublicAccess?: boolean;
  /** Who may reach the public endpoint. @default [] */
  readonly publicAccessCidrs?: readonly string[];
  /** IAM principals given cluster-admin through access entries. @default [] */
  readonly adminRoleArns?: readonly string[];
  /** IAM principals given read access (AmazonEKSAdminViewPolicy) through access entries. @default [] */
  readonly viewerRoleArns?: readonly string[];
  /** The Bedrock IRSA role for the application's service accounts. @default false */
  readonly bedrock?: boolean;
  /** Node groups (one to three). @default app (all AZs) and data (primary AZ, tainted for ClickHouse and Redis) */
  readonly nodeGroups?: readonly NodeGroupArgs[];
  /** Pinned managed add-on versions by name; others resolve to the EKS default. @default {} */
  readonly addonVersions?: Readonly<Partial<Record<ManagedAddon, string>>>;
  /** EKS support policy. @default "STANDARD" */
  readonly supportType?: SupportType;
  /** The customer KMS key of volumes and bucket, if any. @default "" */
  readonly storageKmsKeyArn?: string;
  /** The deploying identity, when not the ambient credentials. @default {} */
  readonly providerCredentials?: ProviderCredentials;
  /** Tags for every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What the stack's config decides about the cluster (the contract's `cluster` section), resolved. */
export type ClusterSettings = Required<
  Pick<
    ClusterArgs,
    | "kubernetesVersion"
    | "endpointPublicAccess"
    | "publicAccessCidrs"
    | "adminRoleArns"
    | "viewerRoleArns"
    | "bedrock"
    | "addonVersions"
    | "supportType"
  >
> & { readonly nodeGroups: readonly NodeGroupSettings[] };

/** The defaults of ClusterSettings (../shared/CONFIG.md). */
export const CLUSTER_DEFAULTS: ClusterSettings = {
  kubernetesVersion: "1.35",
  endpointPublicAccess: true,
  publicAccessCidrs: [],
  adminRoleArns: [],
  viewerRoleArns: [],
  bedrock: false,
  nodeGroups: [
    {
      name: "app",
      instanceTypes: ["r7a.2xlarge"],
      minSize: 1,
      maxSize: 2,
      desiredSize: 1,
      diskSizeGb: 80,
      placement: "all",
      labels: {},
      taints: [],
    },
    {
      name: "data",
      instanceTypes: ["r7a.2xlarge"],
      minSize: 1,
      maxSize: 1,
      desiredSize: 1,
      diskSizeGb: 80,
      placement: "primary",
      labels: { "datafold.com/node-pool": "data" },
      taints: [{ key: "clickhouse", value: "reserved", effect: "NoSchedule" }],
    },
  ],
  addonVersions: {},
  supportType: "STANDARD",
};

export type ResolvedClusterArgs = Omit<
  ClusterArgs,
  keyof ClusterSettings | "storageKmsKeyArn" | "tags" | "providerCredentials"
> &
  ClusterSettings & {
    readonly storageKmsKeyArn: string;
    readonly providerCredentials: ProviderCredentials;
    readonly tags: Readonly<Record<string, string>>;
  };

/** Resolves every default of ClusterArgs once. Pure. */
export function withDefaults(args: ClusterArgs): ResolvedClusterArgs {
  const d = CLUSTER_DEFAULTS;
  return {
    ...args,
    kubernetesVersion: args.kubernetesVersion ?? d.kubernetesVersion,
    endpointPublicAccess: args.endpointPublicAccess ?? d.endpointPublicAccess,
    publicAccessCidrs: args.publicAccessCidrs ?? d.publicAccessCidrs,
    adminRoleArns: args.adminRoleArns ?? d.adminRoleArns,
    viewerRoleArns: args.viewerRoleArns ?? d.viewerRoleArns,
    bedrock: args.bedrock ?? d.bedrock,
    nodeGroups: (args.nodeGroups ?? d.nodeGroups).map(nodeGroupWithDefaults),
    addonVersions: args.addonVersions ?? d.addonVersions,
    supportType: args.supportType ?? d.supportType,
    storageKmsKeyArn: args.storageKmsKeyArn ?? "",
    providerCredentials: args.providerCredentials ?? {},
    tags: args.tags ?? {},
  };
}
