import { expect } from "chai";

import { parseConfigValue } from "../../config/values";
import { DEFAULTS } from "../../config/settings";
import { TLS12_OR_LATER_POLICIES } from "../../config/ingress";
import { ConfigError, type RawConfig, validateConfig } from "../../config/validator";
import { problems, PUBLIC_CIDRS, raw, REQUIRED } from "./config-helpers";

const TLS12 = `an Application Load Balancer security policy without TLS 1.0 or 1.1: ${TLS12_OR_LATER_POLICIES.join(", ")}`;

describe("config", () => {
  describe("defaults", () => {
    it("resolves every default of the contract for a minimal stack", () => {
      const s = validateConfig(raw());
      expect(s).to.deep.equal({
        region: "us-east-1",
        deploymentName: "acme",
        domain: "datafold.acme.example",
        tags: {},
        network: DEFAULTS.network,
        cluster: { ...DEFAULTS.cluster, publicAccessCidrs: ["203.0.113.0/24"] },
        storage: DEFAULTS.storage,
        database: DEFAULTS.database,
        ingress: DEFAULTS.ingress,
        access: DEFAULTS.access,
        platform: DEFAULTS.platform,
        credentials: {},
      });
    });

    it("holds the contract's values", () => {
      expect(DEFAULTS.storage.clickhouseData).to.deep.equal({ sizeGb: 40, iops: 3000, throughputMibps: 125 });
      expect(DEFAULTS.storage.redisData).to.deep.equal({ sizeGb: 50, iops: 3000, throughputMibps: 125 });
      expect(DEFAULTS.database).to.deep.equal({
        instanceClass: "db.t4g.medium",
        engineVersion: "17",
        allocatedStorageGb: 20,
        maxAllocatedStorageGb: 100,
        multiAz: false,
        backupRetentionDays: 14,
        deletionProtection: true,
        performanceInsights: true,
      });
      expect(DEFAULTS.ingress.sslPolicy).to.equal("ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
      expect(DEFAULTS.ingress.backendPort).to.equal(31337);
      expect(DEFAULTS.access.trustedAccountId).to.equal("710753145501");
      expect(DEFAULTS.cluster.nodeGroups.map((g) => [g.name, g.placement])).to.deep.equal([
        ["app", "all"],
        ["data", "primary"],
      ]);
    });

    it("merges a section key by key, keeping the defaults of keys not given", () => {
      const s = validateConfig(raw({ network: { natGateway: "perAz" }, database: { multiAz: true } }));
      expect(s.network).to.deep.equal({ ...DEFAULTS.network, natGateway: "perAz" });
      expect(s.database).to.deep.equal({ ...DEFAULTS.database, multiAz: true });
    });

    it("fills node group fields a group leaves out", () => {
      const s = validateConfig(
        raw({
          cluster: {
            ...PUBLIC_CIDRS,
            nodeGroups: [{ name: "all", instanceTypes: ["m7i.xlarge"], placement: "primary" }],
          },
        }),
      );
      expect(s.cluster.nodeGroups).to.deep.equal([
        {
          name: "all",
          instanceTypes: ["m7i.xlarge"],
          minSize: 1,
          maxSize: 1,
          desiredSize: 1,
          diskSizeGb: 80,
          placement: "primary",
          labels: {},
          taints: [],
        },
      ]);
    });

    it("accepts an existing VPC with its subnet ids", () => {
      const network = {
        vpcId: "vpc-0a1b2c3d4e5f60718",
        privateSubnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
        publicSubnetIds: ["subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102"],
      };
      expect(validateConfig(raw({ network })).network).to.deep.equal({ ...DEFAULTS.network, ...network });
    });

    it("accepts a three-group cluster and gp3 volumes at their limits", () => {
      const g = (name: string) => ({ name, instanceTypes: ["r7a.xlarge"] });
      expect(
        problems(
          raw({
            cluster: {
              ...PUBLIC_CIDRS,
              nodeGroups: [g("a"), { ...g("b"), placement: "primary", labels: { pool: "b" } }, g("c")],
            },
            storage: { clickhouseData: { sizeGb: 160, iops: 80000, throughputMibps: 2000 } },
          }),
        ),
      ).to.deep.equal([]);
    });
  });

  describe("one problem at a time", () => {
    const k = "datafold-aws:";
    const table: [string, RawConfig, string][] = [
      [
        "a missing region",
        { region: undefined, values: { ...REQUIRED, cluster: PUBLIC_CIDRS } },
        "aws:region: is required; set it with `pulumi config set aws:region us-east-1`",
      ],
      [
        "a malformed region",
        raw({}, "us-east"),
        'aws:region: got "us-east"; expected a region of the aws, aws-cn or aws-us-gov partition, such as us-east-1 (config/aws-data.ts lists them)',
      ],
      [
        "an uppercase deployment name",
        raw({ deploymentName: "Acme" }),
        `${k}deploymentName: got "Acme"; expected a lowercase DNS label of at most 28 characters (a-z, 0-9, -), starting with a letter`,
      ],
      [
        "a 29-character deployment name",
        raw({ deploymentName: "a".repeat(29) }),
        `${k}deploymentName: got "${"a".repeat(29)}"; expected a lowercase DNS label of at most 28 characters (a-z, 0-9, -), starting with a letter`,
      ],
      [
        "a missing domain",
        { region: "us-east-1", values: { deploymentName: "acme", cluster: PUBLIC_CIDRS } },
        `${k}domain: is required; expected a lowercase host name such as datafold.example.com`,
      ],
      [
        "a domain with no dot",
        raw({ domain: "localhost" }),
        `${k}domain: got "localhost"; expected a lowercase host name such as datafold.example.com`,
      ],
      [
        "an unknown top-level key",
        raw({ netwrok: {} }),
        `${k}netwrok: got {}; expected one of the project's keys: deploymentName, domain, tags, network, cluster, storage, database, ingress, access, platform`,
      ],
      [
        "a section's key written flat (pulumi config set without --path), with how to nest it",
        raw({ "platform.enabled": "false" }),
        `${k}platform.enabled: got "false"; expected one of the project's keys: deploymentName, domain, tags, network, cluster, storage, database, ingress, access, platform; platform.enabled is a key of the section platform written flat, as \`pulumi config set platform.enabled ...\` writes it without --path: remove it (\`pulumi config rm platform.enabled\`) and set it inside the section with \`pulumi config set --path platform.enabled false\``,
      ],
      [
        "a section's list written flat, with how to set it element by element",
        raw({ "ingress.allowedCidrs": ["10.0.0.0/8", "192.168.0.0/16"] }),
        `${k}ingress.allowedCidrs: got ["10.0.0.0/8","192.168.0.0/16"]; expected one of the project's keys: deploymentName, domain, tags, network, cluster, storage, database, ingress, access, platform; ingress.allowedCidrs is a key of the section ingress written flat, as \`pulumi config set ingress.allowedCidrs ...\` writes it without --path: remove it (\`pulumi config rm ingress.allowedCidrs\`) and set it inside the section with \`pulumi config set --path 'ingress.allowedCidrs[0]' 10.0.0.0/8\`, \`pulumi config set --path 'ingress.allowedCidrs[1]' 192.168.0.0/16\``,
      ],
      [
        "an unknown section key",
        raw({ network: { natgateway: "none" } }),
        `${k}network.natgateway: got "none"; expected one of the known keys of network: vpcId, privateSubnetIds, publicSubnetIds, vpcCidr, privateSubnetCidrs, publicSubnetCidrs, availabilityZoneIds, natGateway, flowLogs, flowLogsRetentionDays`,
      ],
      [
        "an aws: tag",
        raw({ tags: { "aws:owner": "x" } }),
        `${k}tags.aws:owner: got "x"; expected a tag key not starting with aws: (reserved for AWS)`,
      ],
      [
        "a bad VPC CIDR",
        raw({ network: { vpcCidr: "10.0.0.0/8" } }),
        `${k}network.vpcCidr: got "10.0.0.0/8"; expected an IPv4 CIDR such as 10.0.0.0/24 with a prefix from /16 to /28`,
      ],
      [
        "a CIDR with host bits",
        raw({ network: { vpcCidr: "10.0.1.0/16" } }),
        `${k}network.vpcCidr: got "10.0.1.0/16"; expected an IPv4 CIDR such as 10.0.0.0/24 with a prefix from /16 to /28, with no host bits set (a network address)`,
      ],
      [
        "a subnet outside the VPC",
        raw({ network: { privateSubnetCidrs: ["10.0.0.0/24", "10.9.0.0/24"] } }),
        `${k}network.privateSubnetCidrs: got "10.9.0.0/24"; expected a range inside network.vpcCidr 10.0.0.0/16`,
      ],
      [
        "overlapping subnets",
        raw({ network: { publicSubnetCidrs: ["10.0.0.128/25", "10.0.101.0/24"] } }),
        `${k}network.privateSubnetCidrs: got "10.0.0.0/24"; expected ranges that do not overlap: it overlaps 10.0.0.128/25 in network.publicSubnetCidrs`,
      ],
      [
        "one AZ only",
        raw({ network: { privateSubnetCidrs: ["10.0.0.0/24"], publicSubnetCidrs: ["10.0.100.0/24"] } }),
        `${k}network.privateSubnetCidrs: got ["10.0.0.0/24"]; expected at least two CIDRs, one per AZ (the database and the load balancer need two AZs)`,
      ],
      [
        "public and private counts that differ",
        raw({ network: { publicSubnetCidrs: ["10.0.100.0/24"] } }),
        `${k}network.publicSubnetCidrs: got ["10.0.100.0/24"]; expected one CIDR per AZ: as many as network.privateSubnetCidrs (2)`,
      ],
      [
        "AZ ids that do not match the subnets",
        raw({ network: { availabilityZoneIds: ["use1-az1"] } }),
        `${k}network.availabilityZoneIds: got ["use1-az1"]; expected empty, or one AZ id per subnet: 2`,
      ],
      [
        "an AZ name for an AZ id",
        raw({ network: { availabilityZoneIds: ["us-east-1a", "use1-az2"] } }),
        `${k}network.availabilityZoneIds[0]: got "us-east-1a"; expected AZ ids such as use1-az1 (not names such as us-east-1a)`,
      ],
      [
        "a NAT mode that does not exist",
        raw({ network: { natGateway: "double" } }),
        `${k}network.natGateway: got "double"; expected one of "single", "perAz", "none"`,
      ],
      [
        "no NAT in a new VPC",
        raw({ network: { natGateway: "none" } }),
        `${k}network.natGateway: got "none"; expected single or perAz for a new VPC (nodes need egress to pull images and reach AWS APIs); to use your own egress controls, deploy into an existing VPC with network.vpcId`,
      ],
      [
        "a new VPC without public subnets",
        raw({ network: { publicSubnetCidrs: [] }, ingress: { internal: true } }),
        `${k}network.publicSubnetCidrs: got []; expected one CIDR per AZ: the NAT gateways (and an internet-facing load balancer) live in public subnets`,
      ],
      [
        "an EKS support type that does not exist",
        raw({ cluster: { ...PUBLIC_CIDRS, supportType: "LTS" } }),
        `${k}cluster.supportType: got "LTS"; expected one of "STANDARD", "EXTENDED"`,
      ],
      [
        "an existing VPC without subnets",
        raw({ network: { vpcId: "vpc-0a1b2c3d" }, ingress: { internal: true } }),
        `${k}network.privateSubnetIds: got []; expected with network.vpcId, at least two private subnet ids in different AZs (the database and the load balancer need two AZs)`,
      ],
      [
        "an existing VPC with CIDRs",
        raw({
          network: {
            vpcId: "vpc-0a1b2c3d",
            privateSubnetIds: ["subnet-0a1b2c3d", "subnet-1a1b2c3d"],
            vpcCidr: "10.0.0.0/16",
          },
          ingress: { internal: true },
        }),
        `${k}network.vpcCidr: got "10.0.0.0/16"; expected no value: it is not used with network.vpcId (an existing VPC is not changed); remove it, or clear vpcId to create a VPC`,
      ],
      [
        "an internet-facing ALB in an existing VPC with no public subnets",
        raw({ network: { vpcId: "vpc-0a1b2c3d", privateSubnetIds: ["subnet-0a1b2c3d", "subnet-1a1b2c3d"] } }),
        `${k}network.publicSubnetIds: got []; expected an internet-facing load balancer (ingress.internal: false) in an existing VPC needs at least two public subnet ids`,
      ],
      [
        "subnet ids without a VPC id",
        raw({ network: { privateSubnetIds: ["subnet-0a1b2c3d"] } }),
        `${k}network.privateSubnetIds: got ["subnet-0a1b2c3d"]; expected subnet ids only with network.vpcId; without it this program creates the subnets from the CIDRs`,
      ],
      [
        "a public endpoint with no CIDRs",
        raw({ cluster: {} }),
        `${k}cluster.publicAccessCidrs: got []; expected at least one CIDR (your VPN or office egress) while cluster.endpointPublicAccess is true; or set endpointPublicAccess: false`,
      ],
      [
        "a public endpoint open to the internet",
        raw({ cluster: { publicAccessCidrs: ["0.0.0.0/0"] } }),
        `${k}cluster.publicAccessCidrs: got "0.0.0.0/0"; expected CIDRs narrower than the whole internet: 0.0.0.0/0 is refused`,
      ],
      [
        "a bad admin ARN",
        raw({ cluster: { ...PUBLIC_CIDRS, adminRoleArns: ["admin"] } }),
        `${k}cluster.adminRoleArns[0]: got "admin"; expected IAM role or user ARNs such as arn:aws:iam::123456789012:role/Admin`,
      ],
      [
        "a Kubernetes version that is not a minor version",
        raw({ cluster: { ...PUBLIC_CIDRS, kubernetesVersion: "1.35.2" } }),
        `${k}cluster.kubernetesVersion: got "1.35.2"; expected a Kubernetes minor version EKS offers: "1.32", "1.33", "1.34", "1.35", "1.36"`,
      ],
      [
        "no node groups",
        raw({ cluster: { ...PUBLIC_CIDRS, nodeGroups: [] } }),
        `${k}cluster.nodeGroups: got "0 groups"; expected one to three node groups`,
      ],
      [
        "min above max",
        raw({
          cluster: {
            ...PUBLIC_CIDRS,
            nodeGroups: [
              { name: "a", instanceTypes: ["m5.large"], minSize: 3, maxSize: 2, desiredSize: 2, placement: "primary" },
            ],
          },
        }),
        `${k}cluster.nodeGroups[0]: got {"minSize":3,"desiredSize":2,"maxSize":2}; expected minSize <= desiredSize <= maxSize`,
      ],
      [
        "duplicate group names",
        raw({
          cluster: {
            ...PUBLIC_CIDRS,
            nodeGroups: [
              { name: "a", instanceTypes: ["m5.large"], placement: "primary" },
              { name: "a", instanceTypes: ["m5.large"], placement: "primary" },
            ],
          },
        }),
        `${k}cluster.nodeGroups[].name: got ["a"]; expected a different name for each node group`,
      ],
      [
        "a bad taint effect",
        raw({
          cluster: {
            ...PUBLIC_CIDRS,
            nodeGroups: [
              {
                name: "a",
                instanceTypes: ["m5.large"],
                placement: "primary",
                taints: [{ key: "x", value: "y", effect: "Never" }],
              },
            ],
          },
        }),
        `${k}cluster.nodeGroups[0].taints[0].effect: got "Never"; expected one of "NoSchedule", "PreferNoSchedule", "NoExecute"`,
      ],
      [
        "the ClickHouse group spread over all AZs",
        raw({
          cluster: {
            ...PUBLIC_CIDRS,
            nodeGroups: [
              { name: "b", instanceTypes: ["m5.large"], placement: "primary" },
              {
                name: "a",
                instanceTypes: ["m5.large"],
                labels: { pool: "data" },
                taints: [{ key: "clickhouse", value: "reserved", effect: "NoSchedule" }],
              },
            ],
          },
        }),
        `${k}cluster.nodeGroups[1].placement: got "all"; expected primary for the group tainted clickhouse=...: ClickHouse and Redis run there and their EBS volumes live only in the primary AZ`,
      ],
      [
        "gp3 IOPS below the baseline",
        raw({ storage: { redisData: { iops: 2000 } } }),
        `${k}storage.redisData.iops: got 2000; expected an integer from 3000 to 80000`,
      ],
      [
        "gp3 size above 64 TiB",
        raw({ storage: { clickhouseData: { sizeGb: 70000 } } }),
        `${k}storage.clickhouseData.sizeGb: got 70000; expected an integer from 1 to 65536`,
      ],
      [
        "gp3 throughput above the limit",
        raw({ storage: { clickhouseLogs: { throughputMibps: 2001 } } }),
        `${k}storage.clickhouseLogs.throughputMibps: got 2001; expected an integer from 125 to 2000`,
      ],
      [
        "gp3 IOPS above 500 per GiB",
        raw({ storage: { clickhouseData: { sizeGb: 10, iops: 6000 } } }),
        `${k}storage.clickhouseData.iops: got 6000; expected at most 500 IOPS per GiB above the 3000 baseline: 5000 for 10 GiB`,
      ],
      [
        "gp3 throughput above 0.25 MiB/s per IOPS",
        raw({ storage: { redisData: { throughputMibps: 1000 } } }),
        `${k}storage.redisData.throughputMibps: got 1000; expected at most 0.25 MiB/s per provisioned IOPS: 750 for 3000 IOPS`,
      ],
      [
        "a volume size that is not a number",
        raw({ storage: { redisData: { sizeGb: "50" } } }),
        `${k}storage.redisData.sizeGb: got "50"; expected an integer from 1 to 65536`,
      ],
      [
        "RDS max storage below allocated",
        raw({ database: { allocatedStorageGb: 200 } }),
        `${k}database.maxAllocatedStorageGb: got 100; expected at least 10% more than database.allocatedStorageGb (200): 220 or more (RDS refuses a smaller storage autoscaling threshold)`,
      ],
      [
        "backup retention above 35",
        raw({ database: { backupRetentionDays: 36 } }),
        `${k}database.backupRetentionDays: got 36; expected an integer from 1 to 35`,
      ],
      [
        "backup retention of 0",
        raw({ database: { backupRetentionDays: 0 } }),
        `${k}database.backupRetentionDays: got 0; expected an integer from 1 to 35`,
      ],
      [
        "an old PostgreSQL",
        raw({ database: { engineVersion: "12" } }),
        `${k}database.engineVersion: got "12"; expected a PostgreSQL version RDS offers: a major version (13, 14, 15, 16, 17, 18) or major.minor (17.9)`,
      ],
      [
        "a boolean written as text",
        raw({ database: { multiAz: "yes" } }),
        `${k}database.multiAz: got "yes"; expected true or false`,
      ],
      [
        "an ingress mode that does not exist",
        raw({ ingress: { mode: "nlb" } }),
        `${k}ingress.mode: got "nlb"; expected one of "alb", "controller"`,
      ],
      [
        "a malformed certificate ARN",
        raw({ ingress: { certificateArn: "arn:aws:acm:us-east-1:123:certificate/x" } }),
        `${k}ingress.certificateArn: got "arn:aws:acm:us-east-1:123:certificate/x"; expected empty, or an ACM certificate ARN such as arn:aws:acm:us-east-1:123456789012:certificate/<uuid>`,
      ],
      [
        "a certificate from another region",
        raw({
          ingress: {
            certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
          },
        }),
        `${k}ingress.certificateArn: got "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"; expected a certificate in the stack's region us-east-1 (a load balancer can only use certificates from its own region)`,
      ],
      [
        "a malformed hosted zone id",
        raw({ ingress: { hostedZoneId: "example.com" } }),
        `${k}ingress.hostedZoneId: got "example.com"; expected empty, or a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ`,
      ],
      [
        "an SSL policy that allows TLS 1.0",
        raw({ ingress: { sslPolicy: "ELBSecurityPolicy-2016-08" } }),
        `${k}ingress.sslPolicy: got "ELBSecurityPolicy-2016-08"; expected ${TLS12}`,
      ],
      [
        "a backend port outside the NodePort range",
        raw({ ingress: { backendPort: 8080 } }),
        `${k}ingress.backendPort: got 8080; expected an integer from 30000 to 32767`,
      ],
      [
        "no allowed CIDRs",
        raw({ ingress: { allowedCidrs: [] } }),
        `${k}ingress.allowedCidrs: got []; expected at least one CIDR that may reach HTTPS`,
      ],
      [
        "ingress.healthCheckPath, dropped from the contract (the chart's nginx answers health checks only on /nginx-health)",
        raw({ ingress: { healthCheckPath: "/nginx-health" } }),
        `${k}ingress.healthCheckPath: got "/nginx-health"; expected no ingress.healthCheckPath: it was removed from the contract (health checks go to /nginx-health, the one path the vendor's chart's nginx answers them on); remove the key`,
      ],
      [
        "a short account id",
        raw({ access: { trustedAccountId: "71075314550" } }),
        `${k}access.trustedAccountId: got "71075314550"; expected a 12-digit AWS account id`,
      ],
      [
        "a permissions mode that does not exist",
        raw({ access: { permissions: "poweruser" } }),
        `${k}access.permissions: got "poweruser"; expected one of "minimal", "administrator"`,
      ],
      [
        "an external id with a space",
        raw({ access: { externalId: "a b" } }),
        `${k}access.externalId: got "a b"; expected empty, or 2 to 1224 characters of A-Z a-z 0-9 + = , . @ : / - _`,
      ],
    ];
    for (const [what, config, problem] of table) {
      it(`reports ${what}`, () => {
        expect(problems(config)).to.deep.equal([problem]);
      });
    }
  });

  describe("many problems at once", () => {
    it("reports every problem in one error, each with its full key, and returns nothing", () => {
      const config = raw({
        deploymentName: "Acme",
        network: { natGateway: "sometimes" },
        storage: { redisData: { iops: 1 } },
        database: { allocatedStorageGb: 500 },
        access: { trustedAccountId: "x" },
      });
      let error: unknown;
      try {
        validateConfig(config);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(ConfigError);
      const e = error as ConfigError;
      expect(e.problems.map((p) => p.split(":").slice(0, 2).join(":"))).to.deep.equal([
        "datafold-aws:deploymentName",
        "datafold-aws:network.natGateway",
        "datafold-aws:storage.redisData.iops",
        "datafold-aws:database.maxAllocatedStorageGb",
        "datafold-aws:access.trustedAccountId",
      ]);
      expect(e.message.split("\n")[0]).to.equal("Invalid stack configuration (5 problems); nothing was declared:");
      expect(e.message.split("\n")).to.have.length(6);
    });
  });

  describe("parseConfigValue", () => {
    const table: [string, unknown][] = [
      ['{"vpcCidr":"10.0.0.0/16"}', { vpcCidr: "10.0.0.0/16" }],
      ["[1,2]", [1, 2]],
      ["acme", "acme"],
      ["{not json", "{not json"],
      ["", ""],
    ];
    for (const [text, want] of table) {
      it(`reads ${JSON.stringify(text)} as ${JSON.stringify(want)}`, () => {
        expect(parseConfigValue(text)).to.deep.equal(want);
      });
    }
  });
});
