/**
 * Typed stack settings. `loadSettings()` is a thin reader of the Pulumi config; `validateConfig()`
 * is pure: it resolves every default of the contract in ../shared/CONFIG.md and either returns
 * typed settings or throws one ConfigError that lists every problem at once, each naming the full
 * key, the value given and what is allowed. Nothing here declares a resource.
 */
import * as pulumi from "@pulumi/pulumi";

import { isArmInstanceType } from "./components/cluster/nodegroups";
import { Check, type Raw } from "./components/shared/check";
import { cidrContains, cidrsOverlap, parseCidr } from "./components/shared/cidr";

export const PROJECT = "datafold-aws";

export type NatGatewayMode = "single" | "perAz" | "none";
export type Placement = "all" | "primary";
export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";
export type IngressMode = "alb" | "controller";
export type AccessPermissions = "minimal" | "administrator";

export interface NetworkSettings {
  /** Existing VPC id; empty: create a VPC. */
  readonly vpcId: string;
  readonly privateSubnetIds: string[];
  readonly publicSubnetIds: string[];
  readonly vpcCidr: string;
  readonly privateSubnetCidrs: string[];
  readonly publicSubnetCidrs: string[];
  readonly availabilityZoneIds: string[];
  readonly natGateway: NatGatewayMode;
  readonly flowLogs: boolean;
  /** Retention of the VPC flow log group, in days. */
  readonly flowLogsRetentionDays: number;
}

export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: TaintEffect;
}

export interface NodeGroupSettings {
  readonly name: string;
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
  readonly diskSizeGb: number;
  readonly placement: Placement;
  readonly labels: Record<string, string>;
  readonly taints: readonly Taint[];
}

export interface ClusterSettings {
  readonly kubernetesVersion: string;
  readonly endpointPublicAccess: boolean;
  readonly publicAccessCidrs: string[];
  readonly adminRoleArns: string[];
  readonly bedrock: boolean;
  readonly nodeGroups: NodeGroupSettings[];
  /** Managed add-on versions to pin, by add-on name; an add-on not listed gets the EKS default for the Kubernetes version. */
  readonly addonVersions: Record<string, string>;
  /** EKS support policy: STANDARD, or EXTENDED (paid) to stay on a version after standard support ends. */
  readonly supportType: "STANDARD" | "EXTENDED";
}

export interface VolumeSettings {
  readonly sizeGb: number;
  readonly iops: number;
  readonly throughputMibps: number;
}

export interface StorageSettings {
  readonly clickhouseData: VolumeSettings;
  readonly clickhouseLogs: VolumeSettings;
  readonly redisData: VolumeSettings;
  readonly backupBucketExpirationDays: number;
  /** Customer KMS key for the volumes and the bucket; empty: the AWS-managed keys. */
  readonly kmsKeyArn: string;
}

export interface DatabaseSettings {
  readonly instanceClass: string;
  readonly engineVersion: string;
  readonly allocatedStorageGb: number;
  readonly maxAllocatedStorageGb: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  /** Performance Insights (7 days, encrypted with the database's key). */
  readonly performanceInsights: boolean;
}

export interface IngressSettings {
  readonly mode: IngressMode;
  readonly internal: boolean;
  readonly certificateArn: string;
  readonly hostedZoneId: string;
  readonly allowedCidrs: string[];
  readonly sslPolicy: string;
  readonly idleTimeoutSeconds: number;
  readonly backendPort: number;
  readonly healthCheckPath: string;
  readonly deletionProtection: boolean;
  /** An existing S3 bucket for the load balancer's access logs; empty: none. */
  readonly accessLogsBucket: string;
  /** How long `pulumi up` waits for the requested certificate to be validated. */
  readonly certificateValidationTimeoutMinutes: number;
}

export interface AccessSettings {
  readonly enabled: boolean;
  readonly trustedAccountId: string;
  readonly requireMfa: boolean;
  readonly externalId: string;
  readonly permissions: AccessPermissions;
  readonly allowIamChanges: boolean;
}

