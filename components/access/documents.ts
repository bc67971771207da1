/**
 * The vendor's cross-account deployment role, as the specification ("Give Datafold Access to
 * AWS") lists it: the trust and the two permission documents, as data. No Pulumi import.
 */
import { ACCESS_POLICIES } from "../cluster/access";
import { type PolicyDocument, policyDocument } from "../shared/iam";

/** The "Minimal IAM Permissions" of the specification, action for action. */
export const MINIMAL_ACTIONS = [
  "acm:AddTagsToCertificate",
  "acm:DeleteCertificate",
  "acm:DescribeCertificate",
  "acm:GetCertificate",
  "acm:ListCertificates",
  "acm:ListTagsForCertificate",
  "acm:RemoveTagsFromCertificate",
  "acm:RequestCertificate",
  "acm:UpdateCertificateOptions",
  "apigateway:DELETE",
  "apigateway:GET",
  "apigateway:PATCH",
  "apigateway:POST",
  "apigateway:PUT",
  "apigateway:UpdateRestApiPolicy",
  "autoscaling:*",
  "ec2:*",
  "eks:*",
  "elasticloadbalancing:*",
  "iam:GetPolicy",
  "iam:GetPolicyVersion",
  "iam:GetOpenIDConnectProvider",
  "iam:GetRole",
  "iam:GetRolePolicy",
  "iam:GetUserPolicy",
  "iam:GetUser",
  "iam:ListAccessKeys",
  "iam:ListAttachedRolePolicies",
  "iam:ListGroupsForUser",
  "iam:ListInstanceProfilesForRole",
  "iam:ListPolicies",
  "iam:ListPolicyVersions",
  "iam:ListRolePolicies",
  "iam:PassRole",
  "iam:TagOpenIDConnectProvider",
  "iam:TagPolicy",
  "iam:TagRole",
  "iam:TagUser",
  "kms:CreateAlias",
  "kms:CreateGrant",
  "kms:CreateKey",
  "kms:Decrypt",
  "kms:DeleteAlias",
  "kms:DescribeKey",
  "kms:DisableKey",
  "kms:EnableKeyRotation",
  "kms:GenerateDataKey",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:ListAliases",
  "kms:ListResourceTags",
  "kms:PutKeyPolicy",
  "kms:RevokeGrant",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "logs:CreateLogGroup",
  "logs:DeleteLogGroup",
  "logs:DescribeLogGroups",
  "logs:ListTagsLogGroup",
  "logs:ListTagsForResource",
  "logs:PutRetentionPolicy",
  "logs:TagResource",
  "rds:*",
  "ssm:GetParameter",
  "secretsmanager:CreateSecret",
  "secretsmanager:DeleteSecret",
  "secretsmanager:DescribeSecret",
  "secretsmanager:GetResourcePolicy",
  "secretsmanager:PutSecretValue",
  "secretsmanager:TagResource",
  "s3:*",
] as const;

/** The temporary IAM permissions the specification asks for a first deployment. */
export const IAM_CHANGE_ACTIONS = [
  "iam:AttachRolePolicy",
  "iam:CreateAccessKey",
  "iam:CreateOpenIDConnectProvider",
  "iam:CreatePolicy",
  "iam:CreateRole",
  "iam:CreateUser",
  "iam:DeleteAccessKey",
  "iam:DeleteOpenIDConnectProvider",
  "iam:DeletePolicy",
  "iam:DeleteRole",
  "iam:DeleteRolePolicy",
  "iam:DeleteUser",
  "iam:DeleteUserPolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePolicy",
  "iam:PutUserPolicy",
] as const;

export function minimalPolicy(): PolicyDocument {
  return policyDocument({ Effect: "Allow", Action: [...MINIMAL_ACTIONS], Resource: "*" });
}

export function iamChangesPolicy(): PolicyDocument {
  return policyDocument({ Effect: "Allow", Action: [...IAM_CHANGE_ACTIONS], Resource: "*" });
}

export function administratorPolicyArn(partition: string): string {
  return `arn:${partition}:iam::aws:policy/AdministratorAccess`;
}

/**
 * Trust for the vendor's account only, with MFA required when asked and the external id checked
 * when one is set.
 */
export function vendorTrustPolicy(
  partition: string,
  trustedAccountId: string,
  requireMfa: boolean,
  externalId: string,
): PolicyDocument {
  const condition: Record<string, Record<string, string>> = {};
  if (requireMfa) condition.Bool = { "aws:MultiFactorAuthPresent": "true" };
  if (externalId !== "") condition.StringEquals = { "sts:ExternalId": externalId };
  return policyDocument({
    Effect: "Allow",
    Principal: { AWS: `arn:${partition}:iam::${trustedAccountId}:root` },
    Action: "sts:AssumeRole",
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  });
}

/** The console link that switches into the role. */
export function switchRoleUrl(accountId: string, roleName: string, displayName: string): string {
  const q = new URLSearchParams({ roleName, account: accountId, displayName });
  return `https://signin.aws.amazon.com/switchrole?${q.toString()}`;
}

/**
 * The EKS access policy the vendor's role is associated with, cluster-wide: Kubernetes
 * cluster-admin. Name and ARN form from the EKS User Guide, "Review access policy permissions"
 * (`arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`).
 */
export function vendorClusterAccess(partition: string): { policyArn: string; accessScope: { type: "cluster" } } {
  return {
    policyArn: `arn:${partition}:eks::aws:cluster-access-policy/${ACCESS_POLICIES.admin}`,
    accessScope: { type: "cluster" },
  };
}
