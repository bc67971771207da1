import { expect } from "chai";

import { s3BucketNoPublicAcl } from "../rules/s3/s3-bucket-no-public-acl";
import { levels, messages, res, undecidedReasons, UNKNOWN, withInputs } from "./helpers";

describe("s3-bucket-no-public-acl", () => {
  const bucket = res("aws:s3/bucket:Bucket", "backups", { bucket: "acme-backups" });
  const acl = res("aws:s3/bucketAcl:BucketAcl", "backups", { bucket: "acme-backups", acl: "private" });
  it("passes a bucket with no ACL, a private one, and other canned ACLs that grant no group", async () => {
    expect(
      await messages(s3BucketNoPublicAcl, [
        bucket,
        acl,
        withInputs(bucket, { acl: "log-delivery-write" }),
        withInputs(acl, { acl: "bucket-owner-full-control" }),
      ]),
    ).to.deep.equal([]);
  });
  it("fails each public canned ACL on a bucket, whichever bucket token", async () => {
    expect(
      await messages(s3BucketNoPublicAcl, [
        withInputs(bucket, { acl: "public-read" }),
        res("aws:s3/bucketV2:BucketV2", "v2", { acl: "public-read-write" }),
        withInputs(bucket, { acl: "authenticated-read" }),
      ]),
    ).to.deep.equal([
      "backups must not use the canned ACL public-read; it grants everyone access.",
      "v2 must not use the canned ACL public-read-write; it grants everyone access.",
      "backups must not use the canned ACL authenticated-read; it grants every AWS account access.",
    ]);
  });
  it("fails a BucketAcl or BucketAclV2 resource with a public canned ACL", async () => {
    expect(
      await messages(s3BucketNoPublicAcl, [
        withInputs(acl, { acl: "public-read" }),
        res("aws:s3/bucketAclV2:BucketAclV2", "v2", { bucket: UNKNOWN, acl: "authenticated-read" }),
      ]),
    ).to.deep.equal([
      "backups must not use the canned ACL public-read; it grants everyone access.",
      "v2 must not use the canned ACL authenticated-read; it grants every AWS account access.",
    ]);
  });
  it("fails grants to everyone or to every AWS account, in a bucket's grants or a BucketAcl's policy", async () => {
    const everyone = "http://acs.amazonaws.com/groups/global/AllUsers";
    const accounts = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    const logs = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    expect(
      await messages(s3BucketNoPublicAcl, [
        withInputs(bucket, {
          grants: [
            { type: "Group", uri: everyone, permissions: ["READ"] },
            { type: "Group", uri: logs, permissions: ["WRITE"] },
          ],
        }),
        withInputs(acl, {
          acl: undefined,
          accessControlPolicy: {
            owner: { id: "owner" },
            grants: [{ grantee: { type: "Group", uri: accounts }, permission: "FULL_CONTROL" }],
          },
        }),
      ]),
    ).to.deep.equal([
      `backups must not grant READ to ${everyone}.`,
      `backups must not grant FULL_CONTROL to ${accounts}.`,
    ]);
  });
  it("cannot tell yet while the ACL is unknown: not applicable, no violation", async () => {
    const pending = [withInputs(acl, { acl: UNKNOWN })];
    expect(await levels(s3BucketNoPublicAcl, pending)).to.deep.equal([]);
    expect(await undecidedReasons(s3BucketNoPublicAcl, pending)).to.deep.equal([
      ["backups", "not decided: backups (acl is not known until the deployment)"],
    ]);
  });
});
