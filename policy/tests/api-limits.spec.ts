import { expect } from "chai";

import * as limits from "../lib/aws-limits";
import { awsResourceValidTags } from "../rules/aws/aws-resource-valid-tags";
import { ec2LaunchTemplateValidName } from "../rules/ec2/ec2-launch-template-valid-name";
import { ec2SecurityGroupValidDescription } from "../rules/ec2/ec2-security-group-valid-description";
import { ec2SecurityGroupValidName } from "../rules/ec2/ec2-security-group-valid-name";
import { eksNodeGroupValidLabelsTaints } from "../rules/eks/eks-node-group-valid-labels-taints";
import { eksNodeGroupValidName } from "../rules/eks/eks-node-group-valid-name";
import { elbLoadBalancerValidName } from "../rules/elb/elb-load-balancer-valid-name";
import { elbTargetGroupValidName } from "../rules/elb/elb-target-group-valid-name";
import { iamPolicyValidName } from "../rules/iam/iam-policy-valid-name";
import { iamRoleValidName } from "../rules/iam/iam-role-valid-name";
import { kmsAliasValidName } from "../rules/kms/kms-alias-valid-name";
import { rdsInstanceValidIdentifier } from "../rules/rds/rds-instance-valid-identifier";
import { rdsParameterGroupValidName } from "../rules/rds/rds-parameter-group-valid-name";
import { s3BucketValidName } from "../rules/s3/s3-bucket-valid-name";
import { levels, messages, res, undecidedReasons, UNKNOWN, withInputs } from "./helpers";

const EC2_CHARS = "at most 255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$*";

