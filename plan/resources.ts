/**
 * What each resource type computes when it is created, from its inputs and the World: its id and
 * the outputs the provider adds. Every custom resource type the program may declare is listed here;
 * any other is an error naming it, so that a new resource type cannot plan silently with empty
 * state. Component resources compute nothing, except remote (multi-language) components, whose
 * outputs the real component computes: those are listed in REMOTE_COMPONENTS.
 */
import { createHash } from "crypto";

import { stringLeaves } from "./values";
import { offering, type World, type WorldNetworkInterface, type WorldSubnet } from "./world";

type Inputs = Record<string, unknown>;

export interface Created {
  readonly id: string;
  readonly state: Inputs;
}

/**
 * An address inside an IPv4 CIDR that AWS can hand out, chosen by `seed`: never the first four or
 * the last address of the block, which AWS reserves in every subnet (Amazon VPC User Guide,
 * "Subnet CIDR blocks"). Made up: AWS picks the real one.
 */
export function addressIn(cidr: string, seed: string): string {
  const [ip, bits] = cidr.split("/");
  const base = ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(bits));
  const offset = 4 + (parseInt(hexId("ip", seed, 8), 16) % Math.max(size - 5, 1));
  const n = base + offset;
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** The subnet ids a load balancer is placed in: `subnets`, or the ids of `subnetMappings`. */
function loadBalancerSubnetIds(state: Inputs): string[] {
  if (Array.isArray(state.subnets)) return state.subnets.map(String);
  if (Array.isArray(state.subnetMappings))
    return state.subnetMappings.map((m) => String((m as { subnetId?: unknown }).subnetId));
  return [];
}

/**
 * What the account holds beyond the world's fixed facts: the resources this run has created so
 * far, as later API calls see them (a subnet's AZ, whether a VPC has an internet gateway, a load
 * balancer's network interfaces).
 */
export class Account {
  private readonly subnets = new Map<string, WorldSubnet>();
  private readonly gatewayVpcs = new Set<string>();
  private readonly interfaces: WorldNetworkInterface[] = [];

  constructor(readonly world: World) {}

  /** Notes a resource the run created. */
  record(type: string, id: string, state: Inputs): void {
    if (type === "aws:ec2/subnet:Subnet") {
      this.subnets.set(id, {
        vpcId: String(state.vpcId),
        cidrBlock: String(state.cidrBlock),
        availabilityZone: String(state.availabilityZone),
        availabilityZoneId: String(state.availabilityZoneId),
      });
    }
    if (type === "aws:ec2/internetGateway:InternetGateway" && typeof state.vpcId === "string")
      this.gatewayVpcs.add(state.vpcId);
    // An Application Load Balancer gets one network interface in each subnet it is placed in,
    // described `ELB app/<name>/<id>` (its ARN suffix): AWS re:Post Knowledge Center, "What are the
    // source IP addresses of traffic that Elastic Load Balancing sends to my web servers?", which
    // finds them with `aws ec2 describe-network-interfaces --filters
    // Name=description,Values="ELB app/<name>/<id>"`. Ids and addresses are made up, each address
    // inside its subnet's CIDR. A subnet neither the run nor the world knows gets none.
    if (type === "aws:lb/loadBalancer:LoadBalancer" && typeof state.arnSuffix === "string") {
      for (const subnetId of loadBalancerSubnetIds(state)) {
        const subnet = this.subnet(subnetId);
        if (subnet === undefined) continue;
        const seed = `${state.arnSuffix}:${subnetId}`;
        this.interfaces.push({
          id: `eni-${hexId("eni", seed)}`,
          description: `ELB ${state.arnSuffix}`,
          privateIp: addressIn(subnet.cidrBlock, seed),
          availabilityZone: subnet.availabilityZone,
        });
      }
    }
  }

  /** The world as later API calls see it: its network interfaces with those this run created. */
  current(): World {
    return this.interfaces.length === 0
      ? this.world
      : { ...this.world, networkInterfaces: [...this.world.networkInterfaces, ...this.interfaces] };
  }

  /** A subnet created in this run or held by the world; undefined for one neither knows. */
  subnet(id: string): WorldSubnet | undefined {
    return this.subnets.get(id) ?? this.world.subnets[id];
  }

