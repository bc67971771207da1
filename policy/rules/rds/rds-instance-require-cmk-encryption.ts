import type { ResourceValidationPolicy } from "@pulumi/policy";

import { RDS_CLUSTER, RDS_INSTANCE, isOneOf } from "../../lib/types";
import { hasUnknown, propsOf, show } from "../../lib/values";

export const rdsInstanceRequireCmkEncryption: ResourceValidationPolicy = {
  name: "rds-instance-require-cmk-encryption",
  description: "RDS storage is encrypted with a customer-managed KMS key, not the default aws/rds key.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, [...RDS_INSTANCE, ...RDS_CLUSTER])) return;
    // A replica or a restore inherits its source's encryption.
    if (propsOf(args).replicateSourceDb !== undefined) return;
    const { storageEncrypted, kmsKeyId } = propsOf(args);
    if (hasUnknown(storageEncrypted) || hasUnknown(kmsKeyId)) return;
    if (storageEncrypted !== true) {
      report(
        `database ${args.name} must have encrypted storage (storageEncrypted: true); it has storageEncrypted: ${show(storageEncrypted ?? "unset")}.`,
      );
    } else if (typeof kmsKeyId !== "string" || kmsKeyId === "" || kmsKeyId.endsWith("alias/aws/rds")) {
      report(
        `database ${args.name} must be encrypted with a customer-managed KMS key (kmsKeyId); it has kmsKeyId: ${show(kmsKeyId ?? "unset")} (the AWS-managed key).`,
      );
    }
  },
};
