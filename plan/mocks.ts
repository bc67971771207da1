/**
 * Pulumi mocks backed by a World: realistic ids and computed outputs for every resource type the
 * program declares, realistic answers for the invokes it makes, and an error for any other invoke
 * so that a new lookup cannot slip through untested.
 */
import { createHash } from "crypto";

import type * as pulumi from "@pulumi/pulumi";

import type { World } from "./world";

type Inputs = Record<string, unknown>;

/** A short deterministic hex id for a resource, stable across runs. */
export function hexId(type: string, name: string, length = 17): string {
  return createHash("sha256").update(`${type}::${name}`).digest("hex").slice(0, length);
}

/** What a resource type computes on creation, keyed by type token. */
const COMPUTED: Record<string, (w: World, name: string, inputs: Inputs, hex: string) => { id: string; state: Inputs }> =
  {
    "aws:ec2/vpc:Vpc": (w, _n, _i, hex) => ({
      id: `vpc-${hex}`,
      state: {
        arn: `arn:aws:ec2:${w.region}:${w.accountId}:vpc/vpc-${hex}`,
        defaultSecurityGroupId: `sg-${hex}`,
        mainRouteTableId: `rtb-${hex}`,
      },
    }),
    "aws:ec2/subnet:Subnet": (w, _n, inputs, hex) => ({
      id: `subnet-${hex}`,
      state: {
        arn: `arn:aws:ec2:${w.region}:${w.accountId}:subnet/subnet-${hex}`,
        availabilityZone: w.zones.find((z) => z.id === inputs.availabilityZoneId)?.name ?? inputs.availabilityZone,
        availabilityZoneId: inputs.availabilityZoneId ?? w.zones.find((z) => z.name === inputs.availabilityZone)?.id,
      },
    }),
    "aws:ec2/internetGateway:InternetGateway": (_w, _n, _i, hex) => ({ id: `igw-${hex}`, state: {} }),
    "aws:ec2/eip:Eip": (_w, _n, _i, hex) => ({
      id: `eipalloc-${hex}`,
      state: { allocationId: `eipalloc-${hex}`, publicIp: `203.0.113.${parseInt(hex.slice(0, 2), 16) % 254}` },
    }),
    "aws:ec2/natGateway:NatGateway": (_w, _n, _i, hex) => ({ id: `nat-${hex}`, state: {} }),
    "aws:ec2/routeTable:RouteTable": (_w, _n, _i, hex) => ({ id: `rtb-${hex}`, state: {} }),
    "aws:ec2/route:Route": (_w, _n, _i, hex) => ({ id: `r-rtb-${hex}`, state: {} }),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": (_w, _n, _i, hex) => ({ id: `rtbassoc-${hex}`, state: {} }),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": (_w, _n, _i, hex) => ({ id: `sg-${hex}`, state: {} }),
    "aws:ec2/flowLog:FlowLog": (_w, _n, _i, hex) => ({ id: `fl-${hex}`, state: {} }),
    "aws:cloudwatch/logGroup:LogGroup": (w, name, inputs) => {
      const groupName = (inputs.name as string | undefined) ?? name;
      return {
        id: groupName,
        state: { name: groupName, arn: `arn:aws:logs:${w.region}:${w.accountId}:log-group:${groupName}` },
      };
    },
    "aws:iam/role:Role": (w, name, inputs) => {
      const roleName = (inputs.name as string | undefined) ?? `${name}-${hexId("role", name, 7)}`;
      return {
        id: roleName,
        state: {
          name: roleName,
          arn: `arn:aws:iam::${w.accountId}:role/${roleName}`,
          uniqueId: `AROA${hexId("uid", name, 16).toUpperCase()}`,
        },
      };
    },
    "aws:iam/rolePolicy:RolePolicy": (_w, name) => ({ id: `${name}:${name}`, state: {} }),
    "aws:ebs/volume:Volume": (w, _n, inputs, hex) => ({
      id: `vol-${hex}`,
      state: {
        arn: `arn:aws:ec2:${w.region}:${w.accountId}:volume/vol-${hex}`,
        availabilityZone: inputs.availabilityZone,
      },
    }),
    "aws:s3/bucket:Bucket": (w, name, inputs) => {
      const bucket = (inputs.bucket as string | undefined) ?? `${name}-${hexId("bucket", name, 7)}`;
      return {
        id: bucket,
        state: {
          bucket,
          arn: `arn:aws:s3:::${bucket}`,
          bucketRegionalDomainName: `${bucket}.s3.${w.region}.amazonaws.com`,
          region: w.region,
        },
      };
    },
    "aws:kms/key:Key": (w, name) => {
      const h = hexId("kms", name, 32);
      const keyId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
      return { id: keyId, state: { keyId, arn: `arn:aws:kms:${w.region}:${w.accountId}:key/${keyId}` } };
    },
    "aws:kms/alias:Alias": (w, _n, inputs) => ({
      id: inputs.name as string,
      state: { arn: `arn:aws:kms:${w.region}:${w.accountId}:${inputs.name as string}` },
    }),
    "aws:rds/subnetGroup:SubnetGroup": (w, name, inputs) => {
      const groupName = (inputs.name as string | undefined) ?? `${name}-${hexId("sng", name, 7)}`;
      return {
        id: groupName,
        state: { name: groupName, arn: `arn:aws:rds:${w.region}:${w.accountId}:subgrp:${groupName}` },
      };
    },
    "aws:rds/parameterGroup:ParameterGroup": (w, name, inputs) => {
      const groupName = (inputs.name as string | undefined) ?? `${name}-${hexId("pg", name, 7)}`;
      return {
        id: groupName,
        state: { name: groupName, arn: `arn:aws:rds:${w.region}:${w.accountId}:pg:${groupName}` },
      };
    },
    "aws:rds/instance:Instance": (w, name, inputs, hex) => {
      const identifier = (inputs.identifier as string | undefined) ?? name;
      const address = `${identifier}.c${hex.slice(0, 12)}.${w.region}.rds.amazonaws.com`;
      const port = typeof inputs.port === "number" ? inputs.port : 5432;
      return {
        id: `db-${hex.toUpperCase()}`,
        state: {
          identifier,
          address,
          endpoint: `${address}:${port}`,
          port,
          arn: `arn:aws:rds:${w.region}:${w.accountId}:db:${identifier}`,
          resourceId: `db-${hex.toUpperCase()}`,
        },
      };
    },
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (w, _n, inputs) => {
      const url = String(inputs.url).replace(/^https:\/\//, "");
      return {
        id: `arn:aws:iam::${w.accountId}:oidc-provider/${url}`,
        state: { arn: `arn:aws:iam::${w.accountId}:oidc-provider/${url}` },
      };
    },
    "aws:ec2/launchTemplate:LaunchTemplate": (w, _n, _i, hex) => ({
      id: `lt-${hex}`,
      state: {
        arn: `arn:aws:ec2:${w.region}:${w.accountId}:launch-template/lt-${hex}`,
        latestVersion: 1,
        defaultVersion: 1,
      },
    }),
    "aws:eks/nodeGroup:NodeGroup": (w, name, inputs) => {
      const groupName = (inputs.nodeGroupName as string | undefined) ?? `${name}-${hexId("ng", name, 7)}`;
      return {
        id: `${inputs.clusterName as string}:${groupName}`,
        state: {
          nodeGroupName: groupName,
          arn: `arn:aws:eks:${w.region}:${w.accountId}:nodegroup/${inputs.clusterName as string}/${groupName}/${hexId("ngid", name, 8)}`,
          status: "ACTIVE",
        },
      };
    },
    "aws:eks/addon:Addon": (w, _n, inputs) => ({
      id: `${inputs.clusterName as string}:${inputs.addonName as string}`,
      state: {
        arn: `arn:aws:eks:${w.region}:${w.accountId}:addon/${inputs.clusterName as string}/${inputs.addonName as string}/x`,
      },
    }),
    "aws:lb/loadBalancer:LoadBalancer": (w, name, inputs, hex) => {
      const lbName = (inputs.name as string | undefined) ?? `${name}-${hex.slice(0, 7)}`.slice(0, 32);
      const suffix = `app/${lbName}/${hex.slice(0, 16)}`;
      return {
        id: `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:loadbalancer/${suffix}`,
        state: {
          name: lbName,
          arn: `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:loadbalancer/${suffix}`,
          arnSuffix: suffix,
          dnsName: `${inputs.internal === true ? "internal-" : ""}${lbName}-${parseInt(hex.slice(0, 8), 16)}.${w.region}.elb.amazonaws.com`,
          zoneId: "Z35SXDOTRQ7X7K",
        },
      };
    },
    "aws:lb/targetGroup:TargetGroup": (w, name, _i, hex) => {
      const suffix = `targetgroup/${`${name}-${hex.slice(0, 7)}`.slice(0, 32)}/${hex.slice(0, 16)}`;
      return {
        id: `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:${suffix}`,
        state: { arn: `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:${suffix}`, arnSuffix: suffix },
      };
    },
    "aws:lb/listener:Listener": (w, name, _i, hex) => ({
      id: `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:listener/app/${name}/${hex.slice(0, 16)}`,
      state: {
        arn: `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:listener/app/${name}/${hex.slice(0, 16)}`,
      },
    }),
    "aws:acm/certificate:Certificate": (w, name, inputs) => {
      const h = hexId("cert", name, 32);
      const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
      const domain = inputs.domainName as string;
      return {
        id: `arn:aws:acm:${w.region}:${w.accountId}:certificate/${id}`,
        state: {
          arn: `arn:aws:acm:${w.region}:${w.accountId}:certificate/${id}`,
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
    "aws:iam/policy:Policy": (w, name) => {
      const policyName = `${name}-${hexId("policy", name, 7)}`;
      return {
        id: `arn:aws:iam::${w.accountId}:policy/${policyName}`,
        state: { name: policyName, arn: `arn:aws:iam::${w.accountId}:policy/${policyName}` },
      };
    },
    "aws:ec2/securityGroup:SecurityGroup": (w, _n, _i, hex) => ({
      id: `sg-${hex}`,
      state: { arn: `arn:aws:ec2:${w.region}:${w.accountId}:security-group/sg-${hex}` },
    }),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (_w, _n, _i, hex) => ({ id: `sgr-${hex}`, state: {} }),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (_w, _n, _i, hex) => ({ id: `sgr-${hex}`, state: {} }),
    "random:index/randomString:RandomString": (_w, name, inputs) => {
      const length = (inputs.length as number | undefined) ?? 8;
      const result = hexId("random", name, 64)
        .replace(/[^a-z]/g, "")
        .padEnd(length, "x")
        .slice(0, length);
      return { id: result, state: { result } };
    },
    "random:index/randomPassword:RandomPassword": (_w, name, inputs) => {
      const length = (inputs.length as number | undefined) ?? 16;
      return { id: "none", state: { result: `mock${hexId("password", name, 64)}`.slice(0, length) } };
    },
    "pulumi:pulumi:StackReference": (w, name) => ({
      id: name,
      state: { name, outputs: w.previousOutputs ?? {}, secretOutputNames: [] },
    }),
  };

/** The outputs of @pulumi/eks's Cluster, as the real component computes them. */
const REMOTE_COMPONENTS: Record<string, (w: World, name: string, inputs: Inputs) => Inputs> = {
  "eks:index:Cluster": (w, name, inputs) => {
    const clusterName = (inputs.name as string | undefined) ?? `${name}-eksCluster-${hexId("eks", name, 7)}`;
    const id = hexId("oidc", name, 32).toUpperCase();
    const endpoint = `https://${hexId("endpoint", name, 32).toUpperCase()}.gr7.${w.region}.eks.amazonaws.com`;
    const issuer = `oidc.eks.${w.region}.amazonaws.com/id/${id}`;
    const sg = `sg-${hexId("eks-cluster-sg", name)}`;
    const kubeconfig = {
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: "kubernetes", cluster: { server: endpoint, "certificate-authority-data": "TU9DSy1DQQ==" } }],
      contexts: [{ name: "aws", context: { cluster: "kubernetes", user: "aws" } }],
      "current-context": "aws",
      users: [
        {
          name: "aws",
          user: {
            exec: {
              apiVersion: "client.authentication.k8s.io/v1beta1",
              command: "aws",
              args: ["eks", "get-token", "--cluster-name", clusterName, "--output", "json"],
            },
          },
        },
      ],
    };
    return {
      kubeconfig,
      kubeconfigJson: JSON.stringify(kubeconfig),
      clusterSecurityGroupId: sg,
      nodeSecurityGroupId: sg,
      oidcIssuer: issuer,
      oidcProviderUrl: issuer,
      oidcProviderArn: `arn:aws:iam::${w.accountId}:oidc-provider/${issuer}`,
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

/** EKS add-on versions the mock region reports as the default for a Kubernetes version. */
const ADDON_DEFAULTS: Record<string, string> = {
  "vpc-cni": "v1.20.4-eksbuild.2",
  "kube-proxy": "v1.35.0-eksbuild.2",
  coredns: "v1.12.4-eksbuild.1",
  "aws-ebs-csi-driver": "v1.53.0-eksbuild.1",
};

export interface RecordedCall {
  readonly token: string;
  readonly inputs: Inputs;
}

export class WorldMocks implements pulumi.runtime.Mocks {
  /** Every invoke made, in order. */
  readonly calls: RecordedCall[] = [];

  constructor(readonly world: World) {}

  newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Inputs } {
    const inputs = args.inputs as Inputs;
    if (args.custom === false) {
      // Remote components (multi-language packages) register one resource and no children: the
      // mock answers their outputs as the real component would.
      const remote = REMOTE_COMPONENTS[args.type];
      return { id: undefined, state: remote ? remote(this.world, args.name, inputs) : {} };
    }
    const hex = hexId(args.type, args.name);
    const computed = COMPUTED[args.type]?.(this.world, args.name, inputs, hex) ?? {
      id: `${args.name}-${hex.slice(0, 8)}`,
      state: {},
    };
    return { id: computed.id, state: { ...inputs, ...computed.state } };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    try {
      return this.answer(args);
    } catch (err) {
      // The SDK reports a failed invoke by the `details` of the engine's gRPC error, as AWS errors arrive.
      throw Object.assign(new Error(String(err instanceof Error ? err.message : err)), {
        details: err instanceof Error ? err.message : String(err),
      });
    }
  }

  private answer(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    const inputs = args.inputs as Inputs;
    this.calls.push({ token: args.token, inputs });
    const w = this.world;
    switch (args.token) {
      case "aws:index/getAvailabilityZones:getAvailabilityZones":
        return {
          id: w.region,
          names: w.zones.map((z) => z.name),
          zoneIds: w.zones.map((z) => z.id),
          groupNames: w.zones.map(() => w.region),
          state: inputs.state,
        };
      case "aws:index/getCallerIdentity:getCallerIdentity":
        return {
          id: w.accountId,
          accountId: w.accountId,
          arn: `arn:aws:iam::${w.accountId}:user/offline-plan`,
          userId: "AIDAOFFLINEPLAN",
        };
      case "aws:index/getPartition:getPartition":
        return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
      case "aws:index/getRegion:getRegion":
        return {
          id: w.region,
          name: w.region,
          region: w.region,
          endpoint: `ec2.${w.region}.amazonaws.com`,
          description: w.region,
        };
      case "aws:eks/getAddonVersion:getAddonVersion": {
        const addonName = inputs.addonName as string;
        const version = ADDON_DEFAULTS[addonName];
        if (!version) throw new Error(`InvalidParameterException: add-on ${addonName} is not available`);
        return { id: addonName, addonName, kubernetesVersion: inputs.kubernetesVersion, version };
      }
      case "aws:ec2/getNetworkInterfaces:getNetworkInterfaces": {
        // An application load balancer in two AZs has one interface in each.
        const filters = (inputs.filters as { name: string; values: string[] }[] | undefined) ?? [];
        const description = filters.find((f) => f.name === "description")?.values[0] ?? "";
        return { id: w.region, ids: [0, 1].map((i) => `eni-${hexId("eni", `${description}#${i}`)}`), filters };
      }
      case "aws:ec2/getNetworkInterface:getNetworkInterface": {
        const id = inputs.id as string;
        const n = parseInt(id.slice(4, 6), 16) % 250;
        return { id, privateIp: `10.0.${100 + (parseInt(id.slice(6, 8), 16) % 2)}.${n + 4}`, description: "ELB" };
      }
      case "aws:ec2/getVpc:getVpc": {
        const id = inputs.id as string;
        const vpc = w.vpcs[id];
        if (!vpc) throw new Error(`InvalidVpcID.NotFound: The vpc ID '${id}' does not exist`);
        return {
          id,
          cidrBlock: vpc.cidrBlock,
          arn: `arn:aws:ec2:${w.region}:${w.accountId}:vpc/${id}`,
          state: "available",
        };
      }
      case "aws:ec2/getSubnet:getSubnet": {
        const id = inputs.id as string;
        const subnet = w.subnets[id];
        if (!subnet) throw new Error(`InvalidSubnetID.NotFound: The subnet ID '${id}' does not exist`);
        return { id, ...subnet, arn: `arn:aws:ec2:${w.region}:${w.accountId}:subnet/${id}` };
      }
      default:
        throw new Error(`unmocked invoke ${args.token}: add a realistic answer to plan/mocks.ts`);
    }
  }
}
