import { expect } from "chai";

import { ebsVolumeRequireEncryption } from "../rules/ebs/ebs-volume-require-encryption";
import { eksClusterRequireSecretsEncryption } from "../rules/eks/eks-cluster-require-secrets-encryption";
import { kmsKeyRequireRotation } from "../rules/kms/kms-key-require-rotation";
import { rdsInstanceRequireCmkEncryption } from "../rules/rds/rds-instance-require-cmk-encryption";
import { s3BucketRequireEncryption } from "../rules/s3/s3-bucket-require-encryption";
import { levels, messages, res, undecidedReasons, UNKNOWN, withInputs } from "./helpers";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";

describe("ebs-volume-require-encryption", () => {
  const volume = res("aws:ebs/volume:Volume", "data", {
    availabilityZone: "us-east-1a",
    type: "gp3",
    size: 40,
    encrypted: true,
  });
  it("passes an encrypted volume", async () =>
    expect(await messages(ebsVolumeRequireEncryption, [volume])).to.deep.equal([]));
  it("fails an unencrypted volume, naming it", async () => {
    expect(await messages(ebsVolumeRequireEncryption, [withInputs(volume, { encrypted: false })])).to.deep.equal([
      "EBS volume data must be encrypted (encrypted: true); it has encrypted: false.",
    ]);
  });
  it("fails a volume that leaves encryption unset", async () => {
    const rest = Object.fromEntries(Object.entries(volume.inputs ?? {}).filter(([k]) => k !== "encrypted"));
    expect(await messages(ebsVolumeRequireEncryption, [{ ...volume, inputs: rest }])).to.deep.equal([
      'EBS volume data must be encrypted (encrypted: true); it has encrypted: "unset".',
    ]);
  });
  it("cannot tell yet when the value is unknown: not applicable during the preview, no violation", async () => {
    const pending = [withInputs(volume, { encrypted: UNKNOWN })];
    expect(await levels(ebsVolumeRequireEncryption, pending)).to.deep.equal([]);
    expect(await undecidedReasons(ebsVolumeRequireEncryption, pending)).to.deep.equal([
      ["data", "not decided: data (encrypted is not known until the deployment)"],
    ]);
  });
  it("judges what the program declares (inputs), not what the account defaulted (outputs)", async () => {
    const defaulted = res(
      "aws:ebs/volume:Volume",
      "data",
      { availabilityZone: "us-east-1a" },
      { outputs: { encrypted: true } },
    );
    expect(await messages(ebsVolumeRequireEncryption, [defaulted])).to.have.length(1);
  });
  it("fails launch template block devices and instance disks left unencrypted", async () => {
    const template = res("aws:ec2/launchTemplate:LaunchTemplate", "lt", {
      blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 80, encrypted: "false" } }],
    });
    const instance = res("aws:ec2/instance:Instance", "vm", { rootBlockDevice: { volumeSize: 20 } });
    expect(await messages(ebsVolumeRequireEncryption, [template, instance])).to.deep.equal([
      'launch template lt must encrypt "/dev/xvda" (ebs.encrypted: "true"); it has "false".',
      'instance vm must encrypt "its root volume" (encrypted: true); it has "unset".',
    ]);
    expect(
      await messages(ebsVolumeRequireEncryption, [
        withInputs(template, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] }),
      ]),
    ).to.deep.equal([]);
  });
  it("counts a secret it cannot read (an export without --show-secrets) as unknown, not as compliant", async () => {
    const secret = withInputs(volume, {
      encrypted: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "AAAB" },
    });
    expect(await levels(ebsVolumeRequireEncryption, [secret])).to.deep.equal([]);
    expect(await undecidedReasons(ebsVolumeRequireEncryption, [secret])).to.have.length(1);
  });
});

