import type { ResourceValidationPolicy } from "@pulumi/policy";

import { IAM_POLICY_DOCUMENT, IAM_ROLE, isOneOf } from "../../lib/types";
import { asList, isRecord, policyDocument, propsOf, statements, strings } from "../../lib/values";

/** True for a statement that allows every action on every resource. */
function isAdministrator(statement: Record<string, unknown>): boolean {
  return (
    statement.Effect === "Allow" &&
    strings(statement.Action).some((a) => a === "*" || a === "*:*") &&
    strings(statement.Resource).includes("*")
  );
}

/**
 * No policy document of the stack allows `*` on `*`. The documented administrator option of the
 * vendor role attaches the AWS-managed AdministratorAccess policy; it is not a document here.
 */
export const iamPolicyNoAdminWildcard: ResourceValidationPolicy = {
  name: "iam-policy-no-admin-wildcard",
  description: "No IAM policy document allows every action (*) on every resource (*).",
  validateResource: (args, report) => {
    const documents: unknown[] = [];
    if (isOneOf(args.type, IAM_POLICY_DOCUMENT)) documents.push(propsOf(args).policy);
    if (isOneOf(args.type, IAM_ROLE))
      documents.push(
        ...asList(propsOf(args).inlinePolicies)
          .filter(isRecord)
          .map((p) => p.policy),
      );
    for (const doc of documents) {
      if (statements(policyDocument(doc)).some(isAdministrator))
        report(
          `${args.name} allows "*" on "*"; grant the actions it needs, or attach AdministratorAccess where that is the documented choice.`,
        );
    }
  },
};
