/**
 * The TLS policy tunable shared by the listener and the controller-mode rules.
 *
 * The default allow-list is the specification's policy, ELBSecurityPolicy-TLS13-1-2-Res-2021-06
 * (TLS 1.3 and 1.2, the 1.2 ciphers restricted to ECDHE with AES-GCM), and every policy AWS lists
 * that offers nothing weaker: the TLS 1.3-only policy, the FIPS variants (fewer TLS 1.3 ciphers:
 * no ChaCha20) and the post-quantum (PQ) variants, which add hybrid ML-KEM key exchange to the same
 * protocols and ciphers. Not the non-"Res" TLS13-1-2 policies nor the "Ext" ones, which add CBC or
 * SHA-1 ciphers. Source: Elastic Load Balancing, "Security policies for your Application Load
 * Balancer" (docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html),
 * the TLS 1.3, FIPS and PQ tables, as listed in 2026-08. A policy AWS adds later is allowed only
 * once it is added here (or in the pack config).
 */
export const DEFAULT_ALLOWED_SSL_POLICIES = [
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
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
