import type { ResourceValidationPolicy } from "@pulumi/policy";

import { EBS_VOLUME, KMS_KEY, RDS_CLUSTER, RDS_INSTANCE, S3_BUCKET, isOneOf } from "../../lib/types";

const STATEFUL = [...EBS_VOLUME, ...RDS_INSTANCE, ...RDS_CLUSTER, ...S3_BUCKET, ...KMS_KEY];

/**
 * A resource rule, so that `pulumi up` stops before an unprotected volume, database, bucket or key
 * is created or changed (the engine hands resource rules the resource's options, `protect` among
 * them, before it acts; stack rules run only after the changes).
 */
export const pulumiStatefulResourcesProtected: ResourceValidationPolicy = {
  name: "pulumi-stateful-resources-protected",
  description:
    "Resources that hold data (EBS volumes, databases, buckets, KMS keys) are protected from deletion and replacement.",
  validateResource: (args, report) => {
    if (isOneOf(args.type, STATEFUL) && !args.opts.protect)
      report(`${args.type} ${args.name} holds data and must be protected (the protect resource option); it is not.`);
  },
};
