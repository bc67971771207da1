import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

import { protectedKey } from "../shared/kms";
import { nameTags } from "../shared/tags";
import { type DatabaseArgs, withDefaults } from "./args";
import { autoMinorVersionUpgrade, finalSnapshotIdentifier, parameterGroupFamily } from "./engine";

export const DATABASE_NAME = "datafold";
export const DATABASE_USER = "datafold";
export const DATABASE_PORT = 5432;
/** UTC windows: backups first, then maintenance, both at night in most of the Americas. */
export const BACKUP_WINDOW = "03:00-04:00";
export const MAINTENANCE_WINDOW = "sun:04:30-sun:05:30";

/**
 * The application's PostgreSQL: RDS with gp3 storage that grows on its own, its own KMS key,
 * SSL forced, reachable on 5432 from the cluster's nodes only. Instance and key are protected;
 * deletion protection, a final snapshot and retained automated backups guard the data even if
 * someone removes the protection.
 */
export class Database extends pulumi.ComponentResource {
  readonly address: pulumi.Output<string>;
  readonly port: pulumi.Output<number>;
  readonly databaseName: pulumi.Output<string>;
  readonly username: pulumi.Output<string>;
  /** The master password: a secret. */
  readonly password: pulumi.Output<string>;
  readonly instanceArn: pulumi.Output<string>;
  readonly kmsKeyArn: pulumi.Output<string>;
  readonly securityGroupId: pulumi.Output<string>;

  constructor(name: string, rawArgs: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super("datafold:aws:Database", name, {}, opts);
    const args = withDefaults(rawArgs);
    const parent = { parent: this };
    const stateful = { parent: this, protect: true };

    const key = protectedKey(this, `${name}-db`, `${name}: RDS PostgreSQL storage and Performance Insights`, args.tags);

    const subnets = new aws.rds.SubnetGroup(
      `${name}-db`,
      { subnetIds: args.subnetIds, description: `${name}: private subnets`, tags: nameTags(args.tags, `${name}-db`) },
      parent,
    );
    const sg = new aws.ec2.SecurityGroup(
      `${name}-db`,
      {
        vpcId: args.vpcId,
        description: `${name}: PostgreSQL from the cluster nodes only`,
        tags: nameTags(args.tags, `${name}-db`),
      },
      parent,
    );
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-db-postgres`,
      {
        securityGroupId: sg.id,
        referencedSecurityGroupId: args.clientSecurityGroupId,
        ipProtocol: "tcp",
        fromPort: DATABASE_PORT,
        toPort: DATABASE_PORT,
        description: "PostgreSQL from the cluster nodes",
        tags: nameTags(args.tags, `${name}-db-postgres`),
      },
      parent,
    );
    // No `name`: Pulumi auto-names the group (`${name}-db-<random>`) and draws a new name when a
    // new engine major changes its family (a replacement), creating the new group before deleting
    // the old one (Pulumi's default for a replacement). With applyImmediately on that run, the
    // instance moves to the new group in the same modification as the upgrade, so the old group is
    // no longer attached when it is deleted (RDS refuses to delete a group in use).
    const params = new aws.rds.ParameterGroup(
      `${name}-db`,
      {
        family: parameterGroupFamily(args.engineVersion),
        description: `${name}: SSL required`,
        parameters: [{ name: "rds.force_ssl", value: "1", applyMethod: "immediate" }],
        tags: nameTags(args.tags, `${name}-db`),
      },
      parent,
    );
    const password = new random.RandomPassword(`${name}-db-password`, { length: 40, special: false }, parent);

    const instance = new aws.rds.Instance(
      `${name}-db`,
      {
        identifier: name,
        engine: "postgres",
        engineVersion: args.engineVersion,
        autoMinorVersionUpgrade: autoMinorVersionUpgrade(args.engineVersion),
        // A major version change in the config is deliberate; the guard (stack/guard.ts) refuses downgrades.
        allowMajorVersionUpgrade: true,
        // Without it RDS defers a modification to the maintenance window, and every preview until
        // then shows it as a change still to make; a major upgrade would leave the new parameter
        // group unattached (its family does not match the running engine). Set only when true, so
        // that a stack that never asks for it sees no change to its inputs.
        ...(args.applyImmediately ? { applyImmediately: true } : {}),
        instanceClass: args.instanceClass,
        storageType: "gp3",
        allocatedStorage: args.allocatedStorageGb,
        maxAllocatedStorage: args.maxAllocatedStorageGb,
        storageEncrypted: true,
        kmsKeyId: key.arn,
        dbName: DATABASE_NAME,
        username: DATABASE_USER,
        password: password.result,
        port: DATABASE_PORT,
        dbSubnetGroupName: subnets.name,
        vpcSecurityGroupIds: [sg.id],
        parameterGroupName: params.name,
        publiclyAccessible: false,
        multiAz: args.multiAz,
        backupRetentionPeriod: args.backupRetentionDays,
        backupWindow: BACKUP_WINDOW,
        maintenanceWindow: MAINTENANCE_WINDOW,
        copyTagsToSnapshot: true,
        deletionProtection: args.deletionProtection,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: finalSnapshotIdentifier(name),
        deleteAutomatedBackups: false,
        caCertIdentifier: "rds-ca-rsa2048-g1",
        enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        performanceInsightsEnabled: args.performanceInsights,
        ...(args.performanceInsights
          ? { performanceInsightsKmsKeyId: key.arn, performanceInsightsRetentionPeriod: 7 }
          : {}),
        tags: nameTags(args.tags, `${name}-db`),
      },
      stateful,
    );

    this.address = instance.address;
    this.port = instance.port;
    this.databaseName = pulumi.output(DATABASE_NAME);
    this.username = pulumi.output(DATABASE_USER);
    this.password = pulumi.secret(password.result);
    this.instanceArn = instance.arn;
    this.kmsKeyArn = key.arn;
    this.securityGroupId = sg.id;
    this.registerOutputs({
      address: this.address,
      port: this.port,
      databaseName: this.databaseName,
      username: this.username,
      password: this.password,
      instanceArn: this.instanceArn,
      kmsKeyArn: this.kmsKeyArn,
      securityGroupId: this.securityGroupId,
    });
  }
}
