/**
 * The hand-over to the vendor's chart, through the whole program: each test names a way the
 * application would not run although `helm install` succeeds.
 */
import { expect } from "chai";

import type { ProgramRun } from "../../plan/run";
import { runProgram } from "../../plan/run";
import { readStackConfig } from "../../plan/stackfile";
import { makeWorld } from "../../plan/world";
import * as pulumi from "@pulumi/pulumi";

import { validateConfig } from "../../config/validator";
import { chartServiceAccount } from "../../stack/chart-values";
import { applicationSettingsOutput, type Deployment } from "../../stack/outputs";
import { find, inputs, outputs } from "../helpers";
import { EXAMPLES, plannedStack, program } from "./plans";

type Values = Record<string, Record<string, unknown>>;

function get(values: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], values);
}

function settingsOf(run: ProgramRun): Values {
  return outputs(run).applicationSettings as Values;
}

/** The dev stack with one section's keys changed. */
async function planDev(section: string, change: Record<string, unknown>): Promise<ProgramRun> {
  const stack = readStackConfig(EXAMPLES, "dev");
  const key = `datafold-aws:${section}`;
  const current = JSON.parse(stack.config[key] ?? "{}") as Record<string, unknown>;
  return runProgram({
    project: stack.project,
    stack: "dev",
    config: { ...stack.config, [key]: JSON.stringify({ ...current, ...change }) },
    world: makeWorld("us-east-1"),
    program,
  });
}