  /** Whether the VPC has an internet gateway attached. */
  hasInternetGateway(vpcId: string): boolean {
    return this.gatewayVpcs.has(vpcId) || this.world.vpcs[vpcId]?.internetGatewayId !== undefined;
  }
}

type Compute = (w: World, name: string, inputs: Inputs, hex: string, account: Account) => Created;

/** The subnets of `ids` the account knows (component tests name subnets no one created). */
function knownSubnets(account: Account, ids: unknown): WorldSubnet[] {
  return (Array.isArray(ids) ? ids : [])
    .map((id) => account.subnet(String(id)))
    .filter((s): s is WorldSubnet => s !== undefined);
}

/** A short deterministic hex id for a resource, stable across runs. */
export function hexId(type: string, name: string, length = 17): string {
  return createHash("sha256").update(`${type}::${name}`).digest("hex").slice(0, length);
}

/** A deterministic id in UUID form (KMS key ids, ACM certificate ids, Kubernetes uids). */
function uuid(seed: string, name: string): string {
  const h = hexId(seed, name, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** An ARN in the world's partition; `region` empty for global services (IAM, S3 buckets). */
function arn(w: World, service: string, region: string, account: string, resource: string): string {
  return `arn:${w.partition.name}:${service}:${region}:${account}:${resource}`;
}

/**
 * @pulumi/aws 7 resources of regional services report the region they live in; all report
 * `tagsAll` (their tags merged with the provider's default tags, none here).
 */
const GLOBAL_AWS_SERVICES = new Set(["iam", "route53"]);

function awsCommon(type: string, w: World, inputs: Inputs): Inputs {
  const service = type.split(":")[1].split("/")[0];
  return {
    ...(GLOBAL_AWS_SERVICES.has(service) ? {} : { region: w.region }),
    ...(inputs.tags !== undefined ? { tagsAll: inputs.tags } : {}),
  };
}

const AWS: Record<string, Compute> = {
  // --- EC2 / VPC
  "aws:ec2/vpc:Vpc": (w, _n, _i, hex) => ({
    id: `vpc-${hex}`,
    state: {
      arn: arn(w, "ec2", w.region, w.accountId, `vpc/vpc-${hex}`),
      defaultSecurityGroupId: `sg-${hex}`,
      mainRouteTableId: `rtb-${hex}`,
    },
  }),
  "aws:ec2/subnet:Subnet": (w, _n, inputs, hex) => ({
    id: `subnet-${hex}`,
    state: {
      arn: arn(w, "ec2", w.region, w.accountId, `subnet/subnet-${hex}`),
      availabilityZone: w.zones.find((z) => z.id === inputs.availabilityZoneId)?.name ?? inputs.availabilityZone,
      availabilityZoneId: inputs.availabilityZoneId ?? w.zones.find((z) => z.name === inputs.availabilityZone)?.id,
    },
  }),
  "aws:ec2/internetGateway:InternetGateway": (_w, _n, _i, hex) => ({ id: `igw-${hex}`, state: {} }),
  "aws:ec2/eip:Eip": (_w, _n, _i, hex) => ({
    // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): an address no real Elastic IP has.
    id: `eipalloc-${hex}`,
    state: { allocationId: `eipalloc-${hex}`, publicIp: `203.0.113.${parseInt(hex.slice(0, 2), 16) % 254}` },
  }),
  "aws:ec2/natGateway:NatGateway": (_w, _n, _i, hex) => ({ id: `nat-${hex}`, state: {} }),
  "aws:ec2/routeTable:RouteTable": (_w, _n, _i, hex) => ({ id: `rtb-${hex}`, state: {} }),
  "aws:ec2/route:Route": (_w, _n, _i, hex) => ({ id: `r-rtb-${hex}`, state: {} }),
  "aws:ec2/routeTableAssociation:RouteTableAssociation": (_w, _n, _i, hex) => ({ id: `rtbassoc-${hex}`, state: {} }),
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": (_w, _n, _i, hex) => ({ id: `sg-${hex}`, state: {} }),
  "aws:ec2/flowLog:FlowLog": (_w, _n, _i, hex) => ({ id: `fl-${hex}`, state: {} }),
  "aws:ec2/securityGroup:SecurityGroup": (w, _n, _i, hex) => ({
    id: `sg-${hex}`,
    state: { arn: arn(w, "ec2", w.region, w.accountId, `security-group/sg-${hex}`) },
  }),
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (_w, _n, _i, hex) => ({ id: `sgr-${hex}`, state: {} }),
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (_w, _n, _i, hex) => ({ id: `sgr-${hex}`, state: {} }),
  "aws:ec2/launchTemplate:LaunchTemplate": (w, _n, _i, hex) => ({
    id: `lt-${hex}`,
    state: {
      arn: arn(w, "ec2", w.region, w.accountId, `launch-template/lt-${hex}`),
      latestVersion: 1,
      defaultVersion: 1,
    },
  }),
  "aws:ebs/volume:Volume": (w, _n, inputs, hex) => ({
    id: `vol-${hex}`,
    state: {
      arn: arn(w, "ec2", w.region, w.accountId, `volume/vol-${hex}`),
      availabilityZone: inputs.availabilityZone,
    },
  }),

  // --- CloudWatch Logs
  "aws:cloudwatch/logGroup:LogGroup": (w, name, inputs) => {
    const groupName = (inputs.name as string | undefined) ?? name;
    return {
      id: groupName,
      state: { name: groupName, arn: arn(w, "logs", w.region, w.accountId, `log-group:${groupName}`) },
    };
  },

  // --- IAM (global)
  "aws:iam/role:Role": (w, name, inputs) => {
    const roleName = (inputs.name as string | undefined) ?? `${name}-${hexId("role", name, 7)}`;
    return {
      id: roleName,
      state: {
        name: roleName,
        arn: arn(w, "iam", "", w.accountId, `role/${roleName}`),
        uniqueId: `AROA${hexId("uid", name, 16).toUpperCase()}`,
      },
    };
  },
  "aws:iam/rolePolicy:RolePolicy": (_w, name) => ({ id: `${name}:${name}`, state: {} }),
  // The Terraform provider's id: the role name, a dash and a unique id (resource.PrefixedUniqueId).
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (_w, name, inputs) => ({
    id: `${String(inputs.role)}-${BigInt(`0x${hexId("rpa", name, 20)}`)
      .toString()
      .padStart(26, "0")
      .slice(0, 26)}`,
    state: {},
  }),
  "aws:iam/policy:Policy": (w, name) => {
    const policyName = `${name}-${hexId("policy", name, 7)}`;
    return {
      id: arn(w, "iam", "", w.accountId, `policy/${policyName}`),
      state: {
        name: policyName,
        arn: arn(w, "iam", "", w.accountId, `policy/${policyName}`),
        policyId: `ANPA${hexId("policyid", name, 17).toUpperCase()}`,
      },
    };
  },
  "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (w, _n, inputs) => {
    const url = String(inputs.url).replace(/^https:\/\//, "");
    return {
      id: arn(w, "iam", "", w.accountId, `oidc-provider/${url}`),
      state: { arn: arn(w, "iam", "", w.accountId, `oidc-provider/${url}`) },
    };
  },

  // --- S3: the bucket's configuration resources take the bucket name as their id.
  "aws:s3/bucket:Bucket": (w, name, inputs) => {
    const bucket = (inputs.bucket as string | undefined) ?? `${name}-${hexId("bucket", name, 7)}`;
    return {
      id: bucket,
      state: {
        bucket,
        arn: arn(w, "s3", "", "", bucket),
        bucketDomainName: `${bucket}.s3.${w.partition.dnsSuffix}`,
        bucketRegionalDomainName: `${bucket}.s3.${w.region}.${w.partition.dnsSuffix}`,
        region: w.region,
      },
    };
  },
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": (_w, _n, inputs) => ({
    id: String(inputs.bucket),
    state: {},
  }),
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": (_w, _n, inputs) => ({
    id: String(inputs.bucket),
    state: {},
  }),
  "aws:s3/bucketPolicy:BucketPolicy": (_w, _n, inputs) => ({ id: String(inputs.bucket), state: {} }),
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": (_w, _n, inputs) => ({
    id: String(inputs.bucket),
    state: {},
  }),
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": (_w, _n, inputs) => ({
    id: String(inputs.bucket),
    state: {},
  }),
  "aws:s3/bucketVersioning:BucketVersioning": (_w, _n, inputs) => ({ id: String(inputs.bucket), state: {} }),

  // --- KMS
  "aws:kms/key:Key": (w, name) => {
    const keyId = uuid("kms", name);
    return { id: keyId, state: { keyId, arn: arn(w, "kms", w.region, w.accountId, `key/${keyId}`) } };
  },
  "aws:kms/alias:Alias": (w, _n, inputs) => ({
    id: inputs.name as string,
    state: { arn: arn(w, "kms", w.region, w.accountId, inputs.name as string) },
  }),

  // --- RDS
  "aws:rds/subnetGroup:SubnetGroup": (w, name, inputs) => {
    const groupName = (inputs.name as string | undefined) ?? `${name}-${hexId("sng", name, 7)}`;
    return {
      id: groupName,
      state: { name: groupName, arn: arn(w, "rds", w.region, w.accountId, `subgrp:${groupName}`) },
    };
  },
  "aws:rds/parameterGroup:ParameterGroup": (w, name, inputs) => {
    const groupName = (inputs.name as string | undefined) ?? `${name}-${hexId("pg", name, 7)}`;
    return {
      id: groupName,
      state: { name: groupName, arn: arn(w, "rds", w.region, w.accountId, `pg:${groupName}`) },
    };
  },
  "aws:rds/instance:Instance": (w, name, inputs, hex) => {
    const identifier = (inputs.identifier as string | undefined) ?? name;
    const address = `${identifier}.c${hex.slice(0, 12)}.${w.region}.rds.${w.partition.dnsSuffix}`;
    const port = typeof inputs.port === "number" ? inputs.port : 5432;
    return {
      id: `db-${hex.toUpperCase()}`,
      state: {
        identifier,
        address,
        endpoint: `${address}:${port}`,
        port,
        arn: arn(w, "rds", w.region, w.accountId, `db:${identifier}`),
        resourceId: `db-${hex.toUpperCase()}`,
      },
    };
  },

  // --- EKS
  // EC2 refuses to launch an instance type a zone does not offer; a managed node group's instances
  // fail so. The message is EC2's (quoted in taskcluster/community-tc-config
  // misc/update-ec2-instance-types.sh): "Your requested instance type (xxx.yyy) is not supported in
  // your requested Availability Zone (zzz)." An offering the world only assumes (plan/world.ts
  // `offering`) passes, as the lookup that chose the zones answered.
  "aws:eks/nodeGroup:NodeGroup": (w, name, inputs, _hex, account) => {
    for (const subnet of knownSubnets(account, inputs.subnetIds)) {
      for (const type of (inputs.instanceTypes as string[] | undefined) ?? []) {
        if (offering(w, subnet.availabilityZoneId, type) === "no") {
          throw new Error(
            `Unsupported: Your requested instance type (${type}) is not supported in your requested Availability Zone (${subnet.availabilityZone}).`,
          );
        }
      }
    }
    const groupName = (inputs.nodeGroupName as string | undefined) ?? `${name}-${hexId("ng", name, 7)}`;
    const cluster = inputs.clusterName as string;
    return {
      id: `${cluster}:${groupName}`,
      state: {
        nodeGroupName: groupName,
        arn: arn(w, "eks", w.region, w.accountId, `nodegroup/${cluster}/${groupName}/${hexId("ngid", name, 8)}`),
        status: "ACTIVE",
      },
    };
  },
  "aws:eks/addon:Addon": (w, name, inputs) => {
    const cluster = inputs.clusterName as string;
    const addon = inputs.addonName as string;
    return {
      id: `${cluster}:${addon}`,
      state: { arn: arn(w, "eks", w.region, w.accountId, `addon/${cluster}/${addon}/${uuid("addon", name)}`) },
    };
  },
  // The Terraform provider's ids: `cluster:principal` and `cluster#principal#policy`.
  "aws:eks/accessEntry:AccessEntry": (w, name, inputs) => {
    const cluster = String(inputs.clusterName);
    const principal = String(inputs.principalArn);
    const roleName = principal.split("/").pop() ?? principal;
    return {
      id: `${cluster}:${principal}`,
      state: {
        accessEntryArn: arn(
          w,
          "eks",
          w.region,
          w.accountId,
          `access-entry/${cluster}/role/${w.accountId}/${roleName}/${uuid("access-entry", name)}`,
        ),
        kubernetesGroups: inputs.kubernetesGroups ?? [],
        type: inputs.type ?? "STANDARD",
        userName: `arn:${w.partition.name}:sts::${w.accountId}:assumed-role/${roleName}/{{SessionName}}`,
      },
    };
  },
  "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": (_w, _n, inputs) => ({
    id: `${String(inputs.clusterName)}#${String(inputs.principalArn)}#${String(inputs.policyArn)}`,
    state: {},
  }),

  // --- Elastic Load Balancing
  // An internet-facing load balancer needs the VPC's internet gateway: CreateLoadBalancer fails with
  // "InvalidSubnet: VPC vpc-... has no internet gateway" while none is attached (quoted in
  // hashicorp/terraform-provider-aws pull requests #3494 and #4587, which add the missing dependency).
  "aws:lb/loadBalancer:LoadBalancer": (w, name, inputs, hex, account) => {
    if (inputs.internal !== true) {
      for (const subnet of knownSubnets(account, inputs.subnets)) {
        if (!account.hasInternetGateway(subnet.vpcId))
          throw new Error(`InvalidSubnet: VPC ${subnet.vpcId} has no internet gateway`);
      }
    }
    const type = (inputs.loadBalancerType as string | undefined) ?? "application";
    if (type !== "application")
      throw new Error(`the world holds hosted zone ids for application load balancers only, not ${type}`);
    const zoneId = w.albHostedZoneIds[w.region];
    if (!zoneId)
      throw new Error(`no ALB hosted zone id for region ${w.region}: add it to ALB_HOSTED_ZONE_IDS in plan/world.ts`);
    const lbName = (inputs.name as string | undefined) ?? `${name}-${hex.slice(0, 7)}`.slice(0, 32);
    const suffix = `app/${lbName}/${hex.slice(0, 16)}`;
    return {
      id: arn(w, "elasticloadbalancing", w.region, w.accountId, `loadbalancer/${suffix}`),
      state: {
        name: lbName,
        arn: arn(w, "elasticloadbalancing", w.region, w.accountId, `loadbalancer/${suffix}`),
        arnSuffix: suffix,
        dnsName: `${inputs.internal === true ? "internal-" : ""}${lbName}-${parseInt(hex.slice(0, 8), 16)}.${w.region}.elb.${w.partition.dnsSuffix}`,
        zoneId,
      },
    };
  },
  "aws:lb/targetGroup:TargetGroup": (w, name, _i, hex) => {
    const suffix = `targetgroup/${`${name}-${hex.slice(0, 7)}`.slice(0, 32)}/${hex.slice(0, 16)}`;
    return {
      id: arn(w, "elasticloadbalancing", w.region, w.accountId, suffix),
      state: { arn: arn(w, "elasticloadbalancing", w.region, w.accountId, suffix), arnSuffix: suffix },
    };
  },
  "aws:lb/listener:Listener": (w, name, _i, hex) => ({
    id: arn(w, "elasticloadbalancing", w.region, w.accountId, `listener/app/${name}/${hex.slice(0, 16)}`),
    state: {
      arn: arn(w, "elasticloadbalancing", w.region, w.accountId, `listener/app/${name}/${hex.slice(0, 16)}`),
    },
  }),

  // --- ACM and Route 53
  "aws:acm/certificate:Certificate": (w, name, inputs) => {
    const id = uuid("cert", name);
    const domain = inputs.domainName as string;
    return {
      id: arn(w, "acm", w.region, w.accountId, `certificate/${id}`),
      state: {
        arn: arn(w, "acm", w.region, w.accountId, `certificate/${id}`),
        status: "PENDING_VALIDATION",
        domainValidationOptions: [
          {
            domainName: domain,
            resourceRecordName: `_${hexId("cname", domain, 32)}.${domain}.`,
            resourceRecordType: "CNAME",
            resourceRecordValue: `_${hexId("target", domain, 32)}.xlfgrmvvlj.acm-validations.aws.`,
          },
        ],
      },
    };
  },
  "aws:acm/certificateValidation:CertificateValidation": (_w, _n, inputs) => ({
    id: String(inputs.certificateArn),
    state: {},
  }),
  "aws:route53/record:Record": (_w, _n, inputs) => {
    const fqdn = String(inputs.name).replace(/\.$/, "");
    return { id: `${String(inputs.zoneId)}_${fqdn}_${String(inputs.type)}`, state: { fqdn } };
  },
};

