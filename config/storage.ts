/** The contract's `storage` section: the Storage component's settings, held to gp3's limits. */
import { STORAGE_DEFAULTS, type StorageSettings, type VolumeSettings } from "../components/storage/args";
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

export function readStorage(c: Check, s: Raw): StorageSettings {
  const d = STORAGE_DEFAULTS;
  const p = "storage";
  return {
    clickhouseData: readVolume(c, c.field(s, "clickhouseData", {}), `${p}.clickhouseData`, d.clickhouseData),
    clickhouseLogs: readVolume(c, c.field(s, "clickhouseLogs", {}), `${p}.clickhouseLogs`, d.clickhouseLogs),
    redisData: readVolume(c, c.field(s, "redisData", {}), `${p}.redisData`, d.redisData),
    backupBucketExpirationDays: c.int(s, p, "backupBucketExpirationDays", d.backupBucketExpirationDays, 1, 3650),
    kmsKeyArn: c.string(
      s,
      p,
      "kmsKeyArn",
      d.kmsKeyArn,
      "empty, or a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/<uuid>",
      (x) => x === "" || KMS_KEY_ARN.test(x),
    ),
  };
}
