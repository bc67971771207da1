/** The contract's `database` section: the Database component's settings. */
import { DATABASE_DEFAULTS, type DatabaseSettings } from "../components/database/args";
import { isEc2InstanceType, RDS_POSTGRES_VERSIONS } from "./aws-data";
import { type Check, type Raw } from "./check";
import { DB_INSTANCE_CLASS, PG_VERSION } from "./formats";

/** Why a PostgreSQL version is refused (undefined: RDS offers it), from the table in aws-data.ts. */
export function engineVersionProblem(version: string): string | undefined {
  const majors = Object.keys(RDS_POSTGRES_VERSIONS);
  const allowed = `a PostgreSQL version RDS offers: a major version (${majors.join(", ")}) or major.minor (17.9)`;
  const m = PG_VERSION.exec(version);
  if (m === null) return allowed;
  const facts = RDS_POSTGRES_VERSIONS[m[1]];
  if (facts === undefined) return allowed;
  if (m[2] === undefined) return undefined;
  const minor = Number(m[2]);
  const offered = Array.from({ length: facts.latest - facts.first + 1 }, (_, i) => facts.first + i).filter(
    (x) => !facts.withdrawn.includes(x),
  );
  if (String(minor) === m[2] && offered.includes(minor)) return undefined;
  return `${allowed}; for ${m[1]}: ${offered.map((x) => `${m[1]}.${x}`).join(", ")}${
    facts.withdrawn.includes(minor) ? ` (RDS no longer creates ${version} instances)` : ""
  }, or "${m[1]}" for the latest`;
}

export function readDatabase(c: Check, s: Raw): DatabaseSettings {
  const d = DATABASE_DEFAULTS;
  const p = "database";
  const instanceClass = c.string(
    s,
    p,
    "instanceClass",
    d.instanceClass,
    "an RDS instance class such as db.t4g.medium: db. and an EC2 instance type (config/aws-data.ts lists them)",
    (x) => DB_INSTANCE_CLASS.test(x) && isEc2InstanceType(x.slice("db.".length)),
  );
  const versionBefore = c.problems.length;
  // `pulumi config set --path` stores 17 as a number: a whole number is a major version, unambiguous.
  const engineVersion = c.string(
    s,
    p,
    "engineVersion",
    d.engineVersion,
    'a PostgreSQL version RDS offers, major ("17") or major.minor ("17.9")',
    (x) => PG_VERSION.test(x),
    (n) => (Number.isInteger(n) ? String(n) : undefined),
  );
  if (c.problems.length === versionBefore) {
    const problem = engineVersionProblem(engineVersion);
    if (problem !== undefined) c.fail(`${p}.engineVersion`, engineVersion, problem);
  }
  const allocatedStorageGb = c.int(s, p, "allocatedStorageGb", d.allocatedStorageGb, 20, 65536);
  const maxAllocatedStorageGb = c.int(s, p, "maxAllocatedStorageGb", d.maxAllocatedStorageGb, 20, 65536);
  // RDS User Guide, "Managing capacity automatically with Amazon RDS storage autoscaling": the
  // maximum storage threshold must be at least 10% more than the allocated storage ("Invalid max
  // storage size" otherwise). In whole GiB, without floating point: max * 10 >= allocated * 11.
  if (maxAllocatedStorageGb * 10 < allocatedStorageGb * 11) {
    c.fail(
      `${p}.maxAllocatedStorageGb`,
      maxAllocatedStorageGb,
      `at least 10% more than database.allocatedStorageGb (${allocatedStorageGb}): ${Math.ceil((allocatedStorageGb * 11) / 10)} or more (RDS refuses a smaller storage autoscaling threshold)`,
    );
  }
  const multiAz = c.bool(s, p, "multiAz", d.multiAz);
  const backupRetentionDays = c.int(s, p, "backupRetentionDays", d.backupRetentionDays, 1, 35);
  const deletionProtection = c.bool(s, p, "deletionProtection", d.deletionProtection);
  // On any instance class: RDS for PostgreSQL restricts Performance Insights to no class
  // (awsdocs/amazon-rds-user-guide doc_source/USER_PerfInsights.Overview.Engines.md, commit
  // 07f207aaf599, read 2026-12-05: "Amazon RDS DB engine, Region, and instance class support for
  // Performance Insights" lists the class restrictions of RDS for PostgreSQL as "N/A"; only MariaDB
  // and MySQL leave out db.t2/db.t3/db.t4g micro and small). So there is no class to refuse it on.
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