describe("the AWS API limits (lib/aws-limits)", () => {
  const table: [string, (v: string) => string | undefined, string, boolean][] = [
    [
      "a description with every allowed character",
      limits.securityGroupDescriptionProblem,
      "aZ09 ._-:/()#,@[]+=&;{}!$*",
      true,
    ],
    ["an apostrophe in a description", limits.securityGroupDescriptionProblem, "the nodes' port", false],
    ["255 characters of description", limits.securityGroupDescriptionProblem, "a".repeat(255), true],
    ["256 characters of description", limits.securityGroupDescriptionProblem, "a".repeat(256), false],
    ["a group name starting with sg-", limits.securityGroupNameProblem, "sg-acme-lb-abcdef0", false],
    ["a group name", limits.securityGroupNameProblem, "acme-lb-abcdef0", true],
    ["a 32-character load balancer name", limits.loadBalancerNameProblem, "a".repeat(32), true],
    ["a 33-character load balancer name", limits.loadBalancerNameProblem, "a".repeat(33), false],
    ["a load balancer name starting with internal-", limits.loadBalancerNameProblem, "internal-acme-abcdef", false],
    ["a load balancer name ending with a hyphen", limits.loadBalancerNameProblem, "acme-", false],
    ["a target group name starting with internal-", limits.targetGroupNameProblem, "internal-acme-abcdef", true],
    ["a 63-character DB identifier", (v) => limits.rdsIdentifierProblem(v, 63), `a${"1".repeat(62)}`, true],
    ["a 64-character DB identifier", (v) => limits.rdsIdentifierProblem(v, 63), `a${"1".repeat(63)}`, false],
    ["a DB identifier with --", (v) => limits.rdsIdentifierProblem(v, 63), "acme--db", false],
    ["a DB identifier starting with a digit", (v) => limits.rdsIdentifierProblem(v, 63), "1acme", false],
    ["a DB identifier ending with a hyphen", (v) => limits.rdsIdentifierProblem(v, 255), "acme-", false],
    ["a subnet group named default", limits.rdsSubnetGroupNameProblem, "default", false],
    ["a bucket starting with xn--", limits.s3BucketNameProblem, "xn--acme-backups", false],
    ["a bucket starting with sthree-", limits.s3BucketNameProblem, "sthree-acme", false],
    ["a bucket starting with amzn-s3-demo-", limits.s3BucketNameProblem, "amzn-s3-demo-acme", false],
    ["a bucket ending with -s3alias", limits.s3BucketNameProblem, "acme-s3alias", false],
    ["a bucket ending with --ol-s3", limits.s3BucketNameProblem, "acme--ol-s3", false],
    ["a bucket shaped like an IP address", limits.s3BucketNameProblem, "192.168.5.4", false],
    ["a 63-character bucket", limits.s3BucketNameProblem, "a".repeat(63), true],
    ["a 64-character bucket", limits.s3BucketNameProblem, "a".repeat(64), false],
    ["an alias under alias/aws/", limits.kmsAliasProblem, "alias/aws/acme", false],
    ["an alias", limits.kmsAliasProblem, "alias/acme-db", true],
    ["a 64-character role name", limits.iamRoleNameProblem, "r".repeat(64), true],
    ["a 65-character role name", limits.iamRoleNameProblem, "r".repeat(65), false],
    ["a 128-character policy name", limits.iamPolicyNameProblem, "p".repeat(128), true],
    ["a 129-character policy name", limits.iamPolicyNameProblem, "p".repeat(129), false],
    ["a 63-character node group name", limits.nodeGroupNameProblem, "n".repeat(63), true],
    ["a 64-character node group name", limits.nodeGroupNameProblem, "n".repeat(64), false],
    ["a label in kubernetes.io", limits.nodeLabelKeyProblem, "kubernetes.io/role", false],
    ["a label in a subdomain of kubernetes.io", limits.nodeLabelKeyProblem, "node-role.kubernetes.io/app", false],
    ["a label in k8s.io", limits.nodeLabelKeyProblem, "k8s.io/x", false],
    ["a label in eks.amazonaws.com", limits.nodeLabelKeyProblem, "eks.amazonaws.com/nodegroup", false],
    ["a label in the deployment's own domain", limits.nodeLabelKeyProblem, "datafold.com/node-pool", true],
    ["a 63-character label key", limits.nodeLabelKeyProblem, `a.io/${"k".repeat(58)}`, true],
    ["a 64-character label key", limits.nodeLabelKeyProblem, `a.io/${"k".repeat(59)}`, false],
    ["an empty label value", limits.nodeLabelValueProblem, "", false],
    ["a 63-character label value", limits.nodeLabelValueProblem, "v".repeat(63), true],
    ["a 64-character label value", limits.nodeLabelValueProblem, "v".repeat(64), false],
    ["an empty taint value", limits.taintValueProblem, "", true],
    ["a 64-character taint value", limits.taintValueProblem, "v".repeat(64), false],
    ["a 64-character taint key", limits.taintKeyProblem, "k".repeat(64), false],
    ["a tag key with an aws: prefix in capitals", limits.tagKeyProblem, "AWS:owner", false],
    ["a tag key of 128 letters", limits.tagKeyProblem, "é".repeat(128), true],
    ["a tag key of 129 letters", limits.tagKeyProblem, "é".repeat(129), false],
    ["a tag value with a comma", limits.tagValueProblem, "a,b", false],
    ["a tag value of 256 characters", limits.tagValueProblem, "v".repeat(256), true],
    ["a tag value of 257 characters", limits.tagValueProblem, "v".repeat(257), false],
  ];
  for (const [what, problem, value, accepted] of table) {
    it(`${accepted ? "accepts" : "refuses"} ${what}`, () => {
      expect(problem(value) === undefined).to.equal(accepted);
    });
  }
});

