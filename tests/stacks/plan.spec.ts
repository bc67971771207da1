import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import type { ExportedResource, StackExport } from "../../plan/export";
import { readStackConfig, SECRET_PLACEHOLDER } from "../../plan/stackfile";
import { REGION_ZONES, regionZones } from "../../plan/world";
import { diffExports } from "../../scripts/plan-diff";

const ROOT = path.resolve(__dirname, "../..");

/** Runs the offline plan as `npm run plan` does and returns its exit code and output. */
function planCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", path.join(ROOT, "scripts/plan.ts"), ...args],
      { cwd: ROOT, timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
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
      const file = path.join(tempDir(), "dev.json");
      const result = await planCli(["dev", "--json", file]);
      expect(result.stderr).to.equal("");
      expect(result.code).to.equal(0);
      stdout = result.stdout;
      exported = JSON.parse(fs.readFileSync(file, "utf8")) as StackExport;
    });

    it("prints the tree, the resource count, the outputs and the program's messages for the dev stack", () => {
      expect(stdout.split("\n").slice(0, 3)).to.deep.equal([
        "Offline plan of stack 'dev' (project datafold-aws, region us-east-1): mocks, no AWS calls.",
        "",
        "pulumi:pulumi:Stack  datafold-aws-dev",
      ]);
      for (const component of ["Cluster", "Database", "Ingress", "Network", "Platform", "Storage"]) {
        expect(stdout).to.contain(`─ datafold:aws:${component}  acme-datafold\n`);
      }
      expect(stdout).to.contain(
        "│  └─ aws:ec2/vpc:Vpc  acme-datafold-vpc\n│         cidrBlock=10.0.0.0/16 enableDnsHostnames=true enableDnsSupport=true\n",
      );
      expect(stdout).to.contain("├─ aws:ebs/volume:Volume  acme-datafold-clickhouse-data  [protected]\n");
      expect(stdout).to.contain(`\n${exported.deployment.resources.length} resources:\n`);
      expect(stdout).to.contain('\n  primaryAvailabilityZone: "us-east-1a"\n');
      expect(stdout).to.contain("\n  applicationSettings: [secret]\n");
      expect(stdout).to.match(
        /Messages from the program \(what `pulumi up` prints\):\n {2}The certificate for datafold\.acme\.example waits for DNS validation/,
      );
      expect(stdout).to.contain(`Wrote ${exported.deployment.resources.length} resources to `);
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

    it("names the stacks there are when the stack file does not exist", async () => {
      const result = await planCli(["nosuchstack"]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.match(
        /no stack file .*Pulumi\.nosuchstack\.yaml; stacks here: access, controller, dev, existing-vpc, internal/,
      );
    });

    it("refuses an unknown option", async () => {
      const result = await planCli(["--jsn", "x"]);
      expect(result.code).to.equal(1);
      expect(result.stderr.trim()).to.equal(
        "unknown option --jsn; usage: npm run plan -- [stack] [--json FILE] [--dir DIR] [--show-secrets]",
      );
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
        "the world holds no Availability Zones for ap-south-2: add them to REGION_ZONES in plan/world.ts",
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
