import type { ResourceValidationPolicy } from "@pulumi/policy";

import { INGRESS_CLASS_PARAMS, isOneOf } from "../../lib/types";
import { isRecord, propsOf, show } from "../../lib/values";
import { sslPolicySchema } from "../elb/tls-policies";

/** Helm releases and charts: @pulumi/kubernetes's Release, and the v4 Chart component. */
const HELM_RELEASE = ["kubernetes:helm.sh/v3:Release", "kubernetes:helm.sh/v4:Chart"];

/** The AWS Load Balancer Controller's chart, by name, as `repo/name` or an OCI or archive URL. */
const LBC_CHART = /(^|\/)aws-load-balancer-controller(-[0-9][^/]*\.tgz)?$/;

/**
 * The IngressClass the Load Balancer Controller's chart creates and the TLS policy its params set,
 * from the release's values; undefined when the release creates no class with params of its own.
 * The chart (aws/eks-charts, stable/aws-load-balancer-controller 1.14.0, templates/ingressclass.yaml
 * and values.yaml) creates the class `ingressClass` (default alb) unless createIngressClassResource
 * is false, and with it IngressClassParams of that name unless ingressClassParams.create is false.
 */
function controllerClass(values: unknown): { name: string; sslPolicy: unknown } | undefined {
  const v = isRecord(values) ? values : {};
  if (v.createIngressClassResource === false) return undefined;
  const params = isRecord(v.ingressClassParams) ? v.ingressClassParams : {};
  if (params.create === false) return undefined;
  const spec = isRecord(params.spec) ? params.spec : {};
  return { name: typeof v.ingressClass === "string" ? v.ingressClass : "alb", sslPolicy: spec.sslPolicy };
}

/**
 * A load balancer the AWS Load Balancer Controller builds for an Ingress of a class takes its TLS
 * policy from the class's IngressClassParams, which override the Ingress's annotation. The class
 * that matters is the one the application's Ingress names: the vendor's chart names `alb`, the class
 * the controller's own chart creates, so the rule checks the TLS policy in that chart's release
 * values, and any IngressClassParams declared on their own. (The vendor's chart also sets the
 * legacy class annotation, which the controller honours before the class, so its Ingress takes the
 * policy from its own values, nginx.ingress.awsSecurityPolicy; the program sets both from
 * ingress.sslPolicy.)
 */
export const k8sIngressClassParamsRequireTlsPolicy: ResourceValidationPolicy = {
  name: "k8s-ingress-class-params-require-tls-policy",
  description:
    "The AWS Load Balancer Controller's IngressClassParams, declared or created by its Helm chart, set an allowed SSL policy.",
  configSchema: sslPolicySchema,
  validateResource: (args, report) => {
    const { allowedSslPolicies } = args.getConfig<{ allowedSslPolicies: string[] }>();
    const allowed = (policy: unknown) => typeof policy === "string" && allowedSslPolicies.includes(policy);
    if (isOneOf(args.type, INGRESS_CLASS_PARAMS)) {
      const spec = propsOf(args).spec;
      const sslPolicy = isRecord(spec) ? spec.sslPolicy : undefined;
      if (!allowed(sslPolicy)) {
        report(
          `IngressClassParams ${args.name} must set spec.sslPolicy to one of ${allowedSslPolicies.join(", ")}; it has ${show(sslPolicy ?? "none")}.`,
        );
      }
      return;
    }
    if (!isOneOf(args.type, HELM_RELEASE)) return;
    const props = propsOf(args);
    if (typeof props.chart !== "string" || !LBC_CHART.test(props.chart)) return;
    const cls = controllerClass(props.values);
    if (cls !== undefined && !allowed(cls.sslPolicy)) {
      report(
        `Helm release ${args.name} creates the IngressClass ${cls.name}; its values must set ingressClassParams.spec.sslPolicy to one of ${allowedSslPolicies.join(", ")}; they have ${show(cls.sslPolicy ?? "none")}.`,
      );
    }
  },
};