describe("ec2-security-group-valid-description", () => {
  const sg = res("aws:ec2/securityGroup:SecurityGroup", "lb", { description: "acme: HTTPS load balancer" });
  const egress = res("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "lb-to-nodes", {
    description: "To the backend port of the nodes",
  });
  it("passes descriptions EC2 accepts", async () =>
    expect(await messages(ec2SecurityGroupValidDescription, [sg, egress])).to.deep.equal([]));
  it("fails an apostrophe in a group's, an inline rule's and a rule resource's description", async () => {
    expect(
      await messages(ec2SecurityGroupValidDescription, [
        withInputs(sg, { description: "to the nodes' port", ingress: [{ description: "it's" }] }),
        withInputs(egress, { description: "To the nodes' backend port" }),
      ]),
    ).to.deep.equal([
      `security group lb has description "to the nodes' port", which EC2 refuses; expected ${EC2_CHARS}.`,
      `security group lb has ingress[0].description "it's", which EC2 refuses; expected ${EC2_CHARS}.`,
      `security group rule lb-to-nodes has description "To the nodes' backend port", which EC2 refuses; expected ${EC2_CHARS}.`,
    ]);
  });
  it("cannot tell yet when a description is unknown (not applicable, no violation)", async () => {
    const unknown = [withInputs(sg, { description: UNKNOWN }), withInputs(egress, { description: UNKNOWN })];
    expect(await levels(ec2SecurityGroupValidDescription, unknown)).to.deep.equal([]);
    expect(await undecidedReasons(ec2SecurityGroupValidDescription, unknown)).to.deep.equal([
      ["lb", "not decided: lb (description is not known until the deployment)"],
      ["lb-to-nodes", "not decided: lb-to-nodes (description is not known until the deployment)"],
    ]);
  });
  it("reports the descriptions it knows while others are unknown, without quoting an unknown", async () => {
    const partly = withInputs(sg, {
      description: UNKNOWN,
      ingress: [{ description: "it's", cidrBlocks: [UNKNOWN] }, UNKNOWN, { description: UNKNOWN }],
      egress: UNKNOWN,
    });
    expect(await levels(ec2SecurityGroupValidDescription, [partly])).to.deep.equal([
      ["mandatory", `security group lb has ingress[0].description "it's", which EC2 refuses; expected ${EC2_CHARS}.`],
    ]);
    expect(await undecidedReasons(ec2SecurityGroupValidDescription, [partly])).to.deep.equal([
      [
        "lb",
        "not decided: lb (description is not known until the deployment); lb (ingress[1] is not known until the deployment); lb (ingress[2].description is not known until the deployment); lb (egress is not known until the deployment)",
      ],
    ]);
  });
});

describe("ec2-security-group-valid-name", () => {
  const sg = res("aws:ec2/securityGroup:SecurityGroup", "acme-lb", {});
  it("passes an auto-named group", async () =>
    expect(await messages(ec2SecurityGroupValidName, [sg])).to.deep.equal([]));
  it("fails a group whose auto-name would start with sg-", async () => {
    expect(
      await messages(ec2SecurityGroupValidName, [res("aws:ec2/securityGroup:SecurityGroup", "sg-acme-lb", {})]),
    ).to.deep.equal([
      'security group sg-acme-lb has no name, so Pulumi names it "sg-acme-lb-abcdef0" (its logical name, "-" and 7 random characters), which EC2 refuses; expected a name of 1 to 255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-.',
    ]);
  });
  it("decides a name from its prefix, and cannot tell yet when the name is unknown, even with a prefix", async () => {
    expect(await messages(ec2SecurityGroupValidName, [withInputs(sg, { namePrefix: "sg-acme-" })])).to.have.length(1);
    const unknown = [withInputs(sg, { name: UNKNOWN, namePrefix: "sg-acme-" })];
    expect(await levels(ec2SecurityGroupValidName, unknown)).to.deep.equal([]);
    expect(await undecidedReasons(ec2SecurityGroupValidName, unknown)).to.deep.equal([
      ["acme-lb", "not decided: acme-lb (name is not known until the deployment)"],
    ]);
    expect(await undecidedReasons(ec2SecurityGroupValidName, [withInputs(sg, { namePrefix: UNKNOWN })])).to.deep.equal([
      ["acme-lb", "not decided: acme-lb (namePrefix is not known until the deployment)"],
    ]);
  });
});