/** Kubernetes objects: the API server gives each a uid and a resourceVersion. */
function k8sObject(clusterScoped: boolean, extra: (inputs: Inputs) => Inputs = () => ({})): Compute {
  return (_w, name, inputs, hex) => {
    const metadata = (inputs.metadata ?? {}) as Inputs;
    // The provider auto-names an object without metadata.name: the resource name and a random suffix.
    const objectName = (metadata.name as string | undefined) ?? `${name}-${hex.slice(0, 8)}`;
    const namespace = (metadata.namespace as string | undefined) ?? "default";
    return {
      // The provider's id: `name` for cluster-scoped objects, `namespace/name` for namespaced ones.
      id: clusterScoped ? objectName : `${namespace}/${objectName}`,
      state: {
        metadata: {
          ...metadata,
          name: objectName,
          ...(clusterScoped ? {} : { namespace }),
          uid: uuid("k8s-uid", name),
          resourceVersion: String(parseInt(hex.slice(0, 6), 16)),
          generation: 1,
        },
        ...extra(inputs),
      },
    };
  };
}

const KUBERNETES: Record<string, Compute> = {
  // The provider resource's state is its inputs; the engine gives it a UUID as its id.
  "pulumi:providers:kubernetes": (_w, name) => ({ id: uuid("provider", name), state: {} }),
  "kubernetes:core/v1:Namespace": k8sObject(true, () => ({
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  })),
  // A Helm release: its id is `namespace/name`; its status the installed release's first revision.
  // The chart's appVersion is a fact of the chart this world does not hold: left out.
  "kubernetes:helm.sh/v3:Release": (_w, name, inputs, hex) => {
    const releaseName = (inputs.name as string | undefined) ?? `${name}-${hex.slice(0, 8)}`;
    const namespace = (inputs.namespace as string | undefined) ?? "default";
    return {
      id: `${namespace}/${releaseName}`,
      state: {
        name: releaseName,
        namespace,
        status: {
          name: releaseName,
          namespace,
          chart: inputs.chart,
          version: inputs.version,
          revision: 1,
          status: "deployed",
        },
      },
    };
  },
};

