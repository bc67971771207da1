/**
 * The AWS account the offline plan and the tests pretend to run against, and every fact it answers:
 * the account and the caller, the partition, the region's Availability Zones (names and ids), the
 * instance types each zone offers, the zones where EKS refuses a control plane, the ALB hosted zones,
 * the EKS add-on default versions, network interfaces held outside the stack, the existing VPC
 * (with its DNS attributes and gateway) and subnets a stack names, the EKS clusters it already runs,
 * and the stack's last outputs. Plain data; deterministic. What the account refuses because of these
 * facts (a control plane in an unsupported zone, an instance type a zone does not offer, an
 * internet-facing load balancer without a gateway), and what it creates along with a resource (a
 * load balancer's network interfaces), is in resources.ts.
 *
 * Each fact names its public source beside it. A fact with no public source says so: it is made up
 * for the fake account, in the shape AWS gives it. Where a stack needs an answer the world has no
 * sourced fact for (an instance type's offerings, an add-on's default version for a Kubernetes
 * version), the world answers an assumption, named as such here; the lookups mark those answers as
 * made up (`*` in the plan) and the plan lists them.
 */
import { EKS_KUBERNETES_VERSIONS } from "../config/aws-data";
import { EKS_UNSUPPORTED_ZONE_IDS } from "../stack/zones";

export interface WorldSubnet {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
}

/** An existing VPC, as DescribeVpcs and DescribeVpcAttribute report it. */
export interface WorldVpc {
  readonly cidrBlock: string;
  /** The VPC's `enableDnsSupport` attribute. */
  readonly enableDnsSupport: boolean;
  /** The VPC's `enableDnsHostnames` attribute. */
  readonly enableDnsHostnames: boolean;
  /** The internet gateway attached to it, if any. */
  readonly internetGatewayId?: string;
}

/** An EKS cluster the account runs, as DescribeCluster reports it (the fields the program reads). */
export interface WorldEksCluster {
  /** Kubernetes minor version of the control plane ("1.35"). */
  readonly version: string;
  /** `STANDARD` or `EXTENDED`. */
  readonly supportType: string;
  /** `https://<id>.gr7.<region>.eks.<dnsSuffix>`. */
  readonly endpoint: string;
  readonly endpointPublicAccess: boolean;
  readonly publicAccessCidrs: readonly string[];
  readonly vpcId: string;
}

/** A network interface the account holds, as DescribeNetworkInterfaces reports it. */
export interface WorldNetworkInterface {
  readonly id: string;
  /** For a load balancer's interface, `ELB app/<name>/<id>` (the load balancer's ARN suffix). */
  readonly description: string;
  readonly privateIp: string;
  readonly availabilityZone: string;
}

export interface WorldPartition {
  /** `aws`, `aws-cn`, `aws-us-gov`. */
  readonly name: string;
  readonly dnsSuffix: string;
  readonly reverseDnsPrefix: string;
}

export interface World {
  readonly region: string;
  readonly accountId: string;
  /** Who the credentials belong to, as sts:GetCallerIdentity answers. */
  readonly callerIdentity: { readonly arn: string; readonly userId: string };
  readonly partition: WorldPartition;
  /** The region's Availability Zones, in the order AWS lists them. */
  readonly zones: readonly WorldZone[];
  /**
   * Whether the world holds the region's zones (REGION_ZONES): false for a region it lacks, whose
   * zone, VPC and subnet lookups then fail naming REGION_ZONES (lacksRegion).
   */
  readonly regionHeld: boolean;
  /** The AZ ids of the region where EKS refuses a control plane subnet. */
  readonly eksUnsupportedZoneIds: readonly string[];
  /** Instance types offered per AZ id: sourced facts. */
  readonly instanceTypeOfferings: Readonly<Record<string, readonly string[]>>;
  /** The instance types whose offerings `instanceTypeOfferings` holds in every zone: not listed in a zone, not offered there. */
  readonly sourcedInstanceTypes: readonly string[];
  /** Zones whose whole offering is a sourced fact, by AZ id: a type not listed is not offered there. */
  readonly completeZoneOfferings: Readonly<Record<string, readonly string[]>>;
  /** The Route 53 hosted zone id of Application Load Balancers, per region (a load balancer's `zoneId`). */
  readonly albHostedZoneIds: Readonly<Record<string, string>>;
  /** The default version of each EKS add-on, per Kubernetes minor version: sourced facts. */
  readonly eksAddonDefaults: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Assumed default versions where `eksAddonDefaults` has none, each with what the assumption rests on. */
  readonly eksAddonAssumed: Readonly<Record<string, Readonly<Record<string, AssumedVersion>>>>;
  /**
   * The network interfaces the account holds before the run (a load balancer's interfaces are
   * created with it: resources.ts).
   */
  readonly networkInterfaces: readonly WorldNetworkInterface[];
  readonly vpcs: Readonly<Record<string, WorldVpc>>;
  readonly subnets: Readonly<Record<string, WorldSubnet>>;
  /** The EKS clusters the account already runs, by name (a stack deployed before). */
  readonly eksClusters: Readonly<Record<string, WorldEksCluster>>;
  /** The stack's outputs from its last deployment, as a self-reference reads them; none for a new stack. */
  readonly previousOutputs?: Readonly<Record<string, unknown>>;
}

