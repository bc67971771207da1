import type { ResourceValidationPolicy } from "@pulumi/policy";

import { targetGroupNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { TARGET_GROUP, isOneOf } from "../../lib/types";
import { undecided } from "../../lib/values";

/** ELB API Reference (2015-12-01), CreateTargetGroup Name: 32 letters, digits and hyphens, no hyphen at either end. */
export const elbTargetGroupValidName: ResourceValidationPolicy = {
  name: "elb-target-group-valid-name",
  description: "Target group names, given or generated, are names Elastic Load Balancing accepts.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, TARGET_GROUP)) return;
    const pending = reportName(
      report,
      "target group",
      args.name,
      "Elastic Load Balancing",
      plannedName(args, "name", "namePrefix"),
      targetGroupNameProblem,
    );
    undecided(args, pending);
  },
};
