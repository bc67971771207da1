/** Control-plane logging and API access entries: names and policies as plain data. No Pulumi import. */
import { createHash } from "crypto";

/** The control-plane log types sent to CloudWatch. */
export const CONTROL_PLANE_LOGS = ["api", "audit", "authenticator"];

/**
 * The EKS access policies granted through access entries, by role. AmazonEKSAdminViewPolicy (not
 * AmazonEKSViewPolicy) because it can read Secrets, where Helm keeps its release state: a preview
 * of the in-cluster releases needs it. Names from the EKS User Guide, "Review access policy
 * permissions".
 */
export const ACCESS_POLICIES = {
  admin: "AmazonEKSClusterAdminPolicy",
  viewer: "AmazonEKSAdminViewPolicy",
} as const;

/** A name usable in a logical name, from the last part of an IAM ARN. */
export function principalSlug(arn: string): string {
  const readable = (arn.split("/").pop() ?? arn).toLowerCase().replace(/[^a-z0-9-]/g, "-");
  // Two ARNs can end in the same name (other account, other path): the hash keeps them apart.
  return `${readable}-${createHash("sha256").update(arn).digest("hex").slice(0, 6)}`;
}