describe("ec2-launch-template-valid-name", () => {
  const lt = res("aws:ec2/launchTemplate:LaunchTemplate", "acme-app", { description: "acme node group app" });
  it("passes an auto-named template", async () =>
    expect(await messages(ec2LaunchTemplateValidName, [lt])).to.deep.equal([]));
  it("fails a name with a space and a description over 255 characters", async () => {
    expect(
      await messages(ec2LaunchTemplateValidName, [withInputs(lt, { name: "acme app", description: "d".repeat(256) })]),
    ).to.deep.equal([
      'launch template acme-app has name "acme app", which EC2 refuses; expected 3 to 128 characters of a-z A-Z 0-9 ( ) . - / _.',
      `launch template acme-app has description "${"d".repeat(156)}..., which EC2 refuses; expected at most 255 characters.`,
    ]);
  });
  it("reports a known bad name while the description is unknown, and says what it could not decide", async () => {
    const partly = withInputs(lt, { name: "acme app", description: UNKNOWN });
    expect(await levels(ec2LaunchTemplateValidName, [partly])).to.deep.equal([
      [
        "mandatory",
        'launch template acme-app has name "acme app", which EC2 refuses; expected 3 to 128 characters of a-z A-Z 0-9 ( ) . - / _.',
      ],
    ]);
    expect(await undecidedReasons(ec2LaunchTemplateValidName, [partly])).to.deep.equal([
      ["acme-app", "not decided: acme-app (description is not known until the deployment)"],
    ]);
  });
});

describe("elb-load-balancer-valid-name and elb-target-group-valid-name", () => {
  const lb = res("aws:lb/loadBalancer:LoadBalancer", "acme", { name: "acme-datafold-abcdef" });
  const tg = res("aws:lb/targetGroup:TargetGroup", "acme", { name: "internal-acme-abcdef" });
  it("passes names ELB accepts (a target group may start with internal-)", async () => {
    expect(await messages(elbLoadBalancerValidName, [lb])).to.deep.equal([]);
    expect(await messages(elbTargetGroupValidName, [tg])).to.deep.equal([]);
  });
  it("fails a load balancer named internal-... and a 33-character target group", async () => {
    expect(await messages(elbLoadBalancerValidName, [withInputs(lb, { name: "internal-tools-abcdef" })])).to.deep.equal(
      [
        'load balancer acme has name "internal-tools-abcdef", which Elastic Load Balancing refuses; expected at most 32 letters, digits and hyphens, not starting or ending with a hyphen, not starting with "internal-".',
      ],
    );
    expect(await messages(elbTargetGroupValidName, [withInputs(tg, { name: "t".repeat(33) })])).to.deep.equal([
      `target group acme has name "${"t".repeat(33)}", which Elastic Load Balancing refuses; expected at most 32 letters, digits and hyphens, not starting or ending with a hyphen.`,
    ]);
  });
  it("cannot tell yet when a name is unknown (not applicable, no violation)", async () => {
    expect(await levels(elbLoadBalancerValidName, [withInputs(lb, { name: UNKNOWN })])).to.deep.equal([]);
    expect(await undecidedReasons(elbLoadBalancerValidName, [withInputs(lb, { name: UNKNOWN })])).to.deep.equal([
      ["acme", "not decided: acme (name is not known until the deployment)"],
    ]);
    expect(await undecidedReasons(elbTargetGroupValidName, [withInputs(tg, { name: UNKNOWN })])).to.deep.equal([
      ["acme", "not decided: acme (name is not known until the deployment)"],
    ]);
  });
});

describe("rds-instance-valid-identifier", () => {
  const db = res("aws:rds/instance:Instance", "acme-db", { identifier: "acme", finalSnapshotIdentifier: "acme-final" });
  it("passes identifiers RDS accepts", async () =>
    expect(await messages(rdsInstanceValidIdentifier, [db])).to.deep.equal([]));
  it("fails -- in the identifier and in the final snapshot's", async () => {
    const rule =
      "letters, digits and hyphens, starting with a letter, without two hyphens in a row or a hyphen at the end";
    expect(
      await messages(rdsInstanceValidIdentifier, [
        withInputs(db, { identifier: "acme--x", finalSnapshotIdentifier: "acme--x-final" }),
      ]),
    ).to.deep.equal([
      `DB instance acme-db has identifier "acme--x", which RDS refuses; expected 1 to 63 ${rule}.`,
      `DB instance acme-db has finalSnapshotIdentifier "acme--x-final", which RDS refuses; expected 1 to 255 ${rule}.`,
    ]);
  });
  it("reports a known bad identifier while the final snapshot's is unknown, and says what it could not decide", async () => {
    const partly = withInputs(db, { identifier: "acme--x", finalSnapshotIdentifier: UNKNOWN });
    expect((await levels(rdsInstanceValidIdentifier, [partly])).map(([level]) => level)).to.deep.equal(["mandatory"]);
    expect(await undecidedReasons(rdsInstanceValidIdentifier, [partly])).to.deep.equal([
      ["acme-db", "not decided: acme-db (finalSnapshotIdentifier is not known until the deployment)"],
    ]);
  });
});

