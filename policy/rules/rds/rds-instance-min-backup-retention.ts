import type { ResourceValidationPolicy } from "@pulumi/policy";

import { RDS_CLUSTER, RDS_INSTANCE, isOneOf } from "../../lib/types";
import { isKnown, notKnown, propsOf, show, undecided } from "../../lib/values";
import { isReplica } from "./restores";

export const rdsInstanceMinBackupRetention: ResourceValidationPolicy = {
  name: "rds-instance-min-backup-retention",
  description: "RDS automated backups are kept at least the configured number of days.",
  configSchema: { properties: { minimumRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 14 } } },
  validateResource: (args, report) => {
    if (!isOneOf(args.type, [...RDS_INSTANCE, ...RDS_CLUSTER])) return;
    const props = propsOf(args);
    if (isReplica(props)) return;
    if (!isKnown(props, "backupRetentionPeriod"))
      return undecided(args, [notKnown(args.name, "backupRetentionPeriod")]);
    const { minimumRetentionDays } = args.getConfig<{ minimumRetentionDays: number }>();
    const days = props.backupRetentionPeriod;
    // AWS's default when unset is 1 day (7 on the console): below any sensible minimum.
    const actual = typeof days === "number" ? days : Number(days ?? 1);
    if (!(actual >= minimumRetentionDays)) {
      report(
        `database ${args.name} must keep backups at least ${minimumRetentionDays} days (backupRetentionPeriod); it keeps ${days === undefined ? "the default 1" : show(days)}.`,
      );
    }
  },
};