/** The random provider's defaults, which it reports as outputs (@pulumi/random's RandomString/RandomPassword docs). */
function randomDefaults(inputs: Inputs): Inputs {
  return {
    lower: inputs.lower ?? true,
    minLower: inputs.minLower ?? 0,
    minNumeric: inputs.minNumeric ?? 0,
    minSpecial: inputs.minSpecial ?? 0,
    minUpper: inputs.minUpper ?? 0,
    number: inputs.number ?? inputs.numeric ?? true,
    numeric: inputs.numeric ?? inputs.number ?? true,
    special: inputs.special ?? true,
    upper: inputs.upper ?? true,
  };
}

const RANDOM: Record<string, Compute> = {
  // Lowercase hex letters only: fits every combination of character classes the program asks for.
  "random:index/randomString:RandomString": (_w, name, inputs) => {
    const length = inputs.length as number;
    const result = hexId("random", name, 64)
      .replace(/[^a-z]/g, "")
      .padEnd(length, "x")
      .slice(0, length);
    return { id: result, state: { ...randomDefaults(inputs), result } };
  },
  // The provider's id for a password is the literal "none". "Mock0" and hex digits: an upper- and
  // lower-case letter and a digit, which fits every minimum the program asks for (minUpper,
  // minLower, minNumeric 1) and no special character.
  "random:index/randomPassword:RandomPassword": (_w, name, inputs) => {
    const length = inputs.length as number;
    return {
      id: "none",
      state: {
        ...randomDefaults(inputs),
        result: `Mock0${hexId("password", name, 64)}`.slice(0, length),
        bcryptHash: `$2a$10$${hexId("bcrypt", name, 53)}`,
      },
    };
  },
};

