import type { StackValidationPolicy } from "@pulumi/policy";

import { S3_BUCKET, S3_ENCRYPTION, isOneOf } from "../../lib/types";
import { asList, checkEach, isRecord, type Pending, propsOf, undecided } from "../../lib/values";
import { companionsOf } from "./buckets";

/**
 * Every bucket has its default encryption declared as a resource of the stack. (A deployed bucket's
 * own outputs always show AES256, since S3 encrypts by default; they prove nothing about intent.)
 */
export const s3BucketRequireEncryption: StackValidationPolicy = {
  name: "s3-bucket-require-encryption",
  description: "Every S3 bucket has default server-side encryption configured explicitly.",
  validateStack: (args, report) => {
    const pending: Pending[] = [];
    for (const bucket of args.resources.filter((r) => isOneOf(r.type, S3_BUCKET))) {
      const { found, pending: unmatched } = companionsOf(bucket, args.resources, S3_ENCRYPTION);
      let configured = false;
      const undecidedHere = checkEach(found, (c) => {
        const rules = asList(propsOf(c).rules).filter(isRecord);
        configured ||= rules.some(
          (r) =>
            isRecord(r.applyServerSideEncryptionByDefault) &&
            typeof r.applyServerSideEncryptionByDefault.sseAlgorithm === "string",
        );
      });
      if (configured) continue;
      if (undecidedHere.length > 0 || unmatched.length > 0) pending.push(...undecidedHere, ...unmatched);
      else
        report(
          `bucket ${bucket.name} must have default encryption (a BucketServerSideEncryptionConfiguration with AES256 or aws:kms); it has none.`,
          bucket.urn,
        );
    }
    undecided(args, pending);
  },
};
