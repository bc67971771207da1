/** PostgreSQL engine details derived from the configured version. Plain data; no Pulumi import. */

/** The identifier of the final snapshot RDS takes if the instance is ever deleted. */
export function finalSnapshotIdentifier(name: string): string {
  return `${name}-final`;
}

/** The major version: "17" of "17" or "17.4". */
export function majorVersion(engineVersion: string): number {
  return Number(engineVersion.split(".")[0]);
}

/** The parameter group family of the version: postgres17. */
export function parameterGroupFamily(engineVersion: string): string {
  return `postgres${majorVersion(engineVersion)}`;
}

/**
 * Minor upgrades are decided explicitly by the version's form: a major-only version ("17") lets
 * RDS apply minor upgrades in the maintenance window; a pinned minor ("17.4") turns them off, so
 * that RDS never moves the database away from what the stack says.
 */
export function autoMinorVersionUpgrade(engineVersion: string): boolean {
  return !engineVersion.includes(".");
}
