/**
 * The formats and limits the config contract holds values to: identifiers, ARNs, names and the
 * gp3 volume limits. Plain data; no Pulumi import.
 */

/** gp3 limits (EBS User Guide, "Amazon EBS General Purpose SSD volumes", 2025 onward): size, IOPS, throughput and their ratios. */
export const GP3 = {
  minSizeGb: 1,
  maxSizeGb: 65536,
  minIops: 3000,
  maxIops: 80000,
  maxIopsPerGb: 500,
  minThroughputMibps: 125,
  maxThroughputMibps: 2000,
  maxMibpsPerIops: 0.25,
} as const;

/** CloudWatch Logs' retention values, in days (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const ADDON_VERSION = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;
export const DNS_LABEL = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
export const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
export const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
export const VPC_ID = /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/;
export const SUBNET_ID = /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/;
export const AZ_ID = /^[a-z]{2,5}\d-az\d{1,2}$/;
export const IAM_PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/;
/**
 * A KMS key ARN: `arn:<partition>:kms:<region>:<account>:key/<key id>`, the key id a UUID or, for a
 * multi-Region key, `mrk-` and 32 hex digits (KMS Developer Guide, "Multi-Region keys in AWS KMS":
 * "Multi-Region key IDs begin with mrk-"). Groups: partition, region.
 */
export const KMS_KEY_ARN =
  /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):\d{12}:key\/([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
export const ACM_ARN =
  /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
export const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
export const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
export const ACCOUNT_ID = /^\d{12}$/;
export const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
export const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
export const DB_INSTANCE_CLASS = /^db\.[a-z0-9-]+\.[a-z0-9]+$/;
export const PG_VERSION = /^(\d+)(?:\.(\d+))?$/;

/** The partition of an ARN (`aws` of `arn:aws:iam::...`), or undefined for text that is not an ARN. */
export function arnPartition(arn: string): string | undefined {
  return /^arn:([a-z-]+):/.exec(arn)?.[1];
}
