import * as net from "net";

import { expect } from "chai";

import type { RecordedResource } from "../../plan/monitor";
import { worldForStack } from "../../plan/offline";
import { type ProgramRun, ProgramError, runProgram } from "../../plan/run";
import { readStackConfig } from "../../plan/stackfile";
import { makeWorld, SOURCED_INSTANCE_TYPES } from "../../plan/world";
import { lastStatefulSettings, selfReferenceName } from "../../stack/last-deployment";
import { find, inputs, outputs } from "../helpers";
import { EXAMPLES, plannedStack, program } from "./plans";

function count(run: ProgramRun, type: string): number {
  return run.resources.filter((r) => r.type === type).length;
}

function names(run: ProgramRun, type: string): string[] {
  return run.resources
    .filter((r) => r.type === type)
    .map((r) => r.name)
    .sort();
}

/** Runs the dev stack's config with a changed world (a previous deployment, say), as a preview unless told. */
async function planDevWith(
  world: Partial<Parameters<typeof makeWorld>[1]>,
  overrides: Record<string, string> = {},
  preview = true,
) {
  const stack = readStackConfig(EXAMPLES, "dev");
  return runProgram({
    project: stack.project,
    stack: "dev",
    config: { ...stack.config, ...overrides },
    world: makeWorld("us-east-1", world),
    preview,
    program,
  });
}