describe("rds-parameter-group-valid-name", () => {
  it("passes auto-named groups", async () => {
    expect(
      await messages(rdsParameterGroupValidName, [
        res("aws:rds/parameterGroup:ParameterGroup", "acme-db", {}),
        res("aws:rds/subnetGroup:SubnetGroup", "acme-db", {}),
      ]),
    ).to.deep.equal([]);
  });
  it("fails an auto-name with -- and a subnet group named default", async () => {
    expect(
      await messages(rdsParameterGroupValidName, [
        res("aws:rds/parameterGroup:ParameterGroup", "acme--db", {}),
        res("aws:rds/subnetGroup:SubnetGroup", "db", { name: "default" }),
      ]),
    ).to.deep.equal([
      'DB parameter group acme--db has no name, so Pulumi names it "acme--db-abcdef0" (its logical name, "-" and 7 random characters), which RDS refuses; expected 1 to 255 letters, digits and hyphens, starting with a letter, without two hyphens in a row or a hyphen at the end.',
      'DB subnet group db has name "default", which RDS refuses; expected at most 255 letters, digits, periods, underscores, spaces and hyphens, not "default".',
    ]);
  });
  it("cannot tell yet when a group's name is unknown, and reads no other resource's name", async () => {
    const groups = [
      res("aws:rds/parameterGroup:ParameterGroup", "acme-db", { name: UNKNOWN }),
      res("aws:route53/record:Record", "validation", { name: UNKNOWN, type: "CNAME" }),
    ];
    expect(await levels(rdsParameterGroupValidName, groups)).to.deep.equal([]);
    expect(await undecidedReasons(rdsParameterGroupValidName, groups)).to.deep.equal([
      ["acme-db", "not decided: acme-db (name is not known until the deployment)"],
    ]);
  });
});

describe("s3-bucket-valid-name", () => {
  const bucket = res("aws:s3/bucket:Bucket", "backups", { bucket: "acme-clickhouse-backups-abcdefgh" });
  it("passes a valid name", async () => expect(await messages(s3BucketValidName, [bucket])).to.deep.equal([]));
  it("fails a name starting with xn-- and a prefix too long", async () => {
    expect(
      await messages(s3BucketValidName, [
        withInputs(bucket, { bucket: "xn--acme-clickhouse-backups-abcdefgh" }),
        res("aws:s3/bucketV2:BucketV2", "other", { bucketPrefix: "p".repeat(38) }),
      ]),
    ).to.deep.equal([
      'bucket backups has bucket "xn--acme-clickhouse-backups-abcdefgh", which S3 refuses; expected 3 to 63 lowercase letters, digits, periods and hyphens, starting and ending with a letter or digit, not an IP address, not starting with xn--, sthree- or amzn-s3-demo-, not ending with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3.',
      `bucket other has bucketPrefix "${"p".repeat(38)}", which S3 refuses; expected a prefix of at most 37 characters.`,
    ]);
  });
  it("fails uppercase in a given name and in an auto-name's logical name only where the provider keeps it", async () => {
    expect(await messages(s3BucketValidName, [withInputs(bucket, { bucket: "Acme-Backups" })])).to.have.length(1);
    // Pulumi lower-cases a bucket's auto-name.
    expect(await messages(s3BucketValidName, [res("aws:s3/bucket:Bucket", "Acme-Backups", {})])).to.deep.equal([]);
  });
  it("cannot tell yet when the name (a random suffix of the same run) or the prefix is unknown", async () => {
    const unknown = [
      withInputs(bucket, { bucket: UNKNOWN }),
      res("aws:s3/bucketV2:BucketV2", "other", { bucketPrefix: UNKNOWN }),
    ];
    expect(await levels(s3BucketValidName, unknown)).to.deep.equal([]);
    expect(await undecidedReasons(s3BucketValidName, unknown)).to.deep.equal([
      ["backups", "not decided: backups (bucket is not known until the deployment)"],
      ["other", "not decided: other (bucketPrefix is not known until the deployment)"],
    ]);
  });
});

