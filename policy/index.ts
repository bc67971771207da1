/**
 * The CrossGuard pack: `pulumi preview --policy-pack policy`. One rule per file under rules/;
 * this file only assembles them.
 */
import { PolicyPack } from "@pulumi/policy";

import { ec2SubnetNoPublicIpOnLaunch } from "./rules/ec2/ec2-subnet-no-public-ip-on-launch";

export const policies = [ec2SubnetNoPublicIpOnLaunch];

new PolicyPack("datafold-aws", { policies });
