/**
 * What the AWS (and EKS) APIs accept for names, descriptions, tags, labels and taints, where the
 * provider checks less or nothing: plain functions over plain values, no imports. Each returns
 * undefined when the value is accepted, else what is allowed (a phrase that completes "expected
 * ..."). The pack's API rules (rules/<service>/*-valid-*.ts) and the program's config validator
 * (config/, which may import this file; the reverse never happens) share them, so a limit is
 * written once. Lengths count Unicode characters, as AWS does.
 */

/** The number of Unicode characters (code points) of a string, as AWS counts lengths. */
export function length(text: string): number {
  return [...text].length;
}

/**
 * The random part of Pulumi's auto-name, which is the logical name, "-" and 7 random hex characters
 * (pulumi/pulumi-terraform-bridge, pkg/tfbridge/info: `AutoName` sets `Separator` and
 * `Randlen: 7`). A resource declared without a name gets it from the provider.
 */
export const AUTONAME_RANDOM_LENGTH = 7;

/** A placeholder auto-name for a logical name: what the provider would generate, with a fixed suffix. */
export function autoName(logicalName: string): string {
  return `${logicalName}-${"abcdef0123456789".slice(0, AUTONAME_RANDOM_LENGTH)}`;
}

// ---------------------------------------------------------------------------------------------
// EC2 security groups.

/**
 * Characters of a security group's name and description and of a rule's description. EC2 API
 * Reference, CreateSecurityGroup (GroupName, Description) and IpRange / UserIdGroupPair
 * (Description): "Up to 255 characters in length. Valid characters: a-z, A-Z, 0-9, spaces, and
 * ._-:/()#,@[]+=&;{}!$*". The provider checks only the length; EC2 refuses the rest at create.
 */
const EC2_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const EC2_TEXT_ALLOWED = "at most 255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$*";

/** A security group's or security group rule's description. */
export function securityGroupDescriptionProblem(text: string): string | undefined {
  return length(text) <= 255 && EC2_TEXT.test(text) ? undefined : EC2_TEXT_ALLOWED;
}

/** A security group's name (CreateSecurityGroup GroupName: as a description, and not starting with sg-). */
export function securityGroupNameProblem(name: string): string | undefined {
  if (length(name) < 1 || length(name) > 255 || !EC2_TEXT.test(name) || name.toLowerCase().startsWith("sg-"))
    return `a name of 1 to 255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-`;
  return undefined;
}

/**
 * A launch template's name: EC2 API Reference, CreateLaunchTemplate, LaunchTemplateName: "Length
 * Constraints: Minimum length of 3. Maximum length of 128. Pattern: [a-zA-Z0-9\(\)\.\-/_]+".
 */
export function launchTemplateNameProblem(name: string): string | undefined {
  return /^[a-zA-Z0-9().\-/_]{3,128}$/.test(name) ? undefined : "3 to 128 characters of a-z A-Z 0-9 ( ) . - / _";
}

/** A launch template version's description: CreateLaunchTemplate, VersionDescription, at most 255 characters. */
export function launchTemplateDescriptionProblem(text: string): string | undefined {
  return length(text) <= 255 ? undefined : "at most 255 characters";
}

// ---------------------------------------------------------------------------------------------
// Elastic Load Balancing.

/**
 * A load balancer's name: Elastic Load Balancing API Reference (version 2015-12-01),
 * CreateLoadBalancer, Name: "can have a maximum of 32 characters, must contain only alphanumeric
 * characters or hyphens, must not begin or end with a hyphen, and must not begin with
 * "internal-"".
 */
export function loadBalancerNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(name) || name.toLowerCase().startsWith("internal-"))
    return 'at most 32 letters, digits and hyphens, not starting or ending with a hyphen, not starting with "internal-"';
  return undefined;
}

/** A target group's name: CreateTargetGroup, Name: as a load balancer's, without the internal- rule. */
export function targetGroupNameProblem(name: string): string | undefined {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(name)
    ? undefined
    : "at most 32 letters, digits and hyphens, not starting or ending with a hyphen";
}

// ---------------------------------------------------------------------------------------------
// RDS.

/**
 * An RDS identifier (DB instance, DB snapshot, DB parameter group): RDS API Reference,
 * CreateDBInstance DBInstanceIdentifier ("1 to 63 letters, numbers, or hyphens. First character
 * must be a letter. Can't end with a hyphen or contain two consecutive hyphens"),
 * CreateDBSnapshot DBSnapshotIdentifier and CreateDBParameterGroup DBParameterGroupName (the same
 * rules, 1 to 255 characters).
 */
