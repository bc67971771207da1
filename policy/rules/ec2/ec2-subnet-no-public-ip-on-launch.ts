import type { ResourceValidationPolicy } from "@pulumi/policy";

import { DEFAULT_SUBNET, EC2_INSTANCE, LAUNCH_TEMPLATE, SUBNET, isOneOf } from "../../lib/types";
import { asList, isRecord, isTrue, propsOf } from "../../lib/values";

/** The deployment runs in private subnets; nothing it launches gets a public IP address. */
export const ec2SubnetNoPublicIpOnLaunch: ResourceValidationPolicy = {
  name: "ec2-subnet-no-public-ip-on-launch",
  description: "Subnets, launch templates and instances do not give instances public IP addresses.",
  validateResource: (args, report) => {
    const props = propsOf(args);
    if (isOneOf(args.type, SUBNET)) {
      // Only a literal true is a violation: absent means false.
      if (isTrue(props.mapPublicIpOnLaunch))
        report(`subnet ${args.name} must have mapPublicIpOnLaunch false; it is true`);
    } else if (isOneOf(args.type, DEFAULT_SUBNET)) {
      // A default subnet maps public IPs unless told not to.
      if (props.mapPublicIpOnLaunch !== false && props.mapPublicIpOnLaunch !== "false")
        report(`default subnet ${args.name} must set mapPublicIpOnLaunch false; it maps public IPs by default`);
    } else if (isOneOf(args.type, LAUNCH_TEMPLATE)) {
      if (asList(props.networkInterfaces).some((n) => isRecord(n) && isTrue(n.associatePublicIpAddress))) {
        report(
          `launch template ${args.name} must not associate public IP addresses (networkInterfaces[].associatePublicIpAddress); it does`,
        );
      }
    } else if (isOneOf(args.type, EC2_INSTANCE)) {
      if (isTrue(props.associatePublicIpAddress))
        report(`instance ${args.name} must not have a public IP address (associatePublicIpAddress); it has one`);
    }
  },
};
