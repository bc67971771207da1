import { expect } from "chai";

import { ConfigError, type RawConfig, validateConfig } from "../../config/validator";
import type { RawProviderConfig } from "../../config/credentials";

const VALUES = {
  deploymentName: "acme",
  domain: "datafold.acme.example",
  cluster: { publicAccessCidrs: ["203.0.113.0/24"] },
};
const ROLE = "arn:aws:iam::123456789012:role/Deployer";

/** The credentials the settings carry, or the problems validation reports. */
function read(provider: RawProviderConfig): unknown {
  const raw: RawConfig = { region: "us-east-1", values: VALUES, provider };
  try {
    return validateConfig(raw).credentials;
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe("provider credentials (aws:profile, aws:assumeRoles)", () => {
  const accepted: [string, RawProviderConfig, unknown][] = [
    ["none: the ambient credentials", {}, {}],
    ["an empty profile as none", { profile: "" }, {}],
    ["a profile", { profile: "datafold-deploy" }, { profileName: "datafold-deploy" }],
    ["one role to assume", { assumeRoles: [{ roleArn: ROLE, sessionName: "pulumi" }] }, { roleArn: ROLE }],
    [
      "a profile and a role",
      { profile: "datafold-deploy", assumeRoles: [{ roleArn: ROLE }] },
      { profileName: "datafold-deploy", roleArn: ROLE },
    ],
    ["an empty list of roles", { assumeRoles: [] }, {}],
  ];
  for (const [what, provider, credentials] of accepted) {
    it(`reads ${what}`, () => expect(read(provider)).to.deep.equal(credentials));
  }

  const refused: [string, RawProviderConfig, string[]][] = [
    [
      "a chain of roles, which `aws eks get-token` cannot follow",
      { assumeRoles: [{ roleArn: ROLE }, { roleArn: "arn:aws:iam::210987654321:role/Next" }] },
      [
        "aws:assumeRoles: got a chain of 2 roles; expected at most one: the cluster's kubeconfig runs `aws eks get-token --role <arn>`, which assumes one role. Put the chain in an AWS CLI profile (role_arn and source_profile) and set aws:profile",
      ],
    ],
    [
      "an external id, which `aws eks get-token` cannot pass",
      { assumeRoles: [{ roleArn: ROLE, externalId: "acme-2026" }] },
      [
        "aws:assumeRoles[0].externalId: is set, but `aws eks get-token` cannot pass an external id, so the cluster's kubeconfig could not assume the role; put the role and its external_id in an AWS CLI profile and set aws:profile instead",
      ],
    ],
    [
      "a role without an ARN",
      { assumeRoles: [{ sessionName: "pulumi" }] },
      [
        "aws:assumeRoles[0].roleArn: got undefined; expected an IAM role ARN such as arn:aws:iam::123456789012:role/Deployer",
      ],
    ],
    [
      "the single-role key @pulumi/aws 7 no longer reads",
      { assumeRole: { roleArn: ROLE } },
      [
        "aws:assumeRole: is not read by @pulumi/aws 7 (its provider has aws:assumeRoles, a list); move it to aws:assumeRoles: [{roleArn: ...}]",
      ],
    ],
    ["a profile that is not a name", { profile: 7 }, ["aws:profile: got 7; expected an AWS CLI profile name"]],
  ];
  for (const [what, provider, problems] of refused) {
    it(`refuses ${what}, naming the key`, () => expect(read(provider)).to.deep.equal(problems));
  }
});
