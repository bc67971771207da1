/** The Database component's arguments, their defaults, and the one place the defaults are resolved. */
import type * as pulumi from "@pulumi/pulumi";

export interface DatabaseArgs {
  /** The VPC the database's security group belongs to. */
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets for the DB subnet group, in at least two AZs. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** The one security group allowed to reach PostgreSQL: the cluster nodes'. */
  readonly clientSecurityGroupId: pulumi.Input<string>;
  /** RDS instance class. @default "db.t4g.medium" */
  readonly instanceClass?: string;
  /** PostgreSQL version: a major ("17", minor upgrades automatic) or major.minor ("17.4", pinned). @default "17" */
  readonly engineVersion?: string;
  /** Storage at creation, in GiB (gp3). @default 20 */
  readonly allocatedStorageGb?: number;
  /** Storage autoscaling ceiling, in GiB. @default 100 */
  readonly maxAllocatedStorageGb?: number;
  /** A standby in a second AZ. @default false */
  readonly multiAz?: boolean;
  /** Days automated backups are kept. @default 14 */
  readonly backupRetentionDays?: number;
  /** RDS deletion protection. @default true */
  readonly deletionProtection?: boolean;
  /** Performance Insights, 7 days, encrypted with the database's key. @default true */
  readonly performanceInsights?: boolean;
  /**
   * Apply this run's modifications now instead of in the maintenance window (RDS ApplyImmediately).
   * A major engine upgrade needs it: the new parameter group's family must match the engine in the
   * same modification, and the old group cannot be deleted while the instance still uses it. The
   * stack sets it for a run that changes the database's settings (stack/guard.ts). @default false
   */
  readonly applyImmediately?: boolean;
  /** Tags for every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What the stack's config decides about the database (the contract's `database` section), resolved. */
export type DatabaseSettings = Required<
  Omit<DatabaseArgs, "vpcId" | "subnetIds" | "clientSecurityGroupId" | "tags" | "applyImmediately">
>;

/** The defaults of DatabaseSettings (../shared/CONFIG.md). */
export const DATABASE_DEFAULTS: DatabaseSettings = {
  instanceClass: "db.t4g.medium",
  engineVersion: "17",
  allocatedStorageGb: 20,
  maxAllocatedStorageGb: 100,
  multiAz: false,
  backupRetentionDays: 14,
  deletionProtection: true,
  performanceInsights: true,
};

export type ResolvedDatabaseArgs = DatabaseSettings &
  Pick<DatabaseArgs, "vpcId" | "subnetIds" | "clientSecurityGroupId"> & {
    readonly applyImmediately: boolean;
    readonly tags: Readonly<Record<string, string>>;
  };

/** Resolves every default of DatabaseArgs once. Pure. */
export function withDefaults(args: DatabaseArgs): ResolvedDatabaseArgs {
  const d = DATABASE_DEFAULTS;
  return {
    vpcId: args.vpcId,
    subnetIds: args.subnetIds,
    clientSecurityGroupId: args.clientSecurityGroupId,
    instanceClass: args.instanceClass ?? d.instanceClass,
    engineVersion: args.engineVersion ?? d.engineVersion,
    allocatedStorageGb: args.allocatedStorageGb ?? d.allocatedStorageGb,
    maxAllocatedStorageGb: args.maxAllocatedStorageGb ?? d.maxAllocatedStorageGb,
    multiAz: args.multiAz ?? d.multiAz,
    backupRetentionDays: args.backupRetentionDays ?? d.backupRetentionDays,
    deletionProtection: args.deletionProtection ?? d.deletionProtection,
    performanceInsights: args.performanceInsights ?? d.performanceInsights,
    applyImmediately: args.applyImmediately ?? false,
    tags: args.tags ?? {},
  };
}
