import type { ResourceValidationPolicy } from "@pulumi/policy";

import { INGRESS_CLASS_PARAMS, isOneOf } from "../../lib/types";
import { isRecord, propsOf, show } from "../../lib/values";
import { sslPolicySchema } from "../elb/tls-policies";

/**
 * Controller mode: the load balancer the AWS Load Balancer Controller builds takes its TLS policy
 * from the IngressClassParams, which override any Ingress annotation; they must carry an allowed one.
 */
export const k8sIngressClassParamsRequireTlsPolicy: ResourceValidationPolicy = {
  name: "k8s-ingress-class-params-require-tls-policy",
  description: "IngressClassParams for the AWS Load Balancer Controller set an allowed SSL policy.",
  configSchema: sslPolicySchema,
  validateResource: (args, report) => {
    if (!isOneOf(args.type, INGRESS_CLASS_PARAMS)) return;
    const spec = propsOf(args).spec;
    const sslPolicy = isRecord(spec) ? spec.sslPolicy : undefined;
    const { allowedSslPolicies } = args.getConfig<{ allowedSslPolicies: string[] }>();
    if (typeof sslPolicy !== "string" || !allowedSslPolicies.includes(sslPolicy)) {
      report(
        `IngressClassParams ${args.name} must set spec.sslPolicy to one of ${allowedSslPolicies.join(", ")}; it has ${show(sslPolicy ?? "none")}.`,
      );
    }
  },
};
