import type { ResourceValidationPolicy } from "@pulumi/policy";

import { s3BucketNameProblem, s3BucketPrefixProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { S3_BUCKET, isOneOf } from "../../lib/types";
import { propsOf, show } from "../../lib/values";

/** Amazon S3 User Guide, "General purpose bucket naming rules" (reserved prefixes and suffixes included). */
export const s3BucketValidName: ResourceValidationPolicy = {
  name: "s3-bucket-valid-name",
  description: "Bucket names, given or generated, follow the S3 bucket naming rules.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, S3_BUCKET)) return;
    const prefix = propsOf(args).bucketPrefix;
    if (typeof propsOf(args).bucket !== "string" && typeof prefix === "string") {
      const allowed = s3BucketPrefixProblem(prefix);
      if (allowed !== undefined)
        report(`bucket ${args.name} has bucketPrefix ${show(prefix)}, which S3 refuses; expected ${allowed}.`);
      return;
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
