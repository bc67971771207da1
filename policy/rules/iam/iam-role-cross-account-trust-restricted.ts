import type { ResourceValidationPolicy } from "@pulumi/policy";

import { IAM_ROLE, isOneOf } from "../../lib/types";
import {
  isKnown,
  isRecord,
  isTrue,
  notKnown,
  policyDocument,
  propsOf,
  statements,
  strings,
  undecided,
} from "../../lib/values";

/** The account an AWS principal belongs to ("*" for anyone). */
export function principalAccount(principal: string): string {
  if (principal === "*") return "*";
  if (/^\d{12}$/.test(principal)) return principal;
  return /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):/.exec(principal)?.[2] ?? principal;
}

/** The AWS principals of a statement; `"Principal": "*"` is everyone's. */
function awsPrincipals(statement: Record<string, unknown>): string[] {
  if (statement.Principal === "*") return ["*"];
  return isRecord(statement.Principal) ? strings(statement.Principal.AWS) : [];
}

export const iamRoleCrossAccountTrustRestricted: ResourceValidationPolicy = {
  name: "iam-role-cross-account-trust-restricted",
  description:
    "Roles that other AWS accounts may assume trust only the configured accounts (the vendor's), and require MFA.",
  configSchema: {
    properties: {
      trustedAccountIds: { type: "array", items: { type: "string" }, default: ["710753145501"] },
      requireMfa: { type: "boolean", default: true },
    },
  },
  validateResource: (args, report) => {
    if (!isOneOf(args.type, IAM_ROLE)) return;
    if (!isKnown(propsOf(args), "assumeRolePolicy")) return undecided(args, [notKnown(args.name, "assumeRolePolicy")]);
    const { trustedAccountIds, requireMfa } = args.getConfig<{ trustedAccountIds: string[]; requireMfa: boolean }>();
    for (const statement of statements(policyDocument(propsOf(args).assumeRolePolicy))) {
      const principals = awsPrincipals(statement);
      if (statement.Effect !== "Allow" || principals.length === 0) continue;
      const strangers = principals.filter((p) => !trustedAccountIds.includes(principalAccount(p)));
      if (strangers.length > 0)
        report(
          `role ${args.name} trusts ${strangers.join(", ")}; only accounts ${trustedAccountIds.join(", ")} may assume it.`,
        );
      const bool = isRecord(statement.Condition) && isRecord(statement.Condition.Bool) ? statement.Condition.Bool : {};
      if (requireMfa && !isTrue(bool["aws:MultiFactorAuthPresent"])) {
        report(
          `role ${args.name} lets ${principals.join(", ")} assume it without MFA; require Bool aws:MultiFactorAuthPresent = true.`,
        );
      }
    }
  },
};
