import * as fs from "fs";
import * as path from "path";

import { expect } from "chai";

import {
  databaseChangeNeedsApplyImmediately,
  statefulChangeError,
  statefulChangeProblems,
  statefulSettings,
  type StatefulSettings,
} from "../../stack/guard";
import { autoMinorVersionUpgrade, majorVersion, parameterGroupFamily } from "../../components/database/engine";
import { validateConfig } from "../../config/validator";

const NEW_VPC = {
  vpcId: "",
  vpcCidr: "10.0.0.0/16",
  privateSubnetCidrs: ["10.0.0.0/24", "10.0.1.0/24"],
  publicSubnetCidrs: ["10.0.100.0/24", "10.0.101.0/24"],
} as const;
const CURRENT: StatefulSettings = {
  deploymentName: "acme",
  network: NEW_VPC,
  platformEnabled: true,
  clusterCreator: "arn:aws:iam::123456789012:role/Deployer",
  primaryAvailabilityZoneId: "use1-az2",
  primaryAvailabilityZoneKey: "network.availabilityZoneIds",
  availabilityZoneIds: ["use1-az2", "use1-az1"],
  storageKmsKeyArn: "",
  volumeSizesGb: { clickhouseData: 40, clickhouseLogs: 40, redisData: 50 },
  databaseEngineMajor: 17,
  database: { engineVersion: "17", instanceClass: "db.t4g.medium", multiAz: false, allocatedStorageGb: 20 },
  loadBalancer: { mode: "alb", internal: false, deletionProtection: true },
};
/** The settings an existing-VPC stack records. */
const EXISTING_VPC = {
  vpcId: "vpc-0a1b2c3d4e5f60718",
  privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
  publicSubnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"],
};
const EXISTING: StatefulSettings = {
  ...CURRENT,
  network: EXISTING_VPC,
  primaryAvailabilityZoneKey: "network.privateSubnetIds",
};
/** What the guard recorded before it knew the AZ list, the database and the load balancer (nor the identity). */
const OLD_FORMAT = Object.fromEntries(
  Object.entries(CURRENT).filter(
    ([key]) =>
      ![
        "availabilityZoneIds",
        "database",
        "loadBalancer",
        "deploymentName",
        "network",
        "platformEnabled",
        "clusterCreator",
      ].includes(key),
  ),
);
/** What it recorded before it knew the deployment's name, network, platform and cluster creator. */
const BEFORE_IDENTITY = Object.fromEntries(
  Object.entries(CURRENT).filter(
    ([key]) => !["deploymentName", "network", "platformEnabled", "clusterCreator"].includes(key),
  ),
);
const NEW_STACK =
  "a deployment under another name is another stack (pulumi stack init), its data moved by snapshot and restore.";

const STEPS =
  "First set ingress.deletionProtection: false and run pulumi up with nothing else changed; then make this change (the new load balancer has a new DNS name: point the domain at loadBalancerDnsName); then set deletionProtection back to true.";

