import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import type { ExportedResource, StackExport } from "../../plan/export";
import { listStacks, mergeEscConfig, readStackConfig, SECRET_PLACEHOLDER } from "../../plan/stackfile";
import { REGION_ZONES, regionZones } from "../../plan/world";
import { diffExports } from "../../scripts/plan-diff";
import { outputs } from "../helpers";
import { plannedDevByCommand, plannedStack, runScript } from "./plans";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = path.join(ROOT, "examples");

/** Runs the offline plan as `npm run plan` does and returns its exit code and output. */
function planCli(args: string[]) {
  return runScript("scripts/plan.ts", args);
}

/** Runs the offline plan with `input` on its standard input. */
function planCliWithInput(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["-r", path.join(ROOT, "scripts/register.js"), path.join(ROOT, "scripts/plan.ts"), ...args],
      {
        cwd: ROOT,
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "datafold-plan-"));
}

describe("offline plan", () => {
  describe("the command", () => {
    let exported: StackExport;
    let stdout: string;

    before(async function () {
      this.timeout(60000);
      const result = await plannedDevByCommand();
      expect(result.stderr).to.equal("");
      expect(result.code).to.equal(0);
      stdout = result.stdout;
      exported = JSON.parse(fs.readFileSync(result.json, "utf8")) as StackExport;
    });

    it("prints the mode, what needs the cluster API, the tree, the counts by kind, the outputs and the messages for the dev stack", () => {
      expect(stdout.split("\n").slice(0, 21)).to.deep.equal([
        "Offline plan of stack 'dev' (project datafold-aws, region us-east-1): mocks, no AWS calls.",
        "",
        "Mode:",
        "  ingress       alb: this program creates the load balancer, internet-facing",
        "  network       a new VPC 10.0.0.0/16, 2 AZs, NAT single",
        "  cluster API   public endpoint open to 203.0.113.0/24, and the private endpoint",
        "  platform      enabled: 4 resources go through the Kubernetes provider, so preview and up must run where the cluster API answers",
        "  vendor access none",
        "",
        "Needs the cluster API (these fail where the cluster API cannot be reached):",
        "  kubernetes:core/v1:Namespace  acme-datafold-namespace",
        "  kubernetes:helm.sh/v3:Release  acme-datafold-aws-load-balancer-controller",
        "  kubernetes:helm.sh/v3:Release  acme-datafold-cluster-autoscaler",
        "  kubernetes:helm.sh/v3:Release  acme-datafold-metrics-server",
        "",
        "* after a value: it holds something the offline world made up (an id, an address, a record); AWS assigns the real one.",
        "…+N in a value: N more elements, left out whole; --full shows every value whole.",
        "",
        "pulumi:pulumi:Stack  datafold-aws-dev",
        "├─ datafold:aws:ApplicationSecrets  acme-datafold",
        "│  ├─ random:index/randomPassword:RandomPassword  acme-datafold-clickhouse-password",
      ]);
      for (const component of [
        "ApplicationSecrets",
        "Cluster",
        "Database",
        "Ingress",
        "Network",
        "Platform",
        "Storage",
      ]) {
        expect(stdout).to.contain(`─ datafold:aws:${component}  acme-datafold\n`);
      }
      expect(stdout).to.contain(
        "│  └─ aws:ec2/vpc:Vpc  acme-datafold-vpc\n│         cidrBlock=10.0.0.0/16 enableDnsHostnames=true enableDnsSupport=true\n",
      );
      expect(stdout).to.contain("├─ aws:ebs/volume:Volume  acme-datafold-clickhouse-data  [protected]\n");
      // A policy is shortened between whole statements, never inside one; made-up ids are marked.
      expect(stdout).to.contain(
        'policy={"Version":"2012-10-17","Statement":[{"Sid":"Discover",…+3},{…+5}]} role=acme-datafold-cluster-autoscaler-0919212*\n',
      );
      const kinds = stdout
        .slice(stdout.indexOf(" resources planned:"))
        .split("\n")
        .filter((l) => /^ {2}\s*\d+ [a-z]/.test(l));
      expect(kinds).to.deep.equal([
        "   71 in the AWS account",
        "    4 inside the cluster, through the Kubernetes provider (they need the cluster API)",
        "    9 components: groupings, no resource of their own",
        "   10 helpers: providers, random values, stack references (nothing in the account)",
      ]);
      expect(stdout).to.contain(`\n${exported.deployment.resources.length} resources planned:\n`);
      expect(stdout).to.contain(
        "          1  eks:index:Cluster  (remote: also creates the EKS cluster, its IAM service role and policy attachments, a Kubernetes provider, not seen offline)\n",
      );
      // The AZ id is a sourced fact; which name stands for it is this fake account's own (plan/world.ts).
      expect(stdout).to.contain(
        '\n  primaryAvailabilityZone: "us-east-1a"*\n  primaryAvailabilityZoneId: "use1-az2"\n',
      );
      expect(stdout).to.contain('\n  clusterName: "acme-datafold"\n');
      expect(stdout).to.match(/\n {2}vpcId: "vpc-[0-9a-f]{17}"\*\n/);
      expect(stdout).to.match(
        /\n {2}certificateValidationRecords: \[\{"name":"_[0-9a-f]{32}\.datafold\.acme\.example\.",.*\]\*\n/,
      );
      expect(stdout).to.contain("\n  applicationSettings: [secret]\n");
      expect(stdout).to.match(
        /Messages from the program \(what `pulumi up` prints\):\n {2}The cluster does not exist yet, .*\n {2}The certificate for datafold\.acme\.example waits for DNS validation/,
      );
      expect(stdout).to.contain(`Wrote ${exported.deployment.resources.length} resources to `);
    });

    it("shows every value whole with --full, and a stack with the platform off needs no cluster API", async () => {
      const result = await planCli(["internal", "--dir", EXAMPLES, "--full"]);
      expect(result.code).to.equal(0);
      const lines = result.stdout.split("\n");
      expect(lines.slice(2, 12)).to.deep.equal([
        "Mode:",
        "  ingress       alb: this program creates the load balancer, internal",
        "  network       a new VPC 10.0.0.0/16, 2 AZs, NAT perAz",
        "  cluster API   private endpoint only: reachable from the VPC and networks connected to it",
        "  platform      disabled: nothing inside the cluster; the controllers' Helm releases are in the platformReleases output, for the second stage",
        "  vendor access none",
        "",
        "Needs the cluster API: nothing; this stack previews and deploys from anywhere AWS answers.",
        "",
        "* after a value: it holds something the offline world made up (an id, an address, a record); AWS assigns the real one.",
      ]);
      expect(result.stdout).to.not.contain("…+");
      expect(result.stdout).to.not.contain("kubernetes:");
      const policy =
        /\n.*aws:iam\/rolePolicy:RolePolicy {2}initech-datafold-cluster-autoscaler\n.* policy=(\{.*\}) role=/.exec(
          result.stdout,
        );
      expect((JSON.parse(policy?.[1] ?? "{}") as { Statement: unknown[] }).Statement).to.have.length(2);
      expect(result.stdout).to.match(
        /\n {2}platformReleases: \{"aws-load-balancer-controller":\{.*"version":"3\.13\.1"\}\}\*\n/,
      );
    });

    it("writes a deployment v3 export: the VPC, 2 + 2 subnets, the gateways, tables and associations", () => {
      expect(exported.version).to.equal(3);
      const counts: Record<string, number> = {};
      for (const r of exported.deployment.resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
      expect({
        vpc: counts["aws:ec2/vpc:Vpc"],
        subnets: counts["aws:ec2/subnet:Subnet"],
        igw: counts["aws:ec2/internetGateway:InternetGateway"],
        nat: counts["aws:ec2/natGateway:NatGateway"],
        eip: counts["aws:ec2/eip:Eip"],
        tables: counts["aws:ec2/routeTable:RouteTable"],
        routes: counts["aws:ec2/route:Route"],
        associations: counts["aws:ec2/routeTableAssociation:RouteTableAssociation"],
        volumes: counts["aws:ebs/volume:Volume"],
        database: counts["aws:rds/instance:Instance"],
        nodeGroups: counts["aws:eks/nodeGroup:NodeGroup"],
        addons: counts["aws:eks/addon:Addon"],
        releases: counts["kubernetes:helm.sh/v3:Release"],
        loadBalancers: counts["aws:lb/loadBalancer:LoadBalancer"],
        listeners: counts["aws:lb/listener:Listener"],
      }).to.deep.equal({
        vpc: 1,
        subnets: 4,
        igw: 1,
        nat: 1,
        eip: 1,
        tables: 3,
        routes: 3,
        associations: 4,
        volumes: 3,
        database: 1,
        nodeGroups: 2,
        addons: 4,
        releases: 3,
        loadBalancers: 1,
        listeners: 2,
      });
    });

    it("marks the stateful resources protected", () => {
      const protectedTypes = exported.deployment.resources.filter((r) => r.protect === true).map((r) => r.type);
      expect(protectedTypes.sort()).to.deep.equal([
        "aws:ebs/volume:Volume",
        "aws:ebs/volume:Volume",
        "aws:ebs/volume:Volume",
        "aws:kms/key:Key",
        "aws:kms/key:Key",
        "aws:rds/instance:Instance",
        "aws:s3/bucket:Bucket",
        "random:index/randomString:RandomString",
      ]);
    });

    it("records each resource's parent and dependencies by URN, parents first", () => {
      const resources = exported.deployment.resources;
      const byName = (type: string, name: string): ExportedResource => {
        const r = resources.find((x) => x.type === type && x.urn.endsWith(`::${name}`));
        if (!r) throw new Error(`${type} ${name} not exported`);
        return r;
      };
      const vpc = byName("aws:ec2/vpc:Vpc", "acme-datafold-vpc");
      const network = byName("datafold:aws:Network", "acme-datafold");
      expect(vpc.urn).to.equal("urn:pulumi:dev::datafold-aws::datafold:aws:Network$aws:ec2/vpc:Vpc::acme-datafold-vpc");
      expect(vpc.parent).to.equal(network.urn);
      expect(byName("aws:ec2/subnet:Subnet", "acme-datafold-private-1").dependencies).to.deep.equal([vpc.urn]);
      const assoc = byName("aws:ec2/routeTableAssociation:RouteTableAssociation", "acme-datafold-private-2");
      expect([...assoc.dependencies].sort()).to.deep.equal(
        [
          byName("aws:ec2/routeTable:RouteTable", "acme-datafold-private-2").urn,
          byName("aws:ec2/subnet:Subnet", "acme-datafold-private-2").urn,
        ].sort(),
      );
      expect(assoc.propertyDependencies.subnetId).to.deep.equal([
        byName("aws:ec2/subnet:Subnet", "acme-datafold-private-2").urn,
      ]);
      const nat = byName("aws:ec2/natGateway:NatGateway", "acme-datafold-nat-1");
      expect(nat.dependencies).to.include(byName("aws:ec2/internetGateway:InternetGateway", "acme-datafold-igw").urn);
      const seen = new Set<string>();
      for (const r of resources) {
        if (r.parent !== undefined) expect(seen.has(r.parent), r.urn).to.equal(true);
        seen.add(r.urn);
      }
      expect(vpc.id).to.match(/^vpc-[0-9a-f]{17}$/);
      expect(vpc.outputs.cidrBlock).to.equal("10.0.0.0/16");
    });

    it("makes every consumer of a subnet wait until the subnet is usable (gateway, routes, associations)", () => {
      const resources = exported.deployment.resources;
      const urn = (type: string, name: string): string => {
        const r = resources.find((x) => x.type === type && x.urn.endsWith(`::${name}`));
        if (!r) throw new Error(`${type} ${name} not exported`);
        return r.urn;
      };
      const dependencies = (type: string, name: string) =>
        resources.find((x) => x.urn === urn(type, name))?.dependencies ?? [];
      const subnet = (name: string) => urn("aws:ec2/subnet:Subnet", `acme-datafold-${name}`);
      const association = (name: string) =>
        urn("aws:ec2/routeTableAssociation:RouteTableAssociation", `acme-datafold-${name}`);
      const egress = (i: number) => urn("aws:ec2/route:Route", `acme-datafold-private-${i}-egress`);
      const network = (deps: string[]) => deps.filter((d) => d.includes("datafold:aws:Network$")).sort();
      const usablePrivate = (i: number) => [subnet(`private-${i}`), association(`private-${i}`), egress(i)];
      const usablePublic = [
        subnet("public-1"),
        association("public-1"),
        subnet("public-2"),
        association("public-2"),
        urn("aws:ec2/internetGateway:InternetGateway", "acme-datafold-igw"),
        urn("aws:ec2/route:Route", "acme-datafold-public-internet"),
      ];
      // The internet-facing load balancer: AWS refuses it while the VPC has no attached gateway.
      expect(network(dependencies("aws:lb/loadBalancer:LoadBalancer", "acme-datafold"))).to.deep.equal(
        usablePublic.sort(),
      );
      // Node groups and the cluster wait for their subnets' NAT routes; the data group, in the
      // primary AZ, for the first subnet's alone.
      expect(network(dependencies("aws:eks/nodeGroup:NodeGroup", "acme-datafold-data"))).to.deep.equal(
        usablePrivate(1).sort(),
      );
      const allPrivate = [...usablePrivate(1), ...usablePrivate(2)].sort();
      expect(network(dependencies("aws:eks/nodeGroup:NodeGroup", "acme-datafold-app"))).to.deep.equal(allPrivate);
      expect(network(dependencies("eks:index:Cluster", "acme-datafold-eks"))).to.deep.equal(
        [...allPrivate, urn("aws:ec2/vpc:Vpc", "acme-datafold-vpc")].sort(),
      );
      expect(network(dependencies("aws:rds/subnetGroup:SubnetGroup", "acme-datafold-db"))).to.deep.equal(allPrivate);
    });

    it("exits 1 with every bad key named and declares nothing for a broken stack", async () => {
      const dir = tempDir();
      fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
      fs.writeFileSync(
        path.join(dir, "Pulumi.broken.yaml"),
        [
          "config:",
          "  aws:region: us-east-1",
          "  datafold-aws:deploymentName: acme",
          "  datafold-aws:network:",
          "    privateSubnetCidrs: [10.0.0.0/24, 10.1.0.0/24]",
          "  datafold-aws:cluster:",
          "    publicAccessCidrs: [0.0.0.0/0]",
          "  datafold-aws:database:",
          "    backupRetentionDays: 0",
          "",
        ].join("\n"),
      );
      const result = await planCli(["broken", "--dir", dir, "--json", path.join(dir, "out.json")]);
      expect(result.code).to.equal(1);
      expect(result.stdout).to.equal("");
      expect(fs.existsSync(path.join(dir, "out.json"))).to.equal(false);
      expect(result.stderr.trim().split("\n")).to.deep.equal([
        "Invalid stack configuration (4 problems); nothing was declared:",
        "  - datafold-aws:domain: is required; expected a lowercase host name such as datafold.example.com",
        '  - datafold-aws:network.privateSubnetCidrs: got "10.1.0.0/24"; expected a range inside network.vpcCidr 10.0.0.0/16',
        '  - datafold-aws:cluster.publicAccessCidrs: got "0.0.0.0/0"; expected CIDRs narrower than the whole internet: 0.0.0.0/0 is refused',
        "  - datafold-aws:database.backupRetentionDays: got 0; expected an integer from 1 to 35",
      ]);
    });

    it("names the customer and the example stacks there are when the stack file does not exist", async () => {
      const result = await planCli(["nosuchstack"]);
      expect(result.code).to.equal(1);
      expect(result.stderr.trim().split("\n")).to.deep.equal([
        "no stack file Pulumi.nosuchstack.yaml at the project root or in examples/",
        `customer stacks (project root): ${listStacks(ROOT).join(", ") || "none"}`,
        "example stacks (examples/): access, controller, dev, existing-vpc, internal",
        "a stack file elsewhere: --dir DIR",
      ]);
    });

    it("fails a stack in a region the offline world lacks with what to add to the world, after the config is found valid", async () => {
      const dir = tempDir();
      fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
      const dev = fs.readFileSync(path.join(EXAMPLES, "Pulumi.dev.yaml"), "utf8");
      fs.writeFileSync(
        path.join(dir, "Pulumi.hyd.yaml"),
        dev.replace("aws:region: us-east-1", "aws:region: ap-south-2"),
      );
      fs.writeFileSync(
        path.join(dir, "Pulumi.bad.yaml"),
        dev
          .replace("aws:region: us-east-1", "aws:region: ap-south-2")
          .replace("backupRetentionDays: 14", "backupRetentionDays: 0"),
      );
      const [lacking, invalid] = await Promise.all([planCli(["hyd", "--dir", dir]), planCli(["bad", "--dir", dir])]);
      expect([lacking.code, lacking.stderr.trim()]).to.deep.equal([
        1,
        "the offline world lacks region ap-south-2: add its AZ ids to REGION_ZONES in plan/world.ts with a source",
      ]);
      expect([invalid.code, invalid.stderr.trim().split("\n")[0]]).to.deep.equal([
        1,
        "Invalid stack configuration (1 problem); nothing was declared:",
      ]);
    });

    it("plans instance types and Kubernetes versions it holds no sourced facts for, listing what it assumed", async function () {
      this.timeout(60000);
      const dir = tempDir();
      fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
      const dev = fs.readFileSync(path.join(EXAMPLES, "Pulumi.dev.yaml"), "utf8");
      fs.writeFileSync(
        path.join(dir, "Pulumi.m6i.yaml"),
        dev.replace(/r7a\.2xlarge/g, "m6i.2xlarge").replace('kubernetesVersion: "1.35"', 'kubernetesVersion: "1.34"'),
      );
      const result = await planCli(["m6i", "--dir", dir]);
      expect(result.stderr).to.equal("");
      expect(result.code).to.equal(0);
      const lines = result.stdout.split("\n");
      const start = lines.indexOf(
        "Assumed by the offline world, which holds no sourced fact for these (plan/world.ts; what rests on them ends in *):",
      );
      expect(lines.slice(start + 1, start + 6).map((l) => l.split(":")[0])).to.deep.equal([
        "  - instance type m6i.2xlarge",
        "  - EKS add-on vpc-cni for Kubernetes 1.34",
        "  - EKS add-on kube-proxy for Kubernetes 1.34",
        "  - EKS add-on coredns for Kubernetes 1.34",
        "  - EKS add-on aws-ebs-csi-driver for Kubernetes 1.34",
      ]);
      expect(lines[start + 1]).to.equal(
        "  - instance type m6i.2xlarge: assumed offered in use1-az2, use1-az1, use1-az4, use1-az6, use1-az5 (plan/world.ts holds no sourced offering of it there)",
      );
      expect(result.stdout).to.contain("addonName=kube-proxy addonVersion=v1.34.1-eksbuild.2* ");
      expect(result.stdout).to.contain('\n  primaryAvailabilityZoneId: "use1-az2"\n');
    });

    it("refuses an unknown option", async () => {
      const result = await planCli(["--jsn", "x"]);
      expect(result.code).to.equal(1);
      expect(result.stderr.trim()).to.equal(
        "unknown option --jsn; usage: npm run plan -- [stack] [--json FILE] [--dir DIR] [--full] [--show-secrets] [--esc-config FILE|-]... [--policy-config FILE]",
      );
    });
  });

  describe("what the mock world made up", () => {
    it("holds generated ids, ARNs and addresses, never a config value, a sourced fact or an id joined from inputs", async function () {
      this.timeout(60000);
      const { run } = await plannedStack("dev");
      const out = outputs(run);
      for (const id of [
        out.vpcId,
        out.clusterEndpoint,
        out.databaseEndpoint,
        out.certificateArn,
        out.primaryAvailabilityZone,
      ])
        expect(run.madeUp.has(id as string), String(id)).to.equal(true);
      // The VPC CIDR and the public access CIDR are config; use1-az2 a sourced AZ id (its name in
      // this account is made up); a Helm release's id is its namespace and name.
      for (const given of [
        "10.0.0.0/16",
        "203.0.113.0/24",
        out.primaryAvailabilityZoneId as string,
        "kube-system/metrics-server",
        "acme-datafold",
      ])
        expect(run.madeUp.has(given), given).to.equal(false);
    });
  });

  describe("a stack that imports Pulumi ESC environments", () => {
    let dir: string;
    before(() => {
      dir = tempDir();
      fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
      fs.writeFileSync(
        path.join(dir, "Pulumi.esc.yaml"),
        [
          "environment:",
          "  - acme/prod",
          "config:",
          "  datafold-aws:deploymentName: acme-datafold",
          "  datafold-aws:domain: datafold.acme.example",
          "",
        ].join("\n"),
      );
    });

    it("is not planned offline (exit 3): it says which environment it cannot open and how to supply its values, before the problems they leave", async () => {
      const result = await planCli(["esc", "--dir", dir]);
      expect(result.code).to.equal(3);
      expect(result.stdout).to.equal("");
      const lines = result.stderr.trim().split("\n");
      expect(lines.slice(0, 10)).to.deep.equal([
        "Not planned offline: needs ESC.",
        "Stack 'esc' imports the ESC environment acme/prod, which the offline plan cannot open (that needs Pulumi Cloud): the config values they provide through pulumiConfig are missing here.",
        "Supply them from a shell logged in to Pulumi Cloud (secrets stay hidden; nothing is written to disk):",
        "  npm run plan:esc -- esc --org <org>",
        "or by hand:",
        "  pulumi env get <org>/acme/prod pulumiConfig --value json | npm run plan -- esc --esc-config -",
        "",
        "With the stack file alone:",
        "Invalid stack configuration (2 problems); nothing was declared:",
        "  - aws:region: is required; set it with `pulumi config set aws:region us-east-1`",
      ]);
      // The validator's own wording (config/) for the key the environment would have set.
      expect(lines.slice(10).map((l) => l.split(":").slice(0, 2).join(":"))).to.deep.equal([
        "  - datafold-aws:cluster.publicAccessCidrs",
      ]);
    });

    it("plans with the environments read by the Pulumi CLI (npm run plan:esc), their secrets kept as placeholders", async function () {
      this.timeout(60000);
      // A stand-in for the Pulumi CLI: `pulumi env get <org>/<env> pulumiConfig --value json`.
      const bin = tempDir();
      fs.writeFileSync(
        path.join(bin, "pulumi"),
        [
          "#!/usr/bin/env bash",
          'echo "$@" >> "$(dirname "$0")/calls"',
          `[ "$*" = "env get acme-org/acme/prod pulumiConfig --value json" ] || { echo "unexpected: $*" >&2; exit 1; }`,
          `echo '{"aws:region": "us-east-1", "datafold-aws:cluster": {"publicAccessCidrs": ["203.0.113.0/24"]}, "datafold-aws:tags": {"owner": "[secret]"}}'`,
          "",
        ].join("\n"),
        { mode: 0o755 },
      );
      const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [
            "-r",
            path.join(ROOT, "scripts/register.js"),
            path.join(ROOT, "scripts/plan-esc.ts"),
            "esc",
            "--org",
            "acme-org",
            "--dir",
            dir,
          ],
          { cwd: ROOT, timeout: 60000, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` } },
          (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
      expect(result.stderr).to.equal("");
      expect(result.code).to.equal(0);
      expect(fs.readFileSync(path.join(bin, "calls"), "utf8")).to.equal(
        "env get acme-org/acme/prod pulumiConfig --value json\n",
      );
      expect(result.stdout.split("\n").slice(0, 3)).to.deep.equal([
        "Offline plan of stack 'esc' (project datafold-aws, region us-east-1): mocks, no AWS calls.",
        "Secret config values are placeholders here: datafold-aws:tags",
        "ESC environment acme/prod: pulumiConfig values supplied with --esc-config.",
      ]);
    });

    it("plans with the environment's values from standard input, the stack file's own values winning", async () => {
      const values = {
        "aws:region": "us-east-1",
        "datafold-aws:domain": "datafold.from-esc.example",
        "datafold-aws:cluster": { publicAccessCidrs: ["203.0.113.0/24"] },
      };
      const result = await planCliWithInput(["esc", "--dir", dir, "--esc-config", "-"], JSON.stringify(values));
      expect(result.stderr).to.equal("");
      expect(result.code).to.equal(0);
      expect(result.stdout.split("\n").slice(0, 2)).to.deep.equal([
        "Offline plan of stack 'esc' (project datafold-aws, region us-east-1): mocks, no AWS calls.",
        "ESC environment acme/prod: pulumiConfig values supplied with --esc-config.",
      ]);
      expect(result.stdout).to.contain(
        "  cluster API   public endpoint open to 203.0.113.0/24, and the private endpoint\n",
      );
      expect(result.stdout).to.contain("The certificate for datafold.acme.example waits for DNS validation");
    });

    it("merges several environments' values in order, key by key, and refuses anything but an object", () => {
      expect(
        mergeEscConfig([
          { a: 1, b: { x: 1 } },
          { b: { y: 2 }, c: 3 },
        ]),
      ).to.deep.equal({ a: 1, b: { y: 2 }, c: 3 });
      expect(() => mergeEscConfig([{ a: 1 }, ["x"]])).to.throw(
        "--esc-config #2: expected an object of config values, as `pulumi env get <env> pulumiConfig --value json` prints",
      );
    });

    it("takes an environment without pulumiConfig (null), and a hidden secret or unopened value as a secure one", () => {
      expect(
        mergeEscConfig([null, { a: "[secret]", b: { c: ["[unknown]", "x"] }, d: { secure: "v1:abc" } }]),
      ).to.deep.equal({ a: { secure: "[secret]" }, b: { c: [{ secure: "[unknown]" }, "x"] }, d: { secure: "v1:abc" } });
      const stack = readStackConfig(dir, "esc", mergeEscConfig([{ "datafold-aws:tags": { owner: "[secret]" } }]));
      expect([stack.config["datafold-aws:tags"], stack.secretKeys]).to.deep.equal([
        JSON.stringify({ owner: SECRET_PLACEHOLDER }),
        ["datafold-aws:tags"],
      ]);
    });

    it("reads the environments and applies their values under the stack file's", () => {
      const stack = readStackConfig(dir, "esc", { "aws:region": "eu-west-1", deploymentName: "from-esc" });
      expect(stack.environments).to.deep.equal(["acme/prod"]);
      expect([stack.config["aws:region"], stack.config["datafold-aws:deploymentName"]]).to.deep.equal([
        "eu-west-1",
        "acme-datafold",
      ]);
    });
  });

  describe("readStackConfig", () => {
    it("namespaces short keys, turns structure into JSON text and replaces secure values", () => {
      const dir = tempDir();
      fs.writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        "name: datafold-aws\nruntime: nodejs\nconfig:\n  domain:\n    type: string\n    default: d.example.com\n",
      );
      fs.writeFileSync(
        path.join(dir, "Pulumi.s.yaml"),
        "config:\n  aws:region: eu-west-1\n  deploymentName: acme\n  datafold-aws:access:\n    externalId:\n      secure: v1:abc\n",
      );
      expect(readStackConfig(dir, "s")).to.deep.equal({
        project: "datafold-aws",
        stack: "s",
        config: {
          "datafold-aws:domain": "d.example.com",
          "aws:region": "eu-west-1",
          "datafold-aws:deploymentName": "acme",
          "datafold-aws:access": JSON.stringify({ externalId: SECRET_PLACEHOLDER }),
        },
        secretKeys: ["datafold-aws:access"],
        environments: [],
      });
    });
  });

  describe("the world's Availability Zones", () => {
    it("holds each region's real AZ ids, once each, under made-up names of the region", () => {
      const prefixes: Record<string, string> = {
        "us-east-1": "use1",
        "us-east-2": "use2",
        "us-west-2": "usw2",
        "eu-west-1": "euw1",
        "eu-central-1": "euc1",
      };
      const counts: Record<string, number> = {};
      for (const [region, zones] of Object.entries(REGION_ZONES)) {
        counts[region] = zones.length;
        const ids = zones.map((z) => z.id).sort();
        expect(ids, region).to.deep.equal(zones.map((_, i) => `${prefixes[region]}-az${i + 1}`));
        expect(
          zones.map((z) => z.name),
          region,
        ).to.deep.equal(zones.map((_, i) => `${region}${String.fromCharCode(97 + i)}`));
      }
      expect(counts).to.deep.equal({
        "us-east-1": 6,
        "us-east-2": 3,
        "us-west-2": 4,
        "eu-west-1": 3,
        "eu-central-1": 3,
      });
      expect(regionZones("us-east-1").slice(0, 2)).to.deep.equal([
        { name: "us-east-1a", id: "use1-az2" },
        { name: "us-east-1b", id: "use1-az3" },
      ]);
      expect(() => regionZones("ap-south-2")).to.throw(
        "the offline world lacks region ap-south-2: add its AZ ids to REGION_ZONES in plan/world.ts with a source",
      );
    });
  });

  describe("plan:diff", () => {
    const resource = (urn: string, inputs: Record<string, unknown>, parent?: string): ExportedResource => ({
      urn,
      custom: true,
      type: urn.split("::")[2],
      inputs,
      outputs: {},
      ...(parent ? { parent } : {}),
      dependencies: [],
      propertyDependencies: {},
    });
    const map = (...rs: ExportedResource[]) => new Map(rs.map((r) => [r.urn, r]));

    it("lists the resources one side lacks and every changed input by path, sorted by URN", () => {
      const before = map(
        resource("urn:pulumi:s::p::aws:eks/addon:Addon::b", { addonVersion: "v1", tags: { a: "1" } }),
        resource("urn:pulumi:s::p::aws:ec2/vpc:Vpc::gone", {}),
      );
      const after = map(
        resource("urn:pulumi:s::p::aws:eks/addon:Addon::b", { addonVersion: "v2", tags: { a: "1", b: "2" } }, "x"),
        resource("urn:pulumi:s::p::aws:ec2/vpc:Vpc::new", {}),
      );
      expect(diffExports(before, after, false)).to.deep.equal([
        "- urn:pulumi:s::p::aws:ec2/vpc:Vpc::gone",
        "+ urn:pulumi:s::p::aws:ec2/vpc:Vpc::new",
        "~ urn:pulumi:s::p::aws:eks/addon:Addon::b",
        '    parent: (absent) -> "x"',
        '    inputs.addonVersion: "v1" -> "v2"',
        '    inputs.tags.b: (absent) -> "2"',
      ]);
      expect(diffExports(before, before, true)).to.deep.equal([]);
    });
  });
});
