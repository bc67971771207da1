import { expect } from "chai";

import { callerChecks, principalArn, principalOfCaller } from "../../config/caller";

describe("the identity that runs pulumi", () => {
  describe("principalOfCaller", () => {
    const table: [string, ReturnType<typeof principalOfCaller>][] = [
      ["arn:aws:iam::123456789012:user/Alice", { account: "123456789012", kind: "user", name: "Alice" }],
      ["arn:aws:iam::123456789012:user/ops/Alice", { account: "123456789012", kind: "user", name: "Alice" }],
      [
        "arn:aws:sts::123456789012:assumed-role/Deployer/gha-42",
        { account: "123456789012", kind: "role", name: "Deployer" },
      ],
      ["arn:aws-cn:iam::123456789012:role/infra/Deployer", { account: "123456789012", kind: "role", name: "Deployer" }],
      ["arn:aws:iam::123456789012:root", undefined],
      ["not an arn", undefined],
    ];
    for (const [arn, want] of table) {
      it(`reads ${arn}`, () => {
        expect(principalOfCaller(arn)).to.deep.equal(want);
      });
    }
  });

  describe("principalArn", () => {
    const table: [string, string][] = [
      ["arn:aws:sts::123456789012:assumed-role/Deployer/gha-42", "arn:aws:iam::123456789012:role/Deployer"],
      ["arn:aws-cn:iam::123456789012:user/ops/Alice", "arn:aws-cn:iam::123456789012:user/Alice"],
      ["arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:root"],
    ];
    for (const [arn, want] of table) {
      it(`gives ${want} for ${arn}, without the session name or path`, () => expect(principalArn(arn)).to.equal(want));
    }
  });

  describe("callerChecks", () => {
    const caller = "arn:aws:sts::123456789012:assumed-role/Deployer/gha-42";
    const deployer = "arn:aws:iam::123456789012:role/infra/Deployer";
    const preview = "arn:aws:iam::123456789012:role/Preview";
    const existing = { clusterExists: true, dryRun: false, clusterCreator: "" };
    const none = { problems: [], warnings: [] };

    // Before the fix, each of these was refused: the README's own setup (the preview role among the
    // viewers, the deploy role among the administrators) could never preview or deploy a stack.
    it("accepts the caller among the viewers once the cluster exists (the pull-request preview role)", () => {
      expect(
        callerChecks(
          { adminRoleArns: [], viewerRoleArns: [preview] },
          "arn:aws:sts::123456789012:assumed-role/Preview/pr-7",
          {
            ...existing,
            dryRun: true,
          },
        ),
      ).to.deep.equal(none);
    });

    it("accepts the caller among the administrators once the cluster exists (a CI deploy role)", () => {
      expect(callerChecks({ adminRoleArns: [deployer], viewerRoleArns: [] }, caller, existing)).to.deep.equal(none);
    });

    it("refuses the caller among the administrators in the pulumi up that creates the cluster, naming the key", () => {
      expect(
        callerChecks({ adminRoleArns: [deployer], viewerRoleArns: [] }, caller, { ...existing, clusterExists: false }),
      ).to.deep.equal({
        problems: [
          'datafold-aws:cluster.adminRoleArns: got "arn:aws:iam::123456789012:role/infra/Deployer", the identity running this pulumi up (arn:aws:sts::123456789012:assumed-role/Deployer/gha-42), which creates the cluster; expected principals other than it: EKS gives the identity that creates a cluster a cluster-admin access entry of its own and refuses a second one for it (CreateAccessEntry: ResourceInUseException), so this run would stop at this entry after creating the cluster. Remove it from the list (EKS\'s own entry makes it cluster-admin), or run the first pulumi up as another identity.',
        ],
        warnings: [],
      });
    });

    it("only warns in a preview of a cluster that does not exist yet: the preview creates nothing", () => {
      expect(
        callerChecks({ adminRoleArns: [], viewerRoleArns: ["arn:aws:iam::123456789012:role/Deployer"] }, caller, {
          clusterExists: false,
          dryRun: true,
          clusterCreator: "",
        }),
      ).to.deep.equal({
        problems: [],
        warnings: [
          'datafold-aws:cluster.viewerRoleArns: "arn:aws:iam::123456789012:role/Deployer" is the identity running this preview (arn:aws:sts::123456789012:assumed-role/Deployer/gha-42), and the cluster does not exist yet. A pulumi up as this identity would create it, and EKS gives the identity that creates a cluster a cluster-admin access entry of its own and refuses a second one for it (CreateAccessEntry: ResourceInUseException): that run would stop at this entry after creating the cluster (pulumi up refuses it before anything is declared). Run the first pulumi up as another identity, or remove it from the list (EKS\'s own entry makes the creator cluster-admin).',
        ],
      });
    });

    it("warns when a list names the principal that created the existing cluster, whoever runs pulumi", () => {
      expect(
        callerChecks(
          { adminRoleArns: [deployer], viewerRoleArns: [preview] },
          "arn:aws:sts::123456789012:assumed-role/Preview/pr-7",
          {
            ...existing,
            clusterCreator: "arn:aws:iam::123456789012:role/Deployer",
          },
        ),
      ).to.deep.equal({
        problems: [],
        warnings: [
          'datafold-aws:cluster.adminRoleArns: "arn:aws:iam::123456789012:role/infra/Deployer" is the principal that created the cluster (arn:aws:iam::123456789012:role/Deployer, statefulSettings.clusterCreator): EKS gave it a cluster-admin access entry then and refuses a second one (CreateAccessEntry: ResourceInUseException). Unless that entry was deleted (aws eks delete-access-entry), a pulumi up that adds this one stops there; EKS\'s entry already makes it cluster-admin, so it need not be listed.',
        ],
      });
    });

    it("accepts a role of the same name in another account, a user of the same name, and other roles", () => {
      expect(
        callerChecks(
          {
            adminRoleArns: ["arn:aws:iam::210987654321:role/Deployer", "arn:aws:iam::123456789012:user/Deployer"],
            viewerRoleArns: [preview],
          },
          caller,
          { clusterExists: false, dryRun: false, clusterCreator: "" },
        ),
      ).to.deep.equal(none);
    });
  });
});