const PULUMI: Record<string, Compute> = {
  // A stack reference is read, not created: its id and `name` are the referenced stack's name, its
  // outputs that stack's last outputs.
  "pulumi:pulumi:StackReference": (w, _n, inputs) => ({
    id: String(inputs.name),
    state: { name: inputs.name, outputs: w.previousOutputs ?? {}, secretOutputNames: [] },
  }),
};

const COMPUTED: Readonly<Record<string, Compute>> = { ...AWS, ...KUBERNETES, ...RANDOM, ...PULUMI };

type RemoteCompute = (w: World, name: string, inputs: Inputs, account: Account) => Inputs;

/**
 * The kubeconfig @pulumi/eks 4.3.0 generates for a cluster (pulumi/pulumi-eks
 * nodejs/eks/cluster/cluster.ts, generateKubeconfig, tag v4.3.0): `aws --region <region> eks
 * get-token --cluster-name <name> --output json`, plus `--role <arn>` with
 * providerCredentialOpts.roleArn, and the exec environment KUBERNETES_EXEC_INFO. The kubeconfig the
 * component exports (`kubeconfig`, `kubeconfigJson`) is the one without `--profile`: the component
 * adds the profile only to the kubeconfig of its own Kubernetes provider and to getKubeconfig().
 */
function eksKubeconfig(region: string, clusterName: string, endpoint: string, roleArn: unknown): Inputs {
  const args = ["--region", region, "eks", "get-token", "--cluster-name", clusterName, "--output", "json"];
  if (typeof roleArn === "string" && roleArn !== "") args.push("--role", roleArn);
  return {
    apiVersion: "v1",
    clusters: [{ cluster: { server: endpoint, "certificate-authority-data": "TU9DSy1DQQ==" }, name: "kubernetes" }],
    contexts: [{ context: { cluster: "kubernetes", user: "aws" }, name: "aws" }],
    "current-context": "aws",
    kind: "Config",
    users: [
      {
        name: "aws",
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args,
            env: [{ name: "KUBERNETES_EXEC_INFO", value: `{"apiVersion": "client.authentication.k8s.io/v1beta1"}` }],
          },
        },
      },
    ],
  };
}

