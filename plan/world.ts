/**
 * The AWS account the offline plan and the tests pretend to run against, and every fact it answers:
 * the account and the caller, the partition, the region's Availability Zones (names and ids), the
 * instance types each zone offers, the zones where EKS refuses a control plane, the ALB hosted zones,
 * the EKS add-on default versions, the network interfaces its load balancers get, the existing VPC
 * (with its DNS attributes and gateway) and subnets a stack names, the EKS clusters it already runs,
 * and the stack's last outputs. Plain data; deterministic. What the account refuses because of these
 * facts (a control plane in an unsupported zone, an instance type a zone does not offer, an
 * internet-facing load balancer without a gateway) is in resources.ts.
 *
 * Each fact names its public source beside it. A fact with no public source says so: it is made up
 * for the fake account, in the shape AWS gives it.
 */

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
  /** The AZ ids where EKS refuses a control plane subnet. */
  readonly eksUnsupportedZoneIds: readonly string[];
  /** Instance types offered per AZ id. */
  readonly instanceTypeOfferings: Readonly<Record<string, readonly string[]>>;
  /** The Route 53 hosted zone id of Application Load Balancers, per region (a load balancer's `zoneId`). */
  readonly albHostedZoneIds: Readonly<Record<string, string>>;
  /** The default version of each EKS add-on, per Kubernetes minor version. */
  readonly eksAddonDefaults: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The network interfaces in the region, load balancers' included. */
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
 * lands in use1-az3, where EKS cannot place a control plane (EKS_UNSUPPORTED_ZONE_IDS).
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

/** The zones this account has in `region`; an error for a region the world does not hold. */
export function regionZones(region: string): readonly WorldZone[] {
  const zones = REGION_ZONES[region];
  if (!zones)
    throw new Error(`the world holds no Availability Zones for ${region}: add them to REGION_ZONES in plan/world.ts`);
  return zones;
}

/**
 * The AZ ids where EKS cannot place a cluster's control plane: CreateCluster with a subnet there
 * fails with UnsupportedAvailabilityZoneException. Source (read 2026-12-05): Amazon EKS User Guide,
 * "View Amazon EKS networking requirements for VPC and subnets", "Subnet requirements for clusters"
 * (awsdocs/amazon-eks-user-guide latest/ug/networking/network-reqs.adoc, commit 101184e): "The
 * subnets can't reside in the following Availability Zones": use1-az3, usw1-az2, cac1-az3.
 */
export const EKS_UNSUPPORTED_ZONE_IDS: readonly string[] = ["use1-az3", "usw1-az2", "cac1-az3"];

/**
 * Which instance types each zone offers (ec2 DescribeInstanceTypeOfferings with location type
 * `availability-zone-id`), for the instance types the example stacks use, by AZ id. Source: the
 * public describe-instance-type-offerings output per zone of the taskcluster account
 * (taskcluster/community-tc-config config/ec2-instance-type-offerings/<zone>.json, commit 4135f1f,
 * written by misc/update-ec2-instance-types.sh): every zone of us-east-2, us-west-2, eu-west-1 and
 * eu-central-1 offers r7a.2xlarge and m7a.xlarge, and five of the six us-east-1 zones do; the sixth
 * offers neither (nor any other Nitro type such as t3.micro). Those files are keyed by the
 * taskcluster account's zone names, whose ids are not published: that the zone without them is
 * use1-az3 is inferred from "AWS AZs: Not all are Equal" (wolfman.dev, 2021: use1-az3 is the
 * us-east-1 zone without Nitro instances). A type not listed here is offered nowhere in this world.
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

/**
 * The network interfaces the example stacks' Application Load Balancers get, per region. Source for
 * the shape: an ALB has one interface in each subnet it is placed in, described `ELB
 * app/<load-balancer-name>/<load-balancer-id>` (AWS re:Post Knowledge Center, "What are the source
 * IP addresses of traffic that Elastic Load Balancing sends to my web servers?", which finds them with
 * `aws ec2 describe-network-interfaces --filters Name=description,Values="ELB app/<name>/<id>"`).
 * No source for the values: the interface ids and addresses are made up, each address inside the
 * CIDR of the subnet the stack places the load balancer in (public subnets for dev, access and
 * existing-vpc, private ones for the internal load balancer). The load balancer names and ids are
 * the ones the offline plan gives these stacks (random suffix and id as plan/resources.ts computes
 * them); a load balancer not listed here has no interfaces, and the lookup answers an empty list.
 */
