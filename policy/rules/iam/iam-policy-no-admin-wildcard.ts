import type { ResourceValidationPolicy } from "@pulumi/policy";

import { IAM_POLICY_DOCUMENT, IAM_ROLE, isOneOf } from "../../lib/types";
import { asList, isRecord, policyDocument, propsOf, statements, strings } from "../../lib/values";

const ALL = (values: unknown) => strings(values).some((v) => v === "*" || v === "*:*");

/**
 * True for a statement that allows (about) every action on every resource: `*` on `*`, an
 * Allow with NotAction on `*`, or `*` with NotResource.
 */
function isAdministrator(statement: Record<string, unknown>): boolean {
  if (statement.Effect !== "Allow") return false;
  const everyAction = ALL(statement.Action) || statement.NotAction !== undefined;
  const everyResource = ALL(statement.Resource) || statement.NotResource !== undefined;
  return everyAction && everyResource;
}

/**
 * No policy document of the stack allows `*` on `*`. The documented administrator option of the
 * vendor role attaches the AWS-managed AdministratorAccess policy; it is not a document here.
 */
export const iamPolicyNoAdminWildcard: ResourceValidationPolicy = {
  name: "iam-policy-no-admin-wildcard",
  description: "No IAM policy document allows every action (*) on every resource (*).",
  validateResource: (args, report) => {
    const props = propsOf(args);
    const documents: unknown[] = [];
    if (isOneOf(args.type, IAM_POLICY_DOCUMENT)) documents.push(props.policy);
    if (isOneOf(args.type, IAM_ROLE))
      documents.push(
        ...asList(props.inlinePolicies)
          .filter(isRecord)
          .map((p) => p.policy),
      );
    for (const doc of documents) {
      if (statements(policyDocument(doc)).some(isAdministrator)) {
        report(
          `${args.name} allows "*" on "*"; grant the actions it needs, or attach AdministratorAccess where that is the documented choice.`,
        );
      }
    }
  },
};