export function rdsIdentifierProblem(name: string, max: 63 | 255): string | undefined {
  if (length(name) > max || !/^[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(name) || name.includes("--"))
    return `1 to ${max} letters, digits and hyphens, starting with a letter, without two hyphens in a row or a hyphen at the end`;
  return undefined;
}

/**
 * A DB subnet group's name: CreateDBSubnetGroup, DBSubnetGroupName: "no more than 255 letters,
 * numbers, periods, underscores, spaces, or hyphens. Must not be default."
 */
export function rdsSubnetGroupNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9._ -]{1,255}$/.test(name) || name.toLowerCase() === "default")
    return 'at most 255 letters, digits, periods, underscores, spaces and hyphens, not "default"';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// S3.

/**
 * A general purpose bucket's name: Amazon S3 User Guide, "General purpose bucket naming rules":
 * 3 to 63 characters of lowercase letters, numbers, periods and hyphens, beginning and ending
 * with a letter or number, no two adjacent periods, not an IP address, not starting with xn--,
 * sthree- or amzn-s3-demo-, not ending with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3.
 */
export function s3BucketNameProblem(name: string): string | undefined {
  const reservedPrefix = ["xn--", "sthree-", "amzn-s3-demo-"].find((p) => name.startsWith(p));
  const reservedSuffix = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].find((s) => name.endsWith(s));
  if (
    !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) ||
    name.includes("..") ||
    /^\d+\.\d+\.\d+\.\d+$/.test(name) ||
    reservedPrefix !== undefined ||
    reservedSuffix !== undefined
  ) {
    return (
      "3 to 63 lowercase letters, digits, periods and hyphens, starting and ending with a letter or digit, " +
      "not an IP address, not starting with xn--, sthree- or amzn-s3-demo-, not ending with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3"
    );
  }
  return undefined;
}

/** A bucket name prefix (the provider appends 26 characters): the start of a valid name, at most 37 characters. */
export function s3BucketPrefixProblem(prefix: string): string | undefined {
  return length(prefix) <= 37 ? s3BucketNameProblem(`${prefix}${"0".repeat(26)}`) : "a prefix of at most 37 characters";
}

// ---------------------------------------------------------------------------------------------
// KMS.

/**
 * A KMS alias: KMS API Reference, CreateAlias, AliasName: "must begin with alias/ followed by a
 * name ... can contain only alphanumeric characters, forward slashes (/), underscores (_), and
 * dashes (-). The alias name cannot begin with alias/aws/. The alias/aws/ prefix is reserved for
 * AWS managed keys." Length 1 to 256.
 */
export function kmsAliasProblem(alias: string): string | undefined {
  if (length(alias) > 256 || !/^alias\/[a-zA-Z0-9/_-]+$/.test(alias) || alias.startsWith("alias/aws/"))
    return "alias/ followed by letters, digits, / _ -, at most 256 characters in all, not starting with alias/aws/";
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// IAM.

/** IAM API Reference, CreateRole RoleName: "Length 1-64. Pattern: [\w+=,.@-]+". */
export function iamRoleNameProblem(name: string): string | undefined {
  return /^[\w+=,.@-]{1,64}$/.test(name) ? undefined : "1 to 64 characters of A-Z a-z 0-9 _ + = , . @ -";
}

/** IAM API Reference, CreatePolicy PolicyName: "Length 1-128. Pattern: [\w+=,.@-]+". */
export function iamPolicyNameProblem(name: string): string | undefined {
  return /^[\w+=,.@-]{1,128}$/.test(name) ? undefined : "1 to 128 characters of A-Z a-z 0-9 _ + = , . @ -";
}

/**
 * A role's or policy's description: IAM API Reference, CreateRole / CreatePolicy, Description:
 * "Maximum length of 1000. Pattern: [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*".
 */
export function iamDescriptionProblem(text: string): string | undefined {
  return /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]{0,1000}$/.test(text)
    ? undefined
    : "at most 1000 characters of printable ASCII, tab, line breaks and Latin-1 (U+00A1 to U+00FF)";
}

// ---------------------------------------------------------------------------------------------
// EKS.

/**
 * A managed node group's name: EKS API Reference, CreateNodegroup, nodegroupName, as the AWS
 * provider documents it (aws.eks.NodeGroup nodeGroupName): "can't be longer than 63 characters. It
 * must start with a letter or digit, but can also include hyphens and underscores for the
 * remaining characters."
 */
export function nodeGroupNameProblem(name: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(name)
    ? undefined
    : "1 to 63 letters, digits, hyphens and underscores, starting with a letter or digit";
}

/** An EKS cluster's name: EKS API Reference, CreateCluster, name: "1-100. Pattern: ^[0-9A-Za-z][A-Za-z0-9\-_]*$". */
export function eksClusterNameProblem(name: string): string | undefined {
  return /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(name)
    ? undefined
    : "1 to 100 letters, digits, hyphens and underscores, starting with a letter or digit";
}

