/**
 * Checks that need the account's answers (lookups, which also run during `pulumi preview`), made
 * before any resource is declared: a stack that fails them declares nothing.
 */
import * as aws from "@pulumi/aws";

import { callerProblems } from "../config/caller";
import type { Settings } from "../config/settings";
import { ConfigError } from "../config/validator";

/** Throws ConfigError with every problem found; resolves when there is none. */
export async function preflight(settings: Settings): Promise<void> {
  const caller = await aws.getCallerIdentity({});
  const problems = callerProblems(settings.cluster, caller.arn);
  if (problems.length > 0) throw new ConfigError(problems);
}