export interface Settings {
  readonly region: string;
  readonly deploymentName: string;
  readonly domain: string;
  readonly tags: Record<string, string>;
  readonly network: NetworkSettings;
  readonly cluster: ClusterSettings;
  readonly storage: StorageSettings;
  readonly database: DatabaseSettings;
  readonly ingress: IngressSettings;
  readonly access: AccessSettings;
}

/** The defaults of ../shared/CONFIG.md, one place. Sections are merged key by key with the stack's values. */
export const DEFAULTS = {
  tags: {} as Record<string, string>,
  network: {
    vpcId: "",
    privateSubnetIds: [] as string[],
    publicSubnetIds: [] as string[],
    vpcCidr: "10.0.0.0/16",
    privateSubnetCidrs: ["10.0.0.0/24", "10.0.1.0/24"],
    publicSubnetCidrs: ["10.0.100.0/24", "10.0.101.0/24"],
    availabilityZoneIds: [] as string[],
    natGateway: "single" as NatGatewayMode,
    flowLogs: false,
    flowLogsRetentionDays: 90,
  },
  cluster: {
    kubernetesVersion: "1.35",
    endpointPublicAccess: true,
    publicAccessCidrs: [] as string[],
    adminRoleArns: [] as string[],
    bedrock: false,
    nodeGroups: [
      {
        name: "app",
        instanceTypes: ["r7a.2xlarge"],
        minSize: 1,
        maxSize: 2,
        desiredSize: 1,
        diskSizeGb: 80,
        placement: "all" as Placement,
        labels: {} as Record<string, string>,
        taints: [] as Taint[],
      },
      {
        name: "data",
        instanceTypes: ["r7a.2xlarge"],
        minSize: 1,
        maxSize: 1,
        desiredSize: 1,
        diskSizeGb: 80,
        placement: "primary" as Placement,
        labels: { "datafold.com/node-pool": "data" } as Record<string, string>,
        taints: [{ key: "clickhouse", value: "reserved", effect: "NoSchedule" as TaintEffect }],
      },
    ],
    addonVersions: {} as Record<string, string>,
    supportType: "STANDARD" as "STANDARD" | "EXTENDED",
  },
  storage: {
    clickhouseData: { sizeGb: 40, iops: 3000, throughputMibps: 125 },
    clickhouseLogs: { sizeGb: 40, iops: 3000, throughputMibps: 125 },
    redisData: { sizeGb: 50, iops: 3000, throughputMibps: 125 },
    backupBucketExpirationDays: 14,
    kmsKeyArn: "",
  },
  database: {
    instanceClass: "db.t4g.medium",
    engineVersion: "17",
    allocatedStorageGb: 20,
    maxAllocatedStorageGb: 100,
    multiAz: false,
    backupRetentionDays: 14,
    deletionProtection: true,
    performanceInsights: true,
  },
  ingress: {
    mode: "alb" as IngressMode,
    internal: false,
    certificateArn: "",
    hostedZoneId: "",
    allowedCidrs: ["0.0.0.0/0"],
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    idleTimeoutSeconds: 120,
    backendPort: 31337,
    healthCheckPath: "/nginx-health",
    deletionProtection: true,
    accessLogsBucket: "",
    certificateValidationTimeoutMinutes: 45,
  },
  access: {
    enabled: false,
    trustedAccountId: "710753145501",
    requireMfa: true,
    externalId: "",
    permissions: "minimal" as AccessPermissions,
    allowIamChanges: false,
  },
} as const;

/** gp3 limits (EBS, 2025 onward): size, IOPS, throughput and the ratios between them. */
export const GP3 = {
  minSizeGb: 1,
  maxSizeGb: 65536,
  minIops: 3000,
  maxIops: 80000,
  maxIopsPerGb: 500,
  minThroughputMibps: 125,
  maxThroughputMibps: 2000,
  maxMibpsPerIops: 0.25,
} as const;

/** The top-level keys of the contract in the project's namespace. */
const TOP_LEVEL_KEYS = [
  "deploymentName",
  "domain",
  "tags",
  "network",
  "cluster",
  "storage",
  "database",
  "ingress",
  "access",
];

