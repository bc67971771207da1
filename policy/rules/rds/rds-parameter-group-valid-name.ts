import type { ResourceValidationPolicy } from "@pulumi/policy";

import { rdsIdentifierProblem, rdsSubnetGroupNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { RDS_PARAMETER_GROUP, RDS_SUBNET_GROUP, isOneOf } from "../../lib/types";

/**
 * RDS API Reference: CreateDBParameterGroup DBParameterGroupName (1 to 255, a letter first, no "--",
 * no trailing hyphen) and CreateDBSubnetGroup DBSubnetGroupName (255 letters, digits, . _ space -,
 * not "default"). Pulumi lower-cases their auto-names.
 */
export const rdsParameterGroupValidName: ResourceValidationPolicy = {
  name: "rds-parameter-group-valid-name",
  description: "DB parameter group and DB subnet group names, given or generated, are names RDS accepts.",
  validateResource: (args, report) => {
    const name = plannedName(args, "name", "namePrefix", { lowercase: true });
    if (isOneOf(args.type, RDS_PARAMETER_GROUP))
      reportName(report, "DB parameter group", args.name, "RDS", name, (n) => rdsIdentifierProblem(n, 255));
    else if (isOneOf(args.type, RDS_SUBNET_GROUP))
      reportName(report, "DB subnet group", args.name, "RDS", name, rdsSubnetGroupNameProblem);
  },
};