// ---------------------------------------------------------------------------------------------
// The account and the caller.

/**
 * The account id AWS's documentation uses for examples. Source: the sts GetCallerIdentity API
 * reference, "Example 1 - Called by an IAM user" (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html),
 * "a user named Alice in the AWS account 123456789012".
 */
export const MOCK_ACCOUNT_ID = "123456789012";

/**
 * The caller: the documented example's answer, verbatim. Source: the same example, also in boto3's
 * get_caller_identity documentation: Account 123456789012, Arn arn:aws:iam::123456789012:user/Alice,
 * UserId AKIAI44QH8DHBEXAMPLE. (The documented UserId is an access key id; a real IAM user's
 * UserId starts with AIDA.)
 */
export const CALLER_IDENTITY = {
  arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/Alice`,
  userId: "AKIAI44QH8DHBEXAMPLE",
} as const;

// ---------------------------------------------------------------------------------------------
// Partitions.

/**
 * The partitions and the regions each covers. Source: aws/aws-sdk-go-v2
 * internal/endpoints/awsrulesfn/partitions.json (commit 26bf48f3e2a8), partitions `aws`, `aws-cn`
 * and `aws-us-gov`: their regionRegex and dnsSuffix. The reverse DNS prefix is the DNS suffix
 * reversed, as the Terraform AWS provider (under @pulumi/aws) computes it: `ReverseDNS(DNSSuffix)`
 * in hashicorp/terraform-provider-aws internal/conns/config.go; @pulumi/aws's getPartition.d.ts
 * gives `com.amazonaws` (Commercial) and `cn.com.amazonaws` (China) as examples.
 */
const PARTITIONS: readonly { readonly name: string; readonly dnsSuffix: string; readonly regionRegex: RegExp }[] = [
  { name: "aws", dnsSuffix: "amazonaws.com", regionRegex: /^(us|eu|ap|sa|ca|me|af)-\w+-\d+$/ },
  { name: "aws-cn", dnsSuffix: "amazonaws.com.cn", regionRegex: /^cn-\w+-\d+$/ },
  { name: "aws-us-gov", dnsSuffix: "amazonaws.com", regionRegex: /^us-gov-\w+-\d+$/ },
];

export function partitionOf(region: string): WorldPartition {
  const p = PARTITIONS.find((x) => x.regionRegex.test(region));
  if (!p) throw new Error(`no partition for region ${region}: add it to PARTITIONS in plan/world.ts`);
  return { name: p.name, dnsSuffix: p.dnsSuffix, reverseDnsPrefix: p.dnsSuffix.split(".").reverse().join(".") };
}

/**
 * Region descriptions, as ec2 DescribeRegions and getRegion report them. Source: the `description`
 * of each region in the same partitions.json (aws/aws-sdk-go-v2, commit 26bf48f3e2a8).
 */
export const REGION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "us-east-1": "US East (N. Virginia)",
  "us-east-2": "US East (Ohio)",
  "us-west-1": "US West (N. California)",
  "us-west-2": "US West (Oregon)",
  "ca-central-1": "Canada (Central)",
  "eu-central-1": "Europe (Frankfurt)",
  "eu-central-2": "Europe (Zurich)",
  "eu-north-1": "Europe (Stockholm)",
  "eu-south-1": "Europe (Milan)",
  "eu-south-2": "Europe (Spain)",
  "eu-west-1": "Europe (Ireland)",
  "eu-west-2": "Europe (London)",
  "eu-west-3": "Europe (Paris)",
  "ap-east-1": "Asia Pacific (Hong Kong)",
  "ap-northeast-1": "Asia Pacific (Tokyo)",
  "ap-northeast-2": "Asia Pacific (Seoul)",
  "ap-northeast-3": "Asia Pacific (Osaka)",
  "ap-south-1": "Asia Pacific (Mumbai)",
  "ap-south-2": "Asia Pacific (Hyderabad)",
  "ap-southeast-1": "Asia Pacific (Singapore)",
  "ap-southeast-2": "Asia Pacific (Sydney)",
  "ap-southeast-3": "Asia Pacific (Jakarta)",
  "ap-southeast-4": "Asia Pacific (Melbourne)",
  "me-central-1": "Middle East (UAE)",
  "me-south-1": "Middle East (Bahrain)",
  "sa-east-1": "South America (Sao Paulo)",
  "af-south-1": "Africa (Cape Town)",
  "cn-north-1": "China (Beijing)",
  "cn-northwest-1": "China (Ningxia)",
  "us-gov-east-1": "AWS GovCloud (US-East)",
  "us-gov-west-1": "AWS GovCloud (US-West)",
};

// ---------------------------------------------------------------------------------------------
// Availability Zones.

/** An Availability Zone as ec2 DescribeAvailabilityZones reports it, reduced to what the program reads or filters on. */
export interface WorldZone {
  /** The account's name for the zone (us-east-1a): in the oldest regions it differs per account. */
  readonly name: string;
  /** The zone's id (use1-az4): the same physical zone in every account. */
  readonly id: string;
  /** `available`, `information`, `impaired` or `unavailable`. @default "available" */
  readonly state?: string;
  /** `opt-in-not-required` for a region's own zones; Local and Wavelength Zones need an opt-in. @default "opt-in-not-required" */
  readonly optInStatus?: string;
  /** `availability-zone`, `local-zone` or `wavelength-zone`. @default "availability-zone" */
  readonly zoneType?: string;
}

/**
 * The zones of each region the example stacks and the tests use: the real set of AZ ids of the
 * region, under names this fake account gives them.
 *
 * Source for the ids (read 2026-12-05): AWS Regions and Availability Zones, "AWS Availability
 * Zones" (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html),
 * the table of AZ ids per Region (euw1-az1..3 are its own example); the same sets appear in
 * Amazon EFS User Guide, "Supported Availability Zones for One Zone file systems" (use2-az1..3,
 * usw2-az1..4, and use1-az1, -az2, -az4, -az5, -az6 besides use1-az3) and, as zone counts per
 * region, in the public describe-instance-type-offerings output of the taskcluster account
 * (taskcluster/community-tc-config config/ec2-instance-type-offerings/, commit 4135f1f: six zones
 * in us-east-1, four in us-west-2, three in us-east-2, eu-west-1 and eu-central-1).
 *
 * No source for the names: the name-to-id mapping is made up for this account, as AWS makes one
 * per account in its oldest regions (the "AZ IDs" page: us-east-1a need not be use1-az1). In
 * us-east-1 it puts use1-az3 second by name on purpose: a program that takes the first zones by name
 * lands in use1-az3, where EKS cannot place a control plane (EKS_UNSUPPORTED_ZONE_IDS in stack/zones.ts).
 */
export const REGION_ZONES: Readonly<Record<string, readonly WorldZone[]>> = {
  "us-east-1": [
    { name: "us-east-1a", id: "use1-az2" },
    { name: "us-east-1b", id: "use1-az3" },
    { name: "us-east-1c", id: "use1-az1" },
    { name: "us-east-1d", id: "use1-az4" },
    { name: "us-east-1e", id: "use1-az6" },
    { name: "us-east-1f", id: "use1-az5" },
  ],
  "us-east-2": [
    { name: "us-east-2a", id: "use2-az2" },
    { name: "us-east-2b", id: "use2-az3" },
    { name: "us-east-2c", id: "use2-az1" },
  ],
  "us-west-2": [
    { name: "us-west-2a", id: "usw2-az2" },
    { name: "us-west-2b", id: "usw2-az3" },
    { name: "us-west-2c", id: "usw2-az1" },
    { name: "us-west-2d", id: "usw2-az4" },
  ],
  "eu-west-1": [
    { name: "eu-west-1a", id: "euw1-az2" },
    { name: "eu-west-1b", id: "euw1-az3" },
    { name: "eu-west-1c", id: "euw1-az1" },
  ],
  "eu-central-1": [
    { name: "eu-central-1a", id: "euc1-az2" },
    { name: "eu-central-1b", id: "euc1-az3" },
    { name: "eu-central-1c", id: "euc1-az1" },
  ],
};

/** The message of a plan that needs a region the world does not hold (a tool's gap, not a config error). */
export function lacksRegion(region: string): string {
  return `the offline world lacks region ${region}: add its AZ ids to REGION_ZONES in plan/world.ts with a source`;
}

/** The zones this account has in `region`; an error for a region the world does not hold. */
export function regionZones(region: string): readonly WorldZone[] {
  const zones = REGION_ZONES[region];
  if (!zones) throw new Error(lacksRegion(region));
  return zones;
}

/**
 * Which instance types each zone offers (ec2 DescribeInstanceTypeOfferings with location type
 * `availability-zone-id`), for the instance types the example stacks use, by AZ id. Source: the
 * public describe-instance-type-offerings output per zone of the taskcluster account
 * (taskcluster/community-tc-config config/ec2-instance-type-offerings/<zone>.json, commit 4135f1f,
 * written by misc/update-ec2-instance-types.sh): every zone of us-east-2, us-west-2, eu-west-1 and
 * eu-central-1 offers r7a.2xlarge and m7a.xlarge, and five of the six us-east-1 zones do; the sixth
 * offers neither (COMPLETE_ZONE_OFFERINGS). Those files are keyed by the taskcluster account's zone
 * names, whose ids are not published: that the zone without them is use1-az3 is inferred from "AWS
 * AZs: Not all are Equal" (wolfman.dev, 2021: use1-az3 is the us-east-1 zone without Nitro
 * instances).
 */
export const INSTANCE_TYPE_OFFERINGS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  [
    ...["use1-az1", "use1-az2", "use1-az4", "use1-az5", "use1-az6"],
    ...["use2-az1", "use2-az2", "use2-az3"],
    ...["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"],
    ...["euw1-az1", "euw1-az2", "euw1-az3"],
    ...["euc1-az1", "euc1-az2", "euc1-az3"],
  ].map((zoneId) => [zoneId, ["m7a.xlarge", "r7a.2xlarge"]]),
);

/** The instance types INSTANCE_TYPE_OFFERINGS holds for every zone of the world (same source). */
export const SOURCED_INSTANCE_TYPES: readonly string[] = ["m7a.xlarge", "r7a.2xlarge"];

/**
 * Zones whose whole offering is sourced: any instance type not listed is not offered there. Source:
 * taskcluster/community-tc-config config/ec2-instance-type-offerings/us-east-1e.json (commit
 * 4135f1f): the us-east-1 zone of that account that offers neither m7a nor r7a lists these 58 types,
 * mostly previous generations (the files of the other zones of the region list 902 to 1000 types;
 * those with exactly 1000 look cut at one page, the script passing --no-paginate, so an absence
 * there proves nothing).
 * That this zone is use1-az3 is inferred as for INSTANCE_TYPE_OFFERINGS.
 */
export const COMPLETE_ZONE_OFFERINGS: Readonly<Record<string, readonly string[]>> = {
  "use1-az3": Object.entries({
    c3: "2xlarge 4xlarge 8xlarge large xlarge",
    c4: "2xlarge 4xlarge 8xlarge large xlarge",
    d2: "2xlarge 4xlarge 8xlarge xlarge",
    f2: "12xlarge 48xlarge",
    i2: "2xlarge 4xlarge 8xlarge xlarge",
    i3: "16xlarge 2xlarge 4xlarge 8xlarge large xlarge",
    m3: "2xlarge large medium xlarge",
    m4: "10xlarge 16xlarge 2xlarge 4xlarge large xlarge",
    p5: "48xlarge 4xlarge",
    r3: "2xlarge 4xlarge 8xlarge large xlarge",
    r4: "16xlarge 2xlarge 4xlarge 8xlarge large xlarge",
    t2: "2xlarge large medium micro nano small xlarge",
    x1: "16xlarge 32xlarge",
  }).flatMap(([family, sizes]) => sizes.split(" ").map((size) => `${family}.${size}`)),
};

/**
 * Whether `zoneId` offers `instanceType` in this world: `sourced` (a fact above), `no` (a fact
 * above: a zone whose whole offering is known, or a type whose offerings are known in every zone),
 * or `assumed`. ASSUMPTION, no source: any other instance type is offered in every zone. Most
 * current types are offered in most zones of a region, but not all (the taskcluster files above
 * list fewer types in some zones): the plan marks what rests on this assumption.
 */
export function offering(w: World, zoneId: string, instanceType: string): "sourced" | "no" | "assumed" {
  if ((w.instanceTypeOfferings[zoneId] ?? []).includes(instanceType)) return "sourced";
  const complete = w.completeZoneOfferings[zoneId];
  if (complete !== undefined) return complete.includes(instanceType) ? "sourced" : "no";
  if (w.sourcedInstanceTypes.includes(instanceType)) return "no";
  return "assumed";
}

// ---------------------------------------------------------------------------------------------
// Elastic Load Balancing.

/**
 * The Route 53 hosted zone id of Application (and Classic) Load Balancers, per region: what
 * DescribeLoadBalancers answers as CanonicalHostedZoneId and @pulumi/aws as a load balancer's
 * `zoneId`. Source: AWS General Reference, "Elastic Load Balancing endpoints and quotas"
 * (https://docs.aws.amazon.com/general/latest/gr/elb.html#elb_region), column "Route 53 Hosted Zone
 * ID (Application Load Balancers, Classic Load Balancers)" (us-east-1, us-east-2, us-west-1 and
 * us-west-2 read there); the other regions as the same table is copied into
 * hashicorp/terraform-provider-aws internal/service/elbv2/hosted_zone_id_data_source.go
 * (HostedZoneIdPerRegionALBMap, which cites that page).
 */
export const ALB_HOSTED_ZONE_IDS: Readonly<Record<string, string>> = {
  "af-south-1": "Z268VQBMOI5EKX",
  "ap-east-1": "Z3DQVH9N71FHZ0",
  "ap-northeast-1": "Z14GRHDCWA56QT",
  "ap-northeast-2": "ZWKZPGTI48KDX",
  "ap-northeast-3": "Z5LXEXXYW11ES",
  "ap-south-1": "ZP97RAFLXTNZK",
  "ap-south-2": "Z0173938T07WNTVAEPZN",
  "ap-southeast-1": "Z1LMS91P8CMLE5",
  "ap-southeast-2": "Z1GM3OXH4ZPM65",
  "ap-southeast-3": "Z08888821HLRG5A9ZRTER",
  "ca-central-1": "ZQSVJUPU6J1EY",
  "cn-north-1": "Z1GDH35T77C1KE",
  "cn-northwest-1": "ZM7IZAIOVVDZF",
  "eu-central-1": "Z215JYRZR1TBD5",
  "eu-central-2": "Z06391101F2ZOEP8P5EB3",
  "eu-north-1": "Z23TAZ6LKFMNIO",
  "eu-south-1": "Z3ULH7SSC9OV64",
  "eu-south-2": "Z0956581394HF5D5LXGAP",
  "eu-west-1": "Z32O12XQLNTSW2",
  "eu-west-2": "ZHURV8PSTC4K8",
  "eu-west-3": "Z3Q77PNBQS71R4",
  "me-central-1": "Z08230872XQRWHG2XF6I",
  "me-south-1": "ZS929ML54UICD",
  "sa-east-1": "Z2P70J7HTTTPLU",
  "us-east-1": "Z35SXDOTRQ7X7K",
  "us-east-2": "Z3AADJGX6KTTL2",
  "us-gov-east-1": "Z166TLBEWOO7G0",
  "us-gov-west-1": "Z33AYJ8TM3BH4J",
  "us-west-1": "Z368ELLRRE2KJ0",
  "us-west-2": "Z1H1FL5HABSF5",
};

// ---------------------------------------------------------------------------------------------
// EKS.

/**
 * The default version of each managed add-on for a Kubernetes version: the one `aws eks
 * describe-addon-versions` marks `defaultVersion: true`, which aws.eks.getAddonVersion answers when
 * `mostRecent` is false. Source for 1.35: marklogic/marklogic-operator-kubernetes
 * test/eks-config/README.md (commit 4589f07, 2026-05-13), which lists, from `aws eks
 * describe-addon-versions --kubernetes-version 1.35 --query "addons[*].{name:addonName,
 * default:addonVersions[?defaultVersion==`true`].addonVersion|[0]}"` in us-west-1, "their default
 * 1.35-compatible versions". No public source was found for the defaults of the other versions
 * EKS offers: EKS_ADDON_ASSUMED stands in for them.
 */
