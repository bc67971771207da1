import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";

import { EKS_KUBERNETES_VERSIONS } from "../../config/aws-data";
import { answerLookup, lookup } from "../../plan/lookups";
import { planConfig } from "../../plan/offline";
import { addressIn } from "../../plan/resources";
import { ProgramError } from "../../plan/run";
import { readStackConfig } from "../../plan/stackfile";
import {
  ALB_HOSTED_ZONE_IDS,
  CALLER_IDENTITY,
  EKS_ADDON_DEFAULTS,
  makeWorld,
  partitionOf,
  regionZones,
  worldForExistingNetwork,
  type WorldNetworkInterface,
} from "../../plan/world";
import { EKS_UNSUPPORTED_ZONE_IDS } from "../../stack/zones";
import { find, inputs, outputs, runComponents } from "../helpers";
import { EXAMPLES, plannedStack, program } from "./plans";

/** Whether an IPv4 address lies inside a CIDR, not among the five addresses AWS reserves in a subnet. */
function usableIn(address: string, cidr: string): boolean {
  const n = (ip: string) => ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const offset = n(address) - n(base);
  return offset >= 4 && offset <= size - 2;
}

/** The error a run fails with, or undefined when it succeeds. */
function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const ELB = "ELB app/acme-lb-abcdef/0123456789abcdef";
const INTERFACES: WorldNetworkInterface[] = [
  { id: "eni-0aaaaaaaaaaaaaaa1", description: ELB, privateIp: "10.0.100.10", availabilityZone: "us-east-1a" },
  { id: "eni-0aaaaaaaaaaaaaaa2", description: ELB, privateIp: "10.0.101.20", availabilityZone: "us-east-1b" },
  {
    id: "eni-0aaaaaaaaaaaaaaa3",
    description: "ELB app/other-lb-fedcba/fedcba9876543210",
    privateIp: "10.0.100.30",
    availabilityZone: "us-east-1a",
  },
];

