import { expect } from "chai";

import { iamPolicyNoAdminWildcard } from "../rules/iam/iam-policy-no-admin-wildcard";
import {
  iamRoleCrossAccountTrustRestricted,
  principalAccount,
} from "../rules/iam/iam-role-cross-account-trust-restricted";
import { iamRoleIrsaTrustPinned } from "../rules/iam/iam-role-irsa-trust-pinned";
import { levels, messages, res, UNKNOWN, undecidedReasons } from "./helpers";

const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/ABC";
const OIDC = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;

function irsaRole(condition: Record<string, unknown>) {
  return res("aws:iam/role:Role", "backup", {
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: OIDC },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: condition,
        },
      ],
    }),
  });
}

describe("iam-role-irsa-trust-pinned", () => {
  const pinned = {
    StringEquals: {
      [`${ISSUER}:aud`]: "sts.amazonaws.com",
      [`${ISSUER}:sub`]: "system:serviceaccount:acme:clickhouse",
    },
  };
  it("passes a trust pinned to one service account and the STS audience", async () =>
    expect(await messages(iamRoleIrsaTrustPinned, [irsaRole(pinned)])).to.deep.equal([]));
  it("passes several exact service accounts", async () => {
    const many = {
      StringEquals: {
        ...pinned.StringEquals,
        [`${ISSUER}:sub`]: ["system:serviceaccount:acme:server", "system:serviceaccount:acme:worker"],
      },
    };
    expect(await messages(iamRoleIrsaTrustPinned, [irsaRole(many)])).to.deep.equal([]);
  });
  it("fails a wildcard subject with StringLike", async () => {
    const wild = {
      StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" },
      StringLike: { [`${ISSUER}:sub`]: "system:serviceaccount:acme:*" },
    };
    expect(await messages(iamRoleIrsaTrustPinned, [irsaRole(wild)])).to.deep.equal([
      "IRSA role backup's trust matches sub with StringLike; use StringEquals with exact service accounts; names no service account (StringEquals <issuer>:sub).",
    ]);
  });
  it("fails a wildcard inside StringEquals and a missing audience", async () => {
    const loose = { StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:acme:*" } };
    expect(await messages(iamRoleIrsaTrustPinned, [irsaRole(loose)])).to.deep.equal([
      'IRSA role backup\'s trust has subjects that are not exact service accounts: ["system:serviceaccount:acme:*"]; must pin the audience (StringEquals <issuer>:aud = sts.amazonaws.com); it has "none".',
    ]);
  });
  it("leaves other roles alone, and cannot tell yet (not applicable) while the trust is unknown", async () => {
    const ec2 = res("aws:iam/role:Role", "nodes", {
      assumeRolePolicy: JSON.stringify({
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    });
    const roles = [ec2, res("aws:iam/role:Role", "x", { assumeRolePolicy: UNKNOWN })];
    expect(await levels(iamRoleIrsaTrustPinned, roles)).to.deep.equal([]);
    expect(await undecidedReasons(iamRoleIrsaTrustPinned, roles)).to.deep.equal([
      ["x", "not decided: x (assumeRolePolicy is not known until the deployment)"],
    ]);
  });
  it("checks any action allowed through the OIDC provider (sts:* too)", async () => {
    const wide = res("aws:iam/role:Role", "wide", {
      assumeRolePolicy: JSON.stringify({
        Statement: [
          {
            Effect: "Allow",
            Principal: { Federated: OIDC },
            Action: "sts:*",
            Condition: { StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" } },
          },
        ],
      }),
    });
    expect(await messages(iamRoleIrsaTrustPinned, [wide])).to.deep.equal([
      "IRSA role wide's trust names no service account (StringEquals <issuer>:sub).",
    ]);
  });
});

describe("iam-role-cross-account-trust-restricted", () => {
  const vendor = (principal: unknown, condition?: unknown) =>
    res("aws:iam/role:Role", "vendor", {
      assumeRolePolicy: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: principal },
            Action: "sts:AssumeRole",
            ...(condition ? { Condition: condition } : {}),
          },
        ],
      },
    });
  const mfa = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
  it("passes the vendor's account with MFA", async () =>
    expect(
      await messages(iamRoleCrossAccountTrustRestricted, [vendor("arn:aws:iam::710753145501:root", mfa)]),
    ).to.deep.equal([]));
  it("fails another account, and no MFA", async () => {
    expect(
      await messages(iamRoleCrossAccountTrustRestricted, [vendor(["arn:aws:iam::999999999999:root"])]),
    ).to.deep.equal([
      "role vendor trusts arn:aws:iam::999999999999:root; only accounts 710753145501 may assume it.",
      "role vendor lets arn:aws:iam::999999999999:root assume it without MFA; require Bool aws:MultiFactorAuthPresent = true.",
    ]);
  });
  it("fails anyone (*), written as an AWS principal or as the whole Principal", async () => {
    expect(await messages(iamRoleCrossAccountTrustRestricted, [vendor("*", mfa)])).to.deep.equal([
      "role vendor trusts *; only accounts 710753145501 may assume it.",
    ]);
    const everyone = res("aws:iam/role:Role", "open", {
      assumeRolePolicy: { Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: mfa }] },
    });
    expect(await messages(iamRoleCrossAccountTrustRestricted, [everyone])).to.deep.equal([
      "role open trusts *; only accounts 710753145501 may assume it.",
    ]);
  });
  it("follows the pack's config", async () => {
    const config = {
      "iam-role-cross-account-trust-restricted": { trustedAccountIds: ["999999999999"], requireMfa: false },
    };
    expect(await messages(iamRoleCrossAccountTrustRestricted, [vendor("999999999999")], config)).to.deep.equal([]);
  });
  const accounts: [string, string][] = [
    ["710753145501", "710753145501"],
    ["arn:aws:iam::710753145501:root", "710753145501"],
    ["arn:aws:iam::710753145501:role/deployer", "710753145501"],
    ["arn:aws:sts::710753145501:assumed-role/x/y", "710753145501"],
    ["*", "*"],
  ];
  for (const [principal, account] of accounts)
    it(`reads ${principal} as account ${account}`, () => expect(principalAccount(principal)).to.equal(account));
});

