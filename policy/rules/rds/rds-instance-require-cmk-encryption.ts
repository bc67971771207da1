import type { ResourceValidationPolicy } from "@pulumi/policy";

import { RDS_CLUSTER, RDS_INSTANCE, isOneOf } from "../../lib/types";
import { isTrue, propsOf, show } from "../../lib/values";
import { isCopy } from "./restores";

export const rdsInstanceRequireCmkEncryption: ResourceValidationPolicy = {
  name: "rds-instance-require-cmk-encryption",
  description: "RDS storage is encrypted with a customer-managed KMS key, not the default aws/rds key.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, [...RDS_INSTANCE, ...RDS_CLUSTER])) return;
    const props = propsOf(args);
    // Replicas and restores take their encryption from their source.
    if (isCopy(props)) return;
    const { storageEncrypted, kmsKeyId } = props;
    if (!isTrue(storageEncrypted)) {
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
