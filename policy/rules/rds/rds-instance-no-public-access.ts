import type { ResourceValidationPolicy } from "@pulumi/policy";

import { RDS_INSTANCE, isOneOf } from "../../lib/types";
import { isTrue, propsOf } from "../../lib/values";

export const rdsInstanceNoPublicAccess: ResourceValidationPolicy = {
  name: "rds-instance-no-public-access",
  description: "RDS instances are not publicly accessible.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, [...RDS_INSTANCE, "aws:rds/clusterInstance:ClusterInstance"])) return;
    if (isTrue(propsOf(args).publiclyAccessible))
      report(`database ${args.name} must not be publicly accessible (publiclyAccessible: false); it is true.`);
  },
};
