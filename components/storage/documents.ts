/** The backup bucket's policy and lifecycle as plain data. No Pulumi import. */

import { type PolicyDocument, policyDocument } from "../shared/iam";

/** Denies every request to the bucket and its objects that does not arrive over TLS. */
export function tlsOnlyBucketPolicy(bucketArn: string): PolicyDocument {
  return policyDocument({
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  });
}

/**
 * Backups expire after `days`; in this versioned bucket an expired backup stays as a noncurrent
 * version for a short grace period (an accidental delete can be undone), then goes. Incomplete
 * multipart uploads are cleaned up and leftover delete markers removed.
 */
export function backupLifecycleRules(days: number) {
  return [
    {
      id: "expire-backups",
      status: "Enabled",
      filter: {},
      expiration: { days },
      noncurrentVersionExpiration: { noncurrentDays: 7 },
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
    },
    {
      id: "remove-expired-delete-markers",
      status: "Enabled",
      filter: {},
      expiration: { expiredObjectDeleteMarker: true },
    },
  ];
}

/** The length of the random suffix that makes the backup bucket's name unique. */
export const BACKUP_BUCKET_SUFFIX_LENGTH = 8;

/**
 * The ClickHouse backup bucket's name: `<name>-clickhouse-backups-<suffix>`, the suffix random
 * (8 lowercase letters and digits) and kept in state. Bucket names are global within a partition.
 */
export function backupBucketName(name: string, suffix: string): string {
  return `${name}-clickhouse-backups-${suffix}`;
}