describe("iam-policy-no-admin-wildcard", () => {
  const doc = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
  it("passes scoped policies (and a service wildcard like s3:*)", async () => {
    expect(
      await messages(iamPolicyNoAdminWildcard, [
        res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: ["s3:*"], Resource: "*" }) }),
      ]),
    ).to.deep.equal([]);
  });
  it("fails * on * in a managed policy, an inline role policy and a role's inline policies", async () => {
    const admin = doc({ Effect: "Allow", Action: "*", Resource: "*" });
    expect(
      await messages(iamPolicyNoAdminWildcard, [
        res("aws:iam/policy:Policy", "p", { policy: admin }),
        res("aws:iam/rolePolicy:RolePolicy", "rp", { policy: admin }),
        res("aws:iam/role:Role", "r", { inlinePolicies: [{ name: "x", policy: admin }] }),
      ]),
    ).to.deep.equal([
      'p allows "*" on "*"; grant the actions it needs, or attach AdministratorAccess where that is the documented choice.',
      'rp allows "*" on "*"; grant the actions it needs, or attach AdministratorAccess where that is the documented choice.',
      'r allows "*" on "*"; grant the actions it needs, or attach AdministratorAccess where that is the documented choice.',
    ]);
  });
  it("passes a Deny of everything", async () => {
    expect(
      await messages(iamPolicyNoAdminWildcard, [
        res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) }),
      ]),
    ).to.deep.equal([]);
  });
  it("fails the NotAction and NotResource ways of writing everything", async () => {
    const notAction = res("aws:iam/policy:Policy", "na", {
      policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
    });
    const notResource = res("aws:iam/policy:Policy", "nr", {
      policy: doc({ Effect: "Allow", Action: "*", NotResource: "arn:aws:s3:::x" }),
    });
    expect(await messages(iamPolicyNoAdminWildcard, [notAction, notResource])).to.have.length(2);
  });
});
