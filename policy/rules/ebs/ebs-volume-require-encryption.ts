import type { ResourceValidationPolicy } from "@pulumi/policy";

import { EBS_VOLUME, EC2_INSTANCE, LAUNCH_TEMPLATE, isOneOf } from "../../lib/types";
import { asList, isRecord, isTrue, propsOf, show } from "../../lib/values";

/** EBS volumes are encrypted however they are declared: volumes, launch template block devices, instance disks. */
export const ebsVolumeRequireEncryption: ResourceValidationPolicy = {
  name: "ebs-volume-require-encryption",
  description: "EBS volumes are encrypted at rest, whether declared as volumes, in launch templates or on instances.",
  validateResource: (args, report) => {
    const props = propsOf(args);
    if (isOneOf(args.type, EBS_VOLUME)) {
      if (!isTrue(props.encrypted))
        report(
          `EBS volume ${args.name} must be encrypted (encrypted: true); it has encrypted: ${show(props.encrypted ?? "unset")}.`,
        );
    } else if (isOneOf(args.type, LAUNCH_TEMPLATE)) {
      for (const mapping of asList(props.blockDeviceMappings).filter(isRecord)) {
        if (isRecord(mapping.ebs) && !isTrue(mapping.ebs.encrypted)) {
          report(
            `launch template ${args.name} must encrypt ${show(mapping.deviceName ?? "its volume")} (ebs.encrypted: "true"); it has ${show(mapping.ebs.encrypted ?? "unset")}.`,
          );
        }
      }
    } else if (isOneOf(args.type, EC2_INSTANCE)) {
      const disks = [props.rootBlockDevice, ...asList(props.ebsBlockDevices)].filter(isRecord);
      for (const disk of disks) {
        if (!isTrue(disk.encrypted))
          report(
            `instance ${args.name} must encrypt ${show(disk.deviceName ?? "its root volume")} (encrypted: true); it has ${show(disk.encrypted ?? "unset")}.`,
          );
      }
    }
  },
};
