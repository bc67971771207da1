/** Databases that take their storage (and its encryption) from another database or a snapshot. */
export function isCopy(props: Record<string, unknown>): boolean {
  return [
    "replicateSourceDb",
    "replicationSourceIdentifier",
    "snapshotIdentifier",
    "restoreToPointInTime",
    "s3Import",
  ].some((k) => props[k] !== undefined && props[k] !== null);
}

/** Read replicas (which keep no backups of their own). */
export function isReplica(props: Record<string, unknown>): boolean {
  return ["replicateSourceDb", "replicationSourceIdentifier"].some((k) => props[k] !== undefined && props[k] !== null);
}
