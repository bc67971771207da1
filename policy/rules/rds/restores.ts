/**
 * Databases that take their storage (and its encryption) from another database or a snapshot.
 * Presence decides, not the value (which may be the ARN of a database not created yet), so these
 * read nothing through CrossGuard's unknown check.
 */
import { peek } from "../../lib/values";

const present = (props: Record<string, unknown>, key: string) => {
  const value = peek(props, key);
  return value !== undefined && value !== null;
};

/** Databases restored or replicated from another source. */
export function isCopy(props: Record<string, unknown>): boolean {
  return [
    "replicateSourceDb",
    "replicationSourceIdentifier",
    "snapshotIdentifier",
    "restoreToPointInTime",
    "s3Import",
  ].some((k) => present(props, k));
}

/** Read replicas (which keep no backups of their own). */
export function isReplica(props: Record<string, unknown>): boolean {
  return ["replicateSourceDb", "replicationSourceIdentifier"].some((k) => present(props, k));
}
