import type { ResourceValidationPolicy } from "@pulumi/policy";

import { INGRESS_CLASS_PARAMS, isOneOf } from "../../lib/types";
import { isRecord, isUnknownMarker, notKnown, peek, propsOf, show, undecided, type Pending } from "../../lib/values";
import { sslPolicySchema } from "../elb/tls-policies";

/** Helm releases and charts: @pulumi/kubernetes's Release, and the v4 Chart component. */
const HELM_RELEASE = ["kubernetes:helm.sh/v3:Release", "kubernetes:helm.sh/v4:Chart"];

/** The AWS Load Balancer Controller's chart, by name, as `repo/name` or an OCI or archive URL. */
const LBC_CHART = /(^|\/)aws-load-balancer-controller(-[0-9][^/]*\.tgz)?$/;

/** The raw value at a path of the release's values, or what is not known yet on the way to it. */
function valueAt(values: unknown, path: string[]): { value: unknown } | { unknown: string } {
  let current = values;
  for (let i = 0; i < path.length; i++) {
    if (isUnknownMarker(current)) return { unknown: ["values", ...path.slice(0, i)].join(".") };
    current = isRecord(current) ? current[path[i]] : undefined;
  }
  return isUnknownMarker(current) ? { unknown: ["values", ...path].join(".") } : { value: current };
}

/**
 * The IngressClass the Load Balancer Controller's chart creates and the TLS policy its params set,
 * from the release's values; undefined when the release creates no class with params of its own.
 * The chart (aws/eks-charts, stable/aws-load-balancer-controller 1.14.0, templates/ingressclass.yaml
 * and values.yaml) creates the class `ingressClass` (default alb) unless createIngressClassResource
 * is false, and with it IngressClassParams of that name unless ingressClassParams.create is false.
 * What decides is read first; a value not known yet is returned as such.
 */
function controllerClass(values: unknown): { name?: string; sslPolicy: unknown } | undefined | { unknown: string } {
  for (const path of [["createIngressClassResource"], ["ingressClassParams", "create"]]) {
    const at = valueAt(values, path);
    if ("unknown" in at) return at;
    if (at.value === false) return undefined;
  }
  const sslPolicy = valueAt(values, ["ingressClassParams", "spec", "sslPolicy"]);
  if ("unknown" in sslPolicy) return sslPolicy;
  const name = valueAt(values, ["ingressClass"]);
  // The class's name only names it in the message: one not known yet is left out, never quoted.
  if ("unknown" in name) return { sslPolicy: sslPolicy.value };
  return { name: typeof name.value === "string" ? name.value : "alb", sslPolicy: sslPolicy.value };
}

/**
 * A load balancer the AWS Load Balancer Controller builds for an Ingress of a class takes its TLS
 * policy from the class's IngressClassParams, which override the Ingress's annotation. The class
 * that matters is the one the application's Ingress names: the vendor's chart names `alb`, the class
 * the controller's own chart creates, so the rule checks the TLS policy in that chart's release
 * values, and any IngressClassParams declared on their own. (The vendor's chart also sets the
 * legacy class annotation, which the controller honours before the class, so its Ingress takes the
 * policy from its own values, nginx.ingress.awsSecurityPolicy; the program sets both from
 * ingress.sslPolicy.) The values also hold what a preview does not know (the controller's role, the
 * VPC): only the values on the way to the TLS policy are read.
 */
export const k8sIngressClassParamsRequireTlsPolicy: ResourceValidationPolicy = {
  name: "k8s-ingress-class-params-require-tls-policy",
  description:
    "The AWS Load Balancer Controller's IngressClassParams, declared or created by its Helm chart, set an allowed SSL policy.",
  configSchema: sslPolicySchema,
  validateResource: (args, report) => {
    const { allowedSslPolicies } = args.getConfig<{ allowedSslPolicies: string[] }>();
    const allowed = (policy: unknown) => typeof policy === "string" && allowedSslPolicies.includes(policy);
    const props = propsOf(args);
    const pending: Pending[] = [];
    if (isOneOf(args.type, INGRESS_CLASS_PARAMS)) {
      const spec = peek(props, "spec");
      const sslPolicy = isRecord(spec) ? spec.sslPolicy : undefined;
      if (isUnknownMarker(spec)) pending.push(notKnown(args.name, "spec"));
      else if (isUnknownMarker(sslPolicy)) pending.push(notKnown(args.name, "spec.sslPolicy"));
      else if (!allowed(sslPolicy)) {
        report(
          `IngressClassParams ${args.name} must set spec.sslPolicy to one of ${allowedSslPolicies.join(", ")}; it has ${show(sslPolicy ?? "none")}.`,
        );
      }
      return undecided(args, pending);
    }
    if (!isOneOf(args.type, HELM_RELEASE)) return;
    const chart = peek(props, "chart");
    if (isUnknownMarker(chart)) return undecided(args, [notKnown(args.name, "chart")]);
    if (typeof chart !== "string" || !LBC_CHART.test(chart)) return;
    const cls = controllerClass(peek(props, "values"));
    if (cls === undefined) return;
    if ("unknown" in cls) return undecided(args, [notKnown(args.name, cls.unknown)]);
    if (!allowed(cls.sslPolicy)) {
      report(
        `Helm release ${args.name} creates ${cls.name !== undefined ? `the IngressClass ${cls.name}` : "an IngressClass"}; its values must set ingressClassParams.spec.sslPolicy to one of ${allowedSslPolicies.join(", ")}; they have ${show(cls.sslPolicy ?? "none")}.`,
      );
    }
  },
};
