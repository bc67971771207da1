/**
 * The guard against config changes that would replace or shrink stateful resources. The stack
 * exports the settings that decide the identity of its data (`statefulSettings`); the next run
 * reads them back from its own last deployment and refuses, with an explanation, any change that
 * AWS could only carry out by deleting data. Plain data in, problems out; no Pulumi import.
 */

import { majorVersion } from "../components/database/engine";
import { isRecord } from "../config/values";
import type { Settings } from "../config/settings";

export interface StatefulSettings {
  /** The AZ id the EBS volumes live in. */
  readonly primaryAvailabilityZoneId: string;
  /** The config key that decides the primary AZ, for the message. */
  readonly primaryAvailabilityZoneKey: string;
  /** The customer KMS key of the volumes and bucket; "" for the AWS-managed keys. */
  readonly storageKmsKeyArn: string;
  readonly volumeSizesGb: Readonly<Record<"clickhouseData" | "clickhouseLogs" | "redisData", number>>;
  readonly databaseEngineMajor: number;
}

/** Problems with moving from `previous` (the last deployment's output, if any) to `current`. */
export function statefulChangeProblems(previous: unknown, current: StatefulSettings): string[] {
  if (!isRecord(previous)) return []; // first deployment, or one from before this guard
  const problems: string[] = [];
  const k = "datafold-aws:";
  const prevAz = previous.primaryAvailabilityZoneId;
  if (typeof prevAz === "string" && prevAz !== current.primaryAvailabilityZoneId) {
    problems.push(
      `${k}${current.primaryAvailabilityZoneKey}: the primary AZ would move from ${prevAz} to ${current.primaryAvailabilityZoneId}. ` +
        `The ClickHouse and Redis volumes live in ${prevAz} and an EBS volume cannot move: AWS would delete them and create empty ones. ` +
        `Keep ${prevAz} first; to move on purpose, snapshot the volumes, restore them in the new AZ and follow README "Moving the primary AZ".`,
    );
  }
  const prevKey = previous.storageKmsKeyArn;
  if (typeof prevKey === "string" && prevKey !== current.storageKmsKeyArn) {
    const name = (arn: string) => (arn === "" ? "the AWS-managed key" : arn);
    problems.push(
      `${k}storage.kmsKeyArn: the volumes are encrypted with ${name(prevKey)}; switching to ${name(current.storageKmsKeyArn)} would replace all three volumes with empty ones. ` +
        `Keep the key; to re-encrypt, copy snapshots with the new key and restore them.`,
    );
  }
  const prevSizes = isRecord(previous.volumeSizesGb) ? previous.volumeSizesGb : {};
  for (const [volume, size] of Object.entries(current.volumeSizesGb)) {
    const before = prevSizes[volume];
    if (typeof before === "number" && size < before) {
      problems.push(
        `${k}storage.${volume}.sizeGb: ${before} -> ${size}: an EBS volume can grow but never shrink; keep ${before} or more.`,
      );
    }
  }
  const prevMajor = previous.databaseEngineMajor;
  if (typeof prevMajor === "number" && current.databaseEngineMajor < prevMajor) {
    problems.push(
      `${k}database.engineVersion: PostgreSQL ${prevMajor} -> ${current.databaseEngineMajor}: RDS cannot downgrade a database; keep ${prevMajor} or later.`,
    );
  }
  return problems;
}

/** The error the guard raises: every problem, one per line. */
export function statefulChangeError(problems: readonly string[]): Error {
  return new Error(
    `Refusing a config change that would replace or shrink stored data (nothing was changed):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
  );
}

/** The settings that decide the identity of the stack's stored data, once the primary AZ is known. */
export function statefulSettings(settings: Settings, primaryAvailabilityZoneId: string): StatefulSettings {
  const s = settings.storage;
  return {
    primaryAvailabilityZoneId,
    primaryAvailabilityZoneKey:
      settings.network.vpcId === "" ? "network.availabilityZoneIds" : "network.privateSubnetIds",
    storageKmsKeyArn: s.kmsKeyArn,
    volumeSizesGb: {
      clickhouseData: s.clickhouseData.sizeGb,
      clickhouseLogs: s.clickhouseLogs.sizeGb,
      redisData: s.redisData.sizeGb,
    },
    databaseEngineMajor: majorVersion(settings.database.engineVersion),
  };
}
