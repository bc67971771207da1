import { expect } from "chai";

import { pulumiStatefulResourcesProtected } from "../rules/pulumi/pulumi-stateful-resources-protected";
import { rdsInstanceMinBackupRetention } from "../rules/rds/rds-instance-min-backup-retention";
import { rdsInstanceRequireDeletionProtection } from "../rules/rds/rds-instance-require-deletion-protection";
import { messages, res, withInputs } from "./helpers";

describe("rds-instance-min-backup-retention", () => {
  const db = res("aws:rds/instance:Instance", "db", { backupRetentionPeriod: 14 });
  it("passes 14 days", async () => expect(await messages(rdsInstanceMinBackupRetention, [db])).to.deep.equal([]));
  it("fails 7 days against the default minimum of 14", async () => {
    expect(await messages(rdsInstanceMinBackupRetention, [withInputs(db, { backupRetentionPeriod: 7 })])).to.deep.equal(
      ["database db must keep backups at least 14 days (backupRetentionPeriod); it keeps 7."],
    );
  });
  it("fails the AWS default when unset", async () => {
    expect(
      await messages(rdsInstanceMinBackupRetention, [withInputs(db, { backupRetentionPeriod: undefined })]),
    ).to.deep.equal([
      "database db must keep backups at least 14 days (backupRetentionPeriod); it keeps the default 1.",
    ]);
  });
  it("takes the minimum from the pack's config", async () => {
    expect(
      await messages(rdsInstanceMinBackupRetention, [withInputs(db, { backupRetentionPeriod: 7 })], {
        "rds-instance-min-backup-retention": { minimumRetentionDays: 7 },
      }),
    ).to.deep.equal([]);
  });
});

describe("rds-instance-require-deletion-protection", () => {
  const db = res("aws:rds/instance:Instance", "db", { deletionProtection: true });
  it("passes deletion protection on", async () =>
    expect(await messages(rdsInstanceRequireDeletionProtection, [db])).to.deep.equal([]));
  it("fails it off", async () => {
    expect(
      await messages(rdsInstanceRequireDeletionProtection, [withInputs(db, { deletionProtection: false })]),
    ).to.deep.equal(["database db must have deletion protection (deletionProtection: true); it has false."]);
  });
});

describe("pulumi-stateful-resources-protected", () => {
  const stateful = [
    res("aws:ebs/volume:Volume", "data", {}, { protect: true }),
    res("aws:rds/instance:Instance", "db", {}, { protect: true }),
    res("aws:s3/bucket:Bucket", "backups", {}, { protect: true }),
    res("aws:kms/key:Key", "key", {}, { protect: true }),
  ];
  it("passes when every stateful resource is protected, whatever the rest", async () => {
    expect(
      await messages(pulumiStatefulResourcesProtected, [...stateful, res("aws:ec2/vpc:Vpc", "vpc", {})]),
    ).to.deep.equal([]);
  });
  it("fails each unprotected one, naming it", async () => {
    const unprotected = stateful.map((r) => ({ ...r, protect: false }));
    expect(await messages(pulumiStatefulResourcesProtected, unprotected)).to.deep.equal([
      "aws:ebs/volume:Volume data holds data and must be protected (the protect resource option); it is not.",
      "aws:rds/instance:Instance db holds data and must be protected (the protect resource option); it is not.",
      "aws:s3/bucket:Bucket backups holds data and must be protected (the protect resource option); it is not.",
      "aws:kms/key:Key key holds data and must be protected (the protect resource option); it is not.",
    ]);
  });
  it("is a resource rule: `pulumi up` stops before an unprotected one is created or changed", () => {
    expect(typeof (pulumiStatefulResourcesProtected as { validateResource?: unknown }).validateResource).to.equal(
      "function",
    );
    expect("validateStack" in pulumiStatefulResourcesProtected).to.equal(false);
  });
  it("judges the resources the program declares, not the ones it reads", async () => {
    expect(
      await messages(pulumiStatefulResourcesProtected, [
        res("aws:s3/bucket:Bucket", "theirs", {}, { external: true, protect: false }),
      ]),
    ).to.deep.equal([]);
  });
});
