import type { ResourceValidationPolicy } from "@pulumi/policy";

import { LB_LISTENER, isOneOf } from "../../lib/types";
import { isKnown, notKnown, propsOf, show, undecided } from "../../lib/values";
import { listenerProtocol } from "./listeners";
import { sslPolicySchema } from "./tls-policies";

export const elbListenerRequireTlsPolicy: ResourceValidationPolicy = {
  name: "elb-listener-require-tls-policy",
  description: "Every HTTPS or TLS load balancer listener uses an allowed SSL policy.",
  configSchema: sslPolicySchema,
  validateResource: (args, report) => {
    if (!isOneOf(args.type, LB_LISTENER)) return;
    const props = propsOf(args);
    if (!isKnown(props, "protocol")) return undecided(args, [notKnown(args.name, "protocol")]);
    const protocol = listenerProtocol(props);
    if (protocol !== "HTTPS" && protocol !== "TLS") return;
    if (!isKnown(props, "sslPolicy")) return undecided(args, [notKnown(args.name, "sslPolicy")]);
    const { allowedSslPolicies } = args.getConfig<{ allowedSslPolicies: string[] }>();
    const sslPolicy = props.sslPolicy;
    if (typeof sslPolicy !== "string" || !allowedSslPolicies.includes(sslPolicy)) {
      report(
        `listener ${args.name} (${protocol}) must use one of ${allowedSslPolicies.join(", ")}; it uses ${show(sslPolicy ?? "the AWS default policy")}.`,
      );
    }
  },
};
