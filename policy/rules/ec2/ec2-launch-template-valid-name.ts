import type { ResourceValidationPolicy } from "@pulumi/policy";

import { launchTemplateDescriptionProblem, launchTemplateNameProblem } from "../../lib/aws-limits";
import { plannedName, reportDescription, reportName } from "../../lib/resource-names";
import { LAUNCH_TEMPLATE, isOneOf } from "../../lib/types";
import { propsOf, undecided } from "../../lib/values";

/** EC2 API Reference, CreateLaunchTemplate: LaunchTemplateName 3 to 128 of [a-zA-Z0-9().-/_], VersionDescription at most 255. */
export const ec2LaunchTemplateValidName: ResourceValidationPolicy = {
  name: "ec2-launch-template-valid-name",
  description: "Launch template names and descriptions are ones EC2 accepts.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, LAUNCH_TEMPLATE)) return;
    const pending = reportName(
      report,
      "launch template",
      args.name,
      "EC2",
      plannedName(args, "name", "namePrefix"),
      launchTemplateNameProblem,
    );
    pending.push(
      ...reportDescription(
        report,
        "launch template",
        args.name,
        "EC2",
        propsOf(args),
        launchTemplateDescriptionProblem,
      ),
    );
    undecided(args, pending);
  },
};
