import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import { nameTags } from "../shared/tags";
import { type NetworkArgs, type ResolvedNetworkArgs, withDefaults } from "./args";
import { existingSubnetProblems, type FoundSubnet, natForZone, natGatewayIndexes, subnetTags, type Zone } from "./plan";

/**
 * `value` (an id), resolving only once every resource of `ready` exists, and carrying them as dependencies:
 * a resource that takes it waits for them too (the engine orders by dependencies).
 */
function once(value: pulumi.Output<string>, ready: readonly pulumi.CustomResource[]): pulumi.Output<string> {
  return pulumi.all([value, ...ready.map((r) => r.id)]).apply(([v]) => v);
}

/**
 * The deployment's network: a new VPC with one private and one public subnet per AZ, NAT egress
 * and route tables; or, with `vpcId`, lookups of the given VPC and subnets and nothing created.
 * Everything else of the deployment goes into `privateSubnetIds`.
 *
 * A new VPC's subnet outputs resolve only when the subnets are usable: a public subnet once the
 * internet gateway is attached, the public route exists and the subnet is associated with it (AWS
 * refuses an internet-facing load balancer in a VPC without an attached gateway: "InvalidSubnet: VPC
 * ... has no internet gateway", hashicorp/terraform-provider-aws #3494, #4587); a private subnet
 * once its route table is associated and its NAT route exists (nodes without egress never join).
 * So every consumer of the outputs (load balancer, node groups, cluster, database) waits for them.
 */
