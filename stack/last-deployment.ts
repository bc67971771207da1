/**
 * The stored-data guard, wired: the stack reads its own last deployment's `statefulSettings`
 * through a stack reference to itself and refuses a replacing change before the stateful
 * resources are declared with it.
 */
import * as pulumi from "@pulumi/pulumi";

import { statefulChangeError, statefulChangeProblems, type StatefulSettings } from "./guard";

/**
 * Compares `current` with the last deployment's and returns `guarded`: a value passed through it
 * resolves only once the comparison passed, and fails the deployment (with every problem) when it
 * did not. Stateful resources take their identity-deciding inputs through it.
 */
export function guardStoredData(
  name: string,
  current: pulumi.Output<StatefulSettings>,
): <T>(value: pulumi.Input<T>) => pulumi.Output<T> {
  const self = new pulumi.StackReference(`${name}-last-deployment`, {
    name: `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`,
  });
  const passed = pulumi.all([self.getOutput("statefulSettings"), current]).apply(([previous, now]) => {
    const problems = statefulChangeProblems(previous, now);
    if (problems.length > 0) throw statefulChangeError(problems);
    return true;
  });
  return <T>(value: pulumi.Input<T>) => pulumi.all([value, passed]).apply(([v]) => v as T);
}
