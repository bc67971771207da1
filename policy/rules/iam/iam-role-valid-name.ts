import type { ResourceValidationPolicy } from "@pulumi/policy";

import { iamDescriptionProblem, iamRoleNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { IAM_ROLE, isOneOf } from "../../lib/types";
import { propsOf, show } from "../../lib/values";

/** IAM API Reference, CreateRole: RoleName 1 to 64 of [\w+=,.@-]; Description at most 1000 printable characters. */
export const iamRoleValidName: ResourceValidationPolicy = {
  name: "iam-role-valid-name",
  description: "IAM role names, given or generated from the logical name, and descriptions are ones IAM accepts.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, IAM_ROLE)) return;
    reportName(report, "IAM role", args.name, "IAM", plannedName(args, "name", "namePrefix"), iamRoleNameProblem);
    const description = propsOf(args).description;
    if (typeof description === "string") {
      const allowed = iamDescriptionProblem(description);
      if (allowed !== undefined)
        report(`IAM role ${args.name} has description ${show(description)}, which IAM refuses; expected ${allowed}.`);
    }
  },
};
