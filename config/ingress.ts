/** The contract's `ingress` section: the Ingress component's settings. */
import { INGRESS_DEFAULTS, type IngressSettings } from "../components/ingress/args";
import { type Check, type Raw } from "./check";
import { ACM_ARN, HOSTED_ZONE_ID, REGION, S3_BUCKET, SSL_POLICY } from "./formats";

export function readIngress(c: Check, s: Raw, region: string): IngressSettings {
  const d = INGRESS_DEFAULTS;
  const p = "ingress";
  const mode = c.oneOf(s, p, "mode", d.mode, ["alb", "controller"] as const);
  const internal = c.bool(s, p, "internal", d.internal);
  const certificateArn = c.string(
    s,
    p,
    "certificateArn",
    d.certificateArn,
    "empty, or an ACM certificate ARN such as arn:aws:acm:us-east-1:123456789012:certificate/<uuid>",
    (x) => x === "" || ACM_ARN.test(x),
  );
  const certRegion = ACM_ARN.exec(certificateArn)?.[1];
  if (certRegion !== undefined && REGION.test(region) && certRegion !== region) {
    c.fail(
      `${p}.certificateArn`,
      certificateArn,
      `a certificate in the stack's region ${region} (a load balancer can only use certificates from its own region)`,
    );
  }
  const hostedZoneId = c.string(
    s,
    p,
    "hostedZoneId",
    d.hostedZoneId,
    "empty, or a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ",
    (x) => x === "" || HOSTED_ZONE_ID.test(x),
  );
  const allowedCidrs = c.cidrList(s, p, "allowedCidrs", d.allowedCidrs, 0, 32);
  if (allowedCidrs.length === 0) c.fail(`${p}.allowedCidrs`, allowedCidrs, "at least one CIDR that may reach HTTPS");
  const sslPolicy = c.string(
    s,
    p,
    "sslPolicy",
    d.sslPolicy,
    "an ELB security policy with TLS 1.2 or later, such as ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    (x) => SSL_POLICY.test(x),
  );
  const idleTimeoutSeconds = c.int(s, p, "idleTimeoutSeconds", d.idleTimeoutSeconds, 1, 4000);
  const backendPort = c.int(s, p, "backendPort", d.backendPort, 30000, 32767);
  const deletionProtection = c.bool(s, p, "deletionProtection", d.deletionProtection);
  return {
    mode,
    internal,
    certificateArn,
    hostedZoneId,
    allowedCidrs,
    sslPolicy,
    idleTimeoutSeconds,
    backendPort,
    deletionProtection,
    accessLogsBucket: c.string(
      s,
      p,
      "accessLogsBucket",
      d.accessLogsBucket,
      "empty, or the name of an S3 bucket in the stack's region",
      (x) => x === "" || S3_BUCKET.test(x),
    ),
    certificateValidationTimeoutMinutes: c.int(
      s,
      p,
      "certificateValidationTimeoutMinutes",
      d.certificateValidationTimeoutMinutes,
      5,
      240,
    ),
  };
}
