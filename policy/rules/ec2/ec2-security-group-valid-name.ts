import type { ResourceValidationPolicy } from "@pulumi/policy";

import { securityGroupNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { isOneOf } from "../../lib/types";
import { undecided } from "../../lib/values";

/** EC2 API Reference, CreateSecurityGroup GroupName: at most 255 characters of its set, not starting with sg-. */
export const ec2SecurityGroupValidName: ResourceValidationPolicy = {
  name: "ec2-security-group-valid-name",
  description: "Security group names, given or generated from the logical name, are names EC2 accepts.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, ["aws:ec2/securityGroup:SecurityGroup"])) return;
    const pending = reportName(
      report,
      "security group",
      args.name,
      "EC2",
      plannedName(args, "name", "namePrefix"),
      securityGroupNameProblem,
    );
    undecided(args, pending);
  },
};
