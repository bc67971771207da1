import type { ResourceValidationPolicy } from "@pulumi/policy";

import { KMS_KEY, isOneOf } from "../../lib/types";
import { isKnown, isTrue, notKnown, propsOf, show, undecided } from "../../lib/values";

export const kmsKeyRequireRotation: ResourceValidationPolicy = {
  name: "kms-key-require-rotation",
  description: "Symmetric KMS keys rotate their key material automatically.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, KMS_KEY)) return;
    const props = propsOf(args);
    const unknown = ["customerMasterKeySpec", "keySpec", "enableKeyRotation"].filter((k) => !isKnown(props, k));
    if (unknown.length > 0) return undecided(args, [notKnown(args.name, unknown.join(", "))]);
    const spec = props.customerMasterKeySpec ?? props.keySpec;
    // Only symmetric encryption keys can rotate automatically.
    if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT") return;
    if (!isTrue(props.enableKeyRotation))
      report(
        `KMS key ${args.name} must rotate (enableKeyRotation: true); it has ${show(props.enableKeyRotation ?? "unset")}.`,
      );
  },
};