describe("kms-alias-valid-name", () => {
  const alias = res("aws:kms/alias:Alias", "acme-db", { name: "alias/acme-db" });
  it("passes an alias", async () => expect(await messages(kmsAliasValidName, [alias])).to.deep.equal([]));
  it("fails an alias under alias/aws/", async () => {
    expect(await messages(kmsAliasValidName, [withInputs(alias, { name: "alias/aws/acme" })])).to.deep.equal([
      'KMS alias acme-db has name "alias/aws/acme", which KMS refuses; expected alias/ followed by letters, digits, / _ -, at most 256 characters in all, not starting with alias/aws/.',
    ]);
  });
  it("fails a prefix under alias/aws/, and cannot tell yet when the name is unknown", async () => {
    expect(
      await messages(kmsAliasValidName, [res("aws:kms/alias:Alias", "p", { namePrefix: "alias/aws/acme-" })]),
    ).to.deep.equal([
      'KMS alias p has namePrefix "alias/aws/acme-", which KMS refuses; expected alias/ followed by letters, digits, / _ -, at most 256 characters in all, not starting with alias/aws/.',
    ]);
    const unknown = [withInputs(alias, { name: UNKNOWN })];
    expect(await levels(kmsAliasValidName, unknown)).to.deep.equal([]);
    expect(await undecidedReasons(kmsAliasValidName, unknown)).to.deep.equal([
      ["acme-db", "not decided: acme-db (name is not known until the deployment)"],
    ]);
  });
});

describe("iam-role-valid-name and iam-policy-valid-name", () => {
  it("passes auto-named roles and policies whose names fit", async () => {
    expect(
      await messages(iamRoleValidName, [
        res("aws:iam/role:Role", `${"a".repeat(28)}-load-balancer-controller`, {
          description: "IRSA for kube-system/x",
        }),
      ]),
    ).to.deep.equal([]);
    expect(await messages(iamPolicyValidName, [res("aws:iam/policy:Policy", "acme-vendor-minimal", {})])).to.deep.equal(
      [],
    );
  });
  it("fails a role whose auto-name exceeds 64 characters, and a description with a character outside Latin-1", async () => {
    const long = "r".repeat(57);
    expect(
      await messages(iamRoleValidName, [res("aws:iam/role:Role", long, { description: "nodes → cluster" })]),
    ).to.deep.equal([
      `IAM role ${long} has no name, so Pulumi names it "${long}-abcdef0" (its logical name, "-" and 7 random characters), which IAM refuses; expected 1 to 64 characters of A-Z a-z 0-9 _ + = , . @ -.`,
      `IAM role ${long} has description "nodes → cluster", which IAM refuses; expected at most 1000 characters of printable ASCII, tab, line breaks and Latin-1 (U+00A1 to U+00FF).`,
    ]);
    expect(await messages(iamPolicyValidName, [res("aws:iam/policy:Policy", "p", { name: "a b" })])).to.deep.equal([
      'IAM policy p has name "a b", which IAM refuses; expected 1 to 128 characters of A-Z a-z 0-9 _ + = , . @ -.',
    ]);
  });
  it("reports a known bad name while the description is unknown, and cannot tell yet when a name is unknown", async () => {
    const role = res("aws:iam/role:Role", "r", { name: "a b", description: UNKNOWN });
    expect((await levels(iamRoleValidName, [role])).map(([level]) => level)).to.deep.equal(["mandatory"]);
    expect(await undecidedReasons(iamRoleValidName, [role])).to.deep.equal([
      ["r", "not decided: r (description is not known until the deployment)"],
    ]);
    const policy = res("aws:iam/rolePolicy:RolePolicy", "p", { name: UNKNOWN });
    expect(await levels(iamPolicyValidName, [policy])).to.deep.equal([]);
    expect(await undecidedReasons(iamPolicyValidName, [policy])).to.deep.equal([
      ["p", "not decided: p (name is not known until the deployment)"],
    ]);
  });
});

