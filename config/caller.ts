/**
 * The identity that runs pulumi, against `cluster.adminRoleArns` and `cluster.viewerRoleArns`.
 * Plain data; no Pulumi import.
 *
 * EKS gives the identity that creates a cluster a cluster-admin access entry of its own
 * (`bootstrapClusterCreatorAdminPermissions`, "The default value is true": EKS API reference,
 * CreateAccessConfigRequest; EKS User Guide, "Create an Amazon EKS cluster": "The cluster creator is
 * automatically a Kubernetes administrator"), and refuses a second access entry for the same
 * principal (CreateAccessEntry: ResourceInUseException). That matters only to the run that creates
 * the cluster, and to a later entry for the principal that created it:
 * - listing the caller is what the README asks for the roles that preview (`viewerRoleArns`) and
 *   deploy (`adminRoleArns`) an existing cluster: nothing to say then;
 * - a `pulumi up` that creates the cluster as a listed caller stops at that entry, after the
 *   cluster exists: refused before anything is declared;
 * - a preview creates nothing (and the preview role is usually not the one that creates the
 *   cluster): it only warns what `pulumi up` as this identity would do;
 * - once the cluster exists, a list that names the principal that created it (recorded by the run
 *   that created it, `statefulSettings.clusterCreator`) is warned about, whoever runs pulumi.
 */

/** The IAM principal an STS caller ARN stands for: assumed-role sessions map to their role. */
export function principalOfCaller(callerArn: string): { account: string; kind: string; name: string } | undefined {
  // arn:<partition>:sts::<account>:assumed-role/<role>/<session>, arn:<partition>:iam::<account>:user/<path/><name>
  const assumed = /^arn:[\w-]+:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  if (assumed) return { account: assumed[1], kind: "role", name: assumed[2] };
  const iam = /^arn:[\w-]+:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(callerArn);
  if (iam) return { account: iam[1], kind: iam[2], name: iam[3] };
  return undefined;
}

/**
 * The IAM ARN of the principal behind a caller ARN, without a path (an assumed-role ARN does not
 * carry the role's path), and without the session name (which can name a person); the caller ARN
 * itself when it is no user or role (the account's root user).
 */
export function principalArn(callerArn: string): string {
  const principal = principalOfCaller(callerArn);
  const partition = /^arn:([\w-]+):/.exec(callerArn)?.[1];
  return principal === undefined || partition === undefined
    ? callerArn
    : `arn:${partition}:iam::${principal.account}:${principal.kind}/${principal.name}`;
}

/** Whether two ARNs name the same user or role (same account, kind and name; paths are not compared). */
export function samePrincipal(a: string, b: string): boolean {
  const x = principalOfCaller(a);
  const y = principalOfCaller(b);
  return x !== undefined && y !== undefined && x.account === y.account && x.kind === y.kind && x.name === y.name;
}

/** What the run knows besides the lists and the caller. */
export interface CallerContext {
  /** Whether the stack's cluster exists now (eks:ListClusters): if not, a `pulumi up` creates it. */
  readonly clusterExists: boolean;
  /** Whether this run is a preview (`pulumi preview`), which creates nothing. */
  readonly dryRun: boolean;
  /** The principal that created the cluster, as the last deployment recorded it; "" when unknown. */
  readonly clusterCreator: string;
}

export interface CallerChecks {
  /** Refuse the run: each names the key to change. */
  readonly problems: string[];
  /** Print and go on. */
  readonly warnings: string[];
}

type ListKey = "adminRoleArns" | "viewerRoleArns";

const ENTRY_REFUSED =
  "EKS gives the identity that creates a cluster a cluster-admin access entry of its own and refuses a second one " +
  "for it (CreateAccessEntry: ResourceInUseException)";

/** The problems and warnings about the access lists given the caller and the cluster. Pure. */
export function callerChecks(
  lists: Readonly<Record<ListKey, readonly string[]>>,
  callerArn: string,
  context: CallerContext,
): CallerChecks {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const key of ["adminRoleArns", "viewerRoleArns"] as const) {
    for (const arn of lists[key]) {
      const at = `datafold-aws:cluster.${key}`;
      if (!context.clusterExists && samePrincipal(arn, callerArn)) {
        if (context.dryRun) {
          warnings.push(
            `${at}: "${arn}" is the identity running this preview (${callerArn}), and the cluster does not exist yet. ` +
              `A pulumi up as this identity would create it, and ${ENTRY_REFUSED}: that run would stop at this entry after creating the cluster ` +
              "(pulumi up refuses it before anything is declared). Run the first pulumi up as another identity, or remove it from the list " +
              "(EKS's own entry makes the creator cluster-admin).",
          );
        } else {
          problems.push(
            `${at}: got "${arn}", the identity running this pulumi up (${callerArn}), which creates the cluster; expected ` +
              `principals other than it: ${ENTRY_REFUSED}, so this run would stop at this entry after creating the cluster. ` +
              "Remove it from the list (EKS's own entry makes it cluster-admin), or run the first pulumi up as another identity.",
          );
        }
      } else if (context.clusterExists && context.clusterCreator !== "" && samePrincipal(arn, context.clusterCreator)) {
        warnings.push(
          `${at}: "${arn}" is the principal that created the cluster (${context.clusterCreator}, statefulSettings.clusterCreator): ` +
            "EKS gave it a cluster-admin access entry then and refuses a second one (CreateAccessEntry: ResourceInUseException). " +
            "Unless that entry was deleted (aws eks delete-access-entry), a pulumi up that adds this one stops there; " +
            "EKS's entry already makes it cluster-admin, so it need not be listed.",
        );
      }
    }
  }
  return { problems, warnings };
}