describe("stateful change guard", () => {
  const table: [string, unknown, StatefulSettings, string[]][] = [
    ["a first deployment (no previous outputs)", undefined, CURRENT, []],
    ["a first deployment that failed before its outputs were saved (no statefulSettings)", {}, CURRENT, []],
    ["an unchanged deployment", { ...CURRENT }, CURRENT, []],
    ["a deployment recorded before the guard knew the AZs and the load balancer", { ...OLD_FORMAT }, CURRENT, []],
    [
      "volumes that grow, a major upgrade and a new instance class",
      {
        ...CURRENT,
        volumeSizesGb: { clickhouseData: 30, clickhouseLogs: 40, redisData: 20 },
        databaseEngineMajor: 16,
        database: { ...CURRENT.database, engineVersion: "16", instanceClass: "db.t4g.large" },
      },
      CURRENT,
      [],
    ],
    [
      "a primary AZ that moves",
      { ...CURRENT, primaryAvailabilityZoneId: "use1-az4", availabilityZoneIds: ["use1-az4", "use1-az1"] },
      CURRENT,
      [
        'datafold-aws:network.availabilityZoneIds: the primary AZ would move from use1-az4 to use1-az2. The ClickHouse and Redis volumes live in use1-az4 and an EBS volume cannot move: AWS would delete them and create empty ones. Keep use1-az4 first; to move on purpose, snapshot the volumes, restore them in the new AZ and follow README "Moving the primary AZ".',
      ],
    ],
    [
      "a second AZ that changes in a new VPC",
      { ...CURRENT, availabilityZoneIds: ["use1-az2", "use1-az4"] },
      CURRENT,
      [
        "datafold-aws:network.availabilityZoneIds: the subnets would move to other AZs: subnet 2 from use1-az4 to use1-az1 (the private and the public one). AWS replaces a subnet whose AZ changes and refuses the new one while the old one holds its CIDR, and EKS accepts subnets only in the AZs the cluster was created with. Keep network.availabilityZoneIds [use1-az2, use1-az4] and one private subnet per AZ (network.privateSubnetCidrs); a cluster in other AZs is a new stack.",
      ],
    ],
    [
      "an AZ added to a new VPC",
      { ...CURRENT },
      { ...CURRENT, availabilityZoneIds: ["use1-az2", "use1-az1", "use1-az4"] },
      [
        "datafold-aws:network.availabilityZoneIds: the cluster's AZs would change from [use1-az2, use1-az1] to [use1-az2, use1-az1, use1-az4]. AWS replaces a subnet whose AZ changes and refuses the new one while the old one holds its CIDR, and EKS accepts subnets only in the AZs the cluster was created with. Keep network.availabilityZoneIds [use1-az2, use1-az1] and one private subnet per AZ (network.privateSubnetCidrs); a cluster in other AZs is a new stack.",
      ],
    ],
    ["other subnets in the same AZs of an existing VPC", { ...EXISTING }, EXISTING, []],
    [
      "an existing VPC's subnets in another AZ",
      { ...EXISTING },
      { ...EXISTING, availabilityZoneIds: ["use1-az2", "use1-az6"] },
      [
        "datafold-aws:network.privateSubnetIds: the cluster's AZs would change from [use1-az1, use1-az2] to [use1-az2, use1-az6]; EKS accepts subnets only in the AZs the cluster was created with. Choose private subnets in [use1-az1, use1-az2], one per AZ, the first in use1-az2; a cluster in other AZs is a new stack.",
      ],
    ],
    [
      "an existing VPC's subnets exchanged for ones in other AZs: said once, as an AZ change",
      { ...EXISTING },
      {
        ...EXISTING,
        network: { ...EXISTING_VPC, privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0ccccccccccccccc2"] },
        availabilityZoneIds: ["use1-az2", "use1-az6"],
      },
      [
        "datafold-aws:network.privateSubnetIds: the cluster's AZs would change from [use1-az1, use1-az2] to [use1-az2, use1-az6]; EKS accepts subnets only in the AZs the cluster was created with. Choose private subnets in [use1-az1, use1-az2], one per AZ, the first in use1-az2; a cluster in other AZs is a new stack.",
      ],
    ],
    [
      "an internet-facing load balancer made internal while its deletion protection is on",
      { ...CURRENT },
      { ...CURRENT, loadBalancer: { mode: "alb", internal: true, deletionProtection: false } },
      [
        `datafold-aws:ingress.internal: false -> true replaces the load balancer (its scheme is fixed when it is created), and AWS refuses to delete the old one while its deletion protection is on. ${STEPS}`,
      ],
    ],
    [
      "the load balancer handed to the controller while its deletion protection is on",
      { ...CURRENT },
      { ...CURRENT, loadBalancer: { mode: "controller", internal: false, deletionProtection: true } },
      [
        `datafold-aws:ingress.mode: alb -> controller deletes the load balancer this stack created, and AWS refuses to delete it while its deletion protection is on. ${STEPS}`,
      ],
    ],
    [
      "a scheme change once deletion protection is off",
      { ...CURRENT, loadBalancer: { mode: "alb", internal: false, deletionProtection: false } },
      { ...CURRENT, loadBalancer: { mode: "alb", internal: true, deletionProtection: true } },
      [],
    ],
    [
      "a scheme change in controller mode (no load balancer of this stack's)",
      { ...CURRENT, loadBalancer: { mode: "controller", internal: false, deletionProtection: true } },
      { ...CURRENT, loadBalancer: { mode: "controller", internal: true, deletionProtection: true } },
      [],
    ],
    [
      "a deployment recorded before the guard knew its name, network, platform and creator",
      { ...BEFORE_IDENTITY },
      { ...CURRENT, deploymentName: "other", network: { ...NEW_VPC, vpcCidr: "10.1.0.0/16" } },
      [],
    ],
    [
      "a renamed deployment (a second, complete deployment beside the first)",
      { ...CURRENT },
      { ...CURRENT, deploymentName: "acme-2" },
      [
        `datafold-aws:deploymentName: "acme" -> "acme-2": every logical name of this stack, and the names of the cluster, the database and the load balancer, derive from it, so this run would create a second, complete deployment beside the first (cluster, node groups, empty volumes and bucket, an empty database, a load balancer) and then stop at deleting the first one's protected volumes, bucket, database and keys. Keep "acme"; ${NEW_STACK}`,
      ],
    ],
    [
      "a new VPC's CIDR that changes (the VPC, and everything in it, would be replaced)",
      { ...CURRENT },
      {
        ...CURRENT,
        network: {
          ...NEW_VPC,
          vpcCidr: "10.1.0.0/16",
          privateSubnetCidrs: ["10.1.0.0/24", "10.1.1.0/24"],
          publicSubnetCidrs: ["10.1.100.0/24", "10.1.101.0/24"],
        },
      },
      [
        "datafold-aws:network.vpcCidr: 10.0.0.0/16 -> 10.1.0.0/16 replaces the VPC (its CIDR is fixed when it is created), and with it every subnet, under the running cluster, nodes and database: EC2 cannot delete the old VPC while they are in it. Keep 10.0.0.0/16; a deployment with other addresses is a new stack.",
        ...["10.0.0.0/24 -> 10.1.0.0/24", "10.0.1.0/24 -> 10.1.1.0/24"].map(
          (change, i) =>
            `datafold-aws:network.privateSubnetCidrs[${i}]: ${change} replaces the subnet (its CIDR is fixed when it is created), and EC2 cannot delete the old one while the nodes', the database's and the cluster's network interfaces are in it. Keep ${change.split(" ")[0]}; a deployment with other addresses is a new stack.`,
        ),
        ...["10.0.100.0/24 -> 10.1.100.0/24", "10.0.101.0/24 -> 10.1.101.0/24"].map(
          (change, i) =>
            `datafold-aws:network.publicSubnetCidrs[${i}]: ${change} replaces the subnet (its CIDR is fixed when it is created), and EC2 cannot delete the old one while the NAT gateway's and the load balancer's network interfaces are in it. Keep ${change.split(" ")[0]}; a deployment with other addresses is a new stack.`,
        ),
      ],
    ],
    [
      "one private subnet's CIDR that changes",
      { ...CURRENT },
      { ...CURRENT, network: { ...NEW_VPC, privateSubnetCidrs: ["10.0.0.0/24", "10.0.2.0/24"] } },
      [
        "datafold-aws:network.privateSubnetCidrs[1]: 10.0.1.0/24 -> 10.0.2.0/24 replaces the subnet (its CIDR is fixed when it is created), and EC2 cannot delete the old one while the nodes', the database's and the cluster's network interfaces are in it. Keep 10.0.1.0/24; a deployment with other addresses is a new stack.",
      ],
    ],
    [
      "a stack that moves from its own VPC to an existing one",
      { ...CURRENT },
      EXISTING,
      [
        "datafold-aws:network.vpcId: the VPC this stack created -> vpc-0a1b2c3d4e5f60718: the cluster, its nodes, the database and the load balancer would move to another VPC; the database cannot leave the subnets it runs in, nor a node group its subnets, and EC2 cannot delete the VPC this stack created while they are in it. Keep network.vpcId empty; a deployment in another VPC is a new stack.",
      ],
    ],
    [
      "an existing VPC exchanged for another",
      { ...EXISTING },
      { ...EXISTING, network: { ...EXISTING_VPC, vpcId: "vpc-0f0e0d0c0b0a09080" } },
      [
        "datafold-aws:network.vpcId: vpc-0a1b2c3d4e5f60718 -> vpc-0f0e0d0c0b0a09080: the cluster, its nodes, the database and the load balancer would move to another VPC; the database cannot leave the subnets it runs in, nor a node group its subnets. Keep network.vpcId vpc-0a1b2c3d4e5f60718; a deployment in another VPC is a new stack.",
      ],
    ],
    [
      "other private subnets of an existing VPC in the same AZs",
      { ...EXISTING },
      {
        ...EXISTING,
        network: { ...EXISTING_VPC, privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0ccccccccccccccc2"] },
      },
      [
        "datafold-aws:network.privateSubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2] -> [subnet-0aaaaaaaaaaaaaaa1, subnet-0ccccccccccccccc2]: the cluster's, the nodes' and the database's subnets would change under them; EKS cannot move a node group to other subnets (every group would be replaced), and RDS cannot take the database out of a subnet it runs in. Keep network.privateSubnetIds [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]; a deployment on other subnets is a new stack.",
      ],
    ],
    [
      "other public subnets of an existing VPC (the load balancer's subnets change in place)",
      { ...EXISTING },
      {
        ...EXISTING,
        network: { ...EXISTING_VPC, publicSubnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0ddddddddddddddd2"] },
      },
      [],
    ],
    [
      "a new storage key",
      { ...CURRENT, storageKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" },
      CURRENT,
      [
        "datafold-aws:storage.kmsKeyArn: the volumes are encrypted with arn:aws:kms:us-east-1:123456789012:key/k; switching to the AWS-managed key would replace all three volumes with empty ones. Keep the key; to re-encrypt, copy snapshots with the new key and restore them.",
      ],
    ],
    [
      "a volume that shrinks",
      { ...CURRENT, volumeSizesGb: { clickhouseData: 40, clickhouseLogs: 40, redisData: 80 } },
      CURRENT,
      ["datafold-aws:storage.redisData.sizeGb: 80 -> 50: an EBS volume can grow but never shrink; keep 80 or more."],
    ],
    [
      "a PostgreSQL downgrade",
      { ...CURRENT, databaseEngineMajor: 18 },
      CURRENT,
      ["datafold-aws:database.engineVersion: PostgreSQL 18 -> 17: RDS cannot downgrade a database; keep 18 or later."],
    ],
  ];
  for (const [what, previous, current, problems] of table) {
    it(`${problems.length === 0 ? "allows" : "refuses"} ${what}`, () => {
      expect(statefulChangeProblems(previous, current)).to.deep.equal(problems);
    });
  }

  it("reports every problem in one error that says nothing was changed", () => {
    const problems = statefulChangeProblems(
      { ...CURRENT, primaryAvailabilityZoneId: "use1-az1", databaseEngineMajor: 18 },
      CURRENT,
    );
    expect(problems).to.have.length(2);
    expect(statefulChangeError(problems).message.split("\n")[0]).to.equal(
      "Refusing a config change that would lose stored data or that AWS cannot make in place (nothing was changed):",
    );
  });

  it("records the name, network, platform, creator, AZs in subnet order, database and load balancer of the settings", () => {
    const settings = validateConfig({
      region: "us-east-1",
      values: {
        deploymentName: "acme",
        domain: "datafold.acme.example",
        cluster: { publicAccessCidrs: ["203.0.113.0/24"] },
        database: { engineVersion: "16.4", instanceClass: "db.r7g.large" },
        ingress: { internal: true },
      },
    });
    expect(
      statefulSettings(
        settings,
        [
          { name: "us-east-1d", id: "use1-az4" },
          { name: "us-east-1a", id: "use1-az2" },
        ],
        "arn:aws:iam::123456789012:role/Deployer",
      ),
    ).to.deep.equal({
      ...CURRENT,
      primaryAvailabilityZoneId: "use1-az4",
      availabilityZoneIds: ["use1-az4", "use1-az2"],
      databaseEngineMajor: 16,
      database: { engineVersion: "16.4", instanceClass: "db.r7g.large", multiAz: false, allocatedStorageGb: 20 },
      loadBalancer: { mode: "alb", internal: true, deletionProtection: true },
    });
  });
});

describe("statefulSettings of an existing VPC", () => {
  it("records the VPC and its subnet ids, not the CIDRs it does not use, and the platform as configured", () => {
    const settings = validateConfig({
      region: "us-east-1",
      values: {
        deploymentName: "acme",
        domain: "datafold.acme.example",
        cluster: { publicAccessCidrs: ["203.0.113.0/24"] },
        network: EXISTING_VPC,
        platform: { enabled: false },
      },
    });
    const recorded = statefulSettings(
      settings,
      [
        { name: "us-east-1a", id: "use1-az2" },
        { name: "us-east-1c", id: "use1-az1" },
      ],
      "",
    );
    expect([recorded.network, recorded.platformEnabled, recorded.clusterCreator]).to.deep.equal([
      EXISTING_VPC,
      false,
      "",
    ]);
  });
});

describe("database changes applied immediately", () => {
  const table: [string, unknown, StatefulSettings, boolean][] = [
    ["not on a first deployment", undefined, CURRENT, false],
    ["not when nothing changes", { ...CURRENT }, CURRENT, false],
    [
      "not when only other settings change",
      { ...CURRENT, volumeSizesGb: { ...CURRENT.volumeSizesGb, redisData: 40 } },
      CURRENT,
      false,
    ],
    [
      "on a major upgrade (16 -> 17), with its new parameter group",
      { ...CURRENT, databaseEngineMajor: 16, database: { ...CURRENT.database, engineVersion: "16" } },
      CURRENT,
      true,
    ],
    [
      "on a major upgrade recorded before the database settings were",
      { ...OLD_FORMAT, databaseEngineMajor: 16 },
      CURRENT,
      true,
    ],
    ["not for a deployment recorded before, at the same major", { ...OLD_FORMAT }, CURRENT, false],
    [
      "on a new instance class",
      { ...CURRENT, database: { ...CURRENT.database, instanceClass: "db.t4g.large" } },
      CURRENT,
      true,
    ],
    ["on Multi-AZ turned on", { ...CURRENT }, { ...CURRENT, database: { ...CURRENT.database, multiAz: true } }, true],
    [
      "on more storage",
      { ...CURRENT },
      { ...CURRENT, database: { ...CURRENT.database, allocatedStorageGb: 50 } },
      true,
    ],
    [
      "on a pinned minor version",
      { ...CURRENT },
      { ...CURRENT, database: { ...CURRENT.database, engineVersion: "17.4" } },
      true,
    ],
  ];
  for (const [what, previous, current, expected] of table) {
    it(what, () => expect(databaseChangeNeedsApplyImmediately(previous, current)).to.equal(expected));
  }
});

describe("database engine", () => {
  const table: [string, number, string, boolean][] = [
    ["17", 17, "postgres17", true],
    ["17.4", 17, "postgres17", false],
    ["16", 16, "postgres16", true],
    ["13.20", 13, "postgres13", false],
  ];
  for (const [version, major, family, autoMinor] of table) {
    it(`reads ${version} as major ${major}, family ${family}, automatic minor upgrades ${autoMinor ? "on" : "off"}`, () => {
      expect([majorVersion(version), parameterGroupFamily(version), autoMinorVersionUpgrade(version)]).to.deep.equal([
        major,
        family,
        autoMinor,
      ]);
    });
  }
});

describe("the README sections the stack's messages point to", () => {
  it("are headings of the README", () => {
    const root = path.resolve(__dirname, "../..");
    const headings = fs
      .readFileSync(path.join(root, "README.md"), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("#"))
      .map((line) => line.replace(/^#+ /, ""));
    const named = ["stack", "config"].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir))
        .filter((f) => f.endsWith(".ts"))
        .flatMap((f) =>
          [...fs.readFileSync(path.join(root, dir, f), "utf8").matchAll(/README,? "([^"]+)"/g)].map((m) => m[1]),
        ),
    );
    expect(named).to.include.members(["Moving the primary AZ", "The second stage"]);
    expect(named.filter((title) => !headings.some((h) => h.startsWith(title)))).to.deep.equal([]);
  });
});
