/**
 * The TLS policy tunable shared by the listener and the controller-mode rules: the specification's
 * policy, and the TLS 1.3-only policy, which is stricter (ELB User Guide for Application Load
 * Balancers, "Security policies": ELBSecurityPolicy-TLS13-1-3-2021-06 accepts TLSv1.3 only).
 */
export const DEFAULT_ALLOWED_SSL_POLICIES = [
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
];

export const sslPolicySchema = {
  properties: {
    allowedSslPolicies: {
      type: "array" as const,
      items: { type: "string" as const },
      default: DEFAULT_ALLOWED_SSL_POLICIES,
    },
  },
};