/** The outputs of @pulumi/eks's Cluster, as the real component computes them. */
const REMOTE_COMPONENTS: Readonly<Record<string, RemoteCompute>> = {
  // EKS refuses a control plane subnet in a zone it does not support; the message is EKS's, as
  // quoted in aws-samples/amazon-eks-scaling-with-keda-and-karpenter issue #2.
  "eks:index:Cluster": (w, name, inputs, account) => {
    const clusterName = (inputs.name as string | undefined) ?? `${name}-eksCluster-${hexId("eks", name, 7)}`;
    const subnets = knownSubnets(account, inputs.privateSubnetIds ?? inputs.subnetIds);
    const refused = subnets.find((s) => w.eksUnsupportedZoneIds.includes(s.availabilityZoneId));
    if (refused) {
      const valid = w.zones.filter((z) => !w.eksUnsupportedZoneIds.includes(z.id)).map((z) => z.name);
      throw new Error(
        `UnsupportedAvailabilityZoneException: Cannot create cluster '${clusterName}' because EKS does not support creating control plane instances in ${refused.availabilityZone}, the targeted availability zone. Retry cluster creation using control plane subnets that span at least two of these availability zones: ${valid.join(", ")}.`,
      );
    }
    const id = hexId("oidc", name, 32).toUpperCase();
    const endpoint = `https://${hexId("endpoint", name, 32).toUpperCase()}.gr7.${w.region}.eks.${w.partition.dnsSuffix}`;
    const issuer = `oidc.eks.${w.region}.${w.partition.dnsSuffix}/id/${id}`;
    const sg = `sg-${hexId("eks-cluster-sg", name)}`;
    const credentials = (inputs.providerCredentialOpts ?? {}) as Inputs;
    const kubeconfig = eksKubeconfig(w.region, clusterName, endpoint, credentials.roleArn);
    return {
      kubeconfig,
      kubeconfigJson: JSON.stringify(kubeconfig),
      clusterSecurityGroupId: sg,
      nodeSecurityGroupId: sg,
      // The component's oidcProviderUrl is the issuer URL, oidcIssuer the same without https://;
      // oidcProviderArn is "" when the component creates no OIDC provider (createOidcProvider: false).
      oidcIssuer: issuer,
      oidcProviderUrl: `https://${issuer}`,
      oidcProviderArn:
        inputs.createOidcProvider === false ? "" : arn(w, "iam", "", w.accountId, `oidc-provider/${issuer}`),
      core: {
        endpoint,
        vpcId: inputs.vpcId,
        subnetIds: inputs.privateSubnetIds,
        privateSubnetIds: inputs.privateSubnetIds,
        nodeGroupOptions: {},
        instanceRoles: [],
      },
    };
  },
};

