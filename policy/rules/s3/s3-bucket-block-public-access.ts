import type { StackValidationPolicy } from "@pulumi/policy";

import { S3_BUCKET, S3_PUBLIC_ACCESS_BLOCK, isOneOf } from "../../lib/types";
import { checkEach, isTrue, type Pending, propsOf, undecided } from "../../lib/values";
import { companionsOf } from "./buckets";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export const s3BucketBlockPublicAccess: StackValidationPolicy = {
  name: "s3-bucket-block-public-access",
  description: "Every S3 bucket has a public access block with all four settings on.",
  validateStack: (args, report) => {
    const pending: Pending[] = [];
    for (const bucket of args.resources.filter((r) => isOneOf(r.type, S3_BUCKET))) {
      const { found: blocks, pending: unmatched } = companionsOf(bucket, args.resources, S3_PUBLIC_ACCESS_BLOCK);
      if (blocks.length === 0 && unmatched.length === 0) {
        report(
          `bucket ${bucket.name} must have a public access block with ${SETTINGS.join(", ")} all true; it has none.`,
          bucket.urn,
        );
      }
      if (blocks.length === 0) pending.push(...unmatched);
      pending.push(
        ...checkEach(blocks, (block) => {
          const off = SETTINGS.filter((s) => !isTrue(propsOf(block)[s]));
          if (off.length > 0) {
            report(
              `bucket ${bucket.name}'s public access block must set ${SETTINGS.join(", ")} to true; ${off.join(", ")} ${off.length === 1 ? "is" : "are"} not.`,
              block.urn,
            );
          }
        }),
      );
    }
    undecided(args, pending);
  },
};
