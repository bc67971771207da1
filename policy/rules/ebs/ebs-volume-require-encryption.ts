import type { ResourceValidationPolicy } from "@pulumi/policy";

import { EBS_VOLUME, isOneOf } from "../../lib/types";
import { hasUnknown, propsOf, show } from "../../lib/values";

export const ebsVolumeRequireEncryption: ResourceValidationPolicy = {
  name: "ebs-volume-require-encryption",
  description: "EBS volumes are encrypted at rest.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, EBS_VOLUME) || hasUnknown(propsOf(args).encrypted)) return;
    if (propsOf(args).encrypted !== true)
      report(
        `EBS volume ${args.name} must be encrypted (encrypted: true); it has encrypted: ${show(propsOf(args).encrypted ?? "unset")}.`,
      );
  },
};
