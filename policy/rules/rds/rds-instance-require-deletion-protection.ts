import type { ResourceValidationPolicy } from "@pulumi/policy";

import { RDS_CLUSTER, RDS_INSTANCE, isOneOf } from "../../lib/types";
import { isKnown, isTrue, notKnown, propsOf, show, undecided } from "../../lib/values";

export const rdsInstanceRequireDeletionProtection: ResourceValidationPolicy = {
  name: "rds-instance-require-deletion-protection",
  description: "RDS databases have deletion protection on.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, [...RDS_INSTANCE, ...RDS_CLUSTER])) return;
    const props = propsOf(args);
    if (!isKnown(props, "deletionProtection")) return undecided(args, [notKnown(args.name, "deletionProtection")]);
    const value = props.deletionProtection;
    if (!isTrue(value))
      report(
        `database ${args.name} must have deletion protection (deletionProtection: true); it has ${show(value ?? "unset")}.`,
      );
  },
};
