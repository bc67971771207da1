import type { ResourceValidationPolicy } from "@pulumi/policy";

import { iamDescriptionProblem, iamRoleNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { IAM_ROLE, isOneOf } from "../../lib/types";
import { isKnown, notKnown, peek, propsOf, show, undecided } from "../../lib/values";

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
    const props = propsOf(args);
    const description = peek(props, "description");
    if (!isKnown(props, "description")) pending.push(notKnown(args.name, "description"));
    else if (typeof description === "string") {
      const allowed = iamDescriptionProblem(description);
      if (allowed !== undefined)
        report(`IAM role ${args.name} has description ${show(description)}, which IAM refuses; expected ${allowed}.`);
    }
    undecided(args, pending);
  },
};
