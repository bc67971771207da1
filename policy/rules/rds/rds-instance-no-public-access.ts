import type { ResourceValidationPolicy } from "@pulumi/policy";

import { RDS_INSTANCE, isOneOf } from "../../lib/types";
import { isKnown, isTrue, notKnown, propsOf, undecided } from "../../lib/values";

export const rdsInstanceNoPublicAccess: ResourceValidationPolicy = {
  name: "rds-instance-no-public-access",
  description: "RDS instances are not publicly accessible.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, [...RDS_INSTANCE, "aws:rds/clusterInstance:ClusterInstance"])) return;
    const props = propsOf(args);
    if (!isKnown(props, "publiclyAccessible")) return undecided(args, [notKnown(args.name, "publiclyAccessible")]);
    if (isTrue(props.publiclyAccessible))
      report(`database ${args.name} must not be publicly accessible (publiclyAccessible: false); it is true.`);
  },
};
