import type { ResourceValidationPolicy } from "@pulumi/policy";

import { S3_BUCKET, S3_BUCKET_ACL, isOneOf } from "../../lib/types";
import { asList, isKnownValue, notKnown, type Pending, peek, propsOf, undecided } from "../../lib/values";

/**
 * The canned ACLs that grant a predefined group of everyone, and those groups' grantee URIs.
 * Source: Amazon S3 User Guide, "Access control list (ACL) overview"
 * (docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html): public-read grants AllUsers
 * READ, public-read-write AllUsers READ and WRITE, authenticated-read AuthenticatedUsers (any AWS
 * account) READ.
 */
export const PUBLIC_CANNED_ACLS = ["public-read", "public-read-write", "authenticated-read"];
export const PUBLIC_GROUPS = [
  "http://acs.amazonaws.com/groups/global/AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
];

/**
 * No bucket is opened by an ACL: neither a bucket's own `acl`/`grants` (aws:s3/bucket and
 * bucketV2) nor a BucketAcl resource's `acl` or `accessControlPolicy` grants. A resource rule, so
 * that `pulumi up` stops before the ACL is applied.
 */
export const s3BucketNoPublicAcl: ResourceValidationPolicy = {
  name: "s3-bucket-no-public-acl",
  description: "No S3 bucket ACL grants access to everyone or to every AWS account.",
  validateResource: (args, report) => {
    const bucket = isOneOf(args.type, S3_BUCKET);
    if (!bucket && !isOneOf(args.type, S3_BUCKET_ACL)) return;
    const props = propsOf(args);
    const pending: Pending[] = [];
    const acl = peek(props, "acl");
    if (!isKnownValue(acl)) pending.push(notKnown(args.name, "acl"));
    else if (typeof acl === "string" && PUBLIC_CANNED_ACLS.includes(acl)) {
      report(
        `${args.name} must not use the canned ACL ${acl}; it grants ${acl === "authenticated-read" ? "every AWS account" : "everyone"} access.`,
      );
    }
    const grants = bucket ? asList(peek(props, "grants")) : asList(peek(props, "accessControlPolicy", "grants"));
    for (const grant of grants) {
      const uri = bucket ? peek(grant, "uri") : peek(grant, "grantee", "uri");
      if (!isKnownValue(uri)) pending.push(notKnown(args.name, "a grantee's uri"));
      else if (typeof uri === "string" && PUBLIC_GROUPS.includes(uri)) {
        const permissions = bucket ? asList(peek(grant, "permissions")) : asList(peek(grant, "permission"));
        report(`${args.name} must not grant ${permissions.map(String).join(", ") || "access"} to ${uri}.`);
      }
    }
    undecided(args, pending);
  },
};
