import type { ResourceValidationPolicy } from "@pulumi/policy";
import { propsOf } from "../../lib/values";

/** The deployment runs in private subnets; a subnet that hands out public IPs exposes what lands in it. */
export const ec2SubnetNoPublicIpOnLaunch: ResourceValidationPolicy = {
  name: "ec2-subnet-no-public-ip-on-launch",
  description: "Subnets do not assign public IP addresses to instances on launch.",
  validateResource: (args, reportViolation) => {
    if (args.type !== "aws:ec2/subnet:Subnet") return;
    // Only a literal true is a violation: absent means false, and an unknown value cannot be judged yet.
    if (propsOf(args).mapPublicIpOnLaunch === true) {
      reportViolation(`subnet ${args.name} must have mapPublicIpOnLaunch false; it is true`);
    }
  },
};
