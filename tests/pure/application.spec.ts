import { expect } from "chai";

import { applicationSettings, type ApplicationInputs } from "../../stack/application";

const INPUTS: ApplicationInputs = {
  domain: "datafold.acme.example",
  clusterName: "acme",
  vpcCidr: "10.0.0.0/16",
  region: "us-east-1",
  database: {
    address: "acme.cabc.us-east-1.rds.amazonaws.com",
    port: 5432,
    name: "datafold",
    user: "datafold",
    password: "pw",
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
};

const ON_DATA_NODES = {
  nodeSelector: { "datafold.com/node-pool": "data" },
  tolerations: [{ key: "clickhouse", operator: "Equal", value: "reserved", effect: "NoSchedule" }],
};

describe("applicationSettings", () => {
  it("fills every Helm value the charts read, and the scheduling on the data nodes", () => {
    expect(applicationSettings(INPUTS)).to.deep.equal({
      global: {
        serverName: "datafold.acme.example",
        cloudProvider: "aws",
        clusterName: "acme",
        vpcCidr: "10.0.0.0/16",
        postgres: { server: "acme.cabc.us-east-1.rds.amazonaws.com" },
      },
      secrets: { postgres: { user: "datafold", password: "pw", database: "datafold", port: 5432 } },
      clickhouse: {
        storage: { dataVolumeId: "vol-1", dataSize: "40Gi", logVolumeId: "vol-2", logSize: "40Gi" },
        config: {
          s3_bucket: "acme-clickhouse-backups-x",
          s3_region: "us-east-1",
          s3_backup_role: "arn:aws:iam::123456789012:role/backup",
        },
        ...ON_DATA_NODES,
      },
      redis: { storage: { dataVolumeId: "vol-3", dataSize: "50Gi" }, ...ON_DATA_NODES },
    });
  });

  it("adds the target group, the load balancer IPs and each Bedrock component's role when there are some", () => {
    const s = applicationSettings({
      ...INPUTS,
      targetGroupArn: "arn:tg",
      loadBalancerIps: ["10.0.100.5", "10.0.101.7"],
      bedrockRoleArn: "arn:bedrock",
    });
    expect((s.global as Record<string, unknown>).awsTargetGroupArn).to.equal("arn:tg");
    expect(s.nginx).to.deep.equal({ service: { loadBalancerIps: ["10.0.100.5", "10.0.101.7"] } });
    for (const c of ["server", "worker", "worker-interactive", "dfshell", "dma"]) {
      expect(s[c], c).to.deep.equal({ serviceAccount: { roleArn: "arn:bedrock" } });
    }
  });

  it("schedules nothing when no group is set aside for data", () => {
    const s = applicationSettings({ ...INPUTS, dataNodeGroup: undefined });
    expect(Object.keys(s.clickhouse as object)).to.deep.equal(["storage", "config"]);
    expect(Object.keys(s.redis as object)).to.deep.equal(["storage"]);
  });
});
