import { expect } from "chai";

import type { DatabaseArgs } from "../../components/database/args";
import { Database } from "../../components/database/database";
import { isSecret } from "../../plan/values";
import { find, inputs, outputs, runComponents, shape } from "../helpers";

const TAGS = { "datafold:deployment": "acme" };
const BASE: DatabaseArgs = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-0000000000000000a", "subnet-0000000000000000b"],
  clientSecurityGroupId: "sg-0nodes0000000000",
  tags: TAGS,
};

function plan(args: Partial<DatabaseArgs> = {}) {
  return runComponents(() => {
    const d = new Database("acme", { ...BASE, ...args });
    return {
      address: d.address,
      port: d.port,
      databaseName: d.databaseName,
      username: d.username,
      password: d.password,
      kmsKeyArn: d.kmsKeyArn,
      securityGroupId: d.securityGroupId,
    };
  });
}

describe("Database", () => {
  it("declares the key and alias, subnet group, security group with one rule, parameter group, password and instance", async () => {
    const run = await plan();
    expect(shape(run)).to.deep.equal([
      "aws:ec2/securityGroup:SecurityGroup acme-db",
      "aws:kms/alias:Alias acme-db",
      "aws:kms/key:Key acme-db",
      "aws:rds/instance:Instance acme-db",
      "aws:rds/parameterGroup:ParameterGroup acme-db",
      "aws:rds/subnetGroup:SubnetGroup acme-db",
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule acme-db-postgres",
      "random:index/randomPassword:RandomPassword acme-db-password",
    ]);
  });

  it("creates the database's own KMS key with rotation, and an alias", async () => {
    const run = await plan();
    const key = find(run, "aws:kms/key:Key", "acme-db");
    expect(inputs(key)).to.deep.equal({
      description: "acme: RDS PostgreSQL storage and Performance Insights",
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags: { ...TAGS, Name: "acme-db" },
    });
    expect(inputs(find(run, "aws:kms/alias:Alias", "acme-db"))).to.deep.equal({
      name: "alias/acme-db",
      targetKeyId: key.id,
    });
  });

  it("admits PostgreSQL from the cluster's security group only, and nothing else", async () => {
    const run = await plan();
    const sg = find(run, "aws:ec2/securityGroup:SecurityGroup", "acme-db");
    expect(inputs(sg)).to.deep.equal({
      vpcId: "vpc-0123456789abcdef0",
      description: "acme: PostgreSQL from the cluster nodes only",
      tags: { ...TAGS, Name: "acme-db" },
    });
    const rules = run.resources.filter((r) => r.type.startsWith("aws:vpc/securityGroup"));
    expect(rules.map((r) => inputs(r))).to.deep.equal([
      {
        securityGroupId: sg.id,
        referencedSecurityGroupId: "sg-0nodes0000000000",
        ipProtocol: "tcp",
        fromPort: 5432,
        toPort: 5432,
        description: "PostgreSQL from the cluster nodes",
        tags: { ...TAGS, Name: "acme-db-postgres" },
      },
    ]);
  });

  it("forces SSL through a parameter group of the engine's family", async () => {
    const run = await plan();
    expect(inputs(find(run, "aws:rds/parameterGroup:ParameterGroup", "acme-db"))).to.deep.equal({
      family: "postgres17",
      description: "acme: SSL required",
      parameters: [{ name: "rds.force_ssl", value: "1", applyMethod: "immediate" }],
      tags: { ...TAGS, Name: "acme-db" },
    });
    expect(inputs(find(run, "aws:rds/subnetGroup:SubnetGroup", "acme-db"))).to.deep.equal({
      subnetIds: BASE.subnetIds,
      description: "acme: private subnets",
      tags: { ...TAGS, Name: "acme-db" },
    });
  });

  it("upgrades a major version in one run: the change applied immediately, with a parameter group of the new family", async () => {
    const run = await plan({ engineVersion: "17", applyImmediately: true });
    const instance = find(run, "aws:rds/instance:Instance", "acme-db");
    const params = find(run, "aws:rds/parameterGroup:ParameterGroup", "acme-db");
    expect([inputs(instance).applyImmediately, inputs(instance).allowMajorVersionUpgrade]).to.deep.equal([true, true]);
    expect(inputs(instance).parameterGroupName).to.equal((params.outputs as { name: string }).name);
    // Auto-named (no `name` input) and replaced create-before-delete: a new family gets a new group
    // while the old one still exists, and the old one is deleted once the instance has left it.
    expect([inputs(params).family, inputs(params).name, params.deleteBeforeReplace]).to.deep.equal([
      "postgres17",
      undefined,
      false,
    ]);
  });

  it("leaves applyImmediately out unless asked, so that a stack never given it sees no change", async () => {
    const run = await plan();
    expect(Object.keys(inputs(find(run, "aws:rds/instance:Instance", "acme-db")))).to.not.include("applyImmediately");
  });

  it("creates a private, encrypted, single-AZ gp3 instance with 14-day backups and every safety on", async () => {
    const run = await plan();
    const key = find(run, "aws:kms/key:Key", "acme-db");
    const keyArn = (key.outputs as { arn: string }).arn;
    const password = (
      find(run, "random:index/randomPassword:RandomPassword", "acme-db-password").outputs as { result: string }
    ).result;
    const instance = find(run, "aws:rds/instance:Instance", "acme-db");
    expect(inputs(instance)).to.deep.equal({
      identifier: "acme",
      engine: "postgres",
      engineVersion: "17",
      autoMinorVersionUpgrade: true,
      allowMajorVersionUpgrade: true,
      instanceClass: "db.t4g.medium",
      storageType: "gp3",
      allocatedStorage: 20,
      maxAllocatedStorage: 100,
      storageEncrypted: true,
      kmsKeyId: keyArn,
      dbName: "datafold",
      username: "datafold",
      password,
      port: 5432,
      dbSubnetGroupName: find(run, "aws:rds/subnetGroup:SubnetGroup", "acme-db").id,
      vpcSecurityGroupIds: [find(run, "aws:ec2/securityGroup:SecurityGroup", "acme-db").id],
      parameterGroupName: find(run, "aws:rds/parameterGroup:ParameterGroup", "acme-db").id,
      publiclyAccessible: false,
      multiAz: false,
      backupRetentionPeriod: 14,
      backupWindow: "03:00-04:00",
      maintenanceWindow: "sun:04:30-sun:05:30",
      copyTagsToSnapshot: true,
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: "acme-final",
      deleteAutomatedBackups: false,
      caCertIdentifier: "rds-ca-rsa2048-g1",
      enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: keyArn,
      performanceInsightsRetentionPeriod: 7,
      tags: { ...TAGS, Name: "acme-db" },
    });
    expect(isSecret(instance.inputs.password), "password input is a secret").to.equal(true);
  });

  it("follows the config: multi-AZ, a pinned minor version, other storage and retention, no Performance Insights", async () => {
    const run = await plan({
      multiAz: true,
      engineVersion: "16.4",
      allocatedStorageGb: 50,
      maxAllocatedStorageGb: 400,
      backupRetentionDays: 30,
      deletionProtection: false,
      performanceInsights: false,
      instanceClass: "db.r7g.large",
    });
    const i = inputs(find(run, "aws:rds/instance:Instance", "acme-db"));
    expect([
      i.multiAz,
      i.engineVersion,
      i.autoMinorVersionUpgrade,
      i.allocatedStorage,
      i.maxAllocatedStorage,
      i.backupRetentionPeriod,
      i.deletionProtection,
      i.instanceClass,
    ]).to.deep.equal([true, "16.4", false, 50, 400, 30, false, "db.r7g.large"]);
    expect([i.performanceInsightsEnabled, i.performanceInsightsKmsKeyId]).to.deep.equal([false, undefined]);
    expect(inputs(find(run, "aws:rds/parameterGroup:ParameterGroup", "acme-db")).family).to.equal("postgres16");
  });

  it("protects the instance and its key, and nothing else", async () => {
    const run = await plan();
    expect(run.resources.filter((r) => r.protect).map((r) => `${r.type} ${r.name}`)).to.have.members([
      "aws:kms/key:Key acme-db",
      "aws:rds/instance:Instance acme-db",
    ]);
    expect(run.resources.filter((r) => r.protect)).to.have.length(2);
  });

  it("outputs the endpoint, port, database, user and the password as a secret", async () => {
    const run = await plan();
    expect(isSecret(run.outputs.password), "password output is a secret").to.equal(true);
    const out = outputs(run);
    expect(out.password).to.equal(
      (find(run, "random:index/randomPassword:RandomPassword", "acme-db-password").outputs as { result: string })
        .result,
    );
    expect(inputs(find(run, "random:index/randomPassword:RandomPassword", "acme-db-password"))).to.deep.equal({
      length: 40,
      special: false,
    });
    expect({ ...out, password: undefined }).to.deep.equal({
      address: (find(run, "aws:rds/instance:Instance", "acme-db").outputs as { address: string }).address,
      port: 5432,
      databaseName: "datafold",
      username: "datafold",
      password: undefined,
      kmsKeyArn: (find(run, "aws:kms/key:Key", "acme-db").outputs as { arn: string }).arn,
      securityGroupId: find(run, "aws:ec2/securityGroup:SecurityGroup", "acme-db").id,
    });
  });
});