/** The EKS managed add-ons the cluster runs. */
export const MANAGED_ADDONS = ["vpc-cni", "kube-proxy", "coredns", "aws-ebs-csi-driver"] as const;
const ADDON_VERSION = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;
const DNS_LABEL = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const VPC_ID = /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/;
const AZ_ID = /^[a-z]{2,5}\d-az\d{1,2}$/;
const IAM_PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/;
const ACM_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ACCOUNT_ID = /^\d{12}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
const DB_INSTANCE_CLASS = /^db\.[a-z0-9-]+\.[a-z0-9]+$/;
const K8S_VERSION = /^1\.\d{2}$/;
const PG_VERSION = /^(1[3-9]|[2-9]\d)(\.\d+)?$/;
const SSL_POLICY = /^ELBSecurityPolicy-(TLS13-[\w-]+|FS-1-2-[\w-]+|TLS-1-2-[\w-]+)$/;
const LABEL_KEY = /^([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([\w.-]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([\w.-]{0,61}[A-Za-z0-9])?)?$/;

/** Thrown by validateConfig with every problem found; its message lists them one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was declared:\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** What the reader hands the validator: the region and the project's keys, structured values parsed. */
export interface RawConfig {
  /** `aws:region`. */
  readonly region?: string;
  /** The `datafold-aws:` keys without their namespace. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** Validates the raw config and resolves every default. Throws ConfigError with all problems. */
export function validateConfig(raw: RawConfig): Settings {
  const c = new Check(PROJECT, (problems) => new ConfigError(problems));
  const v = raw.values;

  if (raw.region === undefined || raw.region === "")
    c.problem("aws:region", "is required; set it with `pulumi config set aws:region us-east-1`", true);
  else if (!REGION.test(raw.region))
    c.problem("aws:region", `got "${raw.region}"; expected an AWS region name such as us-east-1`, true);
  const region = raw.region ?? "";

  for (const key of Object.keys(v)) {
    if (!TOP_LEVEL_KEYS.includes(key)) c.fail(key, v[key], `one of the project's keys: ${TOP_LEVEL_KEYS.join(", ")}`);
  }

  const deploymentName = c.requiredString(
    v,
    "",
    "deploymentName",
    "a lowercase DNS label of at most 28 characters (a-z, 0-9, -), starting with a letter",
    (s) => DNS_LABEL.test(s) && s.length <= 28,
  );
  const domain = c.requiredString(v, "", "domain", "a lowercase host name such as datafold.example.com", (s) =>
    HOST_NAME.test(s),
  );
  const tags = c.stringMap(v, "", "tags", DEFAULTS.tags, (k, val) =>
    k.length < 1 || k.length > 128 || k.toLowerCase().startsWith("aws:") || val.length > 256
      ? "tag keys are 1 to 128 characters and do not start with aws:, values at most 256 characters"
      : undefined,
  );

  const network = readNetwork(c, c.section(v, "network", DEFAULTS.network));
  const cluster = readCluster(c, c.section(v, "cluster", DEFAULTS.cluster));
  const storage = readStorage(c, c.section(v, "storage", DEFAULTS.storage));
  const database = readDatabase(c, c.section(v, "database", DEFAULTS.database));
  const ingress = readIngress(c, c.section(v, "ingress", DEFAULTS.ingress), region);
  const access = readAccess(c, c.section(v, "access", DEFAULTS.access));

  if (network.vpcId !== "" && !ingress.internal && network.publicSubnetIds.length === 0) {
    c.fail(
      "network.publicSubnetIds",
      network.publicSubnetIds,
      "an internet-facing load balancer (ingress.internal: false) in an existing VPC needs at least two public subnet ids",
    );
  }

  c.throwIfAny();
  return { region, deploymentName, domain, tags, network, cluster, storage, database, ingress, access };
}

function readNetwork(c: Check, s: Raw): NetworkSettings {
  const d = DEFAULTS.network;
  const p = "network";
  const vpcId = c.string(
    s,
    p,
    "vpcId",
    d.vpcId,
    "empty, or a VPC id such as vpc-0123456789abcdef0",
    (x) => x === "" || VPC_ID.test(x),
  );
  const privateSubnetIds = c.stringList(
    s,
    p,
    "privateSubnetIds",
    d.privateSubnetIds,
    "subnet ids such as subnet-0123456789abcdef0",
    (x) => SUBNET_ID.test(x),
  );
  const publicSubnetIds = c.stringList(
    s,
    p,
    "publicSubnetIds",
    d.publicSubnetIds,
    "subnet ids such as subnet-0123456789abcdef0",
    (x) => SUBNET_ID.test(x),
  );
  const vpcCidr = c.cidr(s, p, "vpcCidr", d.vpcCidr, 16, 28);
  const privateSubnetCidrs = c.cidrList(s, p, "privateSubnetCidrs", d.privateSubnetCidrs, 16, 28);
  const publicSubnetCidrs = c.cidrList(s, p, "publicSubnetCidrs", d.publicSubnetCidrs, 16, 28);
  const beforeZones = c.problems.length;
  const availabilityZoneIds = c.stringList(
    s,
    p,
    "availabilityZoneIds",
    d.availabilityZoneIds,
    "AZ ids such as use1-az1 (not names such as us-east-1a)",
    (x) => AZ_ID.test(x),
  );
  const zonesValid = c.problems.length === beforeZones;
  const natGateway = c.oneOf(s, p, "natGateway", d.natGateway, ["single", "perAz", "none"] as const);
  const flowLogs = c.bool(s, p, "flowLogs", d.flowLogs);
  const flowLogsRetentionDays = c.oneOf(s, p, "flowLogsRetentionDays", d.flowLogsRetentionDays, [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
  ] as const);

  if (vpcId !== "") {
    if (privateSubnetIds.length < 2)
      c.fail(
        `${p}.privateSubnetIds`,
        privateSubnetIds,
        "with network.vpcId, at least two private subnet ids in different AZs (the database and the load balancer need two AZs)",
      );
    c.unique(
      `${p}.privateSubnetIds`,
      [...privateSubnetIds, ...publicSubnetIds],
      "each subnet id once, and no subnet both private and public",
    );
    if (publicSubnetIds.length === 1)
      c.fail(`${p}.publicSubnetIds`, publicSubnetIds, "none, or at least two public subnet ids in different AZs");
    for (const key of [
      "vpcCidr",
      "privateSubnetCidrs",
      "publicSubnetCidrs",
      "availabilityZoneIds",
      "natGateway",
      "flowLogs",
    ]) {
      if (key in s)
        c.fail(
          `${p}.${key}`,
          s[key],
          "no value: it is not used with network.vpcId (an existing VPC is not changed); remove it, or clear vpcId to create a VPC",
        );
    }
  } else {
    if (privateSubnetIds.length > 0 || publicSubnetIds.length > 0) {
      c.fail(
        `${p}.privateSubnetIds`,
        [...privateSubnetIds, ...publicSubnetIds],
        "subnet ids only with network.vpcId; without it this program creates the subnets from the CIDRs",
      );
    }
    if (privateSubnetCidrs.length < 2)
      c.fail(
        `${p}.privateSubnetCidrs`,
        privateSubnetCidrs,
        "at least two CIDRs, one per AZ (the database and the load balancer need two AZs)",
      );
    if (publicSubnetCidrs.length > 0 && publicSubnetCidrs.length !== privateSubnetCidrs.length) {
      c.fail(
        `${p}.publicSubnetCidrs`,
        publicSubnetCidrs,
        `one CIDR per AZ: as many as network.privateSubnetCidrs (${privateSubnetCidrs.length})`,
      );
    }
    // A new VPC has no other way out: without NAT the nodes cannot pull images (ECR, public
    // registries) nor reach EC2 and STS, and node groups fail to join. A VPC with its own egress
    // (firewall, proxy, endpoints) is the existing-VPC mode.
    if (natGateway === "none") {
      c.fail(
        `${p}.natGateway`,
        natGateway,
        "single or perAz for a new VPC (nodes need egress to pull images and reach AWS APIs); to use your own egress controls, deploy into an existing VPC with network.vpcId",
      );
    }
    if (publicSubnetCidrs.length === 0) {
      c.fail(
        `${p}.publicSubnetCidrs`,
        publicSubnetCidrs,
        "one CIDR per AZ: the NAT gateways (and an internet-facing load balancer) live in public subnets",
      );
    }
    if (zonesValid && availabilityZoneIds.length > 0 && availabilityZoneIds.length !== privateSubnetCidrs.length) {
      c.fail(
        `${p}.availabilityZoneIds`,
        availabilityZoneIds,
        `empty, or one AZ id per subnet: ${privateSubnetCidrs.length}`,
      );
    }
    c.unique(`${p}.availabilityZoneIds`, availabilityZoneIds, "each AZ id once");
    const vpc = parseCidr(vpcCidr);
    const all = [
      ...privateSubnetCidrs.map((x) => ["privateSubnetCidrs", x]),
      ...publicSubnetCidrs.map((x) => ["publicSubnetCidrs", x]),
    ];
    all.forEach(([key, text], i) => {
      const sub = parseCidr(text);
      if (!sub || !vpc) return;
      if (!cidrContains(vpc, sub)) c.fail(`${p}.${key}`, text, `a range inside network.vpcCidr ${vpcCidr}`);
      for (const [otherKey, otherText] of all.slice(i + 1)) {
        const other = parseCidr(otherText);
        if (other && cidrsOverlap(sub, other))
          c.fail(`${p}.${key}`, text, `ranges that do not overlap: it overlaps ${otherText} in network.${otherKey}`);
      }
    });
  }
  return {
    vpcId,
    privateSubnetIds,
    publicSubnetIds,
    vpcCidr,
    privateSubnetCidrs,
    publicSubnetCidrs,
    availabilityZoneIds,
    natGateway,
    flowLogs,
    flowLogsRetentionDays,
  };
}

function readCluster(c: Check, s: Raw): ClusterSettings {
  const d = DEFAULTS.cluster;
  const p = "cluster";
  const kubernetesVersion = c.string(
    s,
    p,
    "kubernetesVersion",
    d.kubernetesVersion,
    'a Kubernetes minor version such as "1.35"',
    (x) => K8S_VERSION.test(x),
  );
  const endpointPublicAccess = c.bool(s, p, "endpointPublicAccess", d.endpointPublicAccess);
  const publicAccessCidrs = c.cidrList(s, p, "publicAccessCidrs", d.publicAccessCidrs, 0, 32);
  const adminRoleArns = c.stringList(
    s,
    p,
    "adminRoleArns",
    d.adminRoleArns,
    "IAM role or user ARNs such as arn:aws:iam::123456789012:role/Admin",
    (x) => IAM_PRINCIPAL_ARN.test(x),
  );
  const bedrock = c.bool(s, p, "bedrock", d.bedrock);
  if (endpointPublicAccess && publicAccessCidrs.length === 0) {
    c.fail(
      `${p}.publicAccessCidrs`,
      publicAccessCidrs,
      "at least one CIDR (your VPN or office egress) while cluster.endpointPublicAccess is true; or set endpointPublicAccess: false",
    );
  }
  if (publicAccessCidrs.includes("0.0.0.0/0"))
    c.fail(`${p}.publicAccessCidrs`, "0.0.0.0/0", "CIDRs narrower than the whole internet: 0.0.0.0/0 is refused");
  if (!endpointPublicAccess && publicAccessCidrs.length > 0)
    c.fail(`${p}.publicAccessCidrs`, publicAccessCidrs, "empty while cluster.endpointPublicAccess is false");
  c.unique(`${p}.adminRoleArns`, adminRoleArns, "each ARN once");

  const groupsRaw = c.list(s, p, "nodeGroups", d.nodeGroups);
  if (groupsRaw.length < 1 || groupsRaw.length > 3)
    c.fail(`${p}.nodeGroups`, `${groupsRaw.length} groups`, "one to three node groups");
  const nodeGroups = groupsRaw.map((g, i) => readNodeGroup(c, g, `${p}.nodeGroups[${i}]`));
  c.unique(
    `${p}.nodeGroups[].name`,
    nodeGroups.map((g) => g.name),
    "a different name for each node group",
  );
  const addonVersions = c.stringMap(s, p, "addonVersions", d.addonVersions, (k, v) =>
    (MANAGED_ADDONS as readonly string[]).includes(k) && ADDON_VERSION.test(v)
      ? undefined
      : `an add-on of ${MANAGED_ADDONS.join(", ")} with an EKS add-on version such as v1.19.2-eksbuild.1`,
  );
  const supportType = c.oneOf(s, p, "supportType", d.supportType, ["STANDARD", "EXTENDED"] as const);
  return {
    kubernetesVersion,
    endpointPublicAccess,
    publicAccessCidrs,
    adminRoleArns,
    bedrock,
    nodeGroups,
    addonVersions,
    supportType,
  };
}

function readNodeGroup(c: Check, raw: unknown, p: string): NodeGroupSettings {
  const s = c.object(raw, p, [
    "name",
    "instanceTypes",
    "minSize",
    "maxSize",
    "desiredSize",
    "diskSizeGb",
    "placement",
    "labels",
    "taints",
  ]);
  const name = c.requiredString(
    s,
    p,
    "name",
    "a lowercase DNS label of at most 20 characters",
    (x) => DNS_LABEL.test(x) && x.length <= 20,
  );
  const instanceTypes = c.stringList(s, p, "instanceTypes", [], "EC2 instance types such as r7a.2xlarge", (x) =>
    INSTANCE_TYPE.test(x),
  );
  if (instanceTypes.length === 0) c.fail(`${p}.instanceTypes`, instanceTypes, "at least one instance type");
  if (new Set(instanceTypes.map(isArmInstanceType)).size > 1) {
    c.fail(
      `${p}.instanceTypes`,
      instanceTypes,
      "instance types of one architecture (all Graviton/ARM or all x86): a group runs one AMI",
    );
  }
  const minSize = c.int(s, p, "minSize", 1, 0, 100);
  const maxSize = c.int(s, p, "maxSize", 1, 1, 100);
  const desiredSize = c.int(s, p, "desiredSize", minSize, 0, 100);
  if (!(minSize <= desiredSize && desiredSize <= maxSize))
    c.fail(p, { minSize, desiredSize, maxSize }, "minSize <= desiredSize <= maxSize");
  const diskSizeGb = c.int(s, p, "diskSizeGb", 80, 20, 16384);
  const placement = c.oneOf(s, p, "placement", "all", ["all", "primary"] as const);
  const labels = c.stringMap(s, p, "labels", {}, (k, v) =>
    LABEL_KEY.test(k) && LABEL_VALUE.test(v)
      ? undefined
      : "Kubernetes label keys ([prefix/]name) and values (at most 63 characters of A-Z a-z 0-9 - _ .)",
  );
  const taints = c.list(s, p, "taints", []).map((t, j) => {
    const tp = `${p}.taints[${j}]`;
    const ts = c.object(t, tp, ["key", "value", "effect"]);
    const key = c.requiredString(ts, tp, "key", "a Kubernetes label key", (x) => LABEL_KEY.test(x));
    const value = c.string(ts, tp, "value", "", "a Kubernetes label value", (x) => LABEL_VALUE.test(x));
    const effect = c.oneOf(ts, tp, "effect", "NoSchedule", ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const);
    return { key, value, effect };
  });
  // ClickHouse and Redis tolerate clickhouse=reserved and must run next to their volumes.
  if (taints.some((t) => t.key === "clickhouse") && placement !== "primary") {
    c.fail(
      `${p}.placement`,
      placement,
      "primary for the group tainted clickhouse=...: ClickHouse and Redis run there and their EBS volumes live only in the primary AZ",
    );
  }
  return { name, instanceTypes, minSize, maxSize, desiredSize, diskSizeGb, placement, labels, taints };
}

function readVolume(c: Check, s: unknown, p: string, d: VolumeSettings): VolumeSettings {
  const v = c.object(s, p, ["sizeGb", "iops", "throughputMibps"]);
  const sizeGb = c.int(v, p, "sizeGb", d.sizeGb, GP3.minSizeGb, GP3.maxSizeGb);
  const before = c.problems.length;
  const iops = c.int(v, p, "iops", d.iops, GP3.minIops, GP3.maxIops);
  const throughputMibps = c.int(
    v,
    p,
    "throughputMibps",
    d.throughputMibps,
    GP3.minThroughputMibps,
    GP3.maxThroughputMibps,
  );
  // The ratios are checked only between values that are themselves valid.
  if (c.problems.length > before) return { sizeGb, iops, throughputMibps };
  if (iops > GP3.minIops && iops > sizeGb * GP3.maxIopsPerGb) {
    c.fail(
      `${p}.iops`,
      iops,
      `at most ${GP3.maxIopsPerGb} IOPS per GiB above the 3000 baseline: ${Math.max(GP3.minIops, sizeGb * GP3.maxIopsPerGb)} for ${sizeGb} GiB`,
    );
  }
  if (throughputMibps > GP3.minThroughputMibps && throughputMibps > iops * GP3.maxMibpsPerIops) {
    c.fail(
      `${p}.throughputMibps`,
      throughputMibps,
      `at most ${GP3.maxMibpsPerIops} MiB/s per provisioned IOPS: ${iops * GP3.maxMibpsPerIops} for ${iops} IOPS`,
    );
  }
  return { sizeGb, iops, throughputMibps };
}

function readStorage(c: Check, s: Raw): StorageSettings {
  const d = DEFAULTS.storage;
  const p = "storage";
  return {
    clickhouseData: readVolume(c, c.field(s, "clickhouseData", {}), `${p}.clickhouseData`, d.clickhouseData),
    clickhouseLogs: readVolume(c, c.field(s, "clickhouseLogs", {}), `${p}.clickhouseLogs`, d.clickhouseLogs),
    redisData: readVolume(c, c.field(s, "redisData", {}), `${p}.redisData`, d.redisData),
    backupBucketExpirationDays: c.int(s, p, "backupBucketExpirationDays", d.backupBucketExpirationDays, 1, 3650),
    kmsKeyArn: c.string(
      s,
      p,
      "kmsKeyArn",
      d.kmsKeyArn,
      "empty, or a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/<uuid>",
      (x) => x === "" || KMS_KEY_ARN.test(x),
    ),
  };
}

function readDatabase(c: Check, s: Raw): DatabaseSettings {
  const d = DEFAULTS.database;
  const p = "database";
  const instanceClass = c.string(
    s,
    p,
    "instanceClass",
    d.instanceClass,
    "an RDS instance class such as db.t4g.medium",
    (x) => DB_INSTANCE_CLASS.test(x),
  );
  const engineVersion = c.string(
    s,
    p,
    "engineVersion",
    d.engineVersion,
    'a PostgreSQL version of 13 or later, major ("17") or major.minor ("17.4")',
    (x) => PG_VERSION.test(x),
  );
  const allocatedStorageGb = c.int(s, p, "allocatedStorageGb", d.allocatedStorageGb, 20, 65536);
  const maxAllocatedStorageGb = c.int(s, p, "maxAllocatedStorageGb", d.maxAllocatedStorageGb, 20, 65536);
  if (maxAllocatedStorageGb < allocatedStorageGb) {
    c.fail(
      `${p}.maxAllocatedStorageGb`,
      maxAllocatedStorageGb,
      `at least database.allocatedStorageGb (${allocatedStorageGb})`,
    );
  }
  const multiAz = c.bool(s, p, "multiAz", d.multiAz);
  const backupRetentionDays = c.int(s, p, "backupRetentionDays", d.backupRetentionDays, 1, 35);
  const deletionProtection = c.bool(s, p, "deletionProtection", d.deletionProtection);
  const performanceInsights = c.bool(s, p, "performanceInsights", d.performanceInsights);
  return {
    instanceClass,
    engineVersion,
    allocatedStorageGb,
    maxAllocatedStorageGb,
    multiAz,
    backupRetentionDays,
    deletionProtection,
    performanceInsights,
  };
}

function readIngress(c: Check, s: Raw, region: string): IngressSettings {
  const d = DEFAULTS.ingress;
  const p = "ingress";
  const mode = c.oneOf(s, p, "mode", d.mode, ["alb", "controller"] as const);
  const internal = c.bool(s, p, "internal", d.internal);
  const certificateArn = c.string(
    s,
    p,
    "certificateArn",
    d.certificateArn,
    "empty, or an ACM certificate ARN such as arn:aws:acm:us-east-1:123456789012:certificate/<uuid>",
    (x) => x === "" || ACM_ARN.test(x),
  );
  const certRegion = ACM_ARN.exec(certificateArn)?.[1];
  if (certRegion !== undefined && REGION.test(region) && certRegion !== region) {
    c.fail(
      `${p}.certificateArn`,
      certificateArn,
      `a certificate in the stack's region ${region} (a load balancer can only use certificates from its own region)`,
    );
  }
  const hostedZoneId = c.string(
    s,
    p,
    "hostedZoneId",
    d.hostedZoneId,
    "empty, or a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ",
    (x) => x === "" || HOSTED_ZONE_ID.test(x),
  );
  const allowedCidrs = c.cidrList(s, p, "allowedCidrs", d.allowedCidrs, 0, 32);
  if (allowedCidrs.length === 0) c.fail(`${p}.allowedCidrs`, allowedCidrs, "at least one CIDR that may reach HTTPS");
  const sslPolicy = c.string(
    s,
    p,
    "sslPolicy",
    d.sslPolicy,
    "an ELB security policy with TLS 1.2 or later, such as ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    (x) => SSL_POLICY.test(x),
  );
  const idleTimeoutSeconds = c.int(s, p, "idleTimeoutSeconds", d.idleTimeoutSeconds, 1, 4000);
  const backendPort = c.int(s, p, "backendPort", d.backendPort, 30000, 32767);
  const healthCheckPath = c.string(
    s,
    p,
    "healthCheckPath",
    d.healthCheckPath,
    "an absolute URL path of at most 1024 characters",
    (x) => /^\/[\x21-\x7e]*$/.test(x) && x.length <= 1024,
  );
  const deletionProtection = c.bool(s, p, "deletionProtection", d.deletionProtection);
  return {
    mode,
    internal,
    certificateArn,
    hostedZoneId,
    allowedCidrs,
    sslPolicy,
    idleTimeoutSeconds,
    backendPort,
    healthCheckPath,
    deletionProtection,
    accessLogsBucket: c.string(
      s,
      p,
      "accessLogsBucket",
      d.accessLogsBucket,
      "empty, or the name of an S3 bucket in the stack's region",
      (x) => x === "" || S3_BUCKET.test(x),
    ),
    certificateValidationTimeoutMinutes: c.int(
      s,
      p,
      "certificateValidationTimeoutMinutes",
      d.certificateValidationTimeoutMinutes,
      5,
      240,
    ),
  };
}

function readAccess(c: Check, s: Raw): AccessSettings {
  const d = DEFAULTS.access;
  const p = "access";
  return {
    enabled: c.bool(s, p, "enabled", d.enabled),
    trustedAccountId: c.string(s, p, "trustedAccountId", d.trustedAccountId, "a 12-digit AWS account id", (x) =>
      ACCOUNT_ID.test(x),
    ),
    requireMfa: c.bool(s, p, "requireMfa", d.requireMfa),
    externalId: c.string(
      s,
      p,
      "externalId",
      d.externalId,
      "empty, or 2 to 1224 characters of A-Z a-z 0-9 + = , . @ : / - _",
      (x) => x === "" || EXTERNAL_ID.test(x),
    ),
    permissions: c.oneOf(s, p, "permissions", d.permissions, ["minimal", "administrator"] as const),
    allowIamChanges: c.bool(s, p, "allowIamChanges", d.allowIamChanges),
  };
}

/** Reads the stack's config (no validation here) into the validator's input. */
export function readRawConfig(): RawConfig {
  const values: Record<string, unknown> = {};
  const prefix = `${PROJECT}:`;
  for (const [fullKey, text] of Object.entries(pulumi.runtime.allConfig())) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    values[key] = parseConfigValue(text);
  }
  return { region: new pulumi.Config("aws").get("region"), values };
}

/** Structured values reach the program as JSON text; plain strings stay strings. */
export function parseConfigValue(text: string): unknown {
  const t = text.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Reads and validates this stack's settings; throws ConfigError before anything is declared. */
export function loadSettings(): Settings {
  return validateConfig(readRawConfig());
}