export class Network extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  /** The VPC's CIDR (the real one for an existing VPC). */
  readonly vpcCidr: pulumi.Output<string>;
  /** Private subnet ids in AZ order; the first is in the primary AZ. */
  readonly privateSubnetIds: pulumi.Output<string[]>;
  /**
   * The same ids, one output per subnet (AZ order), so that a consumer of one subnet depends on
   * that subnet only (a node group in the primary AZ, say), not on all of them.
   */
  readonly privateSubnetIdList: pulumi.Output<string>[];
  /** Public subnet ids in AZ order (empty when there are none). */
  readonly publicSubnetIds: pulumi.Output<string[]>;
  /** AZ names in subnet order. */
  readonly availabilityZones: pulumi.Output<string[]>;
  /** The primary AZ's name (us-east-1a): the EBS volumes and the data node group live there. */
  readonly primaryAvailabilityZone: pulumi.Output<string>;
  /** The primary AZ's id (use1-az4). */
  readonly primaryAvailabilityZoneId: pulumi.Output<string>;
  /** The private subnet in the primary AZ. */
  readonly primaryPrivateSubnetId: pulumi.Output<string>;

  constructor(name: string, rawArgs: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("datafold:aws:Network", name, {}, opts);
    const args = withDefaults(rawArgs);
    const built = args.vpcId === "" ? this.createVpc(name, args) : this.lookUpVpc(args);

    this.vpcId = built.vpcId;
    this.vpcCidr = built.vpcCidr;
    this.privateSubnetIds = built.privateSubnetIds;
    this.privateSubnetIdList = built.privateSubnetIdList;
    this.publicSubnetIds = built.publicSubnetIds;
    this.availabilityZones = built.zones.apply((zs) => zs.map((z) => z.name));
    this.primaryAvailabilityZone = built.zones.apply((zs) => zs[0].name);
    this.primaryAvailabilityZoneId = built.zones.apply((zs) => zs[0].id);
    this.primaryPrivateSubnetId = built.privateSubnetIds.apply((ids) => ids[0]);

    this.registerOutputs({
      vpcId: this.vpcId,
      vpcCidr: this.vpcCidr,
      privateSubnetIds: this.privateSubnetIds,
      publicSubnetIds: this.publicSubnetIds,
      availabilityZones: this.availabilityZones,
      primaryAvailabilityZone: this.primaryAvailabilityZone,
      primaryAvailabilityZoneId: this.primaryAvailabilityZoneId,
      primaryPrivateSubnetId: this.primaryPrivateSubnetId,
    });
  }

  private createVpc(name: string, args: ResolvedNetworkArgs): Built {
    const parent = { parent: this };
    const count = args.privateSubnetCidrs.length;
    const zones = args.availabilityZones;
    if (zones.length !== count) {
      throw new Error(
        `Network ${name}: availabilityZones holds ${zones.length} zones for ${count} private subnets; it needs one per subnet`,
      );
    }

    const vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: args.vpcCidr,
        enableDnsSupport: true,
        enableDnsHostnames: true,
        tags: nameTags(args.tags, `${name}-vpc`),
      },
      parent,
    );
    // The VPC's default security group admits all traffic between its members; nothing here uses
    // it, so adopt it with no rules at all.
    new aws.ec2.DefaultSecurityGroup(
      `${name}-default`,
      { vpcId: vpc.id, tags: nameTags(args.tags, `${name}-default-closed`) },
      parent,
    );

    const subnet = (tier: "private" | "public", cidr: string, i: number) =>
      new aws.ec2.Subnet(
        `${name}-${tier}-${i + 1}`,
        {
          vpcId: vpc.id,
          cidrBlock: cidr,
          availabilityZoneId: zones[i].id,
          mapPublicIpOnLaunch: false,
          tags: nameTags(args.tags, `${name}-${tier}-${i + 1}`, subnetTags(tier, args.clusterName)),
        },
        parent,
      );
    const privateSubnets = args.privateSubnetCidrs.map((cidr, i) => subnet("private", cidr, i));
    const publicSubnets = args.publicSubnetCidrs.map((cidr, i) => subnet("public", cidr, i));
    // What makes each subnet usable, filled below.
    const publicReady: pulumi.CustomResource[][] = publicSubnets.map(() => []);
    let privateReady: pulumi.CustomResource[][];

    if (publicSubnets.length > 0) {
      const igw = new aws.ec2.InternetGateway(
        `${name}-igw`,
        { vpcId: vpc.id, tags: nameTags(args.tags, `${name}-igw`) },
        parent,
      );
      const publicRoutes = new aws.ec2.RouteTable(
        `${name}-public`,
        { vpcId: vpc.id, tags: nameTags(args.tags, `${name}-public`) },
        parent,
      );
      const internet = new aws.ec2.Route(
        `${name}-public-internet`,
        { routeTableId: publicRoutes.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id },
        parent,
      );
      publicSubnets.forEach((s, i) => {
        const association = new aws.ec2.RouteTableAssociation(
          `${name}-public-${i + 1}`,
          { routeTableId: publicRoutes.id, subnetId: s.id },
          parent,
        );
        publicReady[i] = [igw, internet, association];
      });

      const nats = natGatewayIndexes(args.natGateway, count).map((i) => {
        const eip = new aws.ec2.Eip(
          `${name}-nat-${i + 1}`,
          { domain: "vpc", tags: nameTags(args.tags, `${name}-nat-${i + 1}`) },
          parent,
        );
        // A NAT gateway is usable only once the VPC has its internet gateway.
        return new aws.ec2.NatGateway(
          `${name}-nat-${i + 1}`,
          {
            allocationId: eip.allocationId,
            subnetId: publicSubnets[i].id,
            connectivityType: "public",
            tags: nameTags(args.tags, `${name}-nat-${i + 1}`),
          },
          { parent: this, dependsOn: [igw] },
        );
      });
      privateReady = this.privateRoutes(name, args, privateSubnets, vpc, (i) => {
        const nat = natForZone(args.natGateway, i);
        return nat === undefined ? undefined : nats[nat];
      });
    } else {
      privateReady = this.privateRoutes(name, args, privateSubnets, vpc, () => undefined);
    }

    if (args.flowLogs) this.flowLogs(name, args, vpc);

    const privateIds = privateSubnets.map((s, i) => once(s.id, privateReady[i]));
    const publicIds = publicSubnets.map((s, i) => once(s.id, publicReady[i]));
    return {
      vpcId: vpc.id,
      vpcCidr: vpc.cidrBlock,
      privateSubnetIds: pulumi.all(privateIds),
      privateSubnetIdList: privateIds,
      publicSubnetIds: pulumi.all(publicIds),
      zones: pulumi.output(zones.map((z) => ({ ...z }))),
    };
  }

  /**
   * One private route table per AZ, so that moving between NAT modes never recreates a table.
   * Returns, per subnet, what makes it usable: its association and its NAT route.
   */
  private privateRoutes(
    name: string,
    args: ResolvedNetworkArgs,
    subnets: aws.ec2.Subnet[],
    vpc: aws.ec2.Vpc,
    natFor: (i: number) => aws.ec2.NatGateway | undefined,
  ): pulumi.CustomResource[][] {
    const parent = { parent: this };
    return subnets.map((s, i) => {
      const table = new aws.ec2.RouteTable(
        `${name}-private-${i + 1}`,
        { vpcId: vpc.id, tags: nameTags(args.tags, `${name}-private-${i + 1}`) },
        parent,
      );
      const nat = natFor(i);
      const egress = nat
        ? [
            new aws.ec2.Route(
              `${name}-private-${i + 1}-egress`,
              { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id },
              parent,
            ),
          ]
        : [];
      const association = new aws.ec2.RouteTableAssociation(
        `${name}-private-${i + 1}`,
        { routeTableId: table.id, subnetId: s.id },
        parent,
      );
      return [association, ...egress];
    });
  }

  private flowLogs(name: string, args: ResolvedNetworkArgs, vpc: aws.ec2.Vpc): void {
    const parent = { parent: this };
    const group = new aws.cloudwatch.LogGroup(
      `${name}-flow-logs`,
      {
        name: `/aws/vpc/${name}/flow-logs`,
        retentionInDays: args.flowLogsRetentionDays,
        tags: nameTags(args.tags, `${name}-flow-logs`),
      },
      parent,
    );
    const role = new aws.iam.Role(
      `${name}-flow-logs`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" },
          ],
        }),
        tags: nameTags(args.tags, `${name}-flow-logs`),
      },
      parent,
    );
    new aws.iam.RolePolicy(
      `${name}-flow-logs`,
      {
        role: role.id,
        policy: group.arn.apply((arn) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: [arn, `${arn}:*`],
              },
            ],
          }),
        ),
      },
      parent,
    );
    new aws.ec2.FlowLog(
      `${name}-flow-logs`,
      {
        vpcId: vpc.id,
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: group.arn,
        iamRoleArn: role.arn,
        tags: nameTags(args.tags, `${name}-flow-logs`),
      },
      parent,
    );
  }

  /** Existing VPC: look up the given ids, check them, create nothing. */
  private lookUpVpc(args: ResolvedNetworkArgs): Built {
    const parent = { parent: this };
    const vpc = aws.ec2.getVpcOutput({ id: args.vpcId }, parent);
    const find = (id: string) => aws.ec2.getSubnetOutput({ id }, parent);
    const reduce = (s: aws.ec2.GetSubnetResult): FoundSubnet => ({
      id: s.id,
      vpcId: s.vpcId,
      availabilityZone: s.availabilityZone,
      availabilityZoneId: s.availabilityZoneId,
    });
    const privates = pulumi.all(args.privateSubnetIds.map(find)).apply((ss) => ss.map(reduce));
    const publics = pulumi.all(args.publicSubnetIds.map(find)).apply((ss) => ss.map(reduce));
    const checked = pulumi.all([privates, publics]).apply(([pr, pu]) => {
      const problems = existingSubnetProblems(args.vpcId, pr, pu);
      if (problems.length > 0) throw new Error(`The existing network does not fit:\n  - ${problems.join("\n  - ")}`);
      return pr;
    });
    return {
      vpcId: vpc.id,
      vpcCidr: vpc.cidrBlock,
      privateSubnetIds: checked.apply((pr) => pr.map((s) => s.id)),
      privateSubnetIdList: args.privateSubnetIds.map((_, i) => checked.apply((pr) => pr[i].id)),
      publicSubnetIds: publics.apply((pu) => pu.map((s) => s.id)),
      zones: checked.apply((pr) => pr.map((s): Zone => ({ name: s.availabilityZone, id: s.availabilityZoneId }))),
    };
  }
}

interface Built {
  vpcId: pulumi.Output<string>;
  vpcCidr: pulumi.Output<string>;
  privateSubnetIds: pulumi.Output<string[]>;
  privateSubnetIdList: pulumi.Output<string>[];
  publicSubnetIds: pulumi.Output<string[]>;
  zones: pulumi.Output<Zone[]>;
}