/**
 * Label key namespaces a managed node group may not set: the EKS managed node group API refuses
 * labels whose prefix contains kubernetes.io/, k8s.io/ or eks.amazonaws.com/ (aws/containers-roadmap
 * #1451, kubernetes/cloud-provider-aws #242), and a kubelet refuses to start with such a label in the
 * kubernetes.io or k8s.io namespaces outside a small allowed set, so the nodes never join
 * (terraform-aws-modules/terraform-aws-eks #3346, `node-role.kubernetes.io/...`). Subdomains of
 * these namespaces (node-role.kubernetes.io) are included.
 */
export const RESERVED_LABEL_DOMAINS = ["kubernetes.io", "k8s.io", "eks.amazonaws.com"] as const;

/**
 * The Kubernetes syntax of a label key: an optional DNS-subdomain prefix and "/", then a name of
 * at most 63 characters, alphanumeric at both ends (Kubernetes docs, "Labels and Selectors",
 * "Syntax and character set").
 */
const LABEL_KEY = /^(?:([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)\/)?[A-Za-z0-9](?:[\w.-]{0,61}[A-Za-z0-9])?$/;
/** A label value: at most 63 characters, alphanumeric at both ends, or empty (same page). */
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[\w.-]{0,61}[A-Za-z0-9])?)?$/;

/**
 * A node group label's key, as EKS takes it: Kubernetes syntax, at most 63 characters in all
 * (EKS API Reference, CreateNodegroup labels / UpdateLabelsPayload: "Key Length Constraints:
 * Minimum length of 1. Maximum length of 63"), outside the reserved namespaces.
 */
export function nodeLabelKeyProblem(key: string): string | undefined {
  const syntax = LABEL_KEY.exec(key);
  if (syntax === null || length(key) > 63)
    return "a Kubernetes label key ([prefix/]name, letters, digits, - _ .) of at most 63 characters in all";
  const prefix = syntax[1];
  if (prefix !== undefined && RESERVED_LABEL_DOMAINS.some((d) => prefix === d || prefix.endsWith(`.${d}`)))
    return `a key outside the ${RESERVED_LABEL_DOMAINS.join(", ")} namespaces (and their subdomains), which EKS and the kubelet reserve`;
  return undefined;
}

/** A node group label's value: 1 to 63 characters (EKS: "Value Length Constraints: Minimum length of 1"), Kubernetes syntax. */
export function nodeLabelValueProblem(value: string): string | undefined {
  return value !== "" && LABEL_VALUE.test(value)
    ? undefined
    : "a label value of 1 to 63 letters, digits, - _ ., starting and ending with a letter or digit";
}

/**
 * A node group taint: EKS API Reference, Taint: key 1 to 63 characters, value at most 63, and
 * Kubernetes label syntax for both (a taint's key and value follow the label rules: Kubernetes docs,
 * "Taints and Tolerations"). At most 50 taints per node group (aws.eks.NodeGroup taints: "Maximum of
 * 50 taints per node group").
 */
export const TAINT_KEY_ALLOWED = "a taint key ([prefix/]name, letters, digits, - _ .) of 1 to 63 characters in all";
export const TAINT_VALUE_ALLOWED =
  "a taint value of at most 63 letters, digits, - _ ., starting and ending with a letter or digit";

export function taintKeyProblem(key: string): string | undefined {
  return LABEL_KEY.test(key) && length(key) <= 63 ? undefined : TAINT_KEY_ALLOWED;
}

export function taintValueProblem(value: string): string | undefined {
  return LABEL_VALUE.test(value) ? undefined : TAINT_VALUE_ALLOWED;
}

export const MAX_TAINTS_PER_NODE_GROUP = 50;

// ---------------------------------------------------------------------------------------------
// Tags.

/**
 * Tag limits common to AWS services: Tagging AWS Resources and Tag Editor User Guide, "Tag naming
 * limits and requirements": at most 50 user-created tags per resource; keys 1 to 128 Unicode
 * characters, values 0 to 256; letters, numbers and spaces representable in UTF-8 and
 * `_ . : / = + - @`; the `aws:` prefix is reserved (in any case) for AWS's own tags.
 */
export const MAX_TAGS_PER_RESOURCE = 50;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export function tagKeyProblem(key: string): string | undefined {
  if (length(key) < 1 || length(key) > 128 || !TAG_TEXT.test(key))
    return "a tag key of 1 to 128 letters, digits, spaces and _ . : / = + - @";
  if (key.toLowerCase().startsWith("aws:")) return "a tag key not starting with aws: (reserved for AWS)";
  return undefined;
}

export function tagValueProblem(value: string): string | undefined {
  return length(value) <= 256 && TAG_TEXT.test(value)
    ? undefined
    : "a tag value of at most 256 letters, digits, spaces and _ . : / = + - @";
}
