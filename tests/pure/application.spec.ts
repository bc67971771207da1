import { expect } from "chai";

import { applicationSettings, type ApplicationInputs } from "../../stack/application";
import { chartValueProblems } from "../../stack/chart-values";

const NGINX_INGRESS = {
  deploy: true as const,
  internal: false,
  subnets: "subnet-0a,subnet-0b",
  secgroups: "sg-0lb",
  sslCertificate: "arn:aws:acm:us-east-1:123456789012:certificate/c",
  awsSecurityPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  awsAttributes:
    "idle_timeout.timeout_seconds=120,routing.http.drop_invalid_header_fields.enabled=true,deletion_protection.enabled=true",
};

const ALB: ApplicationInputs["ingress"] = {
  mode: "alb",
  targetGroupArn: "arn:tg",
  loadBalancerIps: ["10.0.100.5", "10.0.101.7"],
};
const CONTROLLER: ApplicationInputs["ingress"] = { mode: "controller", nginxIngress: NGINX_INGRESS };

const INPUTS: ApplicationInputs = {
  deploymentName: "acme",
  domain: "datafold.acme.example",
  vpcCidr: "10.0.0.0/16",
  region: "eu-west-1",
  database: {
    address: "acme.cabc.eu-west-1.rds.amazonaws.com",
    port: 5432,
    name: "datafold",
    user: "datafold",
    password: "pw",
  },
  generated: {
    clickhouseUser: "datafold",
    clickhousePassword: "chpw",
    redisPassword: "redispw",
    statusCheckToken: "token",
    installPassword: "install",
  },
  volumes: {
    clickhouseData: { id: "vol-1", sizeGb: 40 },
    clickhouseLogs: { id: "vol-2", sizeGb: 40 },
    redisData: { id: "vol-3", sizeGb: 50 },
  },
  backup: { bucket: "acme-clickhouse-backups-x", roleArn: "arn:aws:iam::123456789012:role/backup" },
  dataNodeGroup: {
    labels: { "datafold.com/node-pool": "data" },
    taints: [{ key: "clickhouse", value: "reserved", effect: "NoSchedule" }],
  },
  backendPort: 30080,
  ingress: ALB,
};

const ON_DATA_NODES = {
  nodeSelector: { "datafold.com/node-pool": "data" },
  tolerations: [{ key: "clickhouse", operator: "Equal", value: "reserved", effect: "NoSchedule" }],
};

/** What both modes share. */
const COMMON = {
  secrets: {
    installMePassword: "install",
    postgres: { user: "datafold", password: "pw", database: "datafold" },
    clickhouse: { user: "datafold", password: "chpw" },
    redis: { password: "redispw" },
  },
  clickhouse: {
    storage: { dataVolumeId: "vol-1", dataSize: "40Gi", logVolumeId: "vol-2", logSize: "40Gi" },
    config: {
      s3_bucket: "acme-clickhouse-backups-x",
      s3_region: "eu-west-1",
      s3_backup_role: "arn:aws:iam::123456789012:role/backup",
    },
    ...ON_DATA_NODES,
  },
  redis: { storage: { dataVolumeId: "vol-3", dataSize: "50Gi" }, ...ON_DATA_NODES },
};

const GLOBAL = {
  serverName: "datafold.acme.example",
  cloudProvider: "aws",
  deployment: "acme",
  vpcCidr: "10.0.0.0/16",
  statusCheckToken: "token",
  postgres: { server: "acme.cabc.eu-west-1.rds.amazonaws.com", port: 5432 },
};

const BEDROCK = {
  server: { serviceAccount: { roleArn: "arn:bedrock" } },
  worker: { serviceAccount: { roleArn: "arn:bedrock" } },
  "worker-interactive": { serviceAccount: { roleArn: "arn:bedrock" } },
  dfshell: { serviceAccount: { name: "datafold-dfshell", roleArn: "arn:bedrock" } },
  dma: { serviceAccount: { roleArn: "arn:bedrock" }, dma: { bedrock_region: "eu-west-1" } },
};

describe("applicationSettings", () => {
  it("alb mode: the target group, nginx's NodePort and trusted proxies, the chart's Ingress off", () => {
    expect(applicationSettings(INPUTS)).to.deep.equal({
      global: { ...GLOBAL, awsTargetGroupArn: "arn:tg" },
      ...COMMON,
      nginx: {
        service: { nodePort: 30080, loadBalancerIps: ["10.0.100.5", "10.0.101.7"] },
        ingress: { deploy: false },
      },
    });
  });

  it("controller mode: the chart's Ingress on, with the load balancer's settings; no target group or proxy list", () => {
    expect(applicationSettings({ ...INPUTS, ingress: CONTROLLER })).to.deep.equal({
      global: GLOBAL,
      ...COMMON,
      nginx: { service: { nodePort: 30080 }, ingress: NGINX_INGRESS },
    });
  });

  for (const [mode, ingress] of [
    ["alb", ALB],
    ["controller", CONTROLLER],
  ] as const) {
    it(`${mode} mode with Bedrock: each Bedrock component's role, dfshell's pinned service account, DMA's region`, () => {
      const without = applicationSettings({ ...INPUTS, ingress });
      const withBedrock = applicationSettings({ ...INPUTS, ingress, bedrockRoleArn: "arn:bedrock" });
      expect(withBedrock).to.deep.equal({ ...without, ...BEDROCK });
    });

    for (const bedrock of [false, true]) {
      it(`${mode} mode, Bedrock ${bedrock ? "on" : "off"}: holds exactly the chart's paths for such a stack`, () => {
        const values = applicationSettings({
          ...INPUTS,
          ingress,
          ...(bedrock ? { bedrockRoleArn: "arn:aws:iam::123456789012:role/acme-bedrock" } : {}),
        });
        expect(chartValueProblems(values, { mode, bedrock, dataNodeGroup: true })).to.deep.equal([]);
      });
    }
  }

  it("schedules nothing when no group is set aside for data", () => {
    const s = applicationSettings({ ...INPUTS, dataNodeGroup: undefined });
    expect(Object.keys(s.clickhouse as object)).to.deep.equal(["storage", "config"]);
    expect(Object.keys(s.redis as object)).to.deep.equal(["storage"]);
    expect(chartValueProblems(s, { mode: "alb", bedrock: false, dataNodeGroup: false })).to.deep.equal([]);
  });
});
