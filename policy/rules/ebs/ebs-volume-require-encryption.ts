import type { ResourceValidationPolicy } from "@pulumi/policy";

import { EBS_VOLUME, EC2_INSTANCE, LAUNCH_TEMPLATE, isOneOf } from "../../lib/types";
import {
  asList,
  isKnown,
  isRecord,
  isTrue,
  notKnown,
  type Pending,
  peek,
  propsOf,
  show,
  undecided,
} from "../../lib/values";

/** EBS volumes are encrypted however they are declared: volumes, launch template block devices, instance disks. */
export const ebsVolumeRequireEncryption: ResourceValidationPolicy = {
  name: "ebs-volume-require-encryption",
  description: "EBS volumes are encrypted at rest, whether declared as volumes, in launch templates or on instances.",
  validateResource: (args, report) => {
    const props = propsOf(args);
    const pending: Pending[] = [];
    /** Checks one disk's `encrypted` (raw values: a disk's other settings may not be known yet). */
    const check = (disk: Record<string, unknown>, path: string, message: (has: string) => string) => {
      if (!isKnown(disk, "encrypted")) return void pending.push(notKnown(args.name, `${path}encrypted`));
      if (!isTrue(disk.encrypted)) report(message(show(disk.encrypted ?? "unset")));
    };
    const deviceName = (disk: Record<string, unknown>, otherwise: string) =>
      show(isKnown(disk, "deviceName") && typeof disk.deviceName === "string" ? disk.deviceName : otherwise);
    if (isOneOf(args.type, EBS_VOLUME)) {
      check(
        peek(props) as Record<string, unknown>,
        "",
        (has) => `EBS volume ${args.name} must be encrypted (encrypted: true); it has encrypted: ${has}.`,
      );
    } else if (isOneOf(args.type, LAUNCH_TEMPLATE)) {
      asList(peek(props, "blockDeviceMappings")).forEach((mapping, i) => {
        if (isRecord(mapping) && isRecord(mapping.ebs))
          check(
            mapping.ebs,
            `blockDeviceMappings[${i}].ebs.`,
            (has) =>
              `launch template ${args.name} must encrypt ${deviceName(mapping, "its volume")} (ebs.encrypted: "true"); it has ${has}.`,
          );
      });
    } else if (isOneOf(args.type, EC2_INSTANCE)) {
      const disks: [unknown, string][] = [
        [peek(props, "rootBlockDevice"), "rootBlockDevice"],
        ...asList(peek(props, "ebsBlockDevices")).map((d, i): [unknown, string] => [d, `ebsBlockDevices[${i}]`]),
      ];
      for (const [disk, path] of disks) {
        if (isRecord(disk))
          check(
            disk,
            `${path}.`,
            (has) =>
              `instance ${args.name} must encrypt ${deviceName(disk, "its root volume")} (encrypted: true); it has ${has}.`,
          );
      }
    }
    undecided(args, pending);
  },
};
