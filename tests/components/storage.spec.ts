import { expect } from "chai";

import type { StorageArgs } from "../../components/storage/args";
import { Storage } from "../../components/storage/storage";
import { find, inputs, outputs, runComponents, shape } from "../helpers";

const TAGS = { "datafold:deployment": "acme" };
const KMS = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";

function plan(args: Partial<StorageArgs> = {}) {
  return runComponents(() => {
    const s = new Storage("acme", { availabilityZone: "us-east-1a", tags: TAGS, ...args });
    return {
      clickhouseDataVolumeId: s.clickhouseDataVolumeId,
      clickhouseLogsVolumeId: s.clickhouseLogsVolumeId,
      redisDataVolumeId: s.redisDataVolumeId,
      availabilityZone: s.availabilityZone,
      backupBucketName: s.backupBucketName,
      backupBucketArn: s.backupBucketArn,
    };
  });
}

/** The bucket's default encryption rules as declared. */
function encryptionRules(run: Awaited<ReturnType<typeof plan>>): unknown {
  return inputs(
    find(
      run,
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "acme-clickhouse-backups",
    ),
  ).rules;
}

const BUCKET_PARTS = [
  "aws:s3/bucket:Bucket",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  "aws:s3/bucketPolicy:BucketPolicy",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketVersioning:BucketVersioning",
].map((t) => `${t} acme-clickhouse-backups`);