export const EKS_ADDON_DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "1.35": {
    "vpc-cni": "v1.21.1-eksbuild.1",
    "kube-proxy": "v1.35.0-eksbuild.2",
    coredns: "v1.13.2-eksbuild.3",
    "aws-ebs-csi-driver": "v1.57.1-eksbuild.1",
    "eks-pod-identity-agent": "v1.3.10-eksbuild.2",
  },
};

/** An answer the world assumes, with what the assumption rests on. */
export interface AssumedVersion {
  readonly version: string;
  readonly basis: string;
}

/**
 * The latest version of the EKS add-on type per Kubernetes version, as the EKS User Guide's tables
 * list them (docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html, "kube-proxy
 * versions", and managing-coredns.html, "CoreDNS versions"; read 2026-12-05): the latest, which is
 * not necessarily the default `aws.eks.getAddonVersion` answers.
 */
const GUIDE_LATEST: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "kube-proxy": { "1.32": "v1.32.9-eksbuild.2", "1.33": "v1.33.5-eksbuild.2", "1.34": "v1.34.1-eksbuild.2" },
  coredns: { "1.32": "v1.11.4-eksbuild.24", "1.33": "v1.12.4-eksbuild.1", "1.34": "v1.12.4-eksbuild.1" },
};

/** The sourced defaults the assumptions start from. */
const SOURCED_DEFAULT_VERSION = "1.35";

