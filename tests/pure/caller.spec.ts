import { expect } from "chai";

import { callerProblems, principalOfCaller } from "../../config/caller";

describe("the identity that runs pulumi up", () => {
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

  describe("callerProblems", () => {
    const caller = "arn:aws:sts::123456789012:assumed-role/Deployer/gha-42";
    it("refuses the caller's own role in adminRoleArns, with its path, naming the key", () => {
      expect(
        callerProblems(
          { adminRoleArns: ["arn:aws:iam::123456789012:role/infra/Deployer"], viewerRoleArns: [] },
          caller,
        ),
      ).to.deep.equal([
        'datafold-aws:cluster.adminRoleArns: got "arn:aws:iam::123456789012:role/infra/Deployer", the identity running this deployment (arn:aws:sts::123456789012:assumed-role/Deployer/gha-42); expected principals other than it: EKS gives the identity that creates the cluster an admin access entry of its own and refuses a second one. Remove it from the list.',
      ]);
    });

    it("refuses it in viewerRoleArns too", () => {
      expect(
        callerProblems({ adminRoleArns: [], viewerRoleArns: ["arn:aws:iam::123456789012:role/Deployer"] }, caller),
      ).to.have.length(1);
    });

    it("accepts a role of the same name in another account, a user of the same name, and other roles", () => {
      expect(
        callerProblems(
          {
            adminRoleArns: ["arn:aws:iam::210987654321:role/Deployer", "arn:aws:iam::123456789012:user/Deployer"],
            viewerRoleArns: ["arn:aws:iam::123456789012:role/Preview"],
          },
          caller,
        ),
      ).to.deep.equal([]);
    });
  });
});
