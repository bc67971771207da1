import type { ResourceValidationPolicy } from "@pulumi/policy";

import { s3BucketNameProblem, s3BucketPrefixProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { S3_BUCKET, isOneOf } from "../../lib/types";
import { isKnown, notKnown, peek, propsOf, show, undecided } from "../../lib/values";

/**
 * Amazon S3 User Guide, "General purpose bucket naming rules" (reserved prefixes and suffixes
 * included). A name made in the same run (the backup bucket's ends with a random suffix) is not
 * known during a preview, not even in part: `pulumi up` decides it before the bucket is created.
 */
export const s3BucketValidName: ResourceValidationPolicy = {
  name: "s3-bucket-valid-name",
  description: "Bucket names, given or generated, follow the S3 bucket naming rules.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, S3_BUCKET)) return;
    const props = propsOf(args);
    // The name decides first; a prefix counts only without one.
    if (!isKnown(props, "bucket")) return undecided(args, [notKnown(args.name, "bucket")]);
    if (typeof peek(props, "bucket") !== "string") {
      if (!isKnown(props, "bucketPrefix")) return undecided(args, [notKnown(args.name, "bucketPrefix")]);
      const prefix = peek(props, "bucketPrefix");
      if (typeof prefix === "string") {
        const allowed = s3BucketPrefixProblem(prefix);
        if (allowed !== undefined)
          report(`bucket ${args.name} has bucketPrefix ${show(prefix)}, which S3 refuses; expected ${allowed}.`);
        return;
      }
    }
    reportName(
      report,
      "bucket",
      args.name,
      "S3",
      plannedName(args, "bucket", undefined, { lowercase: true }),
      s3BucketNameProblem,
    );
  },
};
