import type { ResourceValidationPolicy } from "@pulumi/policy";

import { iamDescriptionProblem, iamRoleNameProblem } from "../../lib/aws-limits";
import { plannedName, reportDescription, reportName } from "../../lib/resource-names";
import { IAM_ROLE, isOneOf } from "../../lib/types";
import { propsOf, undecided } from "../../lib/values";

/** IAM API Reference, CreateRole: RoleName 1 to 64 of [\w+=,.@-]; Description at most 1000 printable characters. */
export const iamRoleValidName: ResourceValidationPolicy = {
  name: "iam-role-valid-name",
  description: "IAM role names, given or generated from the logical name, and descriptions are ones IAM accepts.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, IAM_ROLE)) return;
    const pending = reportName(
      report,
      "IAM role",
      args.name,
      "IAM",
      plannedName(args, "name", "namePrefix"),
      iamRoleNameProblem,
    );
    pending.push(...reportDescription(report, "IAM role", args.name, "IAM", propsOf(args), iamDescriptionProblem));
    undecided(args, pending);
  },
};
