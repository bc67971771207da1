import type { StackValidationPolicy } from "@pulumi/policy";

import { S3_BUCKET, S3_ENCRYPTION, isOneOf } from "../../lib/types";
import { asList, isRecord, propsOf } from "../../lib/values";
import { companionsOf } from "./buckets";

function algorithms(rules: unknown): string[] {
  return asList(rules)
    .filter(isRecord)
    .map((r) =>
      isRecord(r.applyServerSideEncryptionByDefault) ? r.applyServerSideEncryptionByDefault.sseAlgorithm : undefined,
    )
    .filter((a): a is string => typeof a === "string");
}

export const s3BucketRequireEncryption: StackValidationPolicy = {
  name: "s3-bucket-require-encryption",
  description: "Every S3 bucket has default server-side encryption configured explicitly.",
  validateStack: (args, report) => {
    for (const bucket of args.resources.filter((r) => isOneOf(r.type, S3_BUCKET))) {
      const sse = propsOf(bucket).serverSideEncryptionConfiguration;
      const inline = isRecord(sse) ? algorithms(sse.rule) : [];
      const configured = companionsOf(bucket, args.resources, S3_ENCRYPTION).flatMap((c) =>
        algorithms(propsOf(c).rules),
      );
      if (inline.length === 0 && configured.length === 0) {
        report(
          `bucket ${bucket.name} must have default encryption (a BucketServerSideEncryptionConfiguration with AES256 or aws:kms); it has none.`,
          bucket.urn,
        );
      }
    }
  },
};
