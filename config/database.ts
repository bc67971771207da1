/** The contract's `database` section: the Database component's settings. */
import { DATABASE_DEFAULTS, type DatabaseSettings } from "../components/database/args";
import { type Check, type Raw } from "./check";
import { DB_INSTANCE_CLASS, PG_VERSION } from "./formats";

export function readDatabase(c: Check, s: Raw): DatabaseSettings {
  const d = DATABASE_DEFAULTS;
  const p = "database";
  const instanceClass = c.string(
    s,
    p,
    "instanceClass",
    d.instanceClass,
    "an RDS instance class such as db.t4g.medium",
    (x) => DB_INSTANCE_CLASS.test(x),
  );
  const engineVersion = c.string(
    s,
    p,
    "engineVersion",
    d.engineVersion,
    'a PostgreSQL version of 13 or later, major ("17") or major.minor ("17.4")',
    (x) => PG_VERSION.test(x),
  );
  const allocatedStorageGb = c.int(s, p, "allocatedStorageGb", d.allocatedStorageGb, 20, 65536);
  const maxAllocatedStorageGb = c.int(s, p, "maxAllocatedStorageGb", d.maxAllocatedStorageGb, 20, 65536);
  if (maxAllocatedStorageGb < allocatedStorageGb) {
    c.fail(
      `${p}.maxAllocatedStorageGb`,
      maxAllocatedStorageGb,
      `at least database.allocatedStorageGb (${allocatedStorageGb})`,
    );
  }
  const multiAz = c.bool(s, p, "multiAz", d.multiAz);
  const backupRetentionDays = c.int(s, p, "backupRetentionDays", d.backupRetentionDays, 1, 35);
  const deletionProtection = c.bool(s, p, "deletionProtection", d.deletionProtection);
  const performanceInsights = c.bool(s, p, "performanceInsights", d.performanceInsights);
  return {
    instanceClass,
    engineVersion,
    allocatedStorageGb,
    maxAllocatedStorageGb,
    multiAz,
    backupRetentionDays,
    deletionProtection,
    performanceInsights,
  };
}
