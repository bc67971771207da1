import type { ResourceValidationPolicy } from "@pulumi/policy";

import { iamDescriptionProblem, iamPolicyNameProblem } from "../../lib/aws-limits";
import { plannedName, reportDescription, reportName } from "../../lib/resource-names";
import { IAM_INLINE_POLICY, IAM_POLICY, isOneOf } from "../../lib/types";
import { propsOf, undecided } from "../../lib/values";

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
    pending.push(...reportDescription(report, "IAM policy", args.name, "IAM", propsOf(args), iamDescriptionProblem));
    undecided(args, pending);
  },
};
