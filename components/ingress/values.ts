/**
 * Ingress data: the DNS records a certificate needs, the load balancer attributes, and the values
 * that make the AWS Load Balancer Controller build a load balancer as strict as the one this
 * program builds itself. Plain data; no Pulumi import.
 */

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

/** The IngressClass (and IngressClassParams) name for a deployment in controller mode. */
export function ingressClassName(deploymentName: string): string {
  return `${deploymentName}-alb`;
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

/** How `pulumi up` tells the DNS administrator what to create. */
export function validationMessage(domain: string, records: readonly ValidationRecord[]): string {
  return [
    `The certificate for ${domain} waits for DNS validation. Create this record in the zone of ${domain}:`,
    ...records.map((r) => `  ${r.name} ${r.type} ${r.value}`),
    "The load balancer's HTTPS listener is created once ACM reports the certificate as issued.",
  ].join("\n");
}

export interface ControllerIngressInputs {
  /** The IngressClass the application's Ingress names; its IngressClassParams carry the settings. */
  readonly className: string;
  readonly internal: boolean;
  /** Subnets the load balancer goes into: public ones, or private ones when internal. */
  readonly subnetIds: readonly string[];
  /** The security group this program made for the load balancer. */
  readonly securityGroupId: string;
  readonly certificateArn: string;
  readonly sslPolicy: string;
  readonly idleTimeoutSeconds: number;
  readonly deletionProtection: boolean;
  readonly healthCheckPath: string;
  readonly backendPort: number;
  readonly accessLogsBucket: string;
}

/** Load balancer attributes, in the controller's key=value form. */
export function loadBalancerAttributes(
  i: Pick<ControllerIngressInputs, "idleTimeoutSeconds" | "deletionProtection" | "accessLogsBucket">,
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
 * Controller mode: the IngressClassParams spec (the platform creates the class and its params in
 * the cluster; the controller lets them override any Ingress annotation) and the annotations for
 * the application's Ingress, so that the controller's load balancer has the same scheme, subnets,
 * security group, certificate, TLS policy, redirect and attributes as the one alb mode creates.
 */
export function controllerIngressValues(i: ControllerIngressInputs) {
  const scheme = i.internal ? "internal" : "internet-facing";
  const attributes = loadBalancerAttributes(i);
  return {
    className: i.className,
    ingressClassParams: {
      scheme,
      ipAddressType: "ipv4",
      sslPolicy: i.sslPolicy,
      certificateArn: [i.certificateArn],
      subnets: { ids: [...i.subnetIds] },
      loadBalancerAttributes: attributes,
    },
    annotations: {
      "alb.ingress.kubernetes.io/scheme": scheme,
      "alb.ingress.kubernetes.io/target-type": "instance",
      "alb.ingress.kubernetes.io/subnets": i.subnetIds.join(","),
      "alb.ingress.kubernetes.io/security-groups": i.securityGroupId,
      // The node-side rule (backend port from this group only) is made by this program.
      "alb.ingress.kubernetes.io/manage-backend-security-group-rules": "false",
      "alb.ingress.kubernetes.io/certificate-arn": i.certificateArn,
      "alb.ingress.kubernetes.io/ssl-policy": i.sslPolicy,
      "alb.ingress.kubernetes.io/listen-ports": JSON.stringify([{ HTTP: 80 }, { HTTPS: 443 }]),
      "alb.ingress.kubernetes.io/ssl-redirect": "443",
      "alb.ingress.kubernetes.io/healthcheck-path": i.healthCheckPath,
      "alb.ingress.kubernetes.io/healthcheck-port": String(i.backendPort),
      "alb.ingress.kubernetes.io/load-balancer-attributes": attributes.map((a) => `${a.key}=${a.value}`).join(","),
    },
    subnetIds: [...i.subnetIds],
    certificateArn: i.certificateArn,
  };
}
