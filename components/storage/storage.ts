import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

import { nameTags, VOLUME_ROLE_TAG } from "../shared/tags";
import { type StorageArgs, type VolumeSettings, withDefaults } from "./args";
import { BACKUP_BUCKET_SUFFIX_LENGTH, backupBucketName, backupLifecycleRules, tlsOnlyBucketPolicy } from "./documents";

/** The three volumes, by role, in the order the application's values list them. */
export const VOLUME_ROLES = ["clickhouse-data", "clickhouse-logs", "redis-data"] as const;
export type VolumeRole = (typeof VOLUME_ROLES)[number];

/**
 * The deployment's persistent storage: three encrypted gp3 volumes in the primary AZ and the
 * private, versioned, TLS-only bucket for ClickHouse backups. Volumes, bucket and the bucket's
 * name suffix are protected: neither `pulumi destroy` nor a config change can delete or replace
 * them without someone first unprotecting them on purpose.
 */
export class Storage extends pulumi.ComponentResource {
  readonly clickhouseDataVolumeId: pulumi.Output<string>;
  readonly clickhouseLogsVolumeId: pulumi.Output<string>;
  readonly redisDataVolumeId: pulumi.Output<string>;
  /** The AZ the volumes are in. */
  readonly availabilityZone: pulumi.Output<string>;
  readonly backupBucketName: pulumi.Output<string>;
  readonly backupBucketArn: pulumi.Output<string>;

  constructor(name: string, rawArgs: StorageArgs, opts?: pulumi.ComponentResourceOptions) {
    super("datafold:aws:Storage", name, {}, opts);
    const args = withDefaults(rawArgs);
    const stateful = { parent: this, protect: true };
    const encryption = args.kmsKeyArn === "" ? {} : { kmsKeyId: args.kmsKeyArn };

    const volume = (role: VolumeRole, v: VolumeSettings) =>
      new aws.ebs.Volume(
        `${name}-${role}`,
        {
          availabilityZone: args.availabilityZone,
          type: "gp3",
          size: v.sizeGb,
          iops: v.iops,
          throughput: v.throughputMibps,
          encrypted: true,
          ...encryption,
          // A final snapshot if the volume is ever deleted after all.
          finalSnapshot: true,
          tags: nameTags(args.tags, `${name}-${role}`, { [VOLUME_ROLE_TAG]: role }),
        },
        stateful,
      );
    const clickhouseData = volume("clickhouse-data", args.clickhouseData);
    const clickhouseLogs = volume("clickhouse-logs", args.clickhouseLogs);
    const redisData = volume("redis-data", args.redisData);

    // Bucket names are global: a random suffix, kept in state and protected, makes the name
    // unique once and stable for the stack's life.
    const suffix = new random.RandomString(
      `${name}-backups-suffix`,
      { length: BACKUP_BUCKET_SUFFIX_LENGTH, special: false, upper: false },
      stateful,
    );
    const bucket = new aws.s3.Bucket(
      `${name}-clickhouse-backups`,
      {
        bucket: suffix.result.apply((s) => backupBucketName(name, s)),
        forceDestroy: false,
        tags: nameTags(args.tags, `${name}-clickhouse-backups`),
      },
      stateful,
    );
    const parent = { parent: this };
    const ownership = new aws.s3.BucketOwnershipControls(
      `${name}-clickhouse-backups`,
      { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
      parent,
    );
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
      `${name}-clickhouse-backups`,
      {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      parent,
    );
    new aws.s3.BucketServerSideEncryptionConfiguration(
      `${name}-clickhouse-backups`,
      {
        bucket: bucket.id,
        rules: [
          args.kmsKeyArn === ""
            ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
            : {
                applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
                bucketKeyEnabled: true,
              },
        ],
      },
      parent,
    );
    const versioning = new aws.s3.BucketVersioning(
      `${name}-clickhouse-backups`,
      { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
      parent,
    );
    new aws.s3.BucketLifecycleConfiguration(
      `${name}-clickhouse-backups`,
      { bucket: bucket.id, rules: backupLifecycleRules(args.backupBucketExpirationDays) },
      // Lifecycle rules on a versioned bucket need versioning in place first.
      { parent: this, dependsOn: [versioning] },
    );
    new aws.s3.BucketPolicy(
      `${name}-clickhouse-backups`,
      { bucket: bucket.id, policy: bucket.arn.apply((arn) => JSON.stringify(tlsOnlyBucketPolicy(arn))) },
      // S3 refuses a policy while the public access block is being changed; order them.
      { parent: this, dependsOn: [publicAccess, ownership] },
    );

    this.clickhouseDataVolumeId = clickhouseData.id;
    this.clickhouseLogsVolumeId = clickhouseLogs.id;
    this.redisDataVolumeId = redisData.id;
    this.availabilityZone = clickhouseData.availabilityZone;
    this.backupBucketName = bucket.bucket;
    this.backupBucketArn = bucket.arn;
    this.registerOutputs({
      clickhouseDataVolumeId: this.clickhouseDataVolumeId,
      clickhouseLogsVolumeId: this.clickhouseLogsVolumeId,
      redisDataVolumeId: this.redisDataVolumeId,
      availabilityZone: this.availabilityZone,
      backupBucketName: this.backupBucketName,
      backupBucketArn: this.backupBucketArn,
    });
  }
}
