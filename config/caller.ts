/**
 * The identity that runs `pulumi up`, against the contract. Plain data; no Pulumi import.
 *
 * EKS gives the identity that creates a cluster a cluster-admin access entry of its own
 * (`bootstrapClusterCreatorAdminPermissions`, on by default: EKS User Guide, "Grant IAM users and
 * roles access to Kubernetes APIs"), and refuses a second access entry for the same principal
 * (CreateAccessEntry: ResourceInUseException). So that identity must not be listed again.
 */

/** The IAM principal ARN an STS caller ARN stands for: assumed-role sessions map to their role. */
export function principalOfCaller(callerArn: string): { account: string; kind: string; name: string } | undefined {
  // arn:<partition>:sts::<account>:assumed-role/<role>/<session>, arn:<partition>:iam::<account>:user/<path/><name>
  const assumed = /^arn:[\w-]+:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  if (assumed) return { account: assumed[1], kind: "role", name: assumed[2] };
  const iam = /^arn:[\w-]+:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(callerArn);
  if (iam) return { account: iam[1], kind: iam[2], name: iam[3] };
  return undefined;
}

/**
 * Problems with `cluster.adminRoleArns` and `cluster.viewerRoleArns` given the caller: a listed
 * principal that is the caller (same account, kind and name; an assumed-role ARN carries no
 * path, so the path is not compared).
 */
export function callerProblems(
  lists: Readonly<Record<"adminRoleArns" | "viewerRoleArns", readonly string[]>>,
  callerArn: string,
): string[] {
  const caller = principalOfCaller(callerArn);
  if (caller === undefined) return [];
  const problems: string[] = [];
  for (const key of ["adminRoleArns", "viewerRoleArns"] as const) {
    const arns = lists[key];
    for (const arn of arns) {
      const listed = principalOfCaller(arn);
      if (
        listed !== undefined &&
        listed.account === caller.account &&
        listed.kind === caller.kind &&
        listed.name === caller.name
      ) {
        problems.push(
          `datafold-aws:cluster.${key}: got "${arn}", the identity running this deployment (${callerArn}); expected ` +
            "principals other than it: EKS gives the identity that creates the cluster an admin access entry of its own " +
            "and refuses a second one. Remove it from the list.",
        );
      }
    }
  }
  return problems;
}
