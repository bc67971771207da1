import type { ResourceValidationPolicy } from "@pulumi/policy";

import { IAM_POLICY_DOCUMENT, IAM_ROLE, isOneOf } from "../../lib/types";
import {
  asList,
  isKnownValue,
  isRecord,
  notKnown,
  peek,
  policyDocument,
  propsOf,
  statements,
  strings,
  undecided,
} from "../../lib/values";

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
    // Raw values: a document that names a resource of this run is not known during a preview.
    const documents: unknown[] = [];
    if (isOneOf(args.type, IAM_POLICY_DOCUMENT)) documents.push(peek(props, "policy"));
    if (isOneOf(args.type, IAM_ROLE))
      documents.push(
        ...asList(peek(props, "inlinePolicies"))
          .filter(isRecord)
          .map((p) => p.policy),
      );
    const unknown = documents.filter((d) => !isKnownValue(d));
    for (const doc of documents.filter(isKnownValue)) {
      if (statements(policyDocument(doc)).some(isAdministrator)) {
        report(
          `${args.name} allows "*" on "*"; grant the actions it needs, or attach AdministratorAccess where that is the documented choice.`,
        );
      }
    }
    if (unknown.length > 0) undecided(args, [notKnown(args.name, "a policy document")]);
  },
};
