import { expect } from "chai";

import { k8sApplicationIngressRequireTlsPolicy as rule } from "../rules/k8s/k8s-application-ingress-require-tls-policy";
import { DEFAULT_ALLOWED_SSL_POLICIES } from "../rules/elb/tls-policies";
import { levels, res, undecidedReasons, UNKNOWN, violations } from "./helpers";

const STRICT = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";
const ALLOWED = DEFAULT_ALLOWED_SSL_POLICIES.join(", ");

/** The stack's own resource, with the outputs the program exports in controller mode. */
function stack(outputs: Record<string, unknown>) {
  return res("pulumi:pulumi:Stack", "datafold-aws-acme", {}, { custom: false, outputs });
}
const ingress = (awsSecurityPolicy: unknown) => ({
  internal: false,
  subnets: "subnet-1,subnet-2",
  secgroups: "sg-1",
  sslCertificate: "arn:aws:acm:us-east-1:123456789012:certificate/1",
  awsSecurityPolicy,
  awsAttributes: "idle_timeout.timeout_seconds=120",
});

describe("k8s-application-ingress-require-tls-policy", () => {
  it("passes the stack's applicationIngress with the strict policy, and every policy allowed by default", async () => {
    for (const policy of DEFAULT_ALLOWED_SSL_POLICIES)
      expect(await violations(rule, [stack({ applicationIngress: ingress(policy) })]), policy).to.deep.equal([]);
  });

  it("fails a weaker policy, filed under the stack, naming the allowed ones and the one used", async () => {
    const found = await violations(rule, [stack({ applicationIngress: ingress("ELBSecurityPolicy-2016-08") })]);
    expect(found.map((v) => [v.urn, v.enforcementLevel, v.message])).to.deep.equal([
      [
        "urn:pulumi:test::datafold-aws::pulumi:pulumi:Stack::datafold-aws-acme",
        "mandatory",
        `stack datafold-aws-acme: the application's Ingress (stack output applicationIngress, the chart's nginx.ingress values) must set awsSecurityPolicy to one of ${ALLOWED}; it has "ELBSecurityPolicy-2016-08".`,
      ],
    ]);
  });

  it("fails an Ingress that leaves the policy out (the chart's default, none of the allowed)", async () => {
    const without: Record<string, unknown> = ingress(STRICT);
    delete without.awsSecurityPolicy;
    expect(await levels(rule, [stack({ applicationIngress: without })])).to.deep.equal([
      [
        "mandatory",
        `stack datafold-aws-acme: the application's Ingress (stack output applicationIngress, the chart's nginx.ingress values) must set awsSecurityPolicy to one of ${ALLOWED}; it has "none".`,
      ],
    ]);
  });

  it("takes the allowed policies from the pack's config", async () => {
    const other = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    const config = {
      "k8s-application-ingress-require-tls-policy": { allowedSslPolicies: [...DEFAULT_ALLOWED_SSL_POLICIES, other] },
    };
    expect(await violations(rule, [stack({ applicationIngress: ingress(other) })], config)).to.deep.equal([]);
  });

  it("has nothing to check without the output (alb mode, a stack another program built)", async () => {
    expect(
      await violations(rule, [stack({ applicationSettings: { nginx: { ingress: { deploy: false } } } })]),
    ).to.deep.equal([]);
    expect(await undecidedReasons(rule, [stack({})])).to.deep.equal([]);
  });

  it("cannot tell yet when the policy or the whole output is not known (not applicable, no violation)", async () => {
    const [unknownPolicy, unknownIngress] = [ingress(UNKNOWN), UNKNOWN].map((applicationIngress) =>
      stack({ applicationIngress }),
    );
    expect(await violations(rule, [unknownPolicy])).to.deep.equal([]);
    expect(await undecidedReasons(rule, [unknownPolicy])).to.deep.equal([
      [
        "datafold-aws-acme",
        "not decided: datafold-aws-acme (applicationIngress.awsSecurityPolicy is not known until the deployment)",
      ],
    ]);
    expect(await undecidedReasons(rule, [unknownIngress])).to.deep.equal([
      ["datafold-aws-acme", "not decided: datafold-aws-acme (applicationIngress is not known until the deployment)"],
    ]);
  });

  it("decides from the policy alone while the subnets, security group and certificate are not known yet", async () => {
    const firstPreview = {
      ...ingress("ELBSecurityPolicy-2016-08"),
      subnets: UNKNOWN,
      secgroups: UNKNOWN,
      sslCertificate: UNKNOWN,
    };
    expect(await violations(rule, [stack({ applicationIngress: firstPreview })])).to.have.length(1);
  });
});
