import { expect } from "chai";

import type { IngressArgs } from "../../components/ingress/args";
import { Ingress } from "../../components/ingress/ingress";
import { makeWorld, type World } from "../../plan/world";
import { find, inputs, outputs, runComponents, shape } from "../helpers";

const TAGS = { "datafold:deployment": "acme" };
const NODES_SG = "sg-0nodes00000000000";
const PUBLIC = ["subnet-0000000000000000a", "subnet-0000000000000000b"];
const GIVEN_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
const BASE: IngressArgs = {
  domain: "datafold.acme.example",
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: PUBLIC,
  nodeSecurityGroupId: NODES_SG,
  tags: TAGS,
};

function plan(args: Partial<IngressArgs> = {}, world: World = makeWorld("us-east-1")) {
  return runComponents(() => {
    const i = new Ingress("acme", { ...BASE, ...args });
    return {
      certificateArn: i.certificateArn,
      certificateValidationRecords: i.certificateValidationRecords,
      securityGroupId: i.securityGroupId,
      ...(i.loadBalancerDnsName
        ? {
            loadBalancerDnsName: i.loadBalancerDnsName,
            targetGroupArn: i.targetGroupArn,
            loadBalancerIps: i.loadBalancerIps,
          }
        : {}),
      albClassParams: i.albClassParams,
      ...(i.nginxIngressValues ? { nginxIngressValues: i.nginxIngressValues } : {}),
    };
  }, world);
}

/** The random suffix of a load balancer or target group name. */
function suffix(run: Awaited<ReturnType<typeof plan>>, name: string): string {
  return (find(run, "random:index/randomString:RandomString", name).outputs as { result: string }).result;
}

const SECURITY = [
  "aws:ec2/securityGroup:SecurityGroup acme-lb",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule acme-lb-to-nodes",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule acme-lb-http-1",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule acme-lb-https-1",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule acme-nodes-from-lb",
];

