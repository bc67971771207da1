import type { ResourceValidationPolicy } from "@pulumi/policy";

import { KMS_KEY, isOneOf } from "../../lib/types";
import { isTrue, propsOf, show } from "../../lib/values";

export const kmsKeyRequireRotation: ResourceValidationPolicy = {
  name: "kms-key-require-rotation",
  description: "Symmetric KMS keys rotate their key material automatically.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, KMS_KEY)) return;
    const props = propsOf(args);
    const spec = props.customerMasterKeySpec ?? props.keySpec;
    // Only symmetric encryption keys can rotate automatically.
    if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT") return;
    if (!isTrue(props.enableKeyRotation))
      report(
        `KMS key ${args.name} must rotate (enableKeyRotation: true); it has ${show(props.enableKeyRotation ?? "unset")}.`,
      );
  },
};
