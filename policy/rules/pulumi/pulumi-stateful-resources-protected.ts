import type { StackValidationPolicy } from "@pulumi/policy";

import { EBS_VOLUME, KMS_KEY, RDS_CLUSTER, RDS_INSTANCE, S3_BUCKET, isOneOf } from "../../lib/types";

const STATEFUL = [...EBS_VOLUME, ...RDS_INSTANCE, ...RDS_CLUSTER, ...S3_BUCKET, ...KMS_KEY];

export const pulumiStatefulResourcesProtected: StackValidationPolicy = {
  name: "pulumi-stateful-resources-protected",
  description:
    "Resources that hold data (EBS volumes, databases, buckets, KMS keys) are protected from deletion and replacement.",
  validateStack: (args, report) => {
    for (const r of args.resources.filter((x) => isOneOf(x.type, STATEFUL))) {
      if (!r.opts.protect)
        report(`${r.type} ${r.name} holds data and must be protected (the protect resource option); it is not.`, r.urn);
    }
  },
};
