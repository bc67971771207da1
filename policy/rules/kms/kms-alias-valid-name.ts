import type { ResourceValidationPolicy } from "@pulumi/policy";

import { kmsAliasProblem } from "../../lib/aws-limits";
import { KMS_ALIAS, isOneOf } from "../../lib/types";
import { propsOf, show } from "../../lib/values";

/** KMS API Reference, CreateAlias AliasName: alias/ and [a-zA-Z0-9/_-], at most 256, not alias/aws/. */
export const kmsAliasValidName: ResourceValidationPolicy = {
  name: "kms-alias-valid-name",
  description: "KMS alias names are ones KMS accepts, outside the alias/aws/ prefix AWS reserves.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, KMS_ALIAS)) return;
    const props = propsOf(args);
    const checks: [string, string][] = [];
    if (typeof props.name === "string") checks.push(["name", props.name]);
    // A prefix gets a 26-character unique suffix from the provider.
    else if (typeof props.namePrefix === "string") checks.push(["namePrefix", `${props.namePrefix}${"0".repeat(26)}`]);
    for (const [field, alias] of checks) {
      const allowed = kmsAliasProblem(alias);
      if (allowed !== undefined)
        report(
          `KMS alias ${args.name} has ${field} ${show(field === "name" ? alias : props.namePrefix)}, which KMS refuses; expected ${allowed}.`,
        );
    }
  },
};
