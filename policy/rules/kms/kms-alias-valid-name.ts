import type { ResourceValidationPolicy } from "@pulumi/policy";

import { kmsAliasProblem } from "../../lib/aws-limits";
import { KMS_ALIAS, isOneOf } from "../../lib/types";
import { isKnown, notKnown, peek, propsOf, show, undecided } from "../../lib/values";

/** KMS API Reference, CreateAlias AliasName: alias/ and [a-zA-Z0-9/_-], at most 256, not alias/aws/. */
export const kmsAliasValidName: ResourceValidationPolicy = {
  name: "kms-alias-valid-name",
  description: "KMS alias names are ones KMS accepts, outside the alias/aws/ prefix AWS reserves.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, KMS_ALIAS)) return;
    const props = propsOf(args);
    // The name decides first; a prefix counts only without one.
    for (const field of ["name", "namePrefix"]) {
      if (!isKnown(props, field)) return undecided(args, [notKnown(args.name, field)]);
      const value = peek(props, field);
      if (typeof value !== "string") continue;
      // A prefix gets a 26-character unique suffix from the provider.
      const allowed = kmsAliasProblem(field === "name" ? value : `${value}${"0".repeat(26)}`);
      if (allowed !== undefined)
        report(`KMS alias ${args.name} has ${field} ${show(value)}, which KMS refuses; expected ${allowed}.`);
      return;
    }
  },
};