describe("the application's values (applicationSettings), through the whole program", () => {
  describe("controller mode (the controller example)", () => {
    let run: ProgramRun;
    before(async function () {
      this.timeout(60000);
      run = (await plannedStack("controller")).run;
    });

    it("turns on the chart's Ingress and gives it the load balancer's subnets, security group, certificate, TLS policy and attributes", () => {
      expect(get(settingsOf(run), "nginx.ingress")).to.deep.equal({
        deploy: true,
        internal: false,
        subnets: (outputs(run).publicSubnetIds as string[]).join(","),
        secgroups: outputs(run).loadBalancerSecurityGroupId,
        sslCertificate: outputs(run).certificateArn,
        awsSecurityPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        awsAttributes:
          "idle_timeout.timeout_seconds=120,routing.http.drop_invalid_header_fields.enabled=true,deletion_protection.enabled=true",
      });
      expect(settingsOf(run)).to.not.have.property("ingress");
    });

    it("makes the class alb, which the chart's Ingress names, as strict through the controller's own chart; no class of its own", () => {
      const lbc = inputs(find(run, "kubernetes:helm.sh/v3:Release", "umbrella-datafold-aws-load-balancer-controller"));
      const values = lbc.values as Record<string, unknown>;
      expect([values.ingressClass, values.createIngressClassResource]).to.deep.equal(["alb", true]);
      expect(values.ingressClassParams).to.deep.equal({
        create: true,
        spec: {
          scheme: "internet-facing",
          ipAddressType: "ipv4",
          sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
          sslRedirectPort: "443",
          certificateArn: [outputs(run).certificateArn],
          subnets: { ids: outputs(run).publicSubnetIds },
          inboundCIDRs: ["0.0.0.0/0"],
          loadBalancerAttributes: [
            { key: "idle_timeout.timeout_seconds", value: "120" },
            { key: "routing.http.drop_invalid_header_fields.enabled", value: "true" },
            { key: "deletion_protection.enabled", value: "true" },
          ],
        },
      });
      expect(run.resources.filter((r) => /IngressClass/.test(r.type)).map((r) => `${r.type} ${r.name}`)).to.deep.equal(
        [],
      );
      // The controller's release names the requested certificate; it does not wait for DNS validation.
      const release = find(run, "kubernetes:helm.sh/v3:Release", "umbrella-datafold-aws-load-balancer-controller");
      expect(release.dependencies).to.include(find(run, "aws:acm/certificate:Certificate", "umbrella-datafold").urn);
      expect(release.dependencies).to.not.include(
        find(run, "aws:acm/certificateValidation:CertificateValidation", "umbrella-datafold").urn,
      );
    });

    it("pins in the Bedrock role's trust exactly the service accounts the chart runs those components on", () => {
      const values = settingsOf(run);
      const components = ["server", "worker", "worker-interactive", "dfshell", "dma"];
      for (const c of components)
        expect(get(values, `${c}.serviceAccount.roleArn`), c).to.equal(outputs(run).bedrockRoleArn);
      const trust = JSON.parse(
        String(inputs(find(run, "aws:iam/role:Role", "umbrella-datafold-bedrock")).assumeRolePolicy),
      ) as {
        Statement: { Condition: { StringEquals: Record<string, string | string[]> } }[];
      };
      const subjects = Object.entries(trust.Statement[0].Condition.StringEquals).find(([k]) => k.endsWith(":sub"))?.[1];
      expect(subjects).to.deep.equal(
        components.map((c) => `system:serviceaccount:umbrella-datafold:${chartServiceAccount(c, values)}`),
      );
      expect(chartServiceAccount("dfshell", values)).to.equal("datafold-dfshell");
    });

    it("tells DMA to call Bedrock in the stack's region, the one the role allows", () => {
      expect(get(settingsOf(run), "dma.dma.bedrock_region")).to.equal("eu-central-1");
    });
  });

  describe("the dev stack (alb mode)", () => {
    let run: ProgramRun;
    before(async function () {
      this.timeout(60000);
      run = (await plannedStack("dev")).run;
    });

    it("fills ClickHouse's and Redis's credentials and the status-check token from generated secrets, and names the deployment", () => {
      const values = settingsOf(run);
      const generated = (name: string) =>
        (find(run, "random:index/randomPassword:RandomPassword", name).outputs as { result: string }).result;
      expect(get(values, "secrets.clickhouse")).to.deep.equal({
        user: "datafold",
        password: generated("acme-datafold-clickhouse-password"),
      });
      expect(get(values, "secrets.redis")).to.deep.equal({ password: generated("acme-datafold-redis-password") });
      expect(get(values, "global.statusCheckToken")).to.equal(generated("acme-datafold-status-check-token"));
      expect(get(values, "secrets.installMePassword")).to.equal(generated("acme-datafold-install-password"));
      expect(get(values, "global.deployment")).to.equal("acme-datafold");
    });

    it("gives the database port where the chart reads it, and the database's credentials", () => {
      const db = find(run, "aws:rds/instance:Instance", "acme-datafold-db").outputs as { address: string };
      expect(get(settingsOf(run), "global.postgres")).to.deep.equal({ server: db.address, port: 5432 });
      expect(get(settingsOf(run), "secrets.postgres")).to.deep.equal({
        user: "datafold",
        password: outputs(run).databasePassword,
        database: "datafold",
      });
    });

    it("keeps the chart's own Ingress off and binds the target group instead", () => {
      expect(get(settingsOf(run), "nginx.ingress")).to.deep.equal({ deploy: false });
      expect(get(settingsOf(run), "global.awsTargetGroupArn")).to.equal(outputs(run).targetGroupArn);
    });
  });

  it("names the database and its user the Database component reports, not names of its own", async () => {
    const o = pulumi.output;
    const settings = validateConfig({
      region: "us-east-1",
      values: { deploymentName: "acme", domain: "d.acme.example", cluster: { publicAccessCidrs: ["203.0.113.0/24"] } },
    });
    // Only what applicationSettingsOutput reads; the database's names differ from the program's own.
    const d = {
      network: { vpcCidr: o("10.0.0.0/16") },
      database: {
        address: o("db.example"),
        port: o(5432),
        password: o("p"),
        databaseName: o("another_db"),
        username: o("another_user"),
      },
      applicationSecrets: {
        clickhouseUser: "datafold",
        clickhousePassword: o("c"),
        redisPassword: o("r"),
        statusCheckToken: o("t"),
        installPassword: o("i"),
      },
      storage: {
        clickhouseDataVolumeId: o("vol-1"),
        clickhouseLogsVolumeId: o("vol-2"),
        redisDataVolumeId: o("vol-3"),
        backupBucketName: o("b"),
      },
      cluster: { clickhouseBackupRoleArn: o("arn:aws:iam::123456789012:role/b"), bedrockRoleArn: o(undefined) },
      ingress: { targetGroupArn: o("arn:tg"), loadBalancerIps: o(["10.0.100.5"]), nginxIngressValues: undefined },
    } as unknown as Deployment;
    const values = await new Promise<unknown>((resolve) => applicationSettingsOutput(settings, d).apply(resolve));
    expect(get(values, "secrets.postgres")).to.deep.equal({
      user: "another_user",
      password: "p",
      database: "another_db",
    });
  });

  it("with backendPort 30080, the target group, both security groups' rules and nginx's NodePort all say 30080", async function () {
    this.timeout(60000);
    const run = await planDev("ingress", { backendPort: 30080 });
    const targets = inputs(find(run, "aws:lb/targetGroup:TargetGroup", "acme-datafold"));
    expect([targets.port, (targets.healthCheck as Record<string, unknown>).port]).to.deep.equal([
      30080,
      "traffic-port",
    ]);
    for (const [type, name] of [
      ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "acme-datafold-lb-to-nodes"],
      ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "acme-datafold-nodes-from-lb"],
    ]) {
      const rule = inputs(find(run, type, name));
      expect([rule.fromPort, rule.toPort], name).to.deep.equal([30080, 30080]);
    }
    expect(get(settingsOf(run), "nginx.service.nodePort")).to.equal(30080);
  });
});
