import { expect } from "chai";

import { elbHttpListenerRulesRedirectOnly } from "../rules/elb/elb-http-listener-rules-redirect-only";
import { elbListenerHttpRedirectOnly } from "../rules/elb/elb-listener-http-redirect-only";
import { elbListenerRequireTlsPolicy } from "../rules/elb/elb-listener-require-tls-policy";
import { DEFAULT_ALLOWED_SSL_POLICIES } from "../rules/elb/tls-policies";
import { levels, messages, res, undecidedReasons, UNKNOWN, withInputs } from "./helpers";

const STRICT = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";
const ALLOWED = DEFAULT_ALLOWED_SSL_POLICIES.join(", ");

describe("elb-listener-require-tls-policy", () => {
  const https = res("aws:lb/listener:Listener", "https", {
    port: 443,
    protocol: "HTTPS",
    sslPolicy: STRICT,
    certificateArn: "arn:cert",
  });
  it("passes an HTTPS listener with the strict policy", async () =>
    expect(await messages(elbListenerRequireTlsPolicy, [https])).to.deep.equal([]));
  it("passes, by default, the specification's policy and every stronger one AWS lists (TLS 1.3 only, FIPS, PQ)", async () => {
    expect(DEFAULT_ALLOWED_SSL_POLICIES).to.deep.equal([
      "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
      "ELBSecurityPolicy-TLS13-1-3-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
      "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
      "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
      "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
      "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
    ]);
    expect(
      await messages(
        elbListenerRequireTlsPolicy,
        DEFAULT_ALLOWED_SSL_POLICIES.map((sslPolicy) => withInputs(https, { sslPolicy })),
      ),
    ).to.deep.equal([]);
  });
  it("fails the weaker TLS 1.3 policies (CBC ciphers: not Res; Ext)", async () => {
    const weaker = ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06"];
    expect(
      await messages(
        elbListenerRequireTlsPolicy,
        weaker.map((sslPolicy) => withInputs(https, { sslPolicy })),
      ),
    ).to.have.length(2);
  });
  it("fails a weaker policy, naming the allowed ones and the one used", async () => {
    expect(
      await messages(elbListenerRequireTlsPolicy, [withInputs(https, { sslPolicy: "ELBSecurityPolicy-2016-08" })]),
    ).to.deep.equal([`listener https (HTTPS) must use one of ${ALLOWED}; it uses "ELBSecurityPolicy-2016-08".`]);
  });
  it("fails a listener that leaves the policy to AWS's default", async () => {
    expect(await messages(elbListenerRequireTlsPolicy, [withInputs(https, { sslPolicy: undefined })])).to.deep.equal([
      `listener https (HTTPS) must use one of ${ALLOWED}; it uses "the AWS default policy".`,
    ]);
  });
  it("checks the aws:alb token and TLS listeners too", async () => {
    const alb = res("aws:alb/listener:Listener", "tls", {
      protocol: "TLS",
      sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01",
    });
    expect(await messages(elbListenerRequireTlsPolicy, [alb])).to.have.length(1);
  });
  it("takes the allowed policies from the pack's config", async () => {
    const config = {
      "elb-listener-require-tls-policy": { allowedSslPolicies: [STRICT, "ELBSecurityPolicy-TLS13-1-3-2021-06"] },
    };
    expect(
      await messages(
        elbListenerRequireTlsPolicy,
        [withInputs(https, { sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" })],
        config,
      ),
    ).to.deep.equal([]);
  });
  it("cannot tell yet when the policy is unknown (not applicable, no violation), and ignores plain HTTP", async () => {
    const listeners = [
      withInputs(https, { sslPolicy: UNKNOWN }),
      res("aws:lb/listener:Listener", "http", { protocol: "HTTP" }),
    ];
    expect(await levels(elbListenerRequireTlsPolicy, listeners)).to.deep.equal([]);
    expect(await undecidedReasons(elbListenerRequireTlsPolicy, listeners)).to.deep.equal([
      ["https", "not decided: https (sslPolicy is not known until the deployment)"],
    ]);
  });
  it("reads the protocol case-insensitively", async () => {
    expect(
      await messages(elbListenerRequireTlsPolicy, [
        withInputs(https, { protocol: "https", sslPolicy: "ELBSecurityPolicy-2016-08" }),
      ]),
    ).to.have.length(1);
  });
});

describe("elb-listener-http-redirect-only", () => {
  const http = res("aws:lb/listener:Listener", "http", {
    port: 80,
    protocol: "HTTP",
    defaultActions: [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }],
  });
  it("passes an HTTP listener that only redirects to HTTPS", async () =>
    expect(await messages(elbListenerHttpRedirectOnly, [http])).to.deep.equal([]));
  it("fails an HTTP listener that forwards", async () => {
    expect(
      await messages(elbListenerHttpRedirectOnly, [
        withInputs(http, { defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] }),
      ]),
    ).to.deep.equal(["HTTP listener http must only redirect to HTTPS; its default actions are: forward."]);
  });
  it("fails an HTTP listener that forwards to a target group not created yet (a preview): mandatory, no unknown quoted", async () => {
    expect(
      await levels(elbListenerHttpRedirectOnly, [
        withInputs(http, { defaultActions: [{ type: "forward", targetGroupArn: UNKNOWN }] }),
      ]),
    ).to.deep.equal([
      ["mandatory", "HTTP listener http must only redirect to HTTPS; its default actions are: forward."],
    ]);
  });
  it("treats a listener with no protocol as HTTP (the ALB default)", async () => {
    const bare = res("aws:lb/listener:Listener", "bare", {
      port: 80,
      defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }],
    });
    expect(await messages(elbListenerHttpRedirectOnly, [bare])).to.have.length(1);
  });
  it("fails a redirect that stays on HTTP", async () => {
    const loop = withInputs(http, {
      defaultActions: [{ type: "redirect", redirect: { port: "8080", protocol: "HTTP" } }],
    });
    expect(await messages(elbListenerHttpRedirectOnly, [loop])).to.have.length(1);
  });
});

