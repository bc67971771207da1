import type { ResourceValidationPolicy } from "@pulumi/policy";

import { IAM_ROLE, isOneOf } from "../../lib/types";
import {
  isKnown,
  isRecord,
  notKnown,
  policyDocument,
  propsOf,
  show,
  statements,
  strings,
  undecided,
} from "../../lib/values";

const SUBJECT = /^system:serviceaccount:[a-z0-9]([a-z0-9.-]*[a-z0-9])?:[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/** True for a trust statement that lets identities in through an OIDC provider (whatever the action says). */
function isIrsa(statement: Record<string, unknown>): boolean {
  const principal = isRecord(statement.Principal) ? statement.Principal : {};
  return statement.Effect === "Allow" && strings(principal.Federated).some((f) => f.includes(":oidc-provider/"));
}

/** Everything wrong with one IRSA trust statement. */
export function irsaProblems(statement: Record<string, unknown>): string[] {
  const condition = isRecord(statement.Condition) ? statement.Condition : {};
  const problems: string[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (operator !== "StringEquals" && isRecord(block) && Object.keys(block).some((k) => k.endsWith(":sub"))) {
      problems.push(`matches sub with ${operator}; use StringEquals with exact service accounts`);
    }
  }
  const equals = isRecord(condition.StringEquals) ? condition.StringEquals : {};
  const subKey = Object.keys(equals).find((k) => k.endsWith(":sub"));
  const audKey = Object.keys(equals).find((k) => k.endsWith(":aud"));
  const subjects = subKey === undefined ? [] : strings(equals[subKey]);
  if (subjects.length === 0) problems.push("names no service account (StringEquals <issuer>:sub)");
  const loose = subjects.filter((s) => !SUBJECT.test(s));
  if (loose.length > 0) problems.push(`has subjects that are not exact service accounts: ${show(loose)}`);
  if (audKey === undefined || show(strings(equals[audKey])) !== show(["sts.amazonaws.com"])) {
    problems.push(
      `must pin the audience (StringEquals <issuer>:aud = sts.amazonaws.com); it has ${show(audKey === undefined ? "none" : equals[audKey])}`,
    );
  }
  return problems;
}

export const iamRoleIrsaTrustPinned: ResourceValidationPolicy = {
  name: "iam-role-irsa-trust-pinned",
  description:
    "IRSA roles trust exact, named service accounts (StringEquals on sub, no wildcards) and the STS audience.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, IAM_ROLE)) return;
    // An IRSA trust names the cluster's OIDC provider, which a first preview does not know yet.
    if (!isKnown(propsOf(args), "assumeRolePolicy")) return undecided(args, [notKnown(args.name, "assumeRolePolicy")]);
    for (const statement of statements(policyDocument(propsOf(args).assumeRolePolicy)).filter(isIrsa)) {
      const problems = irsaProblems(statement);
      if (problems.length > 0) report(`IRSA role ${args.name}'s trust ${problems.join("; ")}.`);
    }
  },
};
