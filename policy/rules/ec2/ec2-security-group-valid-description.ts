import type { ResourceValidationPolicy } from "@pulumi/policy";

import { securityGroupDescriptionProblem } from "../../lib/aws-limits";
import { SECURITY_GROUP, SG_EGRESS_RULE, SG_INGRESS_RULE, SG_RULE, isOneOf } from "../../lib/types";
import { asList, isRecord, propsOf, show } from "../../lib/values";

/**
 * EC2 refuses a security group or rule description with characters outside its set (EC2 API
 * Reference, CreateSecurityGroup and IpRange: a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$*, at most
 * 255); the provider checks only the length, so `pulumi preview` passes and `pulumi up` stops.
 */
export const ec2SecurityGroupValidDescription: ResourceValidationPolicy = {
  name: "ec2-security-group-valid-description",
  description: "Security group and security group rule descriptions use only the characters and length EC2 accepts.",
  validateResource: (args, report) => {
    const props = propsOf(args);
    const descriptions: [string, unknown][] = [];
    let what = "security group rule";
    if (isOneOf(args.type, SECURITY_GROUP)) {
      what = "security group";
      descriptions.push(["description", props.description]);
      for (const direction of ["ingress", "egress"]) {
        asList(props[direction]).forEach((rule, i) => {
          if (isRecord(rule)) descriptions.push([`${direction}[${i}].description`, rule.description]);
        });
      }
    } else if (isOneOf(args.type, [...SG_INGRESS_RULE, ...SG_EGRESS_RULE, ...SG_RULE])) {
      descriptions.push(["description", props.description]);
    } else return;
    for (const [field, text] of descriptions) {
      if (typeof text !== "string") continue;
      const allowed = securityGroupDescriptionProblem(text);
      if (allowed !== undefined)
        report(`${what} ${args.name} has ${field} ${show(text)}, which EC2 refuses; expected ${allowed}.`);
    }
  },
};
