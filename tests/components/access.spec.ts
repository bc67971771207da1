import { expect } from "chai";

import { Access } from "../../components/access/access";
import type { AccessArgs } from "../../components/access/args";
import { IAM_CHANGE_ACTIONS, MINIMAL_ACTIONS } from "../../components/access/documents";
import { find, inputs, outputs, runComponents, shape } from "../helpers";

function plan(args: AccessArgs = {}) {
  return runComponents(() => {
    const a = new Access("acme", { tags: { "datafold:deployment": "acme" }, ...args });
    return { roleArn: a.roleArn, switchRoleUrl: a.switchRoleUrl };
  });
}

function trust(run: Awaited<ReturnType<typeof plan>>) {
  return JSON.parse(inputs(find(run, "aws:iam/role:Role", "acme-vendor")).assumeRolePolicy as string) as {
    Statement: Record<string, unknown>[];
  };
}

describe("Access", () => {
  it("by default: a role trusting the vendor's account with MFA, one-hour sessions, the minimal policy attached", async () => {
    const run = await plan();
    expect(shape(run)).to.deep.equal([
      "aws:iam/policy:Policy acme-vendor-minimal",
      "aws:iam/role:Role acme-vendor",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-vendor-minimal",
    ]);
    expect(trust(run).Statement).to.deep.equal([
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::710753145501:root" },
        Action: "sts:AssumeRole",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
    ]);
    expect(inputs(find(run, "aws:iam/role:Role", "acme-vendor")).maxSessionDuration).to.equal(3600);
    const policy = JSON.parse(inputs(find(run, "aws:iam/policy:Policy", "acme-vendor-minimal")).policy as string) as {
      Statement: { Action: string[]; Resource: string }[];
    };
    expect(policy.Statement).to.have.length(1);
    expect(policy.Statement[0].Action).to.deep.equal([...MINIMAL_ACTIONS]);
    expect(
      inputs(find(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "acme-vendor-minimal")).policyArn,
    ).to.equal((find(run, "aws:iam/policy:Policy", "acme-vendor-minimal").outputs as { arn: string }).arn);
  });

  it("checks the external id when one is set, and trusts another account when told", async () => {
    const run = await plan({ externalId: "acme-7f3a", trustedAccountId: "111122223333", requireMfa: false });
    expect(trust(run).Statement).to.deep.equal([
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "acme-7f3a" } },
      },
    ]);
  });

  it("attaches AdministratorAccess instead when asked, and the temporary IAM policy when allowed", async () => {
    const run = await plan({ permissions: "administrator", allowIamChanges: true });
    expect(shape(run)).to.deep.equal([
      "aws:iam/policy:Policy acme-vendor-iam-changes",
      "aws:iam/role:Role acme-vendor",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-vendor-administrator",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-vendor-iam-changes",
    ]);
    expect(
      inputs(find(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "acme-vendor-administrator")).policyArn,
    ).to.equal("arn:aws:iam::aws:policy/AdministratorAccess");
    const iam = JSON.parse(inputs(find(run, "aws:iam/policy:Policy", "acme-vendor-iam-changes")).policy as string) as {
      Statement: { Action: string[] }[];
    };
    expect(iam.Statement[0].Action).to.deep.equal([...IAM_CHANGE_ACTIONS]);
  });

  it("outputs the role ARN and the console's switch-role link", async () => {
    const run = await plan();
    const role = find(run, "aws:iam/role:Role", "acme-vendor").outputs as { arn: string; name: string };
    expect(outputs(run)).to.deep.equal({
      roleArn: role.arn,
      switchRoleUrl: `https://signin.aws.amazon.com/switchrole?roleName=${role.name}&account=123456789012&displayName=acme`,
    });
  });
});

describe("access documents", () => {
  it("lists the specification's 71 minimal actions and 16 temporary IAM actions, each once", () => {
    expect(MINIMAL_ACTIONS).to.have.length(71);
    expect(new Set(MINIMAL_ACTIONS).size).to.equal(71);
    expect(IAM_CHANGE_ACTIONS).to.have.length(16);
    expect(IAM_CHANGE_ACTIONS.every((a) => a.startsWith("iam:"))).to.equal(true);
    expect(MINIMAL_ACTIONS.filter((a) => a.endsWith(":*"))).to.deep.equal([
      "autoscaling:*",
      "ec2:*",
      "eks:*",
      "elasticloadbalancing:*",
      "rds:*",
      "s3:*",
    ]);
  });
});
