import type { ResourceValidationPolicy } from "@pulumi/policy";

import { iamDescriptionProblem, iamPolicyNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { IAM_INLINE_POLICY, IAM_POLICY, isOneOf } from "../../lib/types";
import { isKnown, notKnown, peek, propsOf, show, undecided } from "../../lib/values";

/**
 * IAM API Reference: CreatePolicy PolicyName and PutRolePolicy PolicyName, 1 to 128 of [\w+=,.@-];
 * CreatePolicy Description at most 1000 printable characters.
 */
export const iamPolicyValidName: ResourceValidationPolicy = {
  name: "iam-policy-valid-name",
  description: "IAM managed and inline policy names, given or generated, and descriptions are ones IAM accepts.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, [...IAM_POLICY, ...IAM_INLINE_POLICY])) return;
    const pending = reportName(
      report,
      "IAM policy",
      args.name,
      "IAM",
      plannedName(args, "name", "namePrefix"),
      iamPolicyNameProblem,
    );
    const props = propsOf(args);
    const description = peek(props, "description");
    if (!isKnown(props, "description")) pending.push(notKnown(args.name, "description"));
    else if (typeof description === "string") {
      const allowed = iamDescriptionProblem(description);
      if (allowed !== undefined)
        report(`IAM policy ${args.name} has description ${show(description)}, which IAM refuses; expected ${allowed}.`);
    }
    undecided(args, pending);
  },
};