describe("plan mocks", () => {
  describe("nothing unlisted plans silently", () => {
    it("fails the run on a resource type plan/resources.ts does not list, naming it", async () => {
      const err = await failure(
        runComponents(() => {
          const instance = new aws.ec2.Instance("web", { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" });
          return { id: instance.id };
        }),
      );
      expect(err).to.be.instanceOf(ProgramError);
      expect((err as Error).message).to.equal(
        "failed to register new resource web [aws:ec2/instance:Instance]: unmocked resource type aws:ec2/instance:Instance (web): add what it computes to COMPUTED in plan/resources.ts",
      );
    });

    it("fails the run on a remote component plan/resources.ts does not list, naming it", async () => {
      const err = await failure(
        runComponents(() => {
          const thing = new pulumi.ComponentResource("acme:index:Thing", "thing", {}, {}, true);
          return { urn: thing.urn };
        }),
      );
      expect((err as Error).message).to.equal(
        "failed to register new resource thing [acme:index:Thing]: unmocked remote component acme:index:Thing (thing): add the outputs it computes to REMOTE_COMPONENTS in plan/resources.ts",
      );
    });

    it("plans a local component, which computes nothing", async () => {
      const run = await runComponents(() => {
        const thing = new pulumi.ComponentResource("acme:index:Thing", "thing", {}, {});
        return { urn: thing.urn };
      });
      expect(find(run, "acme:index:Thing", "thing").outputs).to.deep.equal({});
    });

    it("fails the run on an invoke plan/lookups.ts does not list, naming it", async () => {
      const err = await failure(runComponents(() => ({ id: aws.ec2.getAmiOutput({ owners: ["amazon"] }).id })));
      expect(err).to.be.instanceOf(ProgramError);
      expect((err as Error).message).to.equal(
        "unmocked invoke aws:ec2/getAmi:getAmi: add a realistic answer to plan/lookups.ts",
      );
    });
  });

  describe("the network interface lookup", () => {
    const world = makeWorld("us-east-1", { networkInterfaces: INTERFACES });
    const ids = (filters: { name: string; values: string[] }[]) =>
      lookup(world, "aws:ec2/getNetworkInterfaces:getNetworkInterfaces", { filters }).ids;

    it("answers the interfaces whose description matches the filter", () => {
      expect(ids([{ name: "description", values: [ELB] }])).to.deep.equal([
        "eni-0aaaaaaaaaaaaaaa1",
        "eni-0aaaaaaaaaaaaaaa2",
      ]);
    });

    it("answers an empty list when no interface matches, as AWS does", () => {
      expect(ids([{ name: "description", values: ["ELB app/acme-lb-abcdef/ffffffffffffffff"] }])).to.deep.equal([]);
      expect(
        lookup(makeWorld("us-east-1", { networkInterfaces: [] }), "aws:ec2/getNetworkInterfaces:getNetworkInterfaces", {
          filters: [{ name: "description", values: [ELB] }],
        }),
      ).to.deep.equal({ id: "us-east-1", ids: [], filters: [{ name: "description", values: [ELB] }], tags: {} });
    });

    it("matches any value of a filter and every filter, with EC2's wildcards", () => {
      expect(ids([{ name: "description", values: ["ELB app/nothing/0", "ELB app/other-lb-*"] }])).to.deep.equal([
        "eni-0aaaaaaaaaaaaaaa3",
      ]);
      expect(
        ids([
          { name: "description", values: ["ELB app/*"] },
          { name: "availability-zone", values: ["us-east-1?"] },
          { name: "private-ip-address", values: ["10.0.100.*"] },
        ]),
      ).to.deep.equal(["eni-0aaaaaaaaaaaaaaa1", "eni-0aaaaaaaaaaaaaaa3"]);
      // A backslash makes a wildcard literal.
      expect(ids([{ name: "description", values: ["ELB app/acme\\*"] }])).to.deep.equal([]);
    });

    it("refuses a filter it does not know instead of ignoring it", () => {
      expect(() => ids([{ name: "vpc-id", values: ["vpc-0123"] }])).to.throw(
        "unmocked network interface filter vpc-id: add it to plan/lookups.ts",
      );
    });

    it("answers an interface by id, and fails for one the world does not hold", () => {
      expect(
        lookup(world, "aws:ec2/getNetworkInterface:getNetworkInterface", { id: "eni-0aaaaaaaaaaaaaaa2" }),
      ).to.deep.equal({
        id: "eni-0aaaaaaaaaaaaaaa2",
        arn: "arn:aws:ec2:us-east-1:123456789012:network-interface/eni-0aaaaaaaaaaaaaaa2",
        availabilityZone: "us-east-1b",
        description: ELB,
        privateIp: "10.0.101.20",
        privateIps: ["10.0.101.20"],
        tags: {},
      });
      expect(() =>
        lookup(world, "aws:ec2/getNetworkInterface:getNetworkInterface", { id: "eni-0ffffffffffffffff" }),
      ).to.throw("InvalidNetworkInterfaceID.NotFound: The networkInterface ID 'eni-0ffffffffffffffff' does not exist");
    });

    it("gives each example stack's load balancer one interface per subnet, created with it, its address inside that subnet", async () => {
      const ips: Record<string, unknown> = {};
      for (const stack of ["dev", "access", "existing-vpc", "internal"]) {
        ips[stack] = outputs((await plannedStack(stack)).run).loadBalancerIps;
      }
      // Public subnets for dev and access (10.0.100.0/24, 10.0.101.0/24) and existing-vpc
      // (10.20.100.0/24, 10.20.101.0/24); private ones for the internal load balancer.
      expect(ips).to.deep.equal({
        dev: ["10.0.100.90", "10.0.101.111"],
        access: ["10.0.100.206", "10.0.101.167"],
        "existing-vpc": ["10.20.100.172", "10.20.101.137"],
        internal: ["10.0.0.227", "10.0.1.130"],
      });
    });

    it("finds the interfaces of any stack's load balancer, whatever its name and region", async function () {
      this.timeout(30000);
      // A customer stack: the dev example under another deployment name, in another region.
      const dev = readStackConfig(EXAMPLES, "dev");
      const stack = {
        ...dev,
        stack: "zeta",
        config: {
          ...dev.config,
          "aws:region": "eu-central-1",
          "datafold-aws:deploymentName": "zeta-datafold",
          "datafold-aws:domain": "datafold.zeta.example",
        },
      };
      const { run } = await planConfig(stack, program);
      const ips = outputs(run).loadBalancerIps as string[];
      expect(ips).to.have.length(2);
      expect(usableIn(ips[0], "10.0.100.0/24") && usableIn(ips[1], "10.0.101.0/24"), ips.join(" ")).to.equal(true);
      const suffix = (find(run, "aws:lb/loadBalancer:LoadBalancer", "zeta-datafold").outputs as { arnSuffix: string })
        .arnSuffix;
      expect(suffix).to.match(/^app\/zeta-datafold-[a-z0-9]{6}\/[0-9a-f]{16}$/);
      const found = run.calls.find((c) => c.token === "aws:ec2/getNetworkInterfaces:getNetworkInterfaces");
      expect(found?.inputs.filters).to.deep.equal([{ name: "description", values: [`ELB ${suffix}`] }]);
      // Made up by the world: AWS assigns the real addresses.
      for (const ip of ips) expect(run.madeUp.has(ip), ip).to.equal(true);
    });

    it("picks an address AWS can hand out: inside the block, never its first four or its last", () => {
      const picked = Array.from({ length: 200 }, (_, i) => addressIn("10.1.2.0/28", `seed-${i}`));
      expect(
        picked.every((ip) => usableIn(ip, "10.1.2.0/28")),
        picked.join(" "),
      ).to.equal(true);
      expect(new Set(picked).size).to.equal(11);
      expect(addressIn("10.0.100.0/24", "x")).to.equal(addressIn("10.0.100.0/24", "x"));
    });
  });

  describe("the world's facts", () => {
    it("gives a load balancer the ALB hosted zone id of its region, from the world's table", async () => {
      const lb = (region: string, albHostedZoneIds = ALB_HOSTED_ZONE_IDS) =>
        runComponents(
          () => {
            const balancer = new aws.lb.LoadBalancer("acme", { name: "acme-lb", subnets: ["subnet-0a", "subnet-0b"] });
            return { zoneId: balancer.zoneId };
          },
          makeWorld(region, { albHostedZoneIds }),
        );
      expect(outputs(await lb("us-east-1")).zoneId).to.equal("Z35SXDOTRQ7X7K");
      expect(outputs(await lb("eu-central-1")).zoneId).to.equal("Z215JYRZR1TBD5");
      expect(outputs(await lb("us-west-2")).zoneId).to.equal("Z1H1FL5HABSF5");
      expect(outputs(await lb("eu-west-1", { "eu-west-1": "ZTESTZONE0001" })).zoneId).to.equal("ZTESTZONE0001");
      const err = await failure(lb("eu-west-1", {}));
      expect((err as Error).message).to.equal(
        "failed to register new resource acme [aws:lb/loadBalancer:LoadBalancer]: no ALB hosted zone id for region eu-west-1: add it to ALB_HOSTED_ZONE_IDS in plan/world.ts",
      );
    });

    it("points the internal stack's alias record at the us-west-2 ALB hosted zone", async () => {
      const { run } = await plannedStack("internal");
      expect(inputs(find(run, "aws:route53/record:Record", "initech-datafold-alias")).aliases).to.deep.equal([
        {
          name: "internal-initech-datafold-eafdec-4032632571.us-west-2.elb.amazonaws.com",
          zoneId: "Z1H1FL5HABSF5",
          evaluateTargetHealth: true,
        },
      ]);
    });

    it("answers the sourced add-on default for Kubernetes 1.35, an assumption for the other versions the config accepts, and fails for others", () => {
      const world = makeWorld("us-east-1");
      const addon = (addonName: string, kubernetesVersion: string) =>
        answerLookup(world, "aws:eks/getAddonVersion:getAddonVersion", {
          addonName,
          kubernetesVersion,
          mostRecent: false,
        });
      expect(addon("coredns", "1.35").answer.version).to.equal("v1.13.2-eksbuild.3");
      expect(addon("kube-proxy", "1.35").answer.version).to.equal("v1.35.0-eksbuild.2");
      expect(addon("vpc-cni", "1.35").answer.version).to.equal(EKS_ADDON_DEFAULTS["1.35"]["vpc-cni"]);
      expect([addon("coredns", "1.35").madeUp, addon("coredns", "1.35").assumptions]).to.deep.equal([[], []]);
      const assumed = addon("kube-proxy", "1.34");
      expect(assumed.answer.version).to.equal("v1.34.1-eksbuild.2");
      expect(assumed.madeUp).to.deep.equal(["v1.34.1-eksbuild.2"]);
      expect(assumed.facts).to.not.include("v1.34.1-eksbuild.2");
      expect(assumed.assumptions).to.deep.equal([
        "EKS add-on kube-proxy for Kubernetes 1.34: default assumed v1.34.1-eksbuild.2, the EKS User Guide's latest kube-proxy for 1.34 (plan/world.ts holds no sourced default)",
      ]);
      expect(addon("kube-proxy", "1.36").assumptions).to.deep.equal([
        "EKS add-on kube-proxy for Kubernetes 1.36: default assumed v1.36.0-eksbuild.1, made up in the form of kube-proxy's versions (plan/world.ts holds no sourced default)",
      ]);
      expect(addon("vpc-cni", "1.32").assumptions).to.deep.equal([
        "EKS add-on vpc-cni for Kubernetes 1.32: default assumed v1.21.1-eksbuild.1, the sourced default for 1.35 (plan/world.ts holds no sourced default)",
      ]);
      // Every version the validator accepts plans: the add-ons the program installs have an answer.
      for (const { version } of EKS_KUBERNETES_VERSIONS)
        for (const name of ["vpc-cni", "kube-proxy", "coredns", "aws-ebs-csi-driver"])
          expect(addon(name, version).answer.version, `${name} ${version}`).to.match(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
      expect(() => addon("coredns", "1.29")).to.throw(
        "reading EKS Add-On version info (coredns, 1.29): couldn't find resource (the world has no default version of coredns for Kubernetes 1.29: add it to EKS_ADDON_DEFAULTS in plan/world.ts)",
      );
    });

    it("plans a stack on Kubernetes 1.34, its add-on versions marked as made up and listed as assumed", async function () {
      this.timeout(30000);
      const dev = readStackConfig(EXAMPLES, "dev");
      const cluster = JSON.parse(dev.config["datafold-aws:cluster"]) as Record<string, unknown>;
      const { run } = await planConfig(
        {
          ...dev,
          config: { ...dev.config, "datafold-aws:cluster": JSON.stringify({ ...cluster, kubernetesVersion: "1.34" }) },
        },
        program,
      );
      const version = inputs(find(run, "aws:eks/addon:Addon", "acme-datafold-kube-proxy")).addonVersion as string;
      expect(version).to.equal("v1.34.1-eksbuild.2");
      expect(run.madeUp.has(version)).to.equal(true);
      expect(run.assumptions.filter((a) => a.startsWith("EKS add-on")).map((a) => a.split(":")[0])).to.deep.equal([
        "EKS add-on vpc-cni for Kubernetes 1.34",
        "EKS add-on kube-proxy for Kubernetes 1.34",
        "EKS add-on coredns for Kubernetes 1.34",
        "EKS add-on aws-ebs-csi-driver for Kubernetes 1.34",
      ]);
    });

    it("takes the AZ ids where EKS refuses a control plane from the program's own table (stack/zones.ts)", () => {
      expect(makeWorld("us-east-1").eksUnsupportedZoneIds).to.deep.equal(EKS_UNSUPPORTED_ZONE_IDS["us-east-1"]);
      expect(makeWorld("us-east-2").eksUnsupportedZoneIds).to.deep.equal([]);
    });

    it("fails a zone lookup in a region it does not hold, naming REGION_ZONES, not the config", () => {
      const world = makeWorld("ap-south-2");
      expect(world.regionHeld).to.equal(false);
      for (const token of [
        "aws:index/getAvailabilityZones:getAvailabilityZones",
        "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
        "aws:ec2/getSubnet:getSubnet",
      ])
        expect(() => lookup(world, token, { id: "subnet-0123" }), token).to.throw(
          "the offline world lacks region ap-south-2: add its AZ ids to REGION_ZONES in plan/world.ts with a source",
        );
      expect(lookup(world, "aws:index/getRegion:getRegion", {}).description).to.equal("Asia Pacific (Hyderabad)");
    });

    it("answers the caller, the partition and the region from the world", () => {
      const world = makeWorld("eu-central-1");
      expect(lookup(world, "aws:index/getCallerIdentity:getCallerIdentity", {})).to.deep.equal({
        id: "123456789012",
        accountId: "123456789012",
        arn: "arn:aws:iam::123456789012:user/Alice",
        userId: "AKIAI44QH8DHBEXAMPLE",
      });
      expect(lookup(world, "aws:index/getPartition:getPartition", {})).to.deep.equal({
        id: "aws",
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        reverseDnsPrefix: "com.amazonaws",
      });
      expect(lookup(world, "aws:index/getRegion:getRegion", {})).to.deep.equal({
        id: "eu-central-1",
        name: "eu-central-1",
        region: "eu-central-1",
        endpoint: "ec2.eu-central-1.amazonaws.com",
        description: "Europe (Frankfurt)",
      });
      expect(partitionOf("cn-north-1")).to.deep.equal({
        name: "aws-cn",
        dnsSuffix: "amazonaws.com.cn",
        reverseDnsPrefix: "cn.com.amazonaws",
      });
      expect(partitionOf("us-gov-west-1").name).to.equal("aws-us-gov");
      expect(() => partitionOf("xx-nowhere-1")).to.throw(
        "no partition for region xx-nowhere-1: add it to PARTITIONS in plan/world.ts",
      );
      const other = makeWorld("us-east-1", {
        callerIdentity: { arn: "arn:aws:iam::123456789012:user/Bob", userId: "AIDAB" },
      });
      expect(lookup(other, "aws:index/getCallerIdentity:getCallerIdentity", {}).arn).to.equal(
        "arn:aws:iam::123456789012:user/Bob",
      );
      expect(CALLER_IDENTITY.arn).to.equal("arn:aws:iam::123456789012:user/Alice");
    });
  });

  describe("the account's Availability Zones, offerings, VPCs and clusters", () => {
    const world = makeWorld("us-east-1", {
      zones: [
        ...regionZones("us-east-1"),
        { name: "us-east-1-bos-1a", id: "use1-bos1-az1", optInStatus: "opted-in", zoneType: "local-zone" },
        { name: "us-east-1-mia-1a", id: "use1-mia1-az1", optInStatus: "not-opted-in", zoneType: "local-zone" },
      ],
    });
    const zones = (inputs: Record<string, unknown>) =>
      lookup(world, "aws:index/getAvailabilityZones:getAvailabilityZones", inputs).zoneIds;

    it("answers the zones that match the filters, less the excluded ones, as the provider does", () => {
      const all = ["use1-az2", "use1-az3", "use1-az1", "use1-az4", "use1-az6", "use1-az5"];
      expect(zones({})).to.deep.equal([...all, "use1-bos1-az1"]);
      expect(zones({ allAvailabilityZones: true })).to.deep.equal([...all, "use1-bos1-az1", "use1-mia1-az1"]);
      expect(zones({ filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] })).to.deep.equal(all);
      expect(zones({ filters: [{ name: "zone-type", values: ["local-zone"] }] })).to.deep.equal(["use1-bos1-az1"]);
      expect(
        zones({ state: "available", excludeZoneIds: ["use1-az3"], excludeNames: ["us-east-1-bos-1a"] }),
      ).to.deep.equal(["use1-az2", "use1-az1", "use1-az4", "use1-az6", "use1-az5"]);
      expect(zones({ filters: [{ name: "zone-name", values: ["us-east-1?"] }] })).to.deep.equal(all);
      expect(() => zones({ filters: [{ name: "network-border-group", values: ["us-east-1"] }] })).to.throw(
        "unmocked availability zone filter network-border-group: add it to plan/lookups.ts",
      );
    });

    it("answers the instance type offerings per AZ id or name that match the filters", () => {
      const offerings = (inputs: Record<string, unknown>) => {
        const r = lookup(world, "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings", inputs);
        return (r.locations as string[]).map((l, i) => `${l} ${(r.instanceTypes as string[])[i]}`);
      };
      const byId = (types: string[], locations: string[]) =>
        offerings({
          locationType: "availability-zone-id",
          filters: [
            { name: "instance-type", values: types },
            { name: "location", values: locations },
          ],
        });
      expect(byId(["r7a.2xlarge"], ["use1-az2", "use1-az3", "use1-az1"])).to.deep.equal([
        "use1-az2 r7a.2xlarge",
        "use1-az1 r7a.2xlarge",
      ]);
      expect(byId(["r7a.*"], ["use1-az3"])).to.deep.equal([]);
      // use1-az3's whole offering is sourced: m6i is not in it, r4 is.
      expect(byId(["m6i.2xlarge", "r4.2xlarge"], ["use1-az3"])).to.deep.equal(["use1-az3 r4.2xlarge"]);
      expect(
        offerings({ locationType: "availability-zone", filters: [{ name: "location", values: ["us-east-1a"] }] }),
      ).to.deep.equal(["us-east-1a m7a.xlarge", "us-east-1a r7a.2xlarge"]);
      expect(offerings({ filters: [{ name: "instance-type", values: ["m7a.xlarge"] }] })).to.deep.equal([
        "us-east-1 m7a.xlarge",
      ]);
      expect(() => offerings({ filters: [{ name: "vcpu", values: ["8"] }] })).to.throw(
        "unmocked instance type offering filter vcpu: add it to plan/lookups.ts",
      );
    });

    it("assumes an instance type it has no sourced fact for offered in every zone but those whose whole offering is sourced, and says so", () => {
      const answer = answerLookup(world, "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings", {
        locationType: "availability-zone-id",
        filters: [
          { name: "instance-type", values: ["m6i.2xlarge", "r7a.2xlarge"] },
          { name: "location", values: ["use1-az1", "use1-az2", "use1-az3"] },
        ],
      });
      const pairs = (answer.answer.locations as string[]).map(
        (l, i) => `${l} ${(answer.answer.instanceTypes as string[])[i]}`,
      );
      expect(pairs).to.deep.equal([
        "use1-az2 m6i.2xlarge",
        "use1-az2 r7a.2xlarge",
        "use1-az1 m6i.2xlarge",
        "use1-az1 r7a.2xlarge",
      ]);
      expect(answer.assumptions).to.deep.equal([
        "instance type m6i.2xlarge: assumed offered in use1-az2, use1-az1 (plan/world.ts holds no sourced offering of it there)",
      ]);
      expect(answer.madeUp).to.deep.equal(["m6i.2xlarge"]);
      // A wildcard names no type: nothing is assumed for it.
      expect(
        answerLookup(world, "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings", {
          filters: [{ name: "instance-type", values: ["m6i.*"] }],
        }).answer.instanceTypes,
      ).to.deep.equal([]);
    });

    it("answers an existing VPC's DNS attributes, and the clusters the account runs", () => {
      const existing = worldForExistingNetwork("eu-west-1", "vpc-0a1b2c3d4e5f60718", ["subnet-01"], []);
      expect(lookup(existing, "aws:ec2/getVpc:getVpc", { id: "vpc-0a1b2c3d4e5f60718" })).to.include({
        enableDnsSupport: true,
        enableDnsHostnames: true,
      });
      const running = makeWorld("us-east-1", {
        eksClusters: {
          "acme-datafold": {
            version: "1.36",
            supportType: "STANDARD",
            endpoint: "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
            endpointPublicAccess: false,
            publicAccessCidrs: [],
            vpcId: "vpc-0123456789abcdef0",
          },
        },
      });
      expect(lookup(running, "aws:eks/getClusters:getClusters", {}).names).to.deep.equal(["acme-datafold"]);
      expect(lookup(running, "aws:eks/getCluster:getCluster", { name: "acme-datafold" })).to.include({
        version: "1.36",
        arn: "arn:aws:eks:us-east-1:123456789012:cluster/acme-datafold",
      });
      expect(() => lookup(world, "aws:eks/getCluster:getCluster", { name: "acme-datafold" })).to.throw(
        "reading EKS Cluster (acme-datafold): couldn't find resource",
      );
    });
  });

  describe("what the account refuses, as AWS does", () => {
    /** A VPC with subnets in two zones, as the program's network creates it. */
    function vpc(zoneIds: [string, string], gateway: boolean) {
      const v = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });
      if (gateway) new aws.ec2.InternetGateway("igw", { vpcId: v.id });
      return zoneIds.map(
        (id, i) => new aws.ec2.Subnet(`s-${i}`, { vpcId: v.id, cidrBlock: `10.0.${i}.0/24`, availabilityZoneId: id }),
      );
    }

    it("EKS: a control plane subnet in use1-az3", async () => {
      const err = await failure(
        runComponents(() => {
          const subnets = vpc(["use1-az2", "use1-az3"], true);
          const c = new eks.Cluster("c", { name: "acme", privateSubnetIds: subnets.map((s) => s.id) });
          return { name: c.eksCluster };
        }),
      );
      expect((err as Error).message).to.equal(
        "failed to register new resource c [eks:index:Cluster]: UnsupportedAvailabilityZoneException: Cannot create cluster 'acme' because EKS does not support creating control plane instances in us-east-1b, the targeted availability zone. Retry cluster creation using control plane subnets that span at least two of these availability zones: us-east-1a, us-east-1c, us-east-1d, us-east-1e, us-east-1f.",
      );
    });

    it("EC2: a node group whose instance type a zone of its subnets does not offer", async () => {
      const err = await failure(
        runComponents(() => {
          const subnets = vpc(["use1-az3", "use1-az1"], true);
          const g = new aws.eks.NodeGroup("g", {
            clusterName: "acme",
            nodeRoleArn: "arn:aws:iam::123456789012:role/nodes",
            subnetIds: subnets.map((s) => s.id),
            instanceTypes: ["m6i.2xlarge"],
            scalingConfig: { minSize: 1, maxSize: 1, desiredSize: 1 },
          });
          return { arn: g.arn };
        }),
      );
      expect((err as Error).message).to.equal(
        "failed to register new resource g [aws:eks/nodeGroup:NodeGroup]: Unsupported: Your requested instance type (m6i.2xlarge) is not supported in your requested Availability Zone (us-east-1b).",
      );
    });

    it("ELB: an internet-facing load balancer in a VPC without an internet gateway", async () => {
      const err = await failure(
        runComponents(() => {
          const subnets = vpc(["use1-az2", "use1-az1"], false);
          return { arn: new aws.lb.LoadBalancer("lb", { subnets: subnets.map((s) => s.id) }).arn };
        }),
      );
      expect((err as Error).message).to.match(
        /^failed to register new resource lb \[aws:lb\/loadBalancer:LoadBalancer\]: InvalidSubnet: VPC vpc-[0-9a-f]{17} has no internet gateway$/,
      );
    });

    it("gives the eks component's outputs their real shapes: issuer with and without https://, no provider ARN of its own", async () => {
      const { run } = await plannedStack("dev");
      const out = find(run, "eks:index:Cluster", "acme-datafold-eks").outputs as Record<string, string>;
      expect(out.oidcProviderUrl).to.equal(`https://${out.oidcIssuer}`);
      expect(out.oidcProviderArn).to.equal("");
      const exec = (JSON.parse(out.kubeconfigJson) as { users: { user: { exec: { args: string[] } } }[] }).users[0].user
        .exec;
      expect(exec.args.slice(0, 2)).to.deep.equal(["--region", "us-east-1"]);
    });
  });

  describe("what resources outside AWS compute", () => {
    it("gives Kubernetes objects, Helm releases, the provider, random values and the stack reference their providers' ids and outputs", async () => {
      const { run } = await plannedStack("controller");
      const r = (type: string, name: string) => find(run, type, name);
      const namespace = r("kubernetes:core/v1:Namespace", "umbrella-datafold-namespace");
      expect([namespace.id, (namespace.outputs as { status: unknown }).status]).to.deep.equal([
        "umbrella-datafold",
        { phase: "Active" },
      ]);
      const release = r("kubernetes:helm.sh/v3:Release", "umbrella-datafold-metrics-server");
      expect([release.id, (release.outputs as { status: unknown }).status]).to.deep.equal([
        "kube-system/metrics-server",
        {
          name: "metrics-server",
          namespace: "kube-system",
          chart: "metrics-server",
          version: "3.13.1",
          revision: 1,
          status: "deployed",
        },
      ]);
      expect(r("pulumi:providers:kubernetes", "umbrella-datafold-k8s").id).to.match(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      const password = r("random:index/randomPassword:RandomPassword", "umbrella-datafold-db-password");
      expect(password.id).to.equal("none");
      expect(password.outputs).to.include({ length: 40, special: false, upper: true, lower: true, numeric: true });
      const self = r("pulumi:pulumi:StackReference", "umbrella-datafold-last-deployment");
      expect(self.outputs).to.deep.equal({
        name: "controller",
        outputs: {},
        secretOutputNames: [],
      });
    });
  });
});
