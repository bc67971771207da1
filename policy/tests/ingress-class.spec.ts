import { expect } from "chai";

import { k8sIngressClassParamsRequireTlsPolicy as rule } from "../rules/k8s/k8s-ingress-class-params-require-tls-policy";
import { DEFAULT_ALLOWED_SSL_POLICIES } from "../rules/elb/tls-policies";
import { levels, messages, res, undecidedReasons, UNKNOWN, withInputs } from "./helpers";

const STRICT = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";
const ALLOWED = DEFAULT_ALLOWED_SSL_POLICIES.join(", ");
/** A TLS 1.2-and-1.3 policy that the pack does not allow by default. */
const OTHER = "ELBSecurityPolicy-TLS13-1-2-2021-06";

describe("k8s-ingress-class-params-require-tls-policy", () => {
  describe("the Load Balancer Controller's Helm release, whose chart creates the class alb", () => {
    const release = res("kubernetes:helm.sh/v3:Release", "acme-aws-load-balancer-controller", {
      chart: "aws-load-balancer-controller",
      version: "1.14.0",
      values: {
        ingressClass: "alb",
        createIngressClassResource: true,
        ingressClassParams: { create: true, spec: { scheme: "internet-facing", sslPolicy: STRICT } },
      },
    });
    const values = (v: Record<string, unknown>) => withInputs(release, { values: v });

    it("passes a release whose class carries the strict policy", async () =>
      expect(await messages(rule, [release])).to.deep.equal([]));

    it("fails a release that creates the class alb with the chart's empty params, naming the class", async () => {
      expect(await messages(rule, [values({})])).to.deep.equal([
        `Helm release acme-aws-load-balancer-controller creates the IngressClass alb; its values must set ingressClassParams.spec.sslPolicy to one of ${ALLOWED}; they have "none".`,
      ]);
    });

    it("fails a weaker policy, under any class name and any way of naming the chart", async () => {
      const weak = {
        ingressClass: "public",
        ingressClassParams: { spec: { sslPolicy: "ELBSecurityPolicy-2016-08" } },
      };
      for (const chart of [
        "aws-load-balancer-controller",
        "eks/aws-load-balancer-controller",
        "oci://public.ecr.aws/eks/aws-load-balancer-controller",
        "https://aws.github.io/eks-charts/aws-load-balancer-controller-1.14.0.tgz",
      ]) {
        expect(await messages(rule, [withInputs(values(weak), { chart })]), chart).to.deep.equal([
          `Helm release acme-aws-load-balancer-controller creates the IngressClass public; its values must set ingressClassParams.spec.sslPolicy to one of ${ALLOWED}; they have "ELBSecurityPolicy-2016-08".`,
        ]);
      }
      const chartComponent = res("kubernetes:helm.sh/v4:Chart", "lbc", {
        chart: "aws-load-balancer-controller",
        values: weak,
      });
      expect(await messages(rule, [chartComponent])).to.have.length(1);
    });

    it("passes a release that creates no class, or whose params are made elsewhere (and checked there)", async () => {
      expect(await messages(rule, [values({ createIngressClassResource: false })])).to.deep.equal([]);
      expect(await messages(rule, [values({ ingressClassParams: { create: false, name: "alb" } })])).to.deep.equal([]);
    });

    it("leaves other charts alone", async () => {
      const metrics = res("kubernetes:helm.sh/v3:Release", "metrics-server", { chart: "metrics-server", values: {} });
      expect(await messages(rule, [metrics])).to.deep.equal([]);
    });

    it("takes the allowed policies from the pack's config", async () => {
      const other = values({ ingressClassParams: { spec: { sslPolicy: OTHER } } });
      expect(await messages(rule, [other])).to.have.length(1);
      const config = {
        "k8s-ingress-class-params-require-tls-policy": {
          allowedSslPolicies: [STRICT, OTHER],
        },
      };
      expect(await messages(rule, [other], config)).to.deep.equal([]);
    });

    it("cannot tell yet while the TLS policy is unknown (not applicable, no violation)", async () => {
      const unknown = [
        values({ ingressClassParams: { spec: { sslPolicy: UNKNOWN } } }),
        res("kubernetes:helm.sh/v3:Release", "lbc", {
          chart: "aws-load-balancer-controller",
          values: { ingressClassParams: UNKNOWN },
        }),
      ];
      expect(await levels(rule, unknown)).to.deep.equal([]);
      expect(await undecidedReasons(rule, unknown)).to.deep.equal([
        [
          "acme-aws-load-balancer-controller",
          "not decided: acme-aws-load-balancer-controller (values.ingressClassParams.spec.sslPolicy is not known until the deployment)",
        ],
        ["lbc", "not decided: lbc (values.ingressClassParams is not known until the deployment)"],
      ]);
    });

    it("decides the TLS policy while other values are unknown (the controller's role, the VPC), never quoting one", async () => {
      const partly = values({
        ingressClass: UNKNOWN,
        vpcId: UNKNOWN,
        serviceAccount: { annotations: { "eks.amazonaws.com/role-arn": UNKNOWN } },
        ingressClassParams: {
          create: true,
          spec: { certificateArn: [UNKNOWN], sslPolicy: "ELBSecurityPolicy-2016-08" },
        },
      });
      expect(await levels(rule, [partly])).to.deep.equal([
        [
          "mandatory",
          `Helm release acme-aws-load-balancer-controller creates an IngressClass; its values must set ingressClassParams.spec.sslPolicy to one of ${ALLOWED}; they have "ELBSecurityPolicy-2016-08".`,
        ],
      ]);
      expect(await undecidedReasons(rule, [partly])).to.deep.equal([]);
    });
  });

  describe("IngressClassParams declared on their own", () => {
    const params = res("kubernetes:elbv2.k8s.aws/v1beta1:IngressClassParams", "acme-alb", {
      spec: { scheme: "internet-facing", sslPolicy: STRICT },
    });
    it("passes params with the strict policy", async () => expect(await messages(rule, [params])).to.deep.equal([]));
    it("fails params with another policy or none", async () => {
      expect(await messages(rule, [withInputs(params, { spec: { scheme: "internet-facing" } })])).to.deep.equal([
        `IngressClassParams acme-alb must set spec.sslPolicy to one of ${ALLOWED}; it has "none".`,
      ]);
      expect(
        await messages(rule, [withInputs(params, { spec: { sslPolicy: "ELBSecurityPolicy-2016-08" } })]),
      ).to.deep.equal([
        `IngressClassParams acme-alb must set spec.sslPolicy to one of ${ALLOWED}; it has "ELBSecurityPolicy-2016-08".`,
      ]);
    });
    it("cannot tell yet while the spec or its TLS policy is unknown (not applicable, no violation)", async () => {
      const unknown = [
        withInputs(params, { spec: { scheme: "internet-facing", sslPolicy: UNKNOWN } }),
        res("kubernetes:elbv2.k8s.aws/v1:IngressClassParams", "other", { spec: UNKNOWN }),
      ];
      expect(await levels(rule, unknown)).to.deep.equal([]);
      expect(await undecidedReasons(rule, unknown)).to.deep.equal([
        ["acme-alb", "not decided: acme-alb (spec.sslPolicy is not known until the deployment)"],
        ["other", "not decided: other (spec is not known until the deployment)"],
      ]);
    });
  });
});