describe("program (index.ts)", () => {
  describe("the dev stack", () => {
    let run: ProgramRun;
    before(async function () {
      this.timeout(60000);
      run = (await plannedStack("dev")).run;
    });

    it("composes one of each component", () => {
      expect(run.resources.filter((r) => r.type.startsWith("datafold:")).map((r) => r.type)).to.have.members([
        "datafold:aws:Network",
        "datafold:aws:Storage",
        "datafold:aws:Cluster",
        "datafold:aws:Database",
        "datafold:aws:Platform",
        "datafold:aws:Ingress",
        "datafold:aws:ApplicationSecrets",
      ]);
    });

    it("runs two node groups, the app group across both AZs and the data group in the primary AZ", () => {
      const privateIds = outputs(run).privateSubnetIds as string[];
      expect(names(run, "aws:eks/nodeGroup:NodeGroup")).to.deep.equal(["acme-datafold-app", "acme-datafold-data"]);
      expect(inputs(find(run, "aws:eks/nodeGroup:NodeGroup", "acme-datafold-app")).subnetIds).to.deep.equal(privateIds);
      expect(inputs(find(run, "aws:eks/nodeGroup:NodeGroup", "acme-datafold-data")).subnetIds).to.deep.equal([
        outputs(run).primaryPrivateSubnetId,
      ]);
    });

    it("installs four add-ons, four IRSA roles (no Bedrock) and three Helm releases", () => {
      expect(names(run, "aws:eks/addon:Addon")).to.deep.equal([
        "acme-datafold-aws-ebs-csi-driver",
        "acme-datafold-coredns",
        "acme-datafold-kube-proxy",
        "acme-datafold-vpc-cni",
      ]);
      const irsa = run.resources.filter(
        (r) =>
          r.type === "aws:iam/role:Role" && String(inputs(r).assumeRolePolicy).includes("AssumeRoleWithWebIdentity"),
      );
      expect(irsa.map((r) => r.name).sort()).to.deep.equal([
        "acme-datafold-clickhouse-backup",
        "acme-datafold-cluster-autoscaler",
        "acme-datafold-ebs-csi",
        "acme-datafold-load-balancer-controller",
      ]);
      expect(count(run, "kubernetes:helm.sh/v3:Release")).to.equal(3);
    });

    it("puts the three volumes in the primary AZ, the one the data nodes run in", () => {
      const volumes = run.resources.filter((r) => r.type === "aws:ebs/volume:Volume");
      expect(volumes).to.have.length(3);
      expect(new Set(volumes.map((v) => inputs(v).availabilityZone))).to.deep.equal(
        new Set([outputs(run).primaryAvailabilityZone]),
      );
      expect(outputs(run).primaryAvailabilityZone).to.equal("us-east-1a");
    });

    it("protects every stateful resource: volumes, bucket and its name, database, and the KMS keys", () => {
      const protectedOnes = run.resources.filter((r) => r.protect).map((r) => `${r.type} ${r.name}`);
      expect(protectedOnes.sort()).to.deep.equal([
        "aws:ebs/volume:Volume acme-datafold-clickhouse-data",
        "aws:ebs/volume:Volume acme-datafold-clickhouse-logs",
        "aws:ebs/volume:Volume acme-datafold-redis-data",
        "aws:kms/key:Key acme-datafold-db",
        "aws:kms/key:Key acme-datafold-eks-secrets",
        "aws:rds/instance:Instance acme-datafold-db",
        "aws:s3/bucket:Bucket acme-datafold-clickhouse-backups",
        "random:index/randomString:RandomString acme-datafold-backups-suffix",
      ]);
    });

    it("lets only the cluster's security group reach the database", () => {
      const clusterSg = (
        find(run, "eks:index:Cluster", "acme-datafold-eks").outputs as { clusterSecurityGroupId: string }
      ).clusterSecurityGroupId;
      const dbSg = find(run, "aws:ec2/securityGroup:SecurityGroup", "acme-datafold-db").id;
      const toDb = run.resources.filter(
        (r) =>
          r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" && inputs(r).securityGroupId === dbSg,
      );
      expect(
        toDb.map((r) => [inputs(r).referencedSecurityGroupId, inputs(r).cidrIpv4, inputs(r).fromPort]),
      ).to.deep.equal([[clusterSg, undefined, 5432]]);
    });

    it("exports applicationSettings with exactly the Helm values of the contract", () => {
      const s = outputs(run).applicationSettings as Record<string, Record<string, unknown>>;
      const get = (p: string) =>
        p.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], s);
      const db = find(run, "aws:rds/instance:Instance", "acme-datafold-db").outputs as { address: string };
      const generated = (name: string) =>
        (find(run, "random:index/randomPassword:RandomPassword", name).outputs as { result: string }).result;
      const expected: Record<string, unknown> = {
        "global.serverName": "datafold.acme.example",
        "global.cloudProvider": "aws",
        "global.deployment": "acme-datafold",
        "global.awsTargetGroupArn": outputs(run).targetGroupArn,
        "global.vpcCidr": "10.0.0.0/16",
        "global.statusCheckToken": generated("acme-datafold-status-check-token"),
        "global.postgres.server": db.address,
        "global.postgres.port": 5432,
        "secrets.installMePassword": generated("acme-datafold-install-password"),
        "secrets.postgres.user": "datafold",
        "secrets.postgres.password": outputs(run).databasePassword,
        "secrets.postgres.database": "datafold",
        "secrets.clickhouse.user": "datafold",
        "secrets.clickhouse.password": generated("acme-datafold-clickhouse-password"),
        "secrets.redis.password": generated("acme-datafold-redis-password"),
        "clickhouse.storage.dataVolumeId": outputs(run).clickhouseDataVolumeId,
        "clickhouse.storage.dataSize": "40Gi",
        "clickhouse.storage.logVolumeId": outputs(run).clickhouseLogsVolumeId,
        "clickhouse.storage.logSize": "40Gi",
        "redis.storage.dataVolumeId": outputs(run).redisDataVolumeId,
        "redis.storage.dataSize": "50Gi",
        "clickhouse.config.s3_bucket": outputs(run).clickhouseBackupBucket,
        "clickhouse.config.s3_region": "us-east-1",
        "clickhouse.config.s3_backup_role": outputs(run).clickhouseBackupRoleArn,
        "nginx.service.nodePort": 31337,
        "nginx.service.loadBalancerIps": outputs(run).loadBalancerIps,
        "nginx.ingress.deploy": false,
        "clickhouse.nodeSelector": { "datafold.com/node-pool": "data" },
        "redis.tolerations": [{ key: "clickhouse", operator: "Equal", value: "reserved", effect: "NoSchedule" }],
      };
      for (const [key, value] of Object.entries(expected)) {
        expect(value, `${key} has a value`).to.not.equal(undefined);
        expect(get(key), key).to.deep.equal(value);
      }
      expect(Object.keys(s).sort()).to.deep.equal(["clickhouse", "global", "nginx", "redis", "secrets"]);
    });

    it("keeps the kubeconfig, the database password and applicationSettings secret", () => {
      for (const key of ["kubeconfig", "databasePassword", "applicationSettings"]) {
        expect(JSON.stringify(run.outputs[key]), key).to.contain("1b47061264138c4ac30d75fd1eb44270");
      }
    });

    it("exports the outputs of the contract", () => {
      expect(Object.keys(run.outputs)).to.include.members([
        "vpcId",
        "privateSubnetIds",
        "primaryAvailabilityZone",
        "clusterName",
        "clusterEndpoint",
        "kubeconfig",
        "clickhouseDataVolumeId",
        "clickhouseLogsVolumeId",
        "redisDataVolumeId",
        "clickhouseBackupBucket",
        "databaseEndpoint",
        "databaseName",
        "databaseUsername",
        "databasePassword",
        "loadBalancerDnsName",
        "targetGroupArn",
        "certificateArn",
        "certificateValidationRecords",
        "clickhouseBackupRoleArn",
        "loadBalancerControllerRoleArn",
        "ebsCsiRoleArn",
        "clusterAutoscalerRoleArn",
        "applicationSettings",
      ]);
      expect(Object.keys(run.outputs)).to.not.include.members(["bedrockRoleArn", "deploymentRoleArn"]);
      // alb mode: the program builds the load balancer; nothing to hand over to the controller.
      expect(run.outputs.applicationIngress).to.equal(undefined);
    });
  });

  describe("the other example stacks", () => {
    const table: [string, (run: ProgramRun) => void][] = [
      [
        "existing-vpc: no network resource, the looked-up VPC and subnets used",
        (run) => {
          expect(run.resources.filter((r) => r.parent?.includes("datafold:aws:Network") && r.custom)).to.deep.equal([]);
          expect(outputs(run).vpcId).to.equal("vpc-0a1b2c3d4e5f60718");
          expect(inputs(find(run, "aws:lb/loadBalancer:LoadBalancer", "globex-datafold")).subnets).to.deep.equal([
            "subnet-0a1b2c3d4e5f60101",
            "subnet-0a1b2c3d4e5f60102",
          ]);
        },
      ],
      [
        "internal: an internal ALB in the private subnets with the given certificate, an alias record, three node groups",
        (run) => {
          const lb = inputs(find(run, "aws:lb/loadBalancer:LoadBalancer", "initech-datafold"));
          expect([lb.internal, lb.subnets]).to.deep.equal([true, outputs(run).privateSubnetIds]);
          expect(count(run, "aws:acm/certificate:Certificate")).to.equal(0);
          expect(inputs(find(run, "aws:lb/listener:Listener", "initech-datafold-https")).certificateArn).to.equal(
            "arn:aws:acm:us-west-2:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
          );
          expect(count(run, "aws:route53/record:Record")).to.equal(1);
          expect(count(run, "aws:eks/nodeGroup:NodeGroup")).to.equal(3);
          expect(count(run, "aws:ec2/natGateway:NatGateway")).to.equal(2);
          expect(count(run, "aws:ec2/flowLog:FlowLog")).to.equal(1);
          expect(count(run, "aws:eks/accessEntry:AccessEntry")).to.equal(1);
          expect(outputs(run).primaryAvailabilityZoneId).to.equal("usw2-az1");
          expect(run.outputs.certificateValidationRecords).to.equal(undefined);
        },
      ],
      [
        "controller: no load balancer resources; the chart's Ingress values, Bedrock and the customer key in place",
        (run) => {
          expect(
            run.resources.filter((r) => r.type.startsWith("aws:lb/") || r.type.startsWith("aws:alb/")),
          ).to.deep.equal([]);
          expect(run.outputs.loadBalancerDnsName).to.equal(undefined);
          const s = outputs(run).applicationSettings as Record<string, Record<string, unknown>>;
          expect((s.nginx.ingress as Record<string, unknown>).awsSecurityPolicy).to.equal(
            "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
          );
          // The same values, not secret, for the policy pack: the chart's nginx.ingress but `deploy`.
          const { deploy, ...handedOver } = s.nginx.ingress as Record<string, unknown>;
          expect([deploy, run.outputs.applicationIngress]).to.deep.equal([true, handedOver]);
          expect(s.global.awsTargetGroupArn).to.equal(undefined);
          expect(s.server).to.deep.equal({ serviceAccount: { roleArn: outputs(run).bedrockRoleArn } });
          expect(count(run, "aws:route53/record:Record")).to.equal(1);
          expect(inputs(find(run, "aws:ebs/volume:Volume", "umbrella-datafold-clickhouse-data")).kmsKeyId).to.equal(
            "arn:aws:kms:eu-central-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
          );
          expect(inputs(find(run, "aws:rds/instance:Instance", "umbrella-datafold-db")).multiAz).to.equal(true);
        },
      ],
      [
        "access: the vendor role with MFA, the external id and the two policies",
        (run) => {
          expect(names(run, "aws:iam/policy:Policy")).to.deep.equal([
            "hooli-datafold-vendor-iam-changes",
            "hooli-datafold-vendor-minimal",
          ]);
          expect(String(outputs(run).deploymentRoleSwitchUrl)).to.match(
            /^https:\/\/signin\.aws\.amazon\.com\/switchrole\?roleName=/,
          );
          const trust = String(inputs(find(run, "aws:iam/role:Role", "hooli-datafold-vendor")).assumeRolePolicy);
          expect(trust).to.contain('"sts:ExternalId":"hooli-datafold-2026"');
          expect(trust).to.contain('"aws:MultiFactorAuthPresent":"true"');
        },
      ],
    ];
    for (const [what, check] of table) {
      it(`plans ${what}`, async () => {
        const stackName = what.split(":")[0];
        const { run } = await plannedStack(stackName);
        check(run);
      });
    }

    it("each example stack's world is the one its config names", () => {
      const world = worldForStack(readStackConfig(EXAMPLES, "existing-vpc"));
      expect(Object.keys(world.subnets).sort()).to.deep.equal([
        "subnet-0a1b2c3d4e5f60001",
        "subnet-0a1b2c3d4e5f60002",
        "subnet-0a1b2c3d4e5f60101",
        "subnet-0a1b2c3d4e5f60102",
      ]);
    });
  });

  describe("validation", () => {
    it("declares nothing but the stack when the config is invalid, and names every bad key", async () => {
      const err = await runProgram({
        project: "datafold-aws",
        stack: "bad",
        world: makeWorld("us-east-1"),
        program,
        config: {
          "aws:region": "us-east-1",
          "datafold-aws:deploymentName": "Bad Name",
          "datafold-aws:domain": "datafold.acme.example",
          "datafold-aws:network": JSON.stringify({ natGateway: "twice" }),
          "datafold-aws:storage": JSON.stringify({ clickhouseData: { iops: 100 } }),
        },
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ProgramError);
      const e = err as ProgramError;
      // At most the stack itself was registered: no component and no cloud resource.
      expect(e.resources.filter((r: RecordedResource) => r.type !== "pulumi:pulumi:Stack")).to.deep.equal([]);
      expect(e.message.split("\n").map((l) => l.replace(/:( got| is).*/, ""))).to.deep.equal([
        "Invalid stack configuration (4 problems); nothing was declared:",
        "  - datafold-aws:deploymentName",
        "  - datafold-aws:network.natGateway",
        "  - datafold-aws:cluster.publicAccessCidrs",
        "  - datafold-aws:storage.clickhouseData.iops",
      ]);
    });

    it("refuses a four-group cluster", async () => {
      const g = (name: string) => ({ name, instanceTypes: ["m7a.large"] });
      const err = await planDevWith(
        {},
        {
          "datafold-aws:cluster": JSON.stringify({
            publicAccessCidrs: ["203.0.113.0/24"],
            nodeGroups: [g("a"), g("b"), g("c"), g("d")],
          }),
        },
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as Error).message).to.contain(
        'datafold-aws:cluster.nodeGroups: got "4 groups"; expected one to three node groups',
      );
    });

    it("refuses the identity that runs the pulumi up creating the cluster among the administrators, before anything is declared", async () => {
      const caller = "arn:aws:sts::123456789012:assumed-role/Deployer/ci";
      const err = await planDevWith(
        { callerIdentity: { arn: caller, userId: "AROAEXAMPLEID:ci" } },
        {
          "datafold-aws:cluster": JSON.stringify({
            publicAccessCidrs: ["203.0.113.0/24"],
            adminRoleArns: ["arn:aws:iam::123456789012:role/Deployer"],
          }),
        },
        false,
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ProgramError);
      const e = err as ProgramError;
      expect(e.resources.filter((r: RecordedResource) => r.type !== "pulumi:pulumi:Stack")).to.deep.equal([]);
      expect(e.message).to.equal(
        "Invalid stack configuration (1 problem); nothing was declared:\n" +
          `  - datafold-aws:cluster.adminRoleArns: got "arn:aws:iam::123456789012:role/Deployer", the identity running this pulumi up (${caller}), which creates the cluster; expected principals other than it: EKS gives the identity that creates a cluster a cluster-admin access entry of its own and refuses a second one for it (CreateAccessEntry: ResourceInUseException), so this run would stop at this entry after creating the cluster. Remove it from the list (EKS's own entry makes it cluster-admin), or run the first pulumi up as another identity.`,
      );
    });
  });

  describe("the first pulumi up: AZs, existing VPC, cluster version", () => {
    // A running cluster's API answers on a loopback port, so that the preflight's reachability
    // probe succeeds without leaving this machine.
    let api: net.Server;
    let endpoint = "";
    before(async () => {
      api = net.createServer((socket) => socket.end());
      await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
      endpoint = `https://127.0.0.1:${(api.address() as net.AddressInfo).port}`;
    });
    after(() => api.close());
    const running = (version: string) => ({
      "acme-datafold": {
        version,
        supportType: "STANDARD",
        endpoint,
        endpointPublicAccess: true,
        publicAccessCidrs: ["203.0.113.0/24"],
        vpcId: "vpc-0123456789abcdef0",
      },
    });

    /** What a run refused, and that it declared nothing but the stack (and, after the checks, the read of itself). */
    async function refusal(run: Promise<ProgramRun>, reads = false): Promise<string> {
      const err = await run.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ProgramError);
      const declared = (err as ProgramError).resources.filter(
        (r) => r.type !== "pulumi:pulumi:Stack" && !(reads && r.type === "pulumi:pulumi:StackReference"),
      );
      expect(declared.map((r) => `${r.type} ${r.name}`)).to.deep.equal([]);
      return (err as Error).message;
    }
    const cluster = (extra: object) => JSON.stringify({ publicAccessCidrs: ["203.0.113.0/24"], ...extra });

    it("puts the dev stack in AZs EKS supports that offer r7a: use1-az2 and use1-az1, not use1-az3", async () => {
      const { run } = await plannedStack("dev");
      const stateful = outputs(run).statefulSettings as { availabilityZoneIds: string[] };
      expect([outputs(run).availabilityZones, stateful.availabilityZoneIds]).to.deep.equal([
        ["us-east-1a", "us-east-1c"],
        ["use1-az2", "use1-az1"],
      ]);
      expect(
        ["acme-datafold-private-1", "acme-datafold-private-2"].map(
          (n) => inputs(find(run, "aws:ec2/subnet:Subnet", n)).availabilityZoneId,
        ),
      ).to.deep.equal(["use1-az2", "use1-az1"]);
      // The choice was made from the account's answers, before anything was declared.
      expect(
        run.calls.map((c) => c.token).filter((t) => /getAvailabilityZones|getInstanceTypeOfferings/.test(t)),
      ).to.deep.equal([
        "aws:index/getAvailabilityZones:getAvailabilityZones",
        "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
      ]);
    });

    it("refuses a pinned AZ where EKS cannot place the control plane, naming the key, before anything is declared", async () => {
      const message = await refusal(
        planDevWith({}, { "datafold-aws:network": JSON.stringify({ availabilityZoneIds: ["use1-az2", "use1-az3"] }) }),
      );
      expect(message.split("\n")).to.deep.equal([
        "Invalid stack configuration (2 problems); nothing was declared:",
        "  - datafold-aws:network.availabilityZoneIds[1]: use1-az3 (us-east-1b) is an AZ where EKS cannot place the cluster's control plane (EKS User Guide, \"Subnet requirements for clusters\": CreateCluster fails with UnsupportedAvailabilityZoneException); choose other AZ ids in network.availabilityZoneIds (this region's others: use1-az1 (us-east-1c), use1-az4 (us-east-1d), use1-az6 (us-east-1e), use1-az5 (us-east-1f))",
        '  - datafold-aws:cluster.nodeGroups[0].instanceTypes: r7a.2xlarge is not offered in use1-az3 (us-east-1b), where the group "app" runs (ec2:DescribeInstanceTypeOfferings); choose instance types offered in every AZ of the group, or other AZ ids in network.availabilityZoneIds (this region\'s others: use1-az1 (us-east-1c), use1-az4 (us-east-1d), use1-az6 (us-east-1e), use1-az5 (us-east-1f))',
      ]);
    });

    it("refuses instance types no AZ of the region offers, naming the keys", async () => {
      const message = await refusal(
        planDevWith(
          // A world that knows x8g.xlarge is offered nowhere (by default it would assume it offered).
          { sourcedInstanceTypes: [...SOURCED_INSTANCE_TYPES, "x8g.xlarge"] },
          {
            "datafold-aws:cluster": cluster({
              nodeGroups: [
                { name: "app", instanceTypes: ["r7a.2xlarge"] },
                {
                  name: "data",
                  instanceTypes: ["x8g.xlarge"],
                  placement: "primary",
                  labels: { "datafold.com/node-pool": "data" },
                  taints: [{ key: "clickhouse", value: "reserved", effect: "NoSchedule" }],
                },
              ],
            }),
          },
        ),
      );
      expect(message).to.equal(
        "Invalid stack configuration (1 problem); nothing was declared:\n" +
          "  - datafold-aws:network.availabilityZoneIds: empty, so this program picks 2 AZs where EKS can place the control plane and the node groups' instance types are offered, but this region has 0 (use1-az2 (us-east-1a): x8g.xlarge not offered; use1-az3 (us-east-1b): EKS cannot place a control plane there; use1-az1 (us-east-1c): x8g.xlarge not offered; use1-az4 (us-east-1d): x8g.xlarge not offered; use1-az6 (us-east-1e): x8g.xlarge not offered; use1-az5 (us-east-1f): x8g.xlarge not offered). Choose instance types offered in more AZs (cluster.nodeGroups[].instanceTypes), fewer subnets (network.privateSubnetCidrs), or AZs of your own (network.availabilityZoneIds)",
      );
    });

    it("refuses an existing VPC without DNS support or DNS host names, naming network.vpcId", async () => {
      const stack = readStackConfig(EXAMPLES, "existing-vpc");
      const world = worldForStack(stack);
      const vpcId = "vpc-0a1b2c3d4e5f60718";
      const message = await refusal(
        runProgram({
          project: stack.project,
          stack: stack.stack,
          config: stack.config,
          world: { ...world, vpcs: { [vpcId]: { ...world.vpcs[vpcId], enableDnsHostnames: false } } },
          program,
        }),
      );
      expect(message).to.equal(
        "Invalid stack configuration (1 problem); nothing was declared:\n" +
          `  - datafold-aws:network.vpcId: ${vpcId} has enableDnsHostnames (DNS host names) off; expected a VPC with both on: without them the nodes cannot resolve the cluster's private endpoint and never join (EKS User Guide, "VPC requirements and considerations"). Turn them on (aws ec2 modify-vpc-attribute --vpc-id ${vpcId} --enable-dns-support / --enable-dns-hostnames), or choose another VPC.`,
      );
    });

    // With a running cluster the checks read the last deployment first: that read is registered.
    it("refuses a Kubernetes version older than the control plane runs (EKS upgraded it), saying what to set", async () => {
      const message = await refusal(planDevWith({ eksClusters: running("1.36") }), true);
      expect(message).to.equal(
        "Invalid stack configuration (1 problem); nothing was declared:\n" +
          '  - datafold-aws:cluster.kubernetesVersion: got "1.35", but the control plane already runs 1.36 (with cluster.supportType STANDARD, EKS upgrades a cluster itself at the end of standard support) and EKS cannot downgrade it. Set cluster.kubernetesVersion to "1.36": the node groups and add-ons follow it in this run.',
      );
    });

    it("previews and deploys an existing model-A stack as the README's roles: the preview role a viewer, the deploy role an administrator", async () => {
      const lists = {
        "datafold-aws:cluster": cluster({
          adminRoleArns: ["arn:aws:iam::123456789012:role/Deployer"],
          viewerRoleArns: ["arn:aws:iam::123456789012:role/Preview"],
        }),
      };
      const as = (arn: string) => ({
        callerIdentity: { arn, userId: "AROAEXAMPLEID:ci" },
        eksClusters: running("1.35"),
      });
      const preview = await planDevWith(as("arn:aws:sts::123456789012:assumed-role/Preview/pr-7"), lists);
      const up = await planDevWith(as("arn:aws:sts::123456789012:assumed-role/Deployer/main"), lists, false);
      expect(
        [preview, up].map((run) => [
          count(run, "aws:eks/accessEntry:AccessEntry"),
          run.messages.filter((m) => !m.startsWith("The certificate for")),
        ]),
      ).to.deep.equal([
        [2, []],
        [2, []],
      ]);
    });

    it("refuses a Kubernetes upgrade by more than one minor version", async () => {
      const message = await refusal(planDevWith({ eksClusters: running("1.33") }), true);
      expect(message).to.contain(
        'datafold-aws:cluster.kubernetesVersion: got "1.35", but the control plane runs 1.33 and EKS upgrades one minor version at a time. Set "1.34" and run pulumi up, then the next version.',
      );
    });
  });

  describe("credentials: the identity that deploys reaches the cluster", () => {
    it("passes aws:profile and aws:assumeRoles to the cluster and into the kubeconfig of the in-cluster installs", async () => {
      const roleArn = "arn:aws:iam::123456789012:role/Deployer";
      const run = await planDevWith(
        {},
        { "aws:profile": "datafold-deploy", "aws:assumeRoles": JSON.stringify([{ roleArn }]) },
      );
      expect(inputs(find(run, "eks:index:Cluster", "acme-datafold-eks")).providerCredentialOpts).to.deep.equal({
        profileName: "datafold-deploy",
        roleArn,
      });
      const provider = find(run, "pulumi:providers:kubernetes", "acme-datafold-k8s");
      const kubeconfig = JSON.parse(String(inputs(provider).kubeconfig)) as {
        users: { user: { exec: { args: string[] } } }[];
      };
      expect(kubeconfig.users[0].user.exec.args).to.deep.equal([
        "--region",
        "us-east-1",
        "eks",
        "get-token",
        "--cluster-name",
        "acme-datafold",
        "--output",
        "json",
        "--role",
        roleArn,
        "--profile",
        "datafold-deploy",
      ]);
    });
  });

  describe("later runs: the stored-data guard", () => {
    /** The dev stack's statefulSettings, as its last deployment exported them. */
    async function deployed(): Promise<Record<string, unknown>> {
      return outputs((await plannedStack("dev")).run).statefulSettings as Record<string, unknown>;
    }

    it("plans when the last deployment had the same AZs, key, sizes, database and load balancer", async () => {
      const again = await planDevWith({ previousOutputs: { statefulSettings: await deployed() } });
      expect(count(again, "aws:ebs/volume:Volume")).to.equal(3);
      expect(outputs(again).statefulSettings).to.deep.equal(await deployed());
      expect(Object.keys(inputs(find(again, "aws:rds/instance:Instance", "acme-datafold-db")))).to.not.include(
        "applyImmediately",
      );
    });

    it("after a first deployment that failed before its outputs were saved: compares nothing, and protect still holds", async () => {
      const run = await planDevWith({ previousOutputs: {} });
      const volumes = run.resources.filter((r) => r.type === "aws:ebs/volume:Volume");
      expect(volumes.map((v) => [v.name, v.protect])).to.deep.equal([
        ["acme-datafold-clickhouse-data", true],
        ["acme-datafold-clickhouse-logs", true],
        ["acme-datafold-redis-data", true],
      ]);
    });

    it("keeps the last deployment's AZs while none are pinned, whatever a first deployment would choose now", async () => {
      const previous = { ...(await deployed()), availabilityZoneIds: ["use1-az2", "use1-az4"] };
      const run = await planDevWith({ previousOutputs: { statefulSettings: previous } });
      expect(outputs(run).availabilityZones).to.deep.equal(["us-east-1a", "us-east-1d"]);
    });

    it("upgrades PostgreSQL 16 -> 17 in one run: applied immediately, with a parameter group of the new family", async () => {
      const before = await deployed();
      const previous = {
        ...before,
        databaseEngineMajor: 16,
        database: { ...(before.database as object), engineVersion: "16" },
      };
      const run = await planDevWith({ previousOutputs: { statefulSettings: previous } });
      expect(inputs(find(run, "aws:rds/instance:Instance", "acme-datafold-db"))).to.include({
        engineVersion: "17",
        allowMajorVersionUpgrade: true,
        applyImmediately: true,
      });
      expect(inputs(find(run, "aws:rds/parameterGroup:ParameterGroup", "acme-datafold-db")).family).to.equal(
        "postgres17",
      );
    });

    it("refuses to move the volumes' AZ or shrink a volume, explaining why, before anything is declared", async () => {
      const previous = {
        ...(await deployed()),
        primaryAvailabilityZoneId: "use1-az6",
        volumeSizesGb: { clickhouseData: 80, clickhouseLogs: 40, redisData: 50 },
      };
      const err = await planDevWith({ previousOutputs: { statefulSettings: previous } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ProgramError);
      const lines = (err as Error).message.split("\n");
      expect(lines[0]).to.equal(
        "Refusing a config change that would lose stored data or that AWS cannot make in place (nothing was changed):",
      );
      expect(lines[1]).to.match(
        /^ {2}- datafold-aws:network\.availabilityZoneIds: the primary AZ would move from use1-az6 to use1-az2\./,
      );
      expect(lines[2]).to.equal(
        "  - datafold-aws:storage.clickhouseData.sizeGb: 80 -> 40: an EBS volume can grow but never shrink; keep 80 or more.",
      );
      // Refused before anything is declared: the only resource is the read of the last deployment.
      expect(
        (err as ProgramError).resources.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => r.type),
      ).to.deep.equal(["pulumi:pulumi:StackReference"]);
    });

    it("refuses a second AZ that changes, and an internet-facing load balancer made internal under deletion protection", async () => {
      const err = await planDevWith(
        { previousOutputs: { statefulSettings: await deployed() } },
        {
          "datafold-aws:network": JSON.stringify({ availabilityZoneIds: ["use1-az2", "use1-az4"] }),
          "datafold-aws:ingress": JSON.stringify({ internal: true }),
        },
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as Error).message.split("\n").map((l) => l.replace(/:( the| false).*/, ""))).to.deep.equal([
        "Refusing a config change that would lose stored data or that AWS cannot make in place (nothing was changed):",
        "  - datafold-aws:network.availabilityZoneIds",
        "  - datafold-aws:ingress.internal",
      ]);
    });

    it("records the deployment's name, its network, the platform and the caller that creates the cluster", async () => {
      expect(await deployed()).to.deep.include({
        deploymentName: "acme-datafold",
        network: {
          vpcId: "",
          vpcCidr: "10.0.0.0/16",
          privateSubnetCidrs: ["10.0.0.0/24", "10.0.1.0/24"],
          publicSubnetCidrs: ["10.0.100.0/24", "10.0.101.0/24"],
        },
        platformEnabled: true,
        clusterCreator: "arn:aws:iam::123456789012:user/Alice",
      });
    });

    it("refuses a renamed deployment and a new VPC CIDR, before anything is declared", async () => {
      const err = await planDevWith(
        { previousOutputs: { statefulSettings: await deployed() } },
        {
          "datafold-aws:deploymentName": "acme-datafold-2",
          "datafold-aws:network": JSON.stringify({
            vpcCidr: "10.1.0.0/16",
            privateSubnetCidrs: ["10.1.0.0/24", "10.1.1.0/24"],
            publicSubnetCidrs: ["10.1.100.0/24", "10.1.101.0/24"],
          }),
        },
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ProgramError);
      expect((err as Error).message.split("\n").map((l) => l.replace(/:( "| \d).*/, ""))).to.deep.equal([
        "Refusing a config change that would lose stored data or that AWS cannot make in place (nothing was changed):",
        "  - datafold-aws:deploymentName",
        "  - datafold-aws:network.vpcCidr",
        "  - datafold-aws:network.privateSubnetCidrs[0]",
        "  - datafold-aws:network.privateSubnetCidrs[1]",
        "  - datafold-aws:network.publicSubnetCidrs[0]",
        "  - datafold-aws:network.publicSubnetCidrs[1]",
      ]);
      expect(
        (err as ProgramError).resources.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => r.type),
      ).to.deep.equal(["pulumi:pulumi:StackReference"]);
    });

    it("refuses a rename of a deployment recorded before the name was, by its clusterName output", async () => {
      const recorded = Object.fromEntries(
        Object.entries(await deployed()).filter(
          ([key]) => !["deploymentName", "network", "platformEnabled", "clusterCreator"].includes(key),
        ),
      );
      const err = await planDevWith(
        { previousOutputs: { statefulSettings: recorded, clusterName: "acme-datafold" } },
        { "datafold-aws:deploymentName": "acme-datafold-2" },
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as Error).message.split("\n")[1]).to.match(
        /^ {2}- datafold-aws:deploymentName: "acme-datafold" -> "acme-datafold-2": every logical name/,
      );
    });

    it("reads the last deployment through a reference to the stack itself, by the name a DIY backend parses", async () => {
      const { run } = await plannedStack("dev");
      const self = find(run, "pulumi:pulumi:StackReference", "acme-datafold-last-deployment");
      expect([self.external, self.id, inputs(self).name]).to.deep.equal([true, "dev", "dev"]);
    });

    it("names itself <organization>/<project>/<stack> on Pulumi Cloud, and reads its statefulSettings", async () => {
      const previous = { primaryAvailabilityZoneId: "use1-az2" };
      // The read alone, under the organization Pulumi Cloud reports, without planning the stack again.
      const run = await runProgram({
        project: "datafold-aws",
        stack: "dev",
        config: {},
        world: makeWorld("us-east-1", { previousOutputs: { statefulSettings: previous } }),
        organization: "acme-corp",
        program: () => lastStatefulSettings("acme-datafold").then((read) => ({ read })),
      });
      const self = find(run, "pulumi:pulumi:StackReference", "acme-datafold-last-deployment");
      expect([self.id, inputs(self).name, outputs(run).read]).to.deep.equal([
        "acme-corp/datafold-aws/dev",
        "acme-corp/datafold-aws/dev",
        previous,
      ]);
    });

    describe("selfReferenceName", () => {
      const table: [string, string, string][] = [
        ["organization", "dev", "dev"], // a DIY backend, legacy or project layout
        ["acme-corp", "dev", "acme-corp/datafold-aws/dev"], // Pulumi Cloud
      ];
      for (const [organization, stack, name] of table) {
        it(`gives ${name} for organization ${organization}`, () =>
          expect(selfReferenceName(organization, "datafold-aws", stack)).to.equal(name));
      }
    });
  });
});
