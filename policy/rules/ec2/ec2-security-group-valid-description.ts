import type { ResourceValidationPolicy } from "@pulumi/policy";

import { securityGroupDescriptionProblem } from "../../lib/aws-limits";
import { SECURITY_GROUP, SG_EGRESS_RULE, SG_INGRESS_RULE, SG_RULE, isOneOf } from "../../lib/types";
import {
  asList,
  isRecord,
  isUnknownMarker,
  notKnown,
  peek,
  propsOf,
  show,
  undecided,
  type Pending,
} from "../../lib/values";

/**
 * EC2 refuses a security group or rule description with characters outside its set (EC2 API
 * Reference, CreateSecurityGroup and IpRange: a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$*, at most
 * 255); the provider checks only the length, so `pulumi preview` passes and `pulumi up` stops.
 * Each description is checked as soon as it is known; the others wait for `pulumi up`.
 */
export const ec2SecurityGroupValidDescription: ResourceValidationPolicy = {
  name: "ec2-security-group-valid-description",
  description: "Security group and security group rule descriptions use only the characters and length EC2 accepts.",
  validateResource: (args, report) => {
    const props = propsOf(args);
    const descriptions: [string, unknown][] = [];
    const pending: Pending[] = [];
    let what = "security group rule";
    // Raw values: one rule or description not known yet must not hide the others.
    if (isOneOf(args.type, SECURITY_GROUP)) {
      what = "security group";
      descriptions.push(["description", peek(props, "description")]);
      for (const direction of ["ingress", "egress"]) {
        // A list or rule not known yet is set aside as what holds the descriptions.
        const rules = peek(props, direction);
        if (isUnknownMarker(rules)) descriptions.push([direction, rules]);
        else
          asList(rules).forEach((rule, i) => {
            if (isUnknownMarker(rule)) descriptions.push([`${direction}[${i}]`, rule]);
            else if (isRecord(rule)) descriptions.push([`${direction}[${i}].description`, rule.description]);
          });
      }
    } else if (isOneOf(args.type, [...SG_INGRESS_RULE, ...SG_EGRESS_RULE, ...SG_RULE])) {
      descriptions.push(["description", peek(props, "description")]);
    } else return;
    for (const [field, text] of descriptions) {
      if (isUnknownMarker(text)) {
        pending.push(notKnown(args.name, field));
        continue;
      }
      if (typeof text !== "string") continue;
      const allowed = securityGroupDescriptionProblem(text);
      if (allowed !== undefined)
        report(`${what} ${args.name} has ${field} ${show(text)}, which EC2 refuses; expected ${allowed}.`);
    }
    undecided(args, pending);
  },
};