/**
 * ASSUMPTIONS for the add-on defaults of every Kubernetes version the config accepts
 * (EKS_KUBERNETES_VERSIONS in config/aws-data.ts) that EKS_ADDON_DEFAULTS does not hold:
 *   - kube-proxy and CoreDNS, whose versions follow the Kubernetes version: the guide's latest
 *     (GUIDE_LATEST) where it lists the version; kube-proxy for a newer version than the guide
 *     lists: `v<version>.0-eksbuild.1`, made up in the form of its versions;
 *   - the other add-ons, and CoreDNS for a version the guide does not list: the sourced default of
 *     1.35 (these are not built per Kubernetes version: the guide's VPC CNI table lists the same
 *     version for most Kubernetes versions it covers, managing-vpc-cni.html, "Amazon VPC CNI
 *     versions").
 * The plan marks every answer taken from here as made up and lists it.
 */
export const EKS_ADDON_ASSUMED: Readonly<Record<string, Readonly<Record<string, AssumedVersion>>>> = Object.fromEntries(
  EKS_KUBERNETES_VERSIONS.map((v) => v.version)
    .filter((version) => EKS_ADDON_DEFAULTS[version] === undefined)
    .map((version) => [
      version,
      Object.fromEntries(
        Object.entries(EKS_ADDON_DEFAULTS[SOURCED_DEFAULT_VERSION]).map(
          ([addon, sourced]): [string, AssumedVersion] => {
            const latest = GUIDE_LATEST[addon]?.[version];
            if (latest !== undefined)
              return [addon, { version: latest, basis: `the EKS User Guide's latest ${addon} for ${version}` }];
            if (addon === "kube-proxy")
              return [
                addon,
                { version: `v${version}.0-eksbuild.1`, basis: `made up in the form of kube-proxy's versions` },
              ];
            return [addon, { version: sourced, basis: `the sourced default for ${SOURCED_DEFAULT_VERSION}` }];
          },
        ),
      ),
    ]),
);

