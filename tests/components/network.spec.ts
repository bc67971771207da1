import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";

import type { NetworkArgs } from "../../components/network/args";
import { Network } from "../../components/network/network";
import { ProgramError } from "../../plan/run";
import type { RecordedResource } from "../../plan/monitor";
import { makeWorld, worldForExistingNetwork } from "../../plan/world";
import { find, inputs, outputs, runComponents, shape } from "../helpers";

const TAGS = { "datafold:deployment": "acme", "managed-by": "pulumi" };
/** The AZs chosen for the network (stack/zones.ts), in subnet order: the first is the primary AZ. */
const A = { name: "us-east-1a", id: "use1-az2" };
const C = { name: "us-east-1c", id: "use1-az1" };
const D = { name: "us-east-1d", id: "use1-az4" };
const BASE: NetworkArgs = { clusterName: "acme", tags: TAGS, availabilityZones: [A, C] };

function plan(args: Partial<NetworkArgs> = {}, world = makeWorld("us-east-1"), withConsumers = false) {
  return runComponents(() => {
    const n = new Network("acme", { ...BASE, ...args });
    if (withConsumers) {
      // Consumers of the network's outputs, as the load balancer, a node group and the database are.
      const consumer = (name: string, subnetIds: pulumi.Input<pulumi.Input<string>[]>) =>
        new aws.rds.SubnetGroup(name, { subnetIds });
      consumer("uses-public", n.publicSubnetIds);
      consumer("uses-private", n.privateSubnetIds);
      consumer("uses-primary", [n.privateSubnetIdList[0]]);
    }
    return {
      vpcId: n.vpcId,
      vpcCidr: n.vpcCidr,
      privateSubnetIds: n.privateSubnetIds,
      publicSubnetIds: n.publicSubnetIds,
      availabilityZones: n.availabilityZones,
      primaryAvailabilityZone: n.primaryAvailabilityZone,
      primaryAvailabilityZoneId: n.primaryAvailabilityZoneId,
      primaryPrivateSubnetId: n.primaryPrivateSubnetId,
    };
  }, world);
}

const COMMON = [
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup acme-default",
  "aws:ec2/internetGateway:InternetGateway acme-igw",
  "aws:ec2/route:Route acme-public-internet",
  "aws:ec2/routeTable:RouteTable acme-private-1",
  "aws:ec2/routeTable:RouteTable acme-private-2",
  "aws:ec2/routeTable:RouteTable acme-public",
  "aws:ec2/routeTableAssociation:RouteTableAssociation acme-private-1",
  "aws:ec2/routeTableAssociation:RouteTableAssociation acme-private-2",
  "aws:ec2/routeTableAssociation:RouteTableAssociation acme-public-1",
  "aws:ec2/routeTableAssociation:RouteTableAssociation acme-public-2",
  "aws:ec2/subnet:Subnet acme-private-1",
  "aws:ec2/subnet:Subnet acme-private-2",
  "aws:ec2/subnet:Subnet acme-public-1",
  "aws:ec2/subnet:Subnet acme-public-2",
  "aws:ec2/vpc:Vpc acme-vpc",
];

