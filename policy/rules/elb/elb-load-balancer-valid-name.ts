import type { ResourceValidationPolicy } from "@pulumi/policy";

import { loadBalancerNameProblem } from "../../lib/aws-limits";
import { plannedName, reportName } from "../../lib/resource-names";
import { isOneOf } from "../../lib/types";
import { undecided } from "../../lib/values";

/** ELB API Reference (2015-12-01), CreateLoadBalancer Name: 32 letters, digits, hyphens; no internal- prefix. */
export const elbLoadBalancerValidName: ResourceValidationPolicy = {
  name: "elb-load-balancer-valid-name",
  description:
    "Application and network load balancer names, given or generated, are names Elastic Load Balancing accepts.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"])) return;
    const pending = reportName(
      report,
      "load balancer",
      args.name,
      "Elastic Load Balancing",
      plannedName(args, "name", "namePrefix"),
      loadBalancerNameProblem,
    );
    undecided(args, pending);
  },
};
