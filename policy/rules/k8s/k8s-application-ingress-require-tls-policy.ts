import type { StackValidationPolicy } from "@pulumi/policy";

import { isOneOf, PULUMI_STACK } from "../../lib/types";
import { isRecord, isUnknownMarker, notKnown, peek, type Pending, show, undecided } from "../../lib/values";
import { sslPolicySchema } from "../elb/tls-policies";

/** The stack output the rule reads, and the chart value it copies. */
const OUTPUT = "applicationIngress";

/**
 * In controller mode the application's load balancer is built by the AWS Load Balancer Controller
 * from the vendor's chart's Ingress, which carries the legacy `kubernetes.io/ingress.class`
 * annotation: the controller honours it before the Ingress's class (aws-load-balancer-controller
 * v2.14.0, pkg/ingress/group_loader.go, classifyIngress), so the class alb's IngressClassParams
 * (k8s-ingress-class-params-require-tls-policy) do not apply to it, and its TLS policy is the
 * chart's value `nginx.ingress.awsSecurityPolicy`. No resource of the stack carries that value:
 * the program hands it over in its stack outputs. It exports the chart's `nginx.ingress` values,
 * not secret, as `applicationIngress` (controller mode only), the TLS policy as plain text from the
 * config, so that a first preview knows it. This rule reads that output on the stack's resource
 * (`pulumi:pulumi:Stack`), which AnalyzeStack receives with the stack's outputs (pulumi/pulumi
 * pkg/resource/deploy/deployment_executor.go: the stack outputs are finalized before
 * AnalyzeResources runs; step_generator.go AnalyzeResources sends every resource of the deployment
 * with its outputs, secrets revealed by @pulumi/policy's deserializeProperties). Not the secret
 * `applicationSettings`: a preview sends it as one unknown value as long as any part of it is
 * unknown (every part, at a first preview). A stack without the output (alb mode, or a stack
 * another program built) has nothing for this rule.
 */
export const k8sApplicationIngressRequireTlsPolicy: StackValidationPolicy = {
  name: "k8s-application-ingress-require-tls-policy",
  description:
    "The application's Ingress (the vendor's chart, controller mode) gives the load balancer the AWS Load Balancer Controller builds for it an allowed SSL policy.",
  configSchema: sslPolicySchema,
  validateStack: (args, report) => {
    const { allowedSslPolicies } = args.getConfig<{ allowedSslPolicies: string[] }>();
    const pending: Pending[] = [];
    for (const stack of args.resources.filter((r) => isOneOf(r.type, PULUMI_STACK))) {
      const ingress = peek(stack.props, OUTPUT);
      if (ingress === undefined) continue;
      if (isUnknownMarker(ingress)) {
        pending.push(notKnown(stack.name, OUTPUT));
        continue;
      }
      const policy = isRecord(ingress) ? ingress.awsSecurityPolicy : undefined;
      if (isUnknownMarker(policy)) {
        pending.push(notKnown(stack.name, `${OUTPUT}.awsSecurityPolicy`));
        continue;
      }
      if (typeof policy !== "string" || !allowedSslPolicies.includes(policy)) {
        report(
          `stack ${stack.name}: the application's Ingress (stack output ${OUTPUT}, the chart's nginx.ingress values) must set awsSecurityPolicy to one of ${allowedSslPolicies.join(", ")}; it has ${show(policy ?? "none")}.`,
          stack.urn,
        );
      }
    }
    undecided(args, pending);
  },
};
