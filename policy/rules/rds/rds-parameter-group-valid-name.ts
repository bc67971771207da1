import type { ResourceValidationPolicy } from "@pulumi/policy";

import { rdsIdentifierProblem, rdsSubnetGroupNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { RDS_PARAMETER_GROUP, RDS_SUBNET_GROUP, isOneOf } from "../../lib/types";
import { undecided } from "../../lib/values";

/**
 * RDS API Reference: CreateDBParameterGroup DBParameterGroupName (1 to 255, a letter first, no "--",
 * no trailing hyphen) and CreateDBSubnetGroup DBSubnetGroupName (255 letters, digits, . _ space -,
 * not "default"). Pulumi lower-cases their auto-names.
 */
export const rdsParameterGroupValidName: ResourceValidationPolicy = {
  name: "rds-parameter-group-valid-name",
  description: "DB parameter group and DB subnet group names, given or generated, are names RDS accepts.",
  validateResource: (args, report) => {
    // The type decides first: other resources' names (a DNS record's, say) are none of this rule's business.
    const group = isOneOf(args.type, RDS_PARAMETER_GROUP)
      ? { what: "DB parameter group", problem: (n: string) => rdsIdentifierProblem(n, 255) }
      : isOneOf(args.type, RDS_SUBNET_GROUP)
        ? { what: "DB subnet group", problem: rdsSubnetGroupNameProblem }
        : undefined;
    if (group === undefined) return;
    const name = plannedName(args, "name", "namePrefix", { lowercase: true });
    undecided(args, reportName(report, group.what, args.name, "RDS", name, group.problem));
  },
};