describe("Ingress", () => {
  describe("alb mode with a requested certificate (the default)", () => {
    it("declares the load balancer, two listeners, the target group, the certificate and its validation, and the security rules", async () => {
      const run = await plan();
      expect(shape(run)).to.deep.equal(
        [
          "aws:acm/certificate:Certificate acme",
          "aws:acm/certificateValidation:CertificateValidation acme",
          "aws:lb/listener:Listener acme-http",
          "aws:lb/listener:Listener acme-https",
          "aws:lb/loadBalancer:LoadBalancer acme",
          "aws:lb/targetGroup:TargetGroup acme",
          "random:index/randomString:RandomString acme-lb-name",
          "random:index/randomString:RandomString acme-tg-name",
          ...SECURITY,
        ].sort(),
      );
    });

    it("marks its security group as a load balancer's", async () => {
      const run = await plan();
      expect(inputs(find(run, "aws:ec2/securityGroup:SecurityGroup", "acme-lb")).tags).to.deep.equal({
        ...TAGS,
        "datafold:role": "load-balancer",
        Name: "acme-lb",
      });
    });

    it("creates an internet-facing ALB in the given subnets, deletion-protected, dropping invalid headers", async () => {
      const run = await plan();
      expect(inputs(find(run, "aws:lb/loadBalancer:LoadBalancer", "acme"))).to.deep.equal({
        name: `acme-${suffix(run, "acme-lb-name")}`,
        loadBalancerType: "application",
        internal: false,
        subnets: PUBLIC,
        securityGroups: [find(run, "aws:ec2/securityGroup:SecurityGroup", "acme-lb").id],
        idleTimeout: 120,
        enableDeletionProtection: true,
        dropInvalidHeaderFields: true,
        tags: { ...TAGS, Name: "acme" },
      });
    });

    it("terminates HTTPS with the TLS 1.3 policy and the validated certificate, forwarding to the target group", async () => {
      const run = await plan();
      const https = inputs(find(run, "aws:lb/listener:Listener", "acme-https"));
      const certArn = (find(run, "aws:acm/certificate:Certificate", "acme").outputs as { arn: string }).arn;
      expect(https).to.deep.equal({
        loadBalancerArn: find(run, "aws:lb/loadBalancer:LoadBalancer", "acme").id,
        port: 443,
        protocol: "HTTPS",
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        certificateArn: certArn,
        defaultActions: [{ type: "forward", targetGroupArn: find(run, "aws:lb/targetGroup:TargetGroup", "acme").id }],
        tags: { ...TAGS, Name: "acme-https" },
      });
      expect(find(run, "aws:lb/listener:Listener", "acme-https").dependencies).to.include(
        find(run, "aws:acm/certificateValidation:CertificateValidation", "acme").urn,
      );
    });

    it("answers HTTP only with a permanent redirect to HTTPS", async () => {
      const run = await plan();
      expect(inputs(find(run, "aws:lb/listener:Listener", "acme-http")).defaultActions).to.deep.equal([
        { type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } },
      ]);
    });

    it("targets the nginx NodePort on instances, health-checked on /nginx-health", async () => {
      const run = await plan();
      expect(inputs(find(run, "aws:lb/targetGroup:TargetGroup", "acme"))).to.deep.equal({
        name: `acme-${suffix(run, "acme-tg-name")}`,
        port: 31337,
        protocol: "HTTP",
        targetType: "instance",
        vpcId: "vpc-0123456789abcdef0",
        deregistrationDelay: 30,
        healthCheck: {
          path: "/nginx-health",
          port: "traffic-port",
          protocol: "HTTP",
          matcher: "200",
          interval: 15,
          timeout: 5,
          healthyThreshold: 2,
          unhealthyThreshold: 3,
        },
        tags: { ...TAGS, Name: "acme" },
      });
    });

    it("admits 443 and 80 from the allowed CIDRs only, and lets the load balancer reach only the nodes' backend port", async () => {
      const run = await plan({ allowedCidrs: ["198.51.100.0/24", "203.0.113.0/24"] });
      const sg = find(run, "aws:ec2/securityGroup:SecurityGroup", "acme-lb").id;
      const rules = run.resources
        .filter((r) => r.type.startsWith("aws:vpc/securityGroup"))
        .map((r) => {
          const i = inputs(r);
          return [
            r.name,
            i.securityGroupId,
            i.cidrIpv4 ?? i.referencedSecurityGroupId,
            i.fromPort,
            i.toPort,
            i.ipProtocol,
          ];
        })
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(rules).to.deep.equal([
        ["acme-lb-http-1", sg, "198.51.100.0/24", 80, 80, "tcp"],
        ["acme-lb-http-2", sg, "203.0.113.0/24", 80, 80, "tcp"],
        ["acme-lb-https-1", sg, "198.51.100.0/24", 443, 443, "tcp"],
        ["acme-lb-https-2", sg, "203.0.113.0/24", 443, 443, "tcp"],
        ["acme-lb-to-nodes", sg, NODES_SG, 31337, 31337, "tcp"],
        ["acme-nodes-from-lb", NODES_SG, sg, 31337, 31337, "tcp"],
      ]);
    });

    it("describes the group and each rule with the characters EC2 accepts (no apostrophe)", async () => {
      const run = await plan();
      const descriptions = run.resources
        .filter((r) => r.type.startsWith("aws:vpc/securityGroup") || r.type === "aws:ec2/securityGroup:SecurityGroup")
        .map((r) => [r.name, inputs(r).description]);
      expect(descriptions).to.deep.equal([
        ["acme-lb", "acme: HTTPS load balancer, to the backend port of the nodes only"],
        ["acme-lb-https-1", "HTTPS from 0.0.0.0/0"],
        ["acme-lb-http-1", "HTTP from 0.0.0.0/0"],
        ["acme-lb-to-nodes", "To the backend port of the nodes"],
        ["acme-nodes-from-lb", "Backend port from the load balancer"],
      ]);
    });

    it("requests a DNS-validated certificate, outputs its validation record and waits a bounded time", async () => {
      const run = await plan({ certificateValidationTimeoutMinutes: 30 });
      expect(inputs(find(run, "aws:acm/certificate:Certificate", "acme"))).to.deep.equal({
        domainName: "datafold.acme.example",
        validationMethod: "DNS",
        keyAlgorithm: "RSA_2048",
        tags: { ...TAGS, Name: "acme" },
      });
      const validation = find(run, "aws:acm/certificateValidation:CertificateValidation", "acme");
      expect(inputs(validation).validationRecordFqdns).to.equal(undefined);
      const records = outputs(run).certificateValidationRecords as { name: string; type: string; value: string }[];
      expect(records).to.have.length(1);
      expect(records[0].name).to.match(/^_[0-9a-f]{32}\.datafold\.acme\.example\.$/);
      expect(records[0].type).to.equal("CNAME");
      expect(records[0].value).to.match(/\.acm-validations\.aws\.$/);
    });

    it("finds the load balancer's private IPs in the same run: the interfaces described with its ARN suffix", async () => {
      const first = await plan();
      const suffix = (find(first, "aws:lb/loadBalancer:LoadBalancer", "acme").outputs as { arnSuffix: string })
        .arnSuffix;
      expect(suffix).to.equal("app/acme-bffdcc/ae3144883991c340");
      const lookup = first.calls.find((c) => c.token === "aws:ec2/getNetworkInterfaces:getNetworkInterfaces");
      expect(lookup?.inputs).to.deep.equal({ filters: [{ name: "description", values: [`ELB ${suffix}`] }] });
      // The default world holds no interface of this load balancer: none is found, as AWS answers.
      expect(outputs(first).loadBalancerIps).to.deep.equal([]);

      const eni = (id: string, description: string, privateIp: string, availabilityZone: string) => ({
        id,
        description,
        privateIp,
        availabilityZone,
      });
      const world = makeWorld("us-east-1", {
        networkInterfaces: [
          eni("eni-0aaaaaaaaaaaaaaa1", `ELB ${suffix}`, "10.0.101.20", "us-east-1b"),
          eni("eni-0aaaaaaaaaaaaaaa2", "ELB app/another-lb/0123456789abcdef", "10.0.100.99", "us-east-1a"),
          eni("eni-0aaaaaaaaaaaaaaa3", `ELB ${suffix}`, "10.0.100.10", "us-east-1a"),
        ],
      });
      const run = await plan({}, world);
      expect(outputs(run).loadBalancerIps).to.deep.equal(["10.0.100.10", "10.0.101.20"]);
    });

    it("keeps load balancer and target group names within AWS's 32 characters, with suffixes drawn again on replacement", async () => {
      const longName = "a-twenty-eight-char-customer";
      expect(longName).to.have.length(28);
      const run = await runComponents(() => {
        const i = new Ingress(longName, { ...BASE });
        return { arn: i.certificateArn };
      });
      const lbName = String(inputs(find(run, "aws:lb/loadBalancer:LoadBalancer", longName)).name);
      const tgName = String(inputs(find(run, "aws:lb/targetGroup:TargetGroup", longName)).name);
      expect([lbName.length, tgName.length]).to.deep.equal([32, 32]);
      expect(lbName.startsWith("a-twenty-eight-char-custo-")).to.equal(true);
      expect(inputs(find(run, "random:index/randomString:RandomString", `${longName}-lb-name`)).keepers).to.deep.equal({
        internal: "false",
      });
      expect(inputs(find(run, "random:index/randomString:RandomString", `${longName}-tg-name`)).keepers).to.deep.equal({
        port: "31337",
        protocol: "HTTP",
        targetType: "instance",
        vpcId: "vpc-0123456789abcdef0",
      });
    });

    it("writes access logs to the given bucket", async () => {
      const run = await plan({ accessLogsBucket: "acme-lb-logs" });
      expect(inputs(find(run, "aws:lb/loadBalancer:LoadBalancer", "acme")).accessLogs).to.deep.equal({
        bucket: "acme-lb-logs",
        enabled: true,
        prefix: "acme",
      });
    });
  });

  describe("with a hosted zone", () => {
    it("creates the validation record, validates through it and points the domain at the load balancer, taking over an existing A record", async () => {
      const run = await plan({ hostedZoneId: "Z0123456789ABCDEFGHIJ" });
      const records = outputs(run).certificateValidationRecords as { name: string; type: string; value: string }[];
      const record = find(run, "aws:route53/record:Record", "acme-certificate-validation");
      expect(inputs(record)).to.deep.equal({
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: records[0].name,
        type: "CNAME",
        records: [records[0].value],
        ttl: 300,
        allowOverwrite: true,
      });
      expect(
        inputs(find(run, "aws:acm/certificateValidation:CertificateValidation", "acme")).validationRecordFqdns,
      ).to.deep.equal([records[0].name.replace(/\.$/, "")]);
      const lb = find(run, "aws:lb/loadBalancer:LoadBalancer", "acme").outputs as { dnsName: string; zoneId: string };
      expect(inputs(find(run, "aws:route53/record:Record", "acme-alias"))).to.deep.equal({
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: "datafold.acme.example",
        type: "A",
        aliases: [{ name: lb.dnsName, zoneId: lb.zoneId, evaluateTargetHealth: true }],
        // Takes over the A record the specification tells customers to create themselves.
        allowOverwrite: true,
      });
    });
  });

  describe("internal, with a given certificate", () => {
    it("creates no certificate, uses the given one and puts an internal load balancer in the given subnets", async () => {
      const privateSubnets = ["subnet-0000000000000000c", "subnet-0000000000000000d"];
      const run = await plan({ internal: true, certificateArn: GIVEN_CERT, subnetIds: privateSubnets });
      expect(run.resources.filter((r) => r.type.startsWith("aws:acm"))).to.deep.equal([]);
      expect(inputs(find(run, "aws:lb/listener:Listener", "acme-https")).certificateArn).to.equal(GIVEN_CERT);
      const lb = inputs(find(run, "aws:lb/loadBalancer:LoadBalancer", "acme"));
      expect([lb.internal, lb.subnets]).to.deep.equal([true, privateSubnets]);
      expect(outputs(run).certificateValidationRecords).to.deep.equal([]);
    });
  });

  describe("controller mode", () => {
    it("creates no load balancer resources, only the certificate and the security rules", async () => {
      const run = await plan({ mode: "controller" });
      expect(shape(run)).to.deep.equal(
        [
          "aws:acm/certificate:Certificate acme",
          "aws:acm/certificateValidation:CertificateValidation acme",
          ...SECURITY,
        ].sort(),
      );
      expect(run.resources.filter((r) => r.type.startsWith("aws:lb/") || r.type.startsWith("aws:alb/"))).to.deep.equal(
        [],
      );
    });

    it("hands the vendor's chart the nginx.ingress values of an equally strict load balancer", async () => {
      const run = await plan({ mode: "controller", certificateArn: GIVEN_CERT, idleTimeoutSeconds: 90 });
      const sg = find(run, "aws:ec2/securityGroup:SecurityGroup", "acme-lb").id;
      expect(outputs(run).nginxIngressValues).to.deep.equal({
        deploy: true,
        internal: false,
        subnets: PUBLIC.join(","),
        secgroups: sg,
        sslCertificate: GIVEN_CERT,
        awsSecurityPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        awsAttributes:
          "idle_timeout.timeout_seconds=90,routing.http.drop_invalid_header_fields.enabled=true,deletion_protection.enabled=true",
      });
    });

    it("gives an internal one the private subnets, and access logs through the attributes", async () => {
      const run = await plan({ mode: "controller", internal: true, accessLogsBucket: "acme-lb-logs" });
      const values = outputs(run).nginxIngressValues as Record<string, unknown>;
      expect([values.internal, values.awsAttributes]).to.deep.equal([
        true,
        "idle_timeout.timeout_seconds=120,routing.http.drop_invalid_header_fields.enabled=true,deletion_protection.enabled=true,access_logs.s3.enabled=true,access_logs.s3.bucket=acme-lb-logs",
      ]);
      expect((outputs(run).albClassParams as Record<string, unknown>).scheme).to.equal("internal");
    });
  });

  describe("the class alb's IngressClassParams (both modes)", () => {
    for (const mode of ["alb", "controller"] as const) {
      it(`${mode} mode: the same scheme, subnets, certificate, TLS policy, redirect, attributes and CIDRs as the load balancer`, async () => {
        const run = await plan({ mode, certificateArn: GIVEN_CERT, allowedCidrs: ["198.51.100.0/24"] });
        expect(outputs(run).albClassParams).to.deep.equal({
          scheme: "internet-facing",
          ipAddressType: "ipv4",
          sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
          sslRedirectPort: "443",
          certificateArn: [GIVEN_CERT],
          subnets: { ids: PUBLIC },
          inboundCIDRs: ["198.51.100.0/24"],
          loadBalancerAttributes: [
            { key: "idle_timeout.timeout_seconds", value: "120" },
            { key: "routing.http.drop_invalid_header_fields.enabled", value: "true" },
            { key: "deletion_protection.enabled", value: "true" },
          ],
        });
        expect(outputs(run)).to.not.have.property(mode === "alb" ? "nginxIngressValues" : "targetGroupArn");
      });
    }

    it("names a requested certificate as soon as it is requested, so that the controller's release does not wait for DNS validation", async () => {
      const run = await plan({ mode: "controller" });
      const certificate = find(run, "aws:acm/certificate:Certificate", "acme");
      expect((outputs(run).albClassParams as { certificateArn: string[] }).certificateArn).to.deep.equal([
        (certificate.outputs as { arn: string }).arn,
      ]);
      const validation = find(run, "aws:acm/certificateValidation:CertificateValidation", "acme");
      expect((outputs(run).nginxIngressValues as { sslCertificate: string }).sslCertificate).to.equal(
        (validation.outputs as { certificateArn: string }).certificateArn,
      );
    });
  });
});
