import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

import { LOAD_BALANCER_ROLE_TAG, nameTags } from "../shared/tags";
import { type IngressArgs, type ResolvedIngressArgs, withDefaults } from "./args";
import {
  type AlbClassParams,
  albClassParams,
  type LoadBalancerSettings,
  loadBalancerName,
  NAME_SUFFIX_LENGTH,
  NGINX_HEALTH_CHECK_PATH,
  type NginxIngressValues,
  nginxIngressValues,
  validationMessage,
  type ValidationRecord,
  validationRecords,
} from "./values";

const SUFFIX = { length: NAME_SUFFIX_LENGTH, special: false, upper: false } as const;

/**
 * HTTPS into the cluster. `alb` mode: an Application Load Balancer with a TLS 1.3 policy, an
 * HTTP listener that only redirects, and an instance target group on the nginx NodePort (the
 * application's chart binds it). `controller` mode: no load balancer here, but the vendor's chart's
 * `nginx.ingress` values, from which the AWS Load Balancer Controller builds an equally strict
 * one. Either way: one security group (HTTPS and the redirect from `allowedCidrs`, out only to the
 * nodes' backend port), a certificate, given or requested with DNS validation, and the
 * IngressClassParams spec that makes the controller's class `alb` as strict.
 */
export class Ingress extends pulumi.ComponentResource {
  readonly certificateArn: pulumi.Output<string>;
  /** The DNS records that validate a requested certificate (empty for a given one). */
  readonly certificateValidationRecords: pulumi.Output<ValidationRecord[]>;
  readonly securityGroupId: pulumi.Output<string>;
  /** alb mode only. */
  readonly loadBalancerDnsName?: pulumi.Output<string>;
  readonly loadBalancerArn?: pulumi.Output<string>;
  readonly targetGroupArn?: pulumi.Output<string>;
  /** The load balancer's private IPs (alb mode), for nginx's trusted proxies. */
  readonly loadBalancerIps?: pulumi.Output<string[]>;
  /** controller mode only: the vendor's chart's `nginx.ingress` values. */
  readonly nginxIngressValues?: pulumi.Output<NginxIngressValues>;
  /** The IngressClassParams spec for the Load Balancer Controller's class `alb` (both modes). */
  readonly albClassParams: pulumi.Output<AlbClassParams>;

