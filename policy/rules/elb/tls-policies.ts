/** The TLS policy tunable shared by the listener and the controller-mode rules. */
export const DEFAULT_ALLOWED_SSL_POLICIES = ["ELBSecurityPolicy-TLS13-1-2-Res-2021-06"];

export const sslPolicySchema = {
  properties: {
    allowedSslPolicies: {
      type: "array" as const,
      items: { type: "string" as const },
      default: DEFAULT_ALLOWED_SSL_POLICIES,
    },
  },
};
