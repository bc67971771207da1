/** The contract's `ingress` section: the Ingress component's settings. */
import { INGRESS_DEFAULTS, type IngressSettings } from "../components/ingress/args";
import { NGINX_HEALTH_CHECK_PATH } from "../components/ingress/values";
import { ELB_SSL_POLICIES, REGIONS } from "./aws-data";
import { type Check, type Raw } from "./check";
import { ACM_ARN, arnPartition, HOSTED_ZONE_ID, S3_BUCKET } from "./formats";

/** The policies of the table that accept neither TLS 1.0 nor TLS 1.1. */
export const TLS12_OR_LATER_POLICIES = Object.entries(ELB_SSL_POLICIES)
  .filter(([, protocols]) => !protocols.includes("TLSv1") && !protocols.includes("TLSv1.1"))
  .map(([name]) => name);

/** Keys the contract dropped from the ingress section, and why (the refusal says it). */
export const REMOVED_INGRESS_KEYS: Readonly<Record<string, string>> = {
  healthCheckPath: `health checks go to ${NGINX_HEALTH_CHECK_PATH}, the one path the vendor's chart's nginx answers them on`,
};

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
  const partition = REGIONS[region]?.partition;
  if (certRegion !== undefined && partition !== undefined && arnPartition(certificateArn) !== partition) {
    c.fail(
      `${p}.certificateArn`,
      certificateArn,
      `an ARN of the ${partition} partition, the partition of aws:region ${region}`,
    );
  } else if (certRegion !== undefined && partition !== undefined && certRegion !== region) {
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
  // Elastic Load Balancing's policies and the TLS versions each accepts: config/aws-data.ts.
  const sslPolicy = c.string(
    s,
    p,
    "sslPolicy",
    d.sslPolicy,
    `an Application Load Balancer security policy without TLS 1.0 or 1.1: ${TLS12_OR_LATER_POLICIES.join(", ")}`,
    (x) => TLS12_OR_LATER_POLICIES.includes(x),
  );
  const idleTimeoutSeconds = c.int(s, p, "idleTimeoutSeconds", d.idleTimeoutSeconds, 1, 4000);
  const backendPort = c.int(s, p, "backendPort", d.backendPort, 30000, 32767);
  const deletionProtection = c.bool(s, p, "deletionProtection", d.deletionProtection);
  const certificateValidationTimeoutMinutes = c.int(
    s,
    p,
    "certificateValidationTimeoutMinutes",
    d.certificateValidationTimeoutMinutes,
    5,
    240,
  );
  // Keys that mean nothing in the mode chosen, named as the file has them.
  if (certificateArn !== "" && "certificateValidationTimeoutMinutes" in s) {
    c.fail(
      `${p}.certificateValidationTimeoutMinutes`,
      s.certificateValidationTimeoutMinutes,
      "no value while ingress.certificateArn is given: only a certificate requested here is waited for; remove it",
    );
  }
  if (mode === "controller" && certificateArn !== "" && hostedZoneId !== "") {
    c.fail(
      `${p}.hostedZoneId`,
      hostedZoneId,
      "no value in controller mode with ingress.certificateArn given: the zone is used only to validate a requested certificate (the controller's load balancer gets no alias record here); remove it",
    );
  }
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
    certificateValidationTimeoutMinutes,
  };
}
