import type { ResourceValidationPolicy } from "@pulumi/policy";

import { RDS_CLUSTER, RDS_INSTANCE, isOneOf } from "../../lib/types";
import { isKnown, isTrue, notKnown, peek, propsOf, show, undecided } from "../../lib/values";
import { isCopy } from "./restores";

export const rdsInstanceRequireCmkEncryption: ResourceValidationPolicy = {
  name: "rds-instance-require-cmk-encryption",
  description: "RDS storage is encrypted with a customer-managed KMS key, not the default aws/rds key.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, [...RDS_INSTANCE, ...RDS_CLUSTER])) return;
    const props = propsOf(args);
    // Replicas and restores take their encryption from their source.
    if (isCopy(props)) return;
    // Encryption decides first: its key (often a key of the stack, not known during a preview) matters only then.
    if (!isKnown(props, "storageEncrypted")) return undecided(args, [notKnown(args.name, "storageEncrypted")]);
    const storageEncrypted = props.storageEncrypted;
    if (!isTrue(storageEncrypted)) {
      return report(
        `database ${args.name} must have encrypted storage (storageEncrypted: true); it has storageEncrypted: ${show(storageEncrypted ?? "unset")}.`,
      );
    }
    const kmsKeyId = peek(props, "kmsKeyId");
    // Not known yet (the ARN of a key created in this run): `pulumi up` decides, before it creates the database.
    if (!isKnown(props, "kmsKeyId")) return undecided(args, [notKnown(args.name, "kmsKeyId")]);
    if (typeof kmsKeyId !== "string" || kmsKeyId === "" || kmsKeyId.endsWith("alias/aws/rds")) {
      report(
        `database ${args.name} must be encrypted with a customer-managed KMS key (kmsKeyId); it has kmsKeyId: ${show(kmsKeyId ?? "unset")} (the AWS-managed key).`,
      );
    }
  },
};
