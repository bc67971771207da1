/** The Access component's arguments, their defaults, and the one place the defaults are resolved. */
import type * as pulumi from "@pulumi/pulumi";

/** The vendor role's permissions: the specification's minimal policy, or AdministratorAccess. */
export type AccessPermissions = "minimal" | "administrator";

export interface AccessArgs {
  /** The vendor's AWS account, the only one trusted to assume the role. @default "710753145501" */
  readonly trustedAccountId?: string;
  /** Require MFA to assume the role. @default true */
  readonly requireMfa?: boolean;
  /** An external id the vendor must present; empty: none. @default "" */
  readonly externalId?: string;
  /** The role's permissions. @default "minimal" */
  readonly permissions?: AccessPermissions;
  /** Also attach the temporary IAM policy of a first deployment. @default false */
  readonly allowIamChanges?: boolean;
  /** Tags for every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The EKS cluster in which the role gets a cluster-admin access entry (AmazonEKSClusterAdminPolicy,
   * cluster scope), so that the vendor's engineer can install the application. Pass the cluster
   * component's name output: the entry then waits for the cluster. Absent: no cluster access.
   * @default none
   */
  readonly clusterName?: pulumi.Input<string>;
}

/** What the stack's config decides about the vendor role (the contract's `access` section, but `enabled`), resolved. */
export type AccessSettings = Required<Omit<AccessArgs, "tags" | "clusterName">>;

/** The defaults of AccessSettings (../shared/CONFIG.md). */
export const ACCESS_DEFAULTS: AccessSettings = {
  trustedAccountId: "710753145501",
  requireMfa: true,
  externalId: "",
  permissions: "minimal",
  allowIamChanges: false,
};

export type ResolvedAccessArgs = AccessSettings & {
  readonly tags: Readonly<Record<string, string>>;
  readonly clusterName?: pulumi.Input<string>;
};

/** Resolves every default of AccessArgs once. Pure. */
export function withDefaults(args: AccessArgs): ResolvedAccessArgs {
  const d = ACCESS_DEFAULTS;
  return {
    trustedAccountId: args.trustedAccountId ?? d.trustedAccountId,
    requireMfa: args.requireMfa ?? d.requireMfa,
    externalId: args.externalId ?? d.externalId,
    permissions: args.permissions ?? d.permissions,
    allowIamChanges: args.allowIamChanges ?? d.allowIamChanges,
    tags: args.tags ?? {},
    ...(args.clusterName !== undefined ? { clusterName: args.clusterName } : {}),
  };
}