describe("elb-http-listener-rules-redirect-only", () => {
  const http = res("aws:lb/listener:Listener", "http", {
    port: 80,
    protocol: "HTTP",
    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS" } }],
  });
  const rule = (actions: unknown[]) =>
    res(
      "aws:lb/listenerRule:ListenerRule",
      "rule",
      { listenerArn: UNKNOWN, actions },
      { propertyDependencies: { listenerArn: [http.urn] } },
    );
  it("passes a rule on the HTTP listener that redirects to HTTPS", async () => {
    expect(
      await messages(elbHttpListenerRulesRedirectOnly, [
        http,
        rule([{ type: "redirect", redirect: { protocol: "HTTPS" } }]),
      ]),
    ).to.deep.equal([]);
  });
  it("fails a rule that forwards plain HTTP around the redirect", async () => {
    expect(
      await messages(elbHttpListenerRulesRedirectOnly, [http, rule([{ type: "forward", targetGroupArn: "arn:tg" }])]),
    ).to.deep.equal([
      "listener rule rule on a plain HTTP listener must only redirect to HTTPS; its actions are: forward.",
    ]);
  });
  it("leaves rules on HTTPS listeners alone", async () => {
    const https = res("aws:lb/listener:Listener", "https", { protocol: "HTTPS" });
    const onHttps = res(
      "aws:lb/listenerRule:ListenerRule",
      "r",
      { actions: [{ type: "forward" }] },
      { propertyDependencies: { listenerArn: [https.urn] } },
    );
    expect(await messages(elbHttpListenerRulesRedirectOnly, [https, onHttps])).to.deep.equal([]);
  });
  it("finds the listener of an existing rule by its ARN (no dependencies in a plain export)", async () => {
    const existing = res(
      "aws:lb/listener:Listener",
      "http",
      { protocol: "HTTP", defaultActions: [] },
      { outputs: { arn: "arn:listener/http", protocol: "HTTP" } },
    );
    const around = res("aws:lb/listenerRule:ListenerRule", "around", {
      listenerArn: "arn:listener/http",
      actions: [{ type: "forward", targetGroupArn: "arn:tg" }],
    });
    expect(await messages(elbHttpListenerRulesRedirectOnly, [existing, around])).to.deep.equal([
      "listener rule around on a plain HTTP listener must only redirect to HTTPS; its actions are: forward.",
    ]);
  });
});
