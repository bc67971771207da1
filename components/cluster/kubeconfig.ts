/**
 * The kubeconfig this program's own Kubernetes provider uses (the in-cluster installs). Plain data;
 * no Pulumi import.
 *
 * @pulumi/eks 4.3.0 exports a kubeconfig whose exec runs `aws --region <region> eks get-token
 * --cluster-name <name> --output json`, with `--role <arn>` when providerCredentialOpts has a
 * roleArn, but never `--profile`: the component adds the profile only to its own provider's
 * kubeconfig, keeping the exported one usable by other people (pulumi/pulumi-eks
 * nodejs/eks/cluster/cluster.ts, tag v4.3.0: generateKubeconfig(..., includeProfile) and
 * "kubeconfigWithoutProfile"). The installs must run as the identity that created the cluster (EKS
 * gives it the admin access entry), so with `aws:profile` the profile is added here, as `--profile`
 * rather than the AWS_PROFILE variable, which ambient credentials override (the same file's comment,
 * citing the AWS CLI's configuration precedence).
 */
import type { ProviderCredentials } from "./args";

interface ExecUser {
  readonly user?: { readonly exec?: { readonly command?: unknown; args?: unknown } };
}

/**
 * `kubeconfigJson` (the component's, JSON text) with the deploying identity on every `aws` exec:
 * `--region` when missing, `--role <arn>` when a role is given and missing, `--profile <name>` when a
 * profile is given. Unchanged when there is nothing to add.
 */
export function deployerKubeconfig(kubeconfigJson: string, region: string, credentials: ProviderCredentials): string {
  const config = JSON.parse(kubeconfigJson) as { users?: ExecUser[] };
  let changed = false;
  for (const u of config.users ?? []) {
    const exec = u.user?.exec;
    if (exec === undefined || exec.command !== "aws" || !Array.isArray(exec.args)) continue;
    const args = exec.args.map(String);
    if (!args.includes("--region")) args.unshift("--region", region);
    if (credentials.roleArn !== undefined && !args.includes("--role") && !args.includes("--role-arn"))
      args.push("--role", credentials.roleArn);
    if (credentials.profileName !== undefined && !args.includes("--profile"))
      args.push("--profile", credentials.profileName);
    if (args.length !== exec.args.length) {
      exec.args = args;
      changed = true;
    }
  }
  return changed ? JSON.stringify(config) : kubeconfigJson;
}
