/**
 * The AWS provider's own settings that decide who deploys (`aws:profile`, `aws:assumeRoles`): the
 * cluster's kubeconfig must get its token as the same identity. Not part of the contract's
 * `datafold-aws:` namespace; read here so that a setting the kubeconfig cannot follow is refused
 * before anything is declared.
 */
import type { ProviderCredentials } from "../components/cluster/args";
import { type Check } from "./check";
import { isRecord } from "./values";

/** The provider settings as the reader finds them in the stack's config (`aws:` keys), parsed. */
export interface RawProviderConfig {
  readonly profile?: unknown;
  readonly assumeRoles?: unknown;
  /** @pulumi/aws 6's single-role key; @pulumi/aws 7's provider schema has `assumeRoles` only. */
  readonly assumeRole?: unknown;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/**
 * The credentials the kubeconfig passes to `aws eks get-token`: `--profile` and `--role` (as
 * @pulumi/eks 4.3.0 writes them, pulumi/pulumi-eks nodejs/eks/cluster/cluster.ts generateKubeconfig).
 * `aws eks get-token` assumes one role and takes no external id (AWS CLI Command Reference, `aws eks
 * get-token`, https://docs.aws.amazon.com/cli/latest/reference/eks/get-token.html: its options are
 * --cluster-name, --role-arn and --cluster-id, besides the global ones), so a chain of roles or an external id is
 * refused: put them in a profile (`role_arn`, `source_profile`, `external_id` in ~/.aws/config)
 * and set `aws:profile` instead.
 */
export function readProviderCredentials(c: Check, raw: RawProviderConfig): ProviderCredentials {
  const credentials: { profileName?: string; roleArn?: string } = {};
  if (raw.profile !== undefined && raw.profile !== "") {
    if (typeof raw.profile === "string") credentials.profileName = raw.profile;
    else c.problem("aws:profile", `got ${JSON.stringify(raw.profile)}; expected an AWS CLI profile name`, true);
  }
  if (raw.assumeRole !== undefined) {
    c.problem(
      "aws:assumeRole",
      "is not read by @pulumi/aws 7 (its provider has aws:assumeRoles, a list); move it to aws:assumeRoles: [{roleArn: ...}]",
      true,
    );
  }
  const roles = raw.assumeRoles;
  if (roles === undefined || roles === null) return credentials;
  if (!Array.isArray(roles)) {
    c.problem("aws:assumeRoles", `got ${JSON.stringify(roles)}; expected a list of roles to assume`, true);
    return credentials;
  }
  if (roles.length > 1) {
    c.problem(
      "aws:assumeRoles",
      `got a chain of ${roles.length} roles; expected at most one: the cluster's kubeconfig runs \`aws eks get-token --role <arn>\`, which assumes one role. Put the chain in an AWS CLI profile (role_arn and source_profile) and set aws:profile`,
      true,
    );
    return credentials;
  }
  if (roles.length === 1) {
    const role = roles[0] as unknown;
    if (!isRecord(role) || typeof role.roleArn !== "string" || !ROLE_ARN.test(role.roleArn)) {
      c.problem(
        "aws:assumeRoles[0].roleArn",
        `got ${JSON.stringify(isRecord(role) ? role.roleArn : role)}; expected an IAM role ARN such as arn:aws:iam::123456789012:role/Deployer`,
        true,
      );
      return credentials;
    }
    if (role.externalId !== undefined && role.externalId !== "") {
      c.problem(
        "aws:assumeRoles[0].externalId",
        "is set, but `aws eks get-token` cannot pass an external id, so the cluster's kubeconfig could not assume the role; put the role and its external_id in an AWS CLI profile and set aws:profile instead",
        true,
      );
    }
    credentials.roleArn = role.roleArn;
  }
  return credentials;
}
