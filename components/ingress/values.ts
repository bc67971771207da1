/**
 * Ingress data: the DNS records a certificate needs, the load balancer attributes, and the values
 * that make the AWS Load Balancer Controller build a load balancer as strict as the one this
 * program builds itself (the vendor's chart's `nginx.ingress` values and the class alb's
 * IngressClassParams). Plain data; no Pulumi import.
 */
import type { IngressMode } from "./args";

/** A load balancer's or target group's name before its 6-character suffix: at most 25 characters. */
export function shortName(deploymentName: string): string {
  return deploymentName.slice(0, 25).replace(/-+$/, "");
}

/** The length of the random suffix of a load balancer's and a target group's name. */
export const NAME_SUFFIX_LENGTH = 6;

/** A load balancer's or target group's name: the short name, "-" and a random suffix (at most 32 characters). */
export function loadBalancerName(deploymentName: string, suffix: string): string {
  return `${shortName(deploymentName)}-${suffix}`;
}

export interface ValidationRecord {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

/** ACM's domain validation options as the DNS records to create, one per distinct record. */
export function validationRecords(
  options: readonly { resourceRecordName: string; resourceRecordType: string; resourceRecordValue: string }[],
): ValidationRecord[] {
  const records: ValidationRecord[] = [];
  for (const o of options) {
    if (!records.some((r) => r.name === o.resourceRecordName)) {
      records.push({ name: o.resourceRecordName, type: o.resourceRecordType, value: o.resourceRecordValue });
    }
  }
  return records;
}

/**
 * How `pulumi up` tells the DNS administrator what to create, and what waits for it: in alb mode
 * the HTTPS listener this program creates; in controller mode this program creates no listener,
 * and the chart's values (`applicationSettings`) name the certificate once it is issued.
 */
export function validationMessage(domain: string, records: readonly ValidationRecord[], mode: IngressMode): string {
  return [
    `The certificate for ${domain} waits for DNS validation. Create this record in the zone of ${domain}:`,
    ...records.map((r) => `  ${r.name} ${r.type} ${r.value}`),
    mode === "alb"
      ? "The load balancer's HTTPS listener is created once ACM reports the certificate as issued."
      : "The applicationSettings output names the certificate once ACM reports it as issued; the Load Balancer Controller creates the load balancer and its HTTPS listener when the application's chart is installed.",
  ].join("\n");
}

/**
 * The path nginx answers health checks on: the vendor's chart's nginx serves `/nginx-health` and
 * nothing else for them (datafold/helm-charts, charts/datafold/charts/nginx/templates/config-map.yaml
 * lines 72-75 and `ingress.healthz` in charts/nginx/values.yaml line 46, chart 0.10.110).
 */
export const NGINX_HEALTH_CHECK_PATH = "/nginx-health";

/** What makes the load balancer strict, whoever builds it. */
export interface LoadBalancerSettings {
  readonly internal: boolean;
  /** Subnets the load balancer goes into: public ones, or private ones when internal. */
  readonly subnetIds: readonly string[];
  /** The security group this program made for the load balancer. */
  readonly securityGroupId: string;
  /** The validated certificate. */
  readonly certificateArn: string;
  readonly sslPolicy: string;
  readonly idleTimeoutSeconds: number;
  readonly deletionProtection: boolean;
  readonly accessLogsBucket: string;
  /** IPv4 CIDRs that may reach HTTPS (and the HTTP redirect). */
  readonly allowedCidrs: readonly string[];
}

/**
 * Load balancer attributes (ELB's names: docs.aws.amazon.com/elasticloadbalancing/latest/
 * application/application-load-balancers.html#load-balancer-attributes), as the ones alb mode sets.
 */
export function loadBalancerAttributes(
  i: Pick<LoadBalancerSettings, "idleTimeoutSeconds" | "deletionProtection" | "accessLogsBucket">,
): { key: string; value: string }[] {
  return [
    { key: "idle_timeout.timeout_seconds", value: String(i.idleTimeoutSeconds) },
    { key: "routing.http.drop_invalid_header_fields.enabled", value: "true" },
    { key: "deletion_protection.enabled", value: String(i.deletionProtection) },
    ...(i.accessLogsBucket !== ""
      ? [
          { key: "access_logs.s3.enabled", value: "true" },
          { key: "access_logs.s3.bucket", value: i.accessLogsBucket },
        ]
      : []),
  ];
}

/**
 * The vendor's chart's `nginx.ingress` values (controller mode): the chart creates its Ingress only
 * with `deploy: true` and turns the others into the Load Balancer Controller's annotations
 * (charts/datafold/charts/nginx/templates/ingress.yaml line 1 and _helpers.tpl lines 168-206, chart
 * 0.10.110). That Ingress also carries the legacy annotation `kubernetes.io/ingress.class: alb`,
 * which the controller honours before the Ingress's class (aws-load-balancer-controller v2.14.0,
 * pkg/ingress/group_loader.go, classifyIngress), so these annotations, not the class's
 * IngressClassParams, are what its load balancer is built from: scheme, subnets, security group
 * (the controller then leaves the nodes' rules to this program: manage-backend-security-group-rules
 * is off unless asked for), certificate, TLS policy and attributes, as alb mode's. The chart adds
 * HTTP-to-HTTPS redirect, an instance target on nginx's NodePort and the health check on
 * /nginx-health itself.
 */
export interface NginxIngressValues {
  readonly deploy: true;
  readonly internal: boolean;
  /** Subnet ids, comma-separated (the annotation's string list). */
  readonly subnets: string;
  /** Security group ids, comma-separated. */
  readonly secgroups: string;
  readonly sslCertificate: string;
  readonly awsSecurityPolicy: string;
  /** Load balancer attributes as key=value pairs, comma-separated; replaces the chart's idle timeout of 300 s. */
  readonly awsAttributes: string;
}

export function nginxIngressValues(i: LoadBalancerSettings): NginxIngressValues {
  return {
    deploy: true,
    internal: i.internal,
    subnets: i.subnetIds.join(","),
    secgroups: i.securityGroupId,
    sslCertificate: i.certificateArn,
    awsSecurityPolicy: i.sslPolicy,
    awsAttributes: loadBalancerAttributes(i)
      .map((a) => `${a.key}=${a.value}`)
      .join(","),
  };
}

/**
 * The IngressClassParams spec for the class `alb`, the class the vendor's chart's Ingress names
 * and the Load Balancer Controller's chart creates: the same scheme, subnets, certificate, TLS
 * policy, HTTPS redirect, attributes and allowed CIDRs as alb mode's load balancer, for every
 * Ingress that uses the class without the legacy annotation. Fields: IngressClassParams v1beta1 in
 * aws/eks-charts stable/aws-load-balancer-controller 1.14.0 (crds/crds.yaml) and the controller's
 * docs/guide/ingress/ingress_class.md (a field set here overrides the Ingress's annotation).
 */
export function albClassParams(i: LoadBalancerSettings) {
  return {
    scheme: i.internal ? "internal" : "internet-facing",
    ipAddressType: "ipv4",
    sslPolicy: i.sslPolicy,
    sslRedirectPort: "443",
    certificateArn: [i.certificateArn],
    subnets: { ids: [...i.subnetIds] },
    inboundCIDRs: [...i.allowedCidrs],
    loadBalancerAttributes: loadBalancerAttributes(i),
  };
}

/** The IngressClassParams spec of the class alb. */
export type AlbClassParams = ReturnType<typeof albClassParams>;
