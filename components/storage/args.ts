/** The Storage component's arguments, their defaults, and the one place the defaults are resolved. */
import type * as pulumi from "@pulumi/pulumi";

/** A gp3 volume's size and performance. */
export interface VolumeSettings {
  /** Size in GiB. */
  readonly sizeGb: number;
  /** Provisioned IOPS (gp3: 3000 included). */
  readonly iops: number;
  /** Provisioned throughput in MiB/s (gp3: 125 included). */
  readonly throughputMibps: number;
}

export interface StorageArgs {
  /** The primary AZ's name: every volume is created there, next to the data node group. */
  readonly availabilityZone: pulumi.Input<string>;
  /** ClickHouse data volume. @default {sizeGb: 40, iops: 3000, throughputMibps: 125} */
  readonly clickhouseData?: VolumeSettings;
  /** ClickHouse logs volume. @default {sizeGb: 40, iops: 3000, throughputMibps: 125} */
  readonly clickhouseLogs?: VolumeSettings;
  /** Redis data volume. @default {sizeGb: 50, iops: 3000, throughputMibps: 125} */
  readonly redisData?: VolumeSettings;
  /** Days a ClickHouse backup is kept. @default 14 */
  readonly backupBucketExpirationDays?: number;
  /** Customer KMS key for volumes and bucket; empty: the AWS-managed keys. @default "" */
  readonly kmsKeyArn?: string;
  /** Tags for every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What the stack's config decides about storage (the contract's `storage` section), resolved. */
export type StorageSettings = Required<Omit<StorageArgs, "availabilityZone" | "tags">>;

/** The defaults of StorageSettings (../shared/CONFIG.md). */
export const STORAGE_DEFAULTS: StorageSettings = {
  clickhouseData: { sizeGb: 40, iops: 3000, throughputMibps: 125 },
  clickhouseLogs: { sizeGb: 40, iops: 3000, throughputMibps: 125 },
  redisData: { sizeGb: 50, iops: 3000, throughputMibps: 125 },
  backupBucketExpirationDays: 14,
  kmsKeyArn: "",
};

export type ResolvedStorageArgs = StorageSettings & {
  readonly availabilityZone: pulumi.Input<string>;
  readonly tags: Readonly<Record<string, string>>;
};

/** Resolves every default of StorageArgs once. Pure. */
export function withDefaults(args: StorageArgs): ResolvedStorageArgs {
  const d = STORAGE_DEFAULTS;
  return {
    availabilityZone: args.availabilityZone,
    clickhouseData: args.clickhouseData ?? d.clickhouseData,
    clickhouseLogs: args.clickhouseLogs ?? d.clickhouseLogs,
    redisData: args.redisData ?? d.redisData,
    backupBucketExpirationDays: args.backupBucketExpirationDays ?? d.backupBucketExpirationDays,
    kmsKeyArn: args.kmsKeyArn ?? d.kmsKeyArn,
    tags: args.tags ?? {},
  };
}
