import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import { nameTags } from "../shared/tags";
import { type AccessArgs, withDefaults } from "./args";
import {
  administratorPolicyArn,
  iamChangesPolicy,
  minimalPolicy,
  switchRoleUrl,
  vendorClusterAccess,
  vendorTrustPolicy,
} from "./documents";

/** A session in the vendor's role lasts at most this long. */
export const MAX_SESSION_SECONDS = 3600;

/**
 * The role the vendor's support engineers assume (the specification's "Give Datafold Access to
 * AWS"): trusted to the vendor's account only (MFA and external id as configured), sessions of at
 * most an hour, with the specification's minimal permissions or AdministratorAccess, the temporary
 * IAM permissions of a first deployment only when asked, and, given a cluster, a cluster-admin EKS
 * access entry so that the vendor's engineer can install the application in it. What the minimal
 * policy does not cover is in the README ("The vendor's role").
 */
export class Access extends pulumi.ComponentResource {
  readonly roleArn: pulumi.Output<string>;
  readonly switchRoleUrl: pulumi.Output<string>;

  constructor(name: string, rawArgs: AccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super("datafold:aws:Access", name, {}, opts);
    const args = withDefaults(rawArgs);
    const tags = args.tags;
    const parent = { parent: this };
    const partition = aws.getPartitionOutput({}, parent).partition;
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;

    const role = new aws.iam.Role(
      `${name}-vendor`,
      {
        description: `${name}: the vendor's deployment role`,
        assumeRolePolicy: partition.apply((p) =>
          JSON.stringify(vendorTrustPolicy(p, args.trustedAccountId, args.requireMfa, args.externalId)),
        ),
        maxSessionDuration: MAX_SESSION_SECONDS,
        tags: nameTags(tags, `${name}-vendor`),
      },
      parent,
    );
    const attach = (suffix: string, policyArn: pulumi.Input<string>) =>
      new aws.iam.RolePolicyAttachment(`${name}-vendor-${suffix}`, { role: role.name, policyArn }, parent);
    const policy = (suffix: string, description: string, document: object) =>
      new aws.iam.Policy(
        `${name}-vendor-${suffix}`,
        { description, policy: JSON.stringify(document), tags: nameTags(tags, `${name}-vendor-${suffix}`) },
        parent,
      );

    if (args.permissions === "administrator") {
      attach("administrator", partition.apply(administratorPolicyArn));
    } else {
      attach(
        "minimal",
        policy("minimal", `${name}: what the vendor needs to maintain the deployment`, minimalPolicy()).arn,
      );
    }
    if (args.allowIamChanges) {
      attach(
        "iam-changes",
        policy(
          "iam-changes",
          `${name}: temporary IAM changes for a first deployment; remove afterwards`,
          iamChangesPolicy(),
        ).arn,
      );
    }

    // Kubernetes access: an API access entry for the role and the cluster-admin access policy,
    // cluster-wide. The cluster name is an output of the cluster, so both wait for it.
    if (args.clusterName !== undefined) {
      const entry = new aws.eks.AccessEntry(
        `${name}-vendor`,
        {
          clusterName: args.clusterName,
          principalArn: role.arn,
          type: "STANDARD",
          tags: nameTags(tags, `${name}-vendor`),
        },
        parent,
      );
      const access = partition.apply(vendorClusterAccess);
      new aws.eks.AccessPolicyAssociation(
        `${name}-vendor`,
        {
          clusterName: args.clusterName,
          principalArn: role.arn,
          policyArn: access.policyArn,
          accessScope: access.accessScope,
        },
        { parent: this, dependsOn: [entry] },
      );
    }

    this.roleArn = role.arn;
    this.switchRoleUrl = pulumi
      .all([accountId, role.name])
      .apply(([account, roleName]) => switchRoleUrl(account, roleName, name));
    this.registerOutputs({ roleArn: this.roleArn, switchRoleUrl: this.switchRoleUrl });
  }
}
