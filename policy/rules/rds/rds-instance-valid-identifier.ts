import type { ResourceValidationPolicy } from "@pulumi/policy";

import { rdsIdentifierProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { RDS_INSTANCE, isOneOf } from "../../lib/types";
import { undecided } from "../../lib/values";

/**
 * RDS API Reference: CreateDBInstance DBInstanceIdentifier (1 to 63, a letter first, no "--", no
 * trailing hyphen) and DeleteDBInstance FinalDBSnapshotIdentifier (the same rules, up to 255).
 */
export const rdsInstanceValidIdentifier: ResourceValidationPolicy = {
  name: "rds-instance-valid-identifier",
  description: "DB instance and final snapshot identifiers, given or generated, are identifiers RDS accepts.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, RDS_INSTANCE)) return;
    // Both are checked, each as far as it is known; what is not known yet is said last.
    const pending = [
      ...reportName(
        report,
        "DB instance",
        args.name,
        "RDS",
        plannedName(args, "identifier", "identifierPrefix", { lowercase: true }),
        (n) => rdsIdentifierProblem(n, 63),
      ),
      ...reportName(
        report,
        "DB instance",
        args.name,
        "RDS",
        plannedName(args, "finalSnapshotIdentifier", undefined, { autoNamed: false }),
        (n) => rdsIdentifierProblem(n, 255),
      ),
    ];
    undecided(args, pending);
  },
};