/**
 * Computed keys whose values are not inventions of this world: copies of inputs or of the world's
 * sourced facts (the region, the ALB hosted zone ids), and states every new resource has.
 */
const NOT_MADE_UP_KEYS = new Set(["region", "tagsAll", "zoneId", "status", "kubernetesGroups", "type", "spec"]);

/**
 * Whether an id is only its inputs joined (a Helm release's `namespace/name`, an access entry's
 * `cluster:principal`): the provider gives the same one for real.
 */
function joinsInputs(id: string, given: readonly string[]): boolean {
  let rest = id;
  for (const x of [...given].sort((a, b) => b.length - a.length)) if (x.length > 0) rest = rest.split(x).join("");
  return /^[:/#_|]*$/.test(rest);
}

/**
 * The strings only this world made up for a created resource (or a remote component's outputs):
 * its id and every computed string that is not one of its inputs, such as generated ids, ARNs with
 * a generated part, addresses, endpoints and validation records. What AWS assigns for real differs.
 */
export function madeUpStrings(id: string | undefined, inputs: Inputs, computed: Inputs): string[] {
  const leaves = stringLeaves(inputs);
  const given = new Set(leaves);
  const made = Object.entries(computed)
    .filter(([k]) => !NOT_MADE_UP_KEYS.has(k))
    .flatMap(([, v]) => stringLeaves(v));
  const ownId = id !== undefined && !joinsInputs(id, leaves) ? [id] : [];
  return [...ownId, ...made].filter((x) => !given.has(x));
}

/** What a custom resource of `type` computes: its id and its state (inputs and outputs). */
export function createResource(
  account: Account,
  type: string,
  name: string,
  inputs: Inputs,
): Created & { readonly madeUp: string[] } {
  const w = account.world;
  const compute = COMPUTED[type];
  if (!compute) {
    throw new Error(`unmocked resource type ${type} (${name}): add what it computes to COMPUTED in plan/resources.ts`);
  }
  const created = compute(w, name, inputs, hexId(type, name), account);
  const common = type.startsWith("aws:") ? awsCommon(type, w, inputs) : {};
  const state = { ...inputs, ...common, ...created.state };
  account.record(type, created.id, state);
  return { id: created.id, state, madeUp: madeUpStrings(created.id, inputs, created.state) };
}

/**
 * The strings only this world made up among a remote component's outputs. The kubeconfig is left
 * out: its endpoint is counted through `core.endpoint`, and the rest of it are @pulumi/eks's own
 * constants (user and context names, the `aws eks get-token` command).
 */
export function remoteMadeUpStrings(inputs: Inputs, outputs: Inputs): string[] {
  const rest = Object.fromEntries(
    Object.entries(outputs).filter(([k]) => k !== "kubeconfig" && k !== "kubeconfigJson"),
  );
  return madeUpStrings(undefined, inputs, rest);
}

/** What a remote (multi-language) component of `type` computes: its outputs. */
export function createRemoteComponent(account: Account, type: string, name: string, inputs: Inputs): Inputs {
  const compute = REMOTE_COMPONENTS[type];
  if (!compute) {
    throw new Error(
      `unmocked remote component ${type} (${name}): add the outputs it computes to REMOTE_COMPONENTS in plan/resources.ts`,
    );
  }
  return compute(account.world, name, inputs, account);
}