describe("rds-instance-require-cmk-encryption", () => {
  const db = res("aws:rds/instance:Instance", "db", { engine: "postgres", storageEncrypted: true, kmsKeyId: KEY });
  it("reports unencrypted storage even while the key (a key of this run) is not known yet", async () => {
    expect(
      await levels(rdsInstanceRequireCmkEncryption, [withInputs(db, { storageEncrypted: false, kmsKeyId: UNKNOWN })]),
    ).to.deep.equal([
      [
        "mandatory",
        "database db must have encrypted storage (storageEncrypted: true); it has storageEncrypted: false.",
      ],
    ]);
  });
  it("leaves an encrypted database whose key is not known yet to `pulumi up`: not applicable, no violation", async () => {
    const pending = [withInputs(db, { kmsKeyId: UNKNOWN })];
    expect(await levels(rdsInstanceRequireCmkEncryption, pending)).to.deep.equal([]);
    expect(await undecidedReasons(rdsInstanceRequireCmkEncryption, pending)).to.deep.equal([
      ["db", "not decided: db (kmsKeyId is not known until the deployment)"],
    ]);
  });
  it("passes a database encrypted with a customer key", async () =>
    expect(await messages(rdsInstanceRequireCmkEncryption, [db])).to.deep.equal([]));
  it("fails unencrypted storage", async () => {
    expect(
      await messages(rdsInstanceRequireCmkEncryption, [withInputs(db, { storageEncrypted: false })]),
    ).to.deep.equal([
      "database db must have encrypted storage (storageEncrypted: true); it has storageEncrypted: false.",
    ]);
  });
  it("fails the AWS-managed key (no kmsKeyId, or alias/aws/rds)", async () => {
    expect(await messages(rdsInstanceRequireCmkEncryption, [withInputs(db, { kmsKeyId: undefined })])).to.have.length(
      1,
    );
    expect(
      await messages(rdsInstanceRequireCmkEncryption, [
        withInputs(db, { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:alias/aws/rds" }),
      ]),
    ).to.deep.equal([
      'database db must be encrypted with a customer-managed KMS key (kmsKeyId); it has kmsKeyId: "arn:aws:kms:us-east-1:123456789012:alias/aws/rds" (the AWS-managed key).',
    ]);
  });
  it("leaves replicas and restores to their source's encryption", async () => {
    expect(
      await messages(rdsInstanceRequireCmkEncryption, [
        withInputs(db, { storageEncrypted: false, snapshotIdentifier: "snap-1" }),
      ]),
    ).to.deep.equal([]);
  });
  it("also checks Aurora clusters", async () => {
    expect(
      await messages(rdsInstanceRequireCmkEncryption, [
        res("aws:rds/cluster:Cluster", "aurora", { storageEncrypted: false }),
      ]),
    ).to.have.length(1);
  });
});

describe("s3-bucket-require-encryption", () => {
  const bucket = res("aws:s3/bucket:Bucket", "backups", { bucket: "acme-backups" });
  const sse = res(
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "backups",
    {
      bucket: UNKNOWN,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }],
    },
    { propertyDependencies: { bucket: [bucket.urn] } },
  );
  it("passes a bucket whose encryption configuration depends on it", async () =>
    expect(await messages(s3BucketRequireEncryption, [bucket, sse])).to.deep.equal([]));
  it("passes a bucket matched by name, with the V2 type token", async () => {
    const v2 = res("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "b2", {
      bucket: "acme-backups",
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    expect(await messages(s3BucketRequireEncryption, [bucket, v2])).to.deep.equal([]);
  });
  it("fails a bucket with no encryption configuration", async () => {
    expect(await messages(s3BucketRequireEncryption, [bucket])).to.deep.equal([
      "bucket backups must have default encryption (a BucketServerSideEncryptionConfiguration with AES256 or aws:kms); it has none.",
    ]);
  });
  it("fails the bucket whose configuration names another bucket", async () => {
    const other = res("aws:s3/bucket:Bucket", "other", { bucket: "acme-other" }, { outputs: { bucket: "acme-other" } });
    const forOther = res(
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "other",
      {
        bucket: "acme-other",
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
      },
    );
    expect(await messages(s3BucketRequireEncryption, [bucket, other, forOther])).to.deep.equal([
      "bucket backups must have default encryption (a BucketServerSideEncryptionConfiguration with AES256 or aws:kms); it has none.",
    ]);
  });
  it("does not take a deployed bucket's own encryption output (S3's default) as configuration", async () => {
    const deployed = res(
      "aws:s3/bucket:Bucket",
      "legacy",
      {},
      {
        outputs: {
          bucket: "legacy",
          serverSideEncryptionConfiguration: {
            rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
          },
        },
      },
    );
    expect(await messages(s3BucketRequireEncryption, [deployed])).to.have.length(1);
  });
});

describe("kms-key-require-rotation", () => {
  const key = res("aws:kms/key:Key", "db", { enableKeyRotation: true });
  it("passes a rotating key", async () => expect(await messages(kmsKeyRequireRotation, [key])).to.deep.equal([]));
  it("fails a key without rotation", async () => {
    expect(await messages(kmsKeyRequireRotation, [withInputs(key, { enableKeyRotation: false })])).to.deep.equal([
      "KMS key db must rotate (enableKeyRotation: true); it has false.",
    ]);
  });
  it("leaves asymmetric keys alone (they cannot rotate)", async () => {
    expect(
      await messages(kmsKeyRequireRotation, [
        withInputs(key, { enableKeyRotation: false, customerMasterKeySpec: "RSA_2048" }),
      ]),
    ).to.deep.equal([]);
  });
});

describe("eks-cluster-require-secrets-encryption", () => {
  it("passes the @pulumi/eks component with a key and the aws cluster with an encryption config", async () => {
    expect(
      await messages(eksClusterRequireSecretsEncryption, [
        res("eks:index:Cluster", "c", { encryptionConfigKeyArn: KEY }, { custom: false }),
      ]),
    ).to.deep.equal([]);
    expect(
      await messages(eksClusterRequireSecretsEncryption, [
        res("aws:eks/cluster:Cluster", "c", {
          encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } },
        }),
      ]),
    ).to.deep.equal([]);
  });
  it("fails either form without one", async () => {
    expect(
      await messages(eksClusterRequireSecretsEncryption, [res("eks:index:Cluster", "c", {}, { custom: false })]),
    ).to.deep.equal(["EKS cluster c must encrypt secrets with a KMS key (encryptionConfigKeyArn); it has none."]);
    expect(
      await messages(eksClusterRequireSecretsEncryption, [
        res("aws:eks/cluster:Cluster", "c", { encryptionConfig: { resources: [], provider: { keyArn: KEY } } }),
      ]),
    ).to.have.length(1);
  });
});