describe("Network", () => {
  describe("new VPC, single NAT (the default)", () => {
    it("declares exactly the VPC, two private and two public subnets, one NAT, routes and associations", async () => {
      const run = await plan();
      expect(shape(run)).to.deep.equal(
        [
          ...COMMON,
          "aws:ec2/eip:Eip acme-nat-1",
          "aws:ec2/natGateway:NatGateway acme-nat-1",
          "aws:ec2/route:Route acme-private-1-egress",
          "aws:ec2/route:Route acme-private-2-egress",
        ].sort(),
      );
    });

    it("parents every resource to the component and the component to the stack", async () => {
      const run = await plan();
      const component = find(run, "datafold:aws:Network", "acme");
      expect(component.parent).to.equal("urn:pulumi:test::datafold-aws::pulumi:pulumi:Stack::datafold-aws-test");
      for (const r of run.resources.filter((x) => x.custom)) expect(r.parent, r.name).to.equal(component.urn);
    });

    it("creates the VPC with DNS support and host names and the deployment's tags", async () => {
      const run = await plan();
      expect(inputs(find(run, "aws:ec2/vpc:Vpc", "acme-vpc"))).to.deep.equal({
        cidrBlock: "10.0.0.0/16",
        enableDnsSupport: true,
        enableDnsHostnames: true,
        tags: { ...TAGS, Name: "acme-vpc" },
      });
    });

    it("closes the VPC's default security group", async () => {
      const run = await plan();
      const sg = inputs(find(run, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "acme-default"));
      expect(sg.ingress).to.equal(undefined);
      expect(sg.egress).to.equal(undefined);
    });

    it("places the subnets by AZ id in the given order with the config CIDRs and discovery tags", async () => {
      const run = await plan();
      const [a, b] = [A, C];
      const vpcId = find(run, "aws:ec2/vpc:Vpc", "acme-vpc").id;
      const expected: [string, string, string, Record<string, string>][] = [
        ["acme-private-1", "10.0.0.0/24", a.id, { "kubernetes.io/role/internal-elb": "1" }],
        ["acme-private-2", "10.0.1.0/24", b.id, { "kubernetes.io/role/internal-elb": "1" }],
        ["acme-public-1", "10.0.100.0/24", a.id, { "kubernetes.io/role/elb": "1" }],
        ["acme-public-2", "10.0.101.0/24", b.id, { "kubernetes.io/role/elb": "1" }],
      ];
      for (const [name, cidr, azId, role] of expected) {
        expect(inputs(find(run, "aws:ec2/subnet:Subnet", name)), name).to.deep.equal({
          vpcId,
          cidrBlock: cidr,
          availabilityZoneId: azId,
          mapPublicIpOnLaunch: false,
          tags: { ...TAGS, ...role, "kubernetes.io/cluster/acme": "shared", Name: name },
        });
      }
    });

    it("routes the public table to the internet gateway and both private tables to the one NAT", async () => {
      const run = await plan();
      const igw = find(run, "aws:ec2/internetGateway:InternetGateway", "acme-igw");
      const nat = find(run, "aws:ec2/natGateway:NatGateway", "acme-nat-1");
      expect(inputs(find(run, "aws:ec2/route:Route", "acme-public-internet"))).to.deep.equal({
        routeTableId: find(run, "aws:ec2/routeTable:RouteTable", "acme-public").id,
        destinationCidrBlock: "0.0.0.0/0",
        gatewayId: igw.id,
      });
      for (const i of [1, 2]) {
        expect(inputs(find(run, "aws:ec2/route:Route", `acme-private-${i}-egress`))).to.deep.equal({
          routeTableId: find(run, "aws:ec2/routeTable:RouteTable", `acme-private-${i}`).id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: nat.id,
        });
        expect(
          inputs(find(run, "aws:ec2/routeTableAssociation:RouteTableAssociation", `acme-private-${i}`)),
        ).to.deep.equal({
          routeTableId: find(run, "aws:ec2/routeTable:RouteTable", `acme-private-${i}`).id,
          subnetId: find(run, "aws:ec2/subnet:Subnet", `acme-private-${i}`).id,
        });
      }
    });

    it("puts the NAT gateway in the first public subnet, after the internet gateway", async () => {
      const run = await plan();
      const nat = find(run, "aws:ec2/natGateway:NatGateway", "acme-nat-1");
      expect(inputs(nat)).to.deep.equal({
        allocationId: find(run, "aws:ec2/eip:Eip", "acme-nat-1").id,
        subnetId: find(run, "aws:ec2/subnet:Subnet", "acme-public-1").id,
        connectivityType: "public",
        tags: { ...TAGS, Name: "acme-nat-1" },
      });
      expect(nat.dependencies).to.include(find(run, "aws:ec2/internetGateway:InternetGateway", "acme-igw").urn);
      expect(inputs(find(run, "aws:ec2/eip:Eip", "acme-nat-1"))).to.deep.equal({
        domain: "vpc",
        tags: { ...TAGS, Name: "acme-nat-1" },
      });
    });

    it("outputs the ids in AZ order and the primary AZ", async () => {
      const run = await plan();
      const id = (type: string, name: string) => find(run, type, name).id;
      const [a, b] = [A, C];
      expect(outputs(run)).to.deep.equal({
        vpcId: id("aws:ec2/vpc:Vpc", "acme-vpc"),
        vpcCidr: "10.0.0.0/16",
        privateSubnetIds: [
          id("aws:ec2/subnet:Subnet", "acme-private-1"),
          id("aws:ec2/subnet:Subnet", "acme-private-2"),
        ],
        publicSubnetIds: [id("aws:ec2/subnet:Subnet", "acme-public-1"), id("aws:ec2/subnet:Subnet", "acme-public-2")],
        availabilityZones: [a.name, b.name],
        primaryAvailabilityZone: a.name,
        primaryAvailabilityZoneId: a.id,
        primaryPrivateSubnetId: id("aws:ec2/subnet:Subnet", "acme-private-1"),
      });
    });

    it("uses the AZs it is given in order, the first as the primary AZ", async () => {
      const run = await plan({ availabilityZones: [D, A] });
      expect(inputs(find(run, "aws:ec2/subnet:Subnet", "acme-private-1")).availabilityZoneId).to.equal(D.id);
      expect(inputs(find(run, "aws:ec2/subnet:Subnet", "acme-public-2")).availabilityZoneId).to.equal(A.id);
      expect(outputs(run).primaryAvailabilityZone).to.equal(D.name);
    });

    it("refuses AZs that do not match the subnets, one per subnet", async () => {
      const err = await plan({ availabilityZones: [A] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ProgramError);
      expect((err as Error).message).to.equal(
        "Network acme: availabilityZones holds 1 zones for 2 private subnets; it needs one per subnet",
      );
    });

    it("makes no lookup: the AZs are chosen before it is declared", async () => {
      const run = await plan();
      expect(run.calls).to.deep.equal([]);
    });

    it("resolves its subnet outputs only once the subnets are usable, so consumers wait for gateway and routes", async () => {
      const run = await plan({}, undefined, true);
      const urn = (type: string, name: string) => find(run, type, name).urn;
      const subnet = (name: string) => urn("aws:ec2/subnet:Subnet", `acme-${name}`);
      const association = (name: string) => urn("aws:ec2/routeTableAssociation:RouteTableAssociation", `acme-${name}`);
      const egress = (i: number) => urn("aws:ec2/route:Route", `acme-private-${i}-egress`);
      const deps = (r: RecordedResource) => [...r.dependencies].sort();
      expect(deps(find(run, "aws:rds/subnetGroup:SubnetGroup", "uses-public"))).to.deep.equal(
        [
          subnet("public-1"),
          association("public-1"),
          subnet("public-2"),
          association("public-2"),
          urn("aws:ec2/internetGateway:InternetGateway", "acme-igw"),
          urn("aws:ec2/route:Route", "acme-public-internet"),
        ].sort(),
      );
      expect(deps(find(run, "aws:rds/subnetGroup:SubnetGroup", "uses-private"))).to.deep.equal(
        [
          subnet("private-1"),
          association("private-1"),
          egress(1),
          subnet("private-2"),
          association("private-2"),
          egress(2),
        ].sort(),
      );
      // One subnet's output waits for that subnet's association and NAT route alone.
      expect(deps(find(run, "aws:rds/subnetGroup:SubnetGroup", "uses-primary"))).to.deep.equal(
        [subnet("private-1"), association("private-1"), egress(1)].sort(),
      );
    });

    it("without NAT, a private subnet waits for its association only", async () => {
      const run = await plan({ natGateway: "none" }, undefined, true);
      expect([...find(run, "aws:rds/subnetGroup:SubnetGroup", "uses-primary").dependencies].sort()).to.deep.equal(
        [
          find(run, "aws:ec2/subnet:Subnet", "acme-private-1").urn,
          find(run, "aws:ec2/routeTableAssociation:RouteTableAssociation", "acme-private-1").urn,
        ].sort(),
      );
    });
  });

  describe("NAT modes", () => {
    it("perAz: one NAT per AZ, each private table routed through its own AZ's NAT", async () => {
      const run = await plan({ natGateway: "perAz" });
      expect(shape(run).filter((s) => /Eip|NatGateway|egress/.test(s))).to.deep.equal([
        "aws:ec2/eip:Eip acme-nat-1",
        "aws:ec2/eip:Eip acme-nat-2",
        "aws:ec2/natGateway:NatGateway acme-nat-1",
        "aws:ec2/natGateway:NatGateway acme-nat-2",
        "aws:ec2/route:Route acme-private-1-egress",
        "aws:ec2/route:Route acme-private-2-egress",
      ]);
      for (const i of [1, 2]) {
        expect(inputs(find(run, "aws:ec2/natGateway:NatGateway", `acme-nat-${i}`)).subnetId).to.equal(
          find(run, "aws:ec2/subnet:Subnet", `acme-public-${i}`).id,
        );
        expect(inputs(find(run, "aws:ec2/route:Route", `acme-private-${i}-egress`)).natGatewayId).to.equal(
          find(run, "aws:ec2/natGateway:NatGateway", `acme-nat-${i}`).id,
        );
      }
    });

    it("none: no EIP, no NAT and no default route in the private tables; the public side stays", async () => {
      const run = await plan({ natGateway: "none" });
      expect(shape(run)).to.deep.equal(COMMON);
    });

    it("none without public subnets: no internet gateway and no public route table either", async () => {
      const run = await plan({ natGateway: "none", publicSubnetCidrs: [] });
      expect(shape(run)).to.deep.equal([
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup acme-default",
        "aws:ec2/routeTable:RouteTable acme-private-1",
        "aws:ec2/routeTable:RouteTable acme-private-2",
        "aws:ec2/routeTableAssociation:RouteTableAssociation acme-private-1",
        "aws:ec2/routeTableAssociation:RouteTableAssociation acme-private-2",
        "aws:ec2/subnet:Subnet acme-private-1",
        "aws:ec2/subnet:Subnet acme-private-2",
        "aws:ec2/vpc:Vpc acme-vpc",
      ]);
      expect(outputs(run).publicSubnetIds).to.deep.equal([]);
    });

    it("three AZs with perAz: three of each", async () => {
      const run = await plan({
        natGateway: "perAz",
        privateSubnetCidrs: ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"],
        publicSubnetCidrs: ["10.0.100.0/24", "10.0.101.0/24", "10.0.102.0/24"],
        availabilityZones: [A, C, D],
      });
      const count = (t: string) => run.resources.filter((r) => r.type === t).length;
      expect([
        count("aws:ec2/subnet:Subnet"),
        count("aws:ec2/natGateway:NatGateway"),
        count("aws:ec2/routeTable:RouteTable"),
        count("aws:ec2/route:Route"),
      ]).to.deep.equal([6, 3, 4, 4]);
    });
  });

  describe("flow logs", () => {
    it("sends all traffic to a log group through a role only VPC Flow Logs can assume, scoped to that group", async () => {
      const run = await plan({ flowLogs: true, flowLogsRetentionDays: 30 });
      const group = find(run, "aws:cloudwatch/logGroup:LogGroup", "acme-flow-logs");
      const role = find(run, "aws:iam/role:Role", "acme-flow-logs");
      const groupArn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vpc/acme/flow-logs";
      expect(inputs(group)).to.deep.equal({
        name: "/aws/vpc/acme/flow-logs",
        retentionInDays: 30,
        tags: { ...TAGS, Name: "acme-flow-logs" },
      });
      expect(JSON.parse(inputs(role).assumeRolePolicy as string)).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      });
      const policy = inputs(find(run, "aws:iam/rolePolicy:RolePolicy", "acme-flow-logs"));
      expect(policy.role).to.equal(role.id);
      expect(JSON.parse(policy.policy as string)).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: [groupArn, `${groupArn}:*`],
          },
        ],
      });
      expect(inputs(find(run, "aws:ec2/flowLog:FlowLog", "acme-flow-logs"))).to.deep.equal({
        vpcId: find(run, "aws:ec2/vpc:Vpc", "acme-vpc").id,
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: groupArn,
        iamRoleArn: (role.outputs as { arn: string }).arn,
        tags: { ...TAGS, Name: "acme-flow-logs" },
      });
    });

    it("declares nothing for flow logs when off", async () => {
      const run = await plan();
      expect(run.resources.filter((r) => /FlowLog|LogGroup|iam/.test(r.type))).to.deep.equal([]);
    });
  });

  describe("existing VPC", () => {
    const vpcId = "vpc-0a1b2c3d4e5f60718";
    const privateSubnetIds = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];
    const publicSubnetIds = ["subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102"];
    const world = worldForExistingNetwork("eu-west-1", vpcId, privateSubnetIds, publicSubnetIds);

    it("creates nothing and outputs the looked-up network, the first private subnet's AZ as primary", async () => {
      const run = await plan({ vpcId, privateSubnetIds, publicSubnetIds }, world);
      expect(shape(run)).to.deep.equal([]);
      const [a, b] = world.zones;
      expect(outputs(run)).to.deep.equal({
        vpcId,
        vpcCidr: "10.20.0.0/16",
        privateSubnetIds,
        publicSubnetIds,
        availabilityZones: [a.name, b.name],
        primaryAvailabilityZone: a.name,
        primaryAvailabilityZoneId: a.id,
        primaryPrivateSubnetId: privateSubnetIds[0],
      });
      expect(run.calls.map((c) => c.token).sort()).to.deep.equal([
        "aws:ec2/getSubnet:getSubnet",
        "aws:ec2/getSubnet:getSubnet",
        "aws:ec2/getSubnet:getSubnet",
        "aws:ec2/getSubnet:getSubnet",
        "aws:ec2/getVpc:getVpc",
      ]);
    });

    it("refuses a subnet of another VPC, naming the key", async () => {
      const other = {
        ...world,
        subnets: {
          ...world.subnets,
          [publicSubnetIds[1]]: { ...world.subnets[publicSubnetIds[1]], vpcId: "vpc-0ffffffffffffffff" },
        },
      };
      const err = await plan({ vpcId, privateSubnetIds, publicSubnetIds }, other).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as Error).message).to.equal(
        `The existing network does not fit:\n  - datafold-aws:network.publicSubnetIds: ${publicSubnetIds[1]} is in vpc-0ffffffffffffffff, not in network.vpcId ${vpcId}`,
      );
    });

    it("fails when a subnet id does not exist", async () => {
      const err = await plan(
        { vpcId, privateSubnetIds: [privateSubnetIds[0], "subnet-0000000000000000f"], publicSubnetIds },
        world,
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as Error).message).to.contain("The subnet ID 'subnet-0000000000000000f' does not exist");
    });
  });

  describe("mocks", () => {
    it("refuse an invoke they do not know, so no lookup goes untested", async () => {
      const aws = await import("@pulumi/aws");
      const err = await runComponents(() => ({ id: aws.ec2.getAmiOutput({ owners: ["amazon"] }).id })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as Error).message).to.contain("unmocked invoke aws:ec2/getAmi:getAmi");
    });
  });
});