  constructor(name: string, rawArgs: IngressArgs, opts?: pulumi.ComponentResourceOptions) {
    super("datafold:aws:Ingress", name, {}, opts);
    const args = withDefaults(rawArgs);
    const parent = { parent: this };

    const sg = new aws.ec2.SecurityGroup(
      `${name}-lb`,
      {
        vpcId: args.vpcId,
        // EC2 accepts only a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$* in descriptions (EC2 API
        // Reference, CreateSecurityGroup); the pack's ec2-security-group-valid-description holds it.
        description: `${name}: HTTPS load balancer, to the backend port of the nodes only`,
        // The policy pack admits the internet on 443/80 only to load balancers' groups; in controller
        // mode no load balancer exists at plan time, so the group says what it is for.
        tags: nameTags(args.tags, `${name}-lb`, { [LOAD_BALANCER_ROLE_TAG]: "load-balancer" }),
      },
      parent,
    );
    args.allowedCidrs.forEach((cidr, i) => {
      for (const [label, port] of [
        ["https", 443],
        ["http", 80],
      ] as const) {
        new aws.vpc.SecurityGroupIngressRule(
          `${name}-lb-${label}-${i + 1}`,
          {
            securityGroupId: sg.id,
            cidrIpv4: cidr,
            ipProtocol: "tcp",
            fromPort: port,
            toPort: port,
            description: `${label.toUpperCase()} from ${cidr}`,
            tags: nameTags(args.tags, `${name}-lb-${label}-${i + 1}`),
          },
          parent,
        );
      }
    });
    new aws.vpc.SecurityGroupEgressRule(
      `${name}-lb-to-nodes`,
      {
        securityGroupId: sg.id,
        referencedSecurityGroupId: args.nodeSecurityGroupId,
        ipProtocol: "tcp",
        fromPort: args.backendPort,
        toPort: args.backendPort,
        description: "To the backend port of the nodes",
        tags: nameTags(args.tags, `${name}-lb-to-nodes`),
      },
      parent,
    );
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-nodes-from-lb`,
      {
        securityGroupId: args.nodeSecurityGroupId,
        referencedSecurityGroupId: sg.id,
        ipProtocol: "tcp",
        fromPort: args.backendPort,
        toPort: args.backendPort,
        description: "Backend port from the load balancer",
        tags: nameTags(args.tags, `${name}-nodes-from-lb`),
      },
      parent,
    );

    const certificate = this.certificate(name, args);
    this.certificateArn = certificate.arn;
    this.certificateValidationRecords = certificate.records;
    this.securityGroupId = sg.id;

    if (args.mode === "alb") {
      // Load balancer and target group names are at most 32 characters, too few for Pulumi's
      // auto-naming of a 28-character deployment name. The names take a random suffix instead,
      // drawn again whenever a change would replace the resource, so that the replacement can be
      // created before the old one goes, as auto-naming does.
      const lbSuffix = new random.RandomString(
        `${name}-lb-name`,
        { ...SUFFIX, keepers: { internal: String(args.internal) } },
        parent,
      );
      const tgSuffix = new random.RandomString(
        `${name}-tg-name`,
        {
          ...SUFFIX,
          keepers: { port: String(args.backendPort), protocol: "HTTP", targetType: "instance", vpcId: args.vpcId },
        },
        parent,
      );
      const lb = new aws.lb.LoadBalancer(
        name,
        {
          name: lbSuffix.result.apply((s) => loadBalancerName(name, s)),
          loadBalancerType: "application",
          internal: args.internal,
          subnets: args.subnetIds,
          securityGroups: [sg.id],
          idleTimeout: args.idleTimeoutSeconds,
          enableDeletionProtection: args.deletionProtection,
          dropInvalidHeaderFields: true,
          ...(args.accessLogsBucket !== ""
            ? { accessLogs: { bucket: args.accessLogsBucket, enabled: true, prefix: name } }
            : {}),
          tags: nameTags(args.tags, name),
        },
        parent,
      );
      const targets = new aws.lb.TargetGroup(
        name,
        {
          name: tgSuffix.result.apply((s) => loadBalancerName(name, s)),
          port: args.backendPort,
          protocol: "HTTP",
          targetType: "instance",
          vpcId: args.vpcId,
          deregistrationDelay: 30,
          healthCheck: {
            path: NGINX_HEALTH_CHECK_PATH,
            port: "traffic-port",
            protocol: "HTTP",
            matcher: "200",
            interval: 15,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
          },
          tags: nameTags(args.tags, name),
        },
        parent,
      );
      new aws.lb.Listener(
        `${name}-https`,
        {
          loadBalancerArn: lb.arn,
          port: 443,
          protocol: "HTTPS",
          sslPolicy: args.sslPolicy,
          certificateArn: certificate.validatedArn,
          defaultActions: [{ type: "forward", targetGroupArn: targets.arn }],
          tags: nameTags(args.tags, `${name}-https`),
        },
        parent,
      );
      new aws.lb.Listener(
        `${name}-http`,
        {
          loadBalancerArn: lb.arn,
          port: 80,
          protocol: "HTTP",
          defaultActions: [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }],
          tags: nameTags(args.tags, `${name}-http`),
        },
        parent,
      );
      if (args.hostedZoneId !== "") {
        new aws.route53.Record(
          `${name}-alias`,
          {
            zoneId: args.hostedZoneId,
            name: args.domain,
            type: "A",
            aliases: [{ name: lb.dnsName, zoneId: lb.zoneId, evaluateTargetHealth: true }],
            // The specification tells customers to create the domain's A record themselves; without
            // this, creating the alias fails because the record exists. With it the record is taken
            // over (@pulumi/aws 7 route53.Record, allowOverwrite: "Allow creation of this record to
            // overwrite an existing record, if any").
            allowOverwrite: true,
          },
          parent,
        );
      }
      this.loadBalancerDnsName = lb.dnsName;
      this.loadBalancerArn = lb.arn;
      this.targetGroupArn = targets.arn;
      // Found in the same `pulumi up`, once the load balancer exists: its network interfaces carry
      // the description "ELB <arn suffix>". No second run with a flag, as the vendor's module needs.
      this.loadBalancerIps = lb.arnSuffix.apply(async (suffix) => {
        const found = await aws.ec2.getNetworkInterfaces(
          { filters: [{ name: "description", values: [`ELB ${suffix}`] }] },
          parent,
        );
        const enis = await Promise.all(found.ids.map((id) => aws.ec2.getNetworkInterface({ id }, parent)));
        return enis.map((e) => e.privateIp).sort();
      });
    }
    // The controller builds its load balancer from these, as strict as the one above.
    const settings = (certificateArn: pulumi.Output<string>) =>
      pulumi
        .all([args.subnetIds, sg.id, certificateArn])
        .apply(([subnetIds, securityGroupId, arn]): LoadBalancerSettings => ({
          internal: args.internal,
          subnetIds,
          securityGroupId,
          certificateArn: arn,
          sslPolicy: args.sslPolicy,
          idleTimeoutSeconds: args.idleTimeoutSeconds,
          deletionProtection: args.deletionProtection,
          accessLogsBucket: args.accessLogsBucket,
          allowedCidrs: args.allowedCidrs,
        }));
    // The class's params go into the controller's release, which need not wait for DNS validation:
    // they name the certificate as soon as it is requested (the controller retries a listener until
    // the certificate is issued). The chart's values, used only once the application is installed,
    // name it once it is validated.
    this.albClassParams = settings(certificate.arn).apply(albClassParams);
    if (args.mode === "controller")
      this.nginxIngressValues = settings(certificate.validatedArn).apply(nginxIngressValues);

    this.registerOutputs({
      certificateArn: this.certificateArn,
      certificateValidationRecords: this.certificateValidationRecords,
      securityGroupId: this.securityGroupId,
      loadBalancerDnsName: this.loadBalancerDnsName,
      targetGroupArn: this.targetGroupArn,
      loadBalancerIps: this.loadBalancerIps,
      nginxIngressValues: this.nginxIngressValues,
      albClassParams: this.albClassParams,
    });
  }

  /** The given certificate, or one requested in ACM with DNS validation (records created when there is a zone). */
  private certificate(
    name: string,
    args: ResolvedIngressArgs,
  ): { arn: pulumi.Output<string>; validatedArn: pulumi.Output<string>; records: pulumi.Output<ValidationRecord[]> } {
    if (args.certificateArn !== "") {
      const arn = pulumi.output(args.certificateArn);
      return { arn, validatedArn: arn, records: pulumi.output([]) };
    }
    const parent = { parent: this };
    const cert = new aws.acm.Certificate(
      name,
      { domainName: args.domain, validationMethod: "DNS", keyAlgorithm: "RSA_2048", tags: nameTags(args.tags, name) },
      parent,
    );
    const records = cert.domainValidationOptions.apply(validationRecords);
    let fqdns: pulumi.Input<string>[] | undefined;
    if (args.hostedZoneId !== "") {
      // One domain, no alternative names: exactly one validation record.
      const record = new aws.route53.Record(
        `${name}-certificate-validation`,
        {
          zoneId: args.hostedZoneId,
          name: records.apply((r) => r[0].name),
          type: records.apply((r) => r[0].type),
          records: [records.apply((r) => r[0].value)],
          ttl: 300,
          allowOverwrite: true,
        },
        parent,
      );
      fqdns = [record.fqdn];
    } else {
      // Printed during `pulumi up` as soon as ACM has answered, while the certificate is pending.
      pulumi.all([records, cert.status]).apply(([r, status]) => {
        if (status !== "ISSUED") void pulumi.log.warn(validationMessage(args.domain, r, args.mode), this);
      });
    }
    const validation = new aws.acm.CertificateValidation(
      name,
      { certificateArn: cert.arn, ...(fqdns ? { validationRecordFqdns: fqdns } : {}) },
      { parent: this, customTimeouts: { create: `${args.certificateValidationTimeoutMinutes}m` } },
    );
    return { arn: cert.arn, validatedArn: validation.certificateArn, records };
  }
}