describe("eks-node-group-valid-name", () => {
  it("passes an auto-named group whose name fits in 63 characters", async () => {
    expect(
      await messages(eksNodeGroupValidName, [
        res("aws:eks/nodeGroup:NodeGroup", `${"a".repeat(28)}-${"b".repeat(20)}`, {}),
      ]),
    ).to.deep.equal([]);
  });
  it("fails a node group name over 63 characters and a cluster name with a dot", async () => {
    expect(
      await messages(eksNodeGroupValidName, [
        res("aws:eks/nodeGroup:NodeGroup", "g", { nodeGroupName: "n".repeat(64) }),
        res("eks:index:Cluster", "acme-eks", { name: "acme.eks" }),
      ]),
    ).to.deep.equal([
      `node group g has nodeGroupName "${"n".repeat(64)}", which EKS refuses; expected 1 to 63 letters, digits, hyphens and underscores, starting with a letter or digit.`,
      'EKS cluster acme-eks has name "acme.eks", which EKS refuses; expected 1 to 100 letters, digits, hyphens and underscores, starting with a letter or digit.',
    ]);
  });
  it("cannot tell yet when a group's or cluster's name is unknown", async () => {
    const unknown = [
      res("aws:eks/nodeGroup:NodeGroup", "g", { nodeGroupName: UNKNOWN }),
      res("eks:index:Cluster", "acme-eks", { name: UNKNOWN }),
    ];
    expect(await levels(eksNodeGroupValidName, unknown)).to.deep.equal([]);
    expect(await undecidedReasons(eksNodeGroupValidName, unknown)).to.deep.equal([
      ["g", "not decided: g (nodeGroupName is not known until the deployment)"],
      ["acme-eks", "not decided: acme-eks (name is not known until the deployment)"],
    ]);
  });
});

describe("eks-node-group-valid-labels-taints", () => {
  const group = res("aws:eks/nodeGroup:NodeGroup", "data", {
    labels: { "datafold.com/node-pool": "data" },
    taints: [{ key: "clickhouse", value: "reserved", effect: "NO_SCHEDULE" }],
  });
  it("passes the data group's label and taint", async () =>
    expect(await messages(eksNodeGroupValidLabelsTaints, [group])).to.deep.equal([]));
  it("fails a reserved label, an empty label value, a long taint value and 51 taints", async () => {
    const taints = Array.from({ length: 51 }, (_, i) => ({ key: `t${i}`, value: "", effect: "NO_SCHEDULE" }));
    taints[0] = { key: "clickhouse", value: "v".repeat(64), effect: "NO_SCHEDULE" };
    expect(
      await messages(eksNodeGroupValidLabelsTaints, [
        withInputs(group, { labels: { "node-role.kubernetes.io/app": "true", pool: "" }, taints }),
      ]),
    ).to.deep.equal([
      'node group data has label key "node-role.kubernetes.io/app", which EKS refuses; expected a key outside the kubernetes.io, k8s.io, eks.amazonaws.com namespaces (and their subdomains), which EKS and the kubelet reserve.',
      'node group data has label pool="", which EKS refuses; expected a label value of 1 to 63 letters, digits, - _ ., starting and ending with a letter or digit.',
      "node group data has 51 taints; EKS takes at most 50.",
      `node group data has taints[0].value "${"v".repeat(64)}", which EKS refuses; expected a taint value of at most 63 letters, digits, - _ ., starting and ending with a letter or digit.`,
    ]);
  });
  it("decides a reserved label key and the number of taints while values are unknown, and says what it could not decide", async () => {
    const taints: unknown[] = Array.from({ length: 50 }, (_, i) => ({
      key: `t${i}`,
      value: "",
      effect: "NO_SCHEDULE",
    }));
    taints[0] = { key: UNKNOWN, value: UNKNOWN, effect: "NO_SCHEDULE" };
    const partly = withInputs(group, {
      labels: { "node-role.kubernetes.io/data": UNKNOWN },
      taints: [...taints, UNKNOWN],
    });
    expect(await levels(eksNodeGroupValidLabelsTaints, [partly])).to.deep.equal([
      [
        "mandatory",
        'node group data has label key "node-role.kubernetes.io/data", which EKS refuses; expected a key outside the kubernetes.io, k8s.io, eks.amazonaws.com namespaces (and their subdomains), which EKS and the kubelet reserve.',
      ],
      ["mandatory", "node group data has 51 taints; EKS takes at most 50."],
    ]);
    expect(await undecidedReasons(eksNodeGroupValidLabelsTaints, [partly])).to.deep.equal([
      [
        "data",
        "not decided: data (labels.node-role.kubernetes.io/data is not known until the deployment); data (taints[0].key is not known until the deployment); data (taints[0].value is not known until the deployment); data (taints[50] is not known until the deployment)",
      ],
    ]);
  });
  it("cannot tell yet when the labels or taints are unknown", async () => {
    const unknown = withInputs(group, { labels: UNKNOWN, taints: UNKNOWN });
    expect(await levels(eksNodeGroupValidLabelsTaints, [unknown])).to.deep.equal([]);
    expect(await undecidedReasons(eksNodeGroupValidLabelsTaints, [unknown])).to.deep.equal([
      [
        "data",
        "not decided: data (labels is not known until the deployment); data (taints is not known until the deployment)",
      ],
    ]);
  });
});

