/** The Ingress component's arguments, their defaults, and the one place the defaults are resolved. */
import type * as pulumi from "@pulumi/pulumi";

/** Who builds the load balancer: this program (`alb`) or the AWS Load Balancer Controller (`controller`). */
export type IngressMode = "alb" | "controller";

export interface IngressArgs {
  /** The host name the application serves: the certificate's domain and the alias record's name. */
  readonly domain: string;
  readonly vpcId: pulumi.Input<string>;
  /** Where the load balancer goes: public subnets, or private ones when `internal`. */
  readonly subnetIds: pulumi.Input<string[]>;
  /** The nodes' security group: the only place the load balancer may send traffic. */
  readonly nodeSecurityGroupId: pulumi.Input<string>;
  /**
   * `alb`: this component creates the load balancer; `controller`: it returns the vendor's chart's
   * `nginx.ingress` values, from which the Load Balancer Controller creates one. @default "alb"
   */
  readonly mode?: IngressMode;
  /** An internal load balancer (private subnets, internal DNS). @default false */
  readonly internal?: boolean;
  /** An ACM certificate in the stack's region; empty: request one for `domain` with DNS validation. @default "" */
  readonly certificateArn?: string;
  /** A Route 53 zone for the validation and alias records; empty: none are created. @default "" */
  readonly hostedZoneId?: string;
  /** IPv4 CIDRs that may reach HTTPS (and the HTTP redirect). @default ["0.0.0.0/0"] */
  readonly allowedCidrs?: readonly string[];
  /** The HTTPS listener's ELB security policy. @default "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" */
  readonly sslPolicy?: string;
  /** Load balancer idle timeout, in seconds. @default 120 */
  readonly idleTimeoutSeconds?: number;
  /**
   * The application's nginx NodePort: target group port, the only port open to the nodes, and
   * `nginx.service.nodePort` in the application's values. @default 31337 (the chart's own default)
   */
  readonly backendPort?: number;
  /** The load balancer's deletion protection. @default true */
  readonly deletionProtection?: boolean;
  /** An existing S3 bucket for the load balancer's access logs; empty: none. @default "" */
  readonly accessLogsBucket?: string;
  /** How long `pulumi up` waits for a requested certificate to be validated, in minutes. @default 45 */
  readonly certificateValidationTimeoutMinutes?: number;
  /** Tags for every resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

type Wiring = "domain" | "vpcId" | "subnetIds" | "nodeSecurityGroupId" | "tags";

/** What the stack's config decides about ingress (the contract's `ingress` section), resolved. */
export type IngressSettings = Required<Omit<IngressArgs, Wiring>>;

/** The defaults of IngressSettings (../shared/CONFIG.md). */
export const INGRESS_DEFAULTS: IngressSettings = {
  mode: "alb",
  internal: false,
  certificateArn: "",
  hostedZoneId: "",
  allowedCidrs: ["0.0.0.0/0"],
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  idleTimeoutSeconds: 120,
  backendPort: 31337,
  deletionProtection: true,
  accessLogsBucket: "",
  certificateValidationTimeoutMinutes: 45,
};

export type ResolvedIngressArgs = IngressSettings &
  Pick<IngressArgs, Exclude<Wiring, "tags">> & { readonly tags: Readonly<Record<string, string>> };

/** Resolves every default of IngressArgs once. Pure. */
export function withDefaults(args: IngressArgs): ResolvedIngressArgs {
  const d = INGRESS_DEFAULTS;
  return {
    domain: args.domain,
    vpcId: args.vpcId,
    subnetIds: args.subnetIds,
    nodeSecurityGroupId: args.nodeSecurityGroupId,
    mode: args.mode ?? d.mode,
    internal: args.internal ?? d.internal,
    certificateArn: args.certificateArn ?? d.certificateArn,
    hostedZoneId: args.hostedZoneId ?? d.hostedZoneId,
    allowedCidrs: args.allowedCidrs ?? d.allowedCidrs,
    sslPolicy: args.sslPolicy ?? d.sslPolicy,
    idleTimeoutSeconds: args.idleTimeoutSeconds ?? d.idleTimeoutSeconds,
    backendPort: args.backendPort ?? d.backendPort,
    deletionProtection: args.deletionProtection ?? d.deletionProtection,
    accessLogsBucket: args.accessLogsBucket ?? d.accessLogsBucket,
    certificateValidationTimeoutMinutes:
      args.certificateValidationTimeoutMinutes ?? d.certificateValidationTimeoutMinutes,
    tags: args.tags ?? {},
  };
}