// ---------------------------------------------------------------------------------------------
// Worlds.

/** A world for a region: the account, the region's facts, no existing network and no cluster. */
export function makeWorld(
  region: string,
  extra: Partial<
    Pick<
      World,
      | "vpcs"
      | "subnets"
      | "zones"
      | "previousOutputs"
      | "networkInterfaces"
      | "albHostedZoneIds"
      | "eksAddonDefaults"
      | "eksAddonAssumed"
      | "callerIdentity"
      | "eksUnsupportedZoneIds"
      | "instanceTypeOfferings"
      | "sourcedInstanceTypes"
      | "completeZoneOfferings"
      | "eksClusters"
    >
  > = {},
): World {
  const held = REGION_ZONES[region] !== undefined;
  return {
    region,
    accountId: MOCK_ACCOUNT_ID,
    callerIdentity: extra.callerIdentity ?? CALLER_IDENTITY,
    partition: partitionOf(region),
    zones: extra.zones ?? REGION_ZONES[region] ?? [],
    regionHeld: extra.zones !== undefined || held,
    // The program's own table (stack/zones.ts), with its source.
    eksUnsupportedZoneIds: extra.eksUnsupportedZoneIds ?? EKS_UNSUPPORTED_ZONE_IDS[region] ?? [],
    instanceTypeOfferings: extra.instanceTypeOfferings ?? INSTANCE_TYPE_OFFERINGS,
    sourcedInstanceTypes: extra.sourcedInstanceTypes ?? SOURCED_INSTANCE_TYPES,
    completeZoneOfferings: extra.completeZoneOfferings ?? COMPLETE_ZONE_OFFERINGS,
    albHostedZoneIds: extra.albHostedZoneIds ?? ALB_HOSTED_ZONE_IDS,
    eksAddonDefaults: extra.eksAddonDefaults ?? EKS_ADDON_DEFAULTS,
    eksAddonAssumed: extra.eksAddonAssumed ?? EKS_ADDON_ASSUMED,
    networkInterfaces: extra.networkInterfaces ?? [],
    vpcs: extra.vpcs ?? {},
    subnets: extra.subnets ?? {},
    eksClusters: extra.eksClusters ?? {},
    ...(extra.previousOutputs ? { previousOutputs: extra.previousOutputs } : {}),
  };
}

