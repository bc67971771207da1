/** Naming and tagging helpers shared by every component. */

/** The tags every resource of a deployment carries: the stack's own tags plus identity tags. */
export function deploymentTags(
  deploymentName: string,
  userTags: Readonly<Record<string, string>>,
): Record<string, string> {
  return { "managed-by": "pulumi", ...userTags, "datafold:deployment": deploymentName };
}

/** A resource's tags: the deployment's tags, any extra tags, and a cosmetic Name (not identity). */
export function nameTags(
  tags: Readonly<Record<string, string>>,
  name: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return { ...tags, ...extra, Name: name };
}

/** The tag that marks a security group as a load balancer's (value "load-balancer"). */
export const LOAD_BALANCER_ROLE_TAG = "datafold:role";

/** The tag that names a volume's role (clickhouse-data, clickhouse-logs, redis-data). */
export const VOLUME_ROLE_TAG = "datafold:volume";

/** The tag that names the node group of a node group's resources (its instances, volumes, interfaces). */
export const NODE_GROUP_TAG = "datafold:node-group";
