import type { ResourceValidationPolicy } from "@pulumi/policy";

import { EC2_INSTANCE, EKS_NODE_GROUP, LAUNCH_TEMPLATE, isOneOf } from "../../lib/types";
import { isKnown, isRecord, isUnknownMarker, notKnown, peek, propsOf, show, undecided } from "../../lib/values";

export const ec2NodesRequireImdsv2: ResourceValidationPolicy = {
  name: "ec2-nodes-require-imdsv2",
  description: "Instances and node groups require IMDSv2 (session tokens) for the instance metadata service.",
  validateResource: (args, report) => {
    const props = propsOf(args);
    if (isOneOf(args.type, [...LAUNCH_TEMPLATE, ...EC2_INSTANCE])) {
      if (!isKnown(props, "metadataOptions", "httpTokens"))
        return undecided(args, [notKnown(args.name, "metadataOptions.httpTokens")]);
      const tokens = peek(props, "metadataOptions", "httpTokens");
      if (tokens !== "required")
        report(
          `${args.name} must require IMDSv2 (metadataOptions.httpTokens: required); it has ${show(tokens ?? "unset (IMDSv1 allowed)")}.`,
        );
    } else if (isOneOf(args.type, EKS_NODE_GROUP)) {
      // A managed node group without a launch template gets the EKS defaults, which do not enforce IMDSv2.
      // Presence decides: the template's id is not known before the template exists.
      const template = peek(props, "launchTemplate");
      if (isUnknownMarker(template)) return undecided(args, [notKnown(args.name, "launchTemplate")]);
      if (!isRecord(template))
        report(`node group ${args.name} must use a launch template that requires IMDSv2; it has none.`);
    }
  },
};
