/** The contract's `storage` section: the Storage component's settings, held to gp3's limits. */
import { STORAGE_DEFAULTS, type StorageSettings, type VolumeSettings } from "../components/storage/args";
import { REGIONS } from "./aws-data";
import { type Check, type Raw } from "./check";
import { GP3, KMS_KEY_ARN } from "./formats";

function readVolume(c: Check, s: unknown, p: string, d: VolumeSettings): VolumeSettings {
  const v = c.object(s, p, ["sizeGb", "iops", "throughputMibps"]);
  const sizeGb = c.int(v, p, "sizeGb", d.sizeGb, GP3.minSizeGb, GP3.maxSizeGb);
  const before = c.problems.length;
  const iops = c.int(v, p, "iops", d.iops, GP3.minIops, GP3.maxIops);
  const throughputMibps = c.int(
    v,
    p,
    "throughputMibps",
    d.throughputMibps,
    GP3.minThroughputMibps,
    GP3.maxThroughputMibps,
  );
  // The ratios are checked only between values that are themselves valid.
  if (c.problems.length > before) return { sizeGb, iops, throughputMibps };
  if (iops > GP3.minIops && iops > sizeGb * GP3.maxIopsPerGb) {
    c.fail(
      `${p}.iops`,
      iops,
      `at most ${GP3.maxIopsPerGb} IOPS per GiB above the 3000 baseline: ${Math.max(GP3.minIops, sizeGb * GP3.maxIopsPerGb)} for ${sizeGb} GiB`,
    );
  }
  if (throughputMibps > GP3.minThroughputMibps && throughputMibps > iops * GP3.maxMibpsPerIops) {
    c.fail(
      `${p}.throughputMibps`,
      throughputMibps,
      `at most ${GP3.maxMibpsPerIops} MiB/s per provisioned IOPS: ${iops * GP3.maxMibpsPerIops} for ${iops} IOPS`,
    );
  }
  return { sizeGb, iops, throughputMibps };
}

export function readStorage(c: Check, s: Raw, region: string): StorageSettings {
  const d = STORAGE_DEFAULTS;
  const p = "storage";
  const clickhouseData = readVolume(
    c,
    c.field(s, p, "clickhouseData", {}, "an object"),
    `${p}.clickhouseData`,
    d.clickhouseData,
  );
  const clickhouseLogs = readVolume(
    c,
    c.field(s, p, "clickhouseLogs", {}, "an object"),
    `${p}.clickhouseLogs`,
    d.clickhouseLogs,
  );
  const redisData = readVolume(c, c.field(s, p, "redisData", {}, "an object"), `${p}.redisData`, d.redisData);
  const backupBucketExpirationDays = c.int(s, p, "backupBucketExpirationDays", d.backupBucketExpirationDays, 1, 3650);
  const kmsKeyArn = c.string(
    s,
    p,
    "kmsKeyArn",
    d.kmsKeyArn,
    "empty, or a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/<uuid> (or key/mrk-<32 hex digits>, a multi-Region key)",
    (x) => x === "" || KMS_KEY_ARN.test(x),
  );
  // EBS and S3 use a key of the volume's or bucket's own region only (KMS Developer Guide: a KMS key
  // is regional; a multi-Region key is used through its replica in each region, which has that
  // region in its ARN). The partition is the region's.
  const match = KMS_KEY_ARN.exec(kmsKeyArn);
  const facts = REGIONS[region];
  if (match !== null && facts !== undefined) {
    if (match[1] !== facts.partition)
      c.fail(
        `${p}.kmsKeyArn`,
        kmsKeyArn,
        `an ARN of the ${facts.partition} partition, the partition of aws:region ${region}`,
      );
    else if (match[2] !== region)
      c.fail(
        `${p}.kmsKeyArn`,
        kmsKeyArn,
        `a key in the stack's region ${region} (volumes and buckets use keys of their own region; for a multi-Region key, its replica's ARN in ${region})`,
      );
  }
  return { clickhouseData, clickhouseLogs, redisData, backupBucketExpirationDays, kmsKeyArn };
}
