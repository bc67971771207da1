import type { ResourceValidationPolicy } from "@pulumi/policy";

import { eksClusterNameProblem, nodeGroupNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { EKS_CLUSTER_AWS, EKS_CLUSTER_COMPONENT, EKS_NODE_GROUP, isOneOf } from "../../lib/types";
import { undecided } from "../../lib/values";

/**
 * EKS API Reference: CreateNodegroup nodegroupName (at most 63, a letter or digit first, then
 * letters, digits, - and _) and CreateCluster name (1 to 100, [0-9A-Za-z][A-Za-z0-9-_]*).
 */
export const eksNodeGroupValidName: ResourceValidationPolicy = {
  name: "eks-node-group-valid-name",
  description: "EKS cluster and managed node group names, given or generated, are names EKS accepts.",
  validateResource: (args, report) => {
    if (isOneOf(args.type, EKS_NODE_GROUP))
      undecided(
        args,
        reportName(
          report,
          "node group",
          args.name,
          "EKS",
          plannedName(args, "nodeGroupName", "nodeGroupNamePrefix"),
          nodeGroupNameProblem,
        ),
      );
    else if (isOneOf(args.type, [...EKS_CLUSTER_AWS, ...EKS_CLUSTER_COMPONENT]))
      undecided(
        args,
        reportName(
          report,
          "EKS cluster",
          args.name,
          "EKS",
          plannedName(args, "name", undefined),
          eksClusterNameProblem,
        ),
      );
  },
};