describe("aws-resource-valid-tags", () => {
  const volume = res("aws:ebs/volume:Volume", "data", { tags: { Name: "data", "managed-by": "pulumi" } });
  it("passes tags AWS accepts", async () => expect(await messages(awsResourceValidTags, [volume])).to.deep.equal([]));
  it("fails 51 tags, an aws: key and a value with a comma, in tags and in a launch template's tag specifications", async () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    expect(
      await messages(awsResourceValidTags, [
        withInputs(volume, { tags: many }),
        res("aws:ec2/launchTemplate:LaunchTemplate", "lt", {
          tags: { "aws:owner": "x" },
          tagSpecifications: [{ resourceType: "instance", tags: { team: "a,b" } }],
        }),
      ]),
    ).to.deep.equal([
      "data has 51 tags; AWS takes at most 50 tags a resource.",
      'lt has tags key "aws:owner", which AWS tagging refuses; expected a tag key not starting with aws: (reserved for AWS).',
      'lt has tagSpecifications[0].tags.team "a,b", which AWS tagging refuses; expected a tag value of at most 256 letters, digits, spaces and _ . : / = + - @.',
    ]);
  });
  it("decides keys and their number while values are unknown, and says what it could not decide", async () => {
    const partly = [
      withInputs(volume, { tags: { "aws:owner": UNKNOWN, Name: "data" } }),
      res("aws:ec2/launchTemplate:LaunchTemplate", "lt", {
        tags: UNKNOWN,
        tagSpecifications: [{ resourceType: "instance", tags: { team: UNKNOWN } }, UNKNOWN],
      }),
    ];
    expect(await levels(awsResourceValidTags, partly)).to.deep.equal([
      [
        "mandatory",
        'data has tags key "aws:owner", which AWS tagging refuses; expected a tag key not starting with aws: (reserved for AWS).',
      ],
    ]);
    expect(await undecidedReasons(awsResourceValidTags, partly)).to.deep.equal([
      ["data", "not decided: data (tags.aws:owner is not known until the deployment)"],
      [
        "lt",
        "not decided: lt (tags is not known until the deployment); lt (tagSpecifications[0].tags.team is not known until the deployment); lt (tagSpecifications[1] is not known until the deployment)",
      ],
    ]);
  });
  it("leaves resources of other providers alone", async () => {
    expect(
      await messages(awsResourceValidTags, [res("kubernetes:core/v1:Namespace", "ns", { tags: { "aws:x": "," } })]),
    ).to.deep.equal([]);
  });
});