describe("Storage", () => {
  it("declares exactly three volumes, the bucket with its controls, and the name suffix", async () => {
    const run = await plan();
    expect(shape(run)).to.deep.equal(
      [
        "aws:ebs/volume:Volume acme-clickhouse-data",
        "aws:ebs/volume:Volume acme-clickhouse-logs",
        "aws:ebs/volume:Volume acme-redis-data",
        "random:index/randomString:RandomString acme-backups-suffix",
        ...BUCKET_PARTS,
      ].sort(),
    );
  });

  it("creates encrypted gp3 volumes in the given AZ with the configured size, IOPS and throughput", async () => {
    const run = await plan({
      clickhouseData: { sizeGb: 100, iops: 6000, throughputMibps: 250 },
      redisData: { sizeGb: 60, iops: 3000, throughputMibps: 125 },
    });
    const expected: [string, number, number, number][] = [
      ["clickhouse-data", 100, 6000, 250],
      ["clickhouse-logs", 40, 3000, 125],
      ["redis-data", 60, 3000, 125],
    ];
    for (const [role, size, iops, throughput] of expected) {
      expect(inputs(find(run, "aws:ebs/volume:Volume", `acme-${role}`)), role).to.deep.equal({
        availabilityZone: "us-east-1a",
        type: "gp3",
        size,
        iops,
        throughput,
        encrypted: true,
        finalSnapshot: true,
        tags: { ...TAGS, "datafold:volume": role, Name: `acme-${role}` },
      });
    }
  });

  it("uses the customer KMS key for the volumes and the bucket when one is given", async () => {
    const run = await plan({ kmsKeyArn: KMS });
    for (const role of ["clickhouse-data", "clickhouse-logs", "redis-data"]) {
      expect(inputs(find(run, "aws:ebs/volume:Volume", `acme-${role}`)).kmsKeyId).to.equal(KMS);
    }
    expect(encryptionRules(run)).to.deep.equal([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KMS }, bucketKeyEnabled: true },
    ]);
  });

  it("encrypts the bucket with S3-managed keys by default", async () => {
    const run = await plan();
    expect(encryptionRules(run)).to.deep.equal([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
    expect(inputs(find(run, "aws:ebs/volume:Volume", "acme-redis-data")).kmsKeyId).to.equal(undefined);
  });

  it("protects the volumes, the bucket and its name suffix, and nothing else", async () => {
    const run = await plan();
    expect(
      run.resources
        .filter((r) => r.protect)
        .map((r) => r.name + " " + r.type)
        .sort(),
    ).to.deep.equal([
      "acme-backups-suffix random:index/randomString:RandomString",
      "acme-clickhouse-backups aws:s3/bucket:Bucket",
      "acme-clickhouse-data aws:ebs/volume:Volume",
      "acme-clickhouse-logs aws:ebs/volume:Volume",
      "acme-redis-data aws:ebs/volume:Volume",
    ]);
  });

  it("names the bucket from the deployment and a protected random suffix, and never force-destroys it", async () => {
    const run = await plan();
    const suffix = (
      find(run, "random:index/randomString:RandomString", "acme-backups-suffix").outputs as { result: string }
    ).result;
    expect(inputs(find(run, "random:index/randomString:RandomString", "acme-backups-suffix"))).to.deep.equal({
      length: 8,
      special: false,
      upper: false,
    });
    expect(suffix).to.match(/^[a-z]{8}$/);
    expect(inputs(find(run, "aws:s3/bucket:Bucket", "acme-clickhouse-backups"))).to.deep.equal({
      bucket: `acme-clickhouse-backups-${suffix}`,
      forceDestroy: false,
      tags: { ...TAGS, Name: "acme-clickhouse-backups" },
    });
  });

  it("blocks public access on all four settings, enforces bucket ownership and versions objects", async () => {
    const run = await plan();
    const bucket =
      "acme-clickhouse-backups-" +
      (find(run, "random:index/randomString:RandomString", "acme-backups-suffix").outputs as { result: string }).result;
    expect(
      inputs(find(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "acme-clickhouse-backups")),
    ).to.deep.equal({
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(
      inputs(find(run, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "acme-clickhouse-backups")),
    ).to.deep.equal({
      bucket,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    expect(inputs(find(run, "aws:s3/bucketVersioning:BucketVersioning", "acme-clickhouse-backups"))).to.deep.equal({
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });
  });

  it("expires backups after the configured days, after versioning is on", async () => {
    const run = await plan({ backupBucketExpirationDays: 30 });
    const lifecycle = find(
      run,
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      "acme-clickhouse-backups",
    );
    expect(inputs(lifecycle).rules).to.deep.equal([
      {
        id: "expire-backups",
        status: "Enabled",
        filter: {},
        expiration: { days: 30 },
        noncurrentVersionExpiration: { noncurrentDays: 7 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      },
      {
        id: "remove-expired-delete-markers",
        status: "Enabled",
        filter: {},
        expiration: { expiredObjectDeleteMarker: true },
      },
    ]);
    expect(lifecycle.dependencies).to.include(
      find(run, "aws:s3/bucketVersioning:BucketVersioning", "acme-clickhouse-backups").urn,
    );
  });

  it("denies every request that is not over TLS, once public access is blocked", async () => {
    const run = await plan();
    const bucket = find(run, "aws:s3/bucket:Bucket", "acme-clickhouse-backups");
    const arn = (bucket.outputs as { arn: string }).arn;
    const policy = find(run, "aws:s3/bucketPolicy:BucketPolicy", "acme-clickhouse-backups");
    expect(JSON.parse(inputs(policy).policy as string)).to.deep.equal({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [arn, `${arn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
    expect(policy.dependencies).to.include(
      find(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "acme-clickhouse-backups").urn,
    );
  });

  it("outputs the volume ids, their AZ and the bucket", async () => {
    const run = await plan();
    const id = (name: string) => find(run, "aws:ebs/volume:Volume", name).id;
    const bucket = find(run, "aws:s3/bucket:Bucket", "acme-clickhouse-backups");
    expect(outputs(run)).to.deep.equal({
      clickhouseDataVolumeId: id("acme-clickhouse-data"),
      clickhouseLogsVolumeId: id("acme-clickhouse-logs"),
      redisDataVolumeId: id("acme-redis-data"),
      availabilityZone: "us-east-1a",
      backupBucketName: bucket.id,
      backupBucketArn: `arn:aws:s3:::${bucket.id}`,
    });
  });
});