/**
 * A world that holds the existing VPC a stack names: the VPC as 10.20.0.0/16 with DNS support and
 * DNS host names on and an internet gateway, and its private and public subnets, the i-th of each
 * in the region's i-th zone by name, private ones 10.20.0.0/24, 10.20.1.0/24, ..., public ones
 * 10.20.100.0/24, 10.20.101.0/24, ... No source: the CIDRs and the gateway's id are made up for the
 * example stack existing-vpc (its config names only the ids).
 */
export function worldForExistingNetwork(
  region: string,
  vpcId: string,
  privateSubnetIds: readonly string[],
  publicSubnetIds: readonly string[],
): World {
  // A region the world lacks: its lookups fail naming REGION_ZONES (lacksRegion).
  if (REGION_ZONES[region] === undefined) return makeWorld(region);
  const zones = [...regionZones(region)].sort((a, b) => a.name.localeCompare(b.name));
  const subnets: Record<string, WorldSubnet> = {};
  const add = (ids: readonly string[], base: number) =>
    ids.forEach((id, i) => {
      if (i >= zones.length) throw new Error(`${region} has ${zones.length} zones in this world, not ${ids.length}`);
      subnets[id] = {
        vpcId,
        cidrBlock: `10.20.${base + i}.0/24`,
        availabilityZone: zones[i].name,
        availabilityZoneId: zones[i].id,
      };
    });
  add(privateSubnetIds, 0);
  add(publicSubnetIds, 100);
  const vpc: WorldVpc = {
    cidrBlock: "10.20.0.0/16",
    enableDnsSupport: true,
    enableDnsHostnames: true,
    internetGatewayId: "igw-0c4e2a6b8d0f13579",
  };
  return makeWorld(region, { vpcs: { [vpcId]: vpc }, subnets });
}