const LOAD_BALANCER_INTERFACES: Readonly<Record<string, readonly WorldNetworkInterface[]>> = {
  // Pulumi.dev.yaml: public subnets 10.0.100.0/24 (us-east-1a, use1-az2) and 10.0.101.0/24
  // (us-east-1c, use1-az1; us-east-1b is use1-az3, which the program leaves out).
  "us-east-1": [
    {
      id: "eni-0b6e3d1b1c4f5e2a7",
      description: "ELB app/acme-datafold-eeadec/5b8db17838f2c5ac",
      privateIp: "10.0.100.217",
      availabilityZone: "us-east-1a",
    },
    {
      id: "eni-05c9a71f2e8d4b3c6",
      description: "ELB app/acme-datafold-eeadec/5b8db17838f2c5ac",
      privateIp: "10.0.101.202",
      availabilityZone: "us-east-1c",
    },
  ],
  // Pulumi.access.yaml: the default public subnets 10.0.100.0/24 and 10.0.101.0/24.
  "us-east-2": [
    {
      id: "eni-0e41d6a8c2b7f9035",
      description: "ELB app/hooli-datafold-feaabd/1e003677f0341231",
      privateIp: "10.0.100.247",
      availabilityZone: "us-east-2a",
    },
    {
      id: "eni-09f2b4c6d8e0a1357",
      description: "ELB app/hooli-datafold-feaabd/1e003677f0341231",
      privateIp: "10.0.101.191",
      availabilityZone: "us-east-2b",
    },
  ],
  // Pulumi.existing-vpc.yaml: the existing public subnets 10.20.100.0/24 and 10.20.101.0/24.
  "eu-west-1": [
    {
      id: "eni-0a7c5e3b1d9f2468a",
      description: "ELB app/globex-datafold-cebcea/f63c6e38b426c535",
      privateIp: "10.20.100.67",
      availabilityZone: "eu-west-1a",
    },
    {
      id: "eni-03d8f6b4a2c0e9175",
      description: "ELB app/globex-datafold-cebcea/f63c6e38b426c535",
      privateIp: "10.20.101.186",
      availabilityZone: "eu-west-1b",
    },
  ],
  // Pulumi.internal.yaml: an internal load balancer in the private subnets 10.0.0.0/24
  // (us-west-2c, usw2-az1) and 10.0.1.0/24 (us-west-2a, usw2-az2).
  "us-west-2": [
    {
      id: "eni-0c2e4a6b8d0f13579",
      description: "ELB app/initech-datafold-eafdec/f05d16fb94ce8497",
      privateIp: "10.0.0.187",
      availabilityZone: "us-west-2c",
    },
    {
      id: "eni-06b8d0f2a4c6e8135",
      description: "ELB app/initech-datafold-eafdec/f05d16fb94ce8497",
      privateIp: "10.0.1.95",
      availabilityZone: "us-west-2a",
    },
  ],
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
 * 1.35-compatible versions". AWS's own tables (docs.aws.amazon.com/eks/latest/userguide/
 * managing-kube-proxy.html and friends) list the latest version, not the default. No other
 * Kubernetes version is held: a lookup for one fails.
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
      | "callerIdentity"
      | "eksUnsupportedZoneIds"
      | "instanceTypeOfferings"
      | "eksClusters"
    >
  > = {},
): World {
  return {
    region,
    accountId: MOCK_ACCOUNT_ID,
    callerIdentity: extra.callerIdentity ?? CALLER_IDENTITY,
    partition: partitionOf(region),
    zones: extra.zones ?? regionZones(region),
    eksUnsupportedZoneIds: extra.eksUnsupportedZoneIds ?? EKS_UNSUPPORTED_ZONE_IDS,
    instanceTypeOfferings: extra.instanceTypeOfferings ?? INSTANCE_TYPE_OFFERINGS,
    albHostedZoneIds: extra.albHostedZoneIds ?? ALB_HOSTED_ZONE_IDS,
    eksAddonDefaults: extra.eksAddonDefaults ?? EKS_ADDON_DEFAULTS,
    networkInterfaces: extra.networkInterfaces ?? LOAD_BALANCER_INTERFACES[region] ?? [],
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
