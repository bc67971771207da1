import * as fs from "fs";
import * as path from "path";

import { expect } from "chai";

import {
  CHART,
  CHART_VALUE_PATHS,
  chartServiceAccount,
  chartValueProblems,
  leafPaths,
  type StackTraits,
  typeProblem,
  type ValueType,
} from "../../stack/chart-values";

const ALB: StackTraits = { mode: "alb", bedrock: false, dataNodeGroup: false };

/** A complete, valid values object for an alb-mode stack without Bedrock or a data group. */
function albValues(): Record<string, Record<string, unknown>> {
  return {
    global: {
      serverName: "datafold.acme.example",
      cloudProvider: "aws",
      deployment: "acme",
      vpcCidr: "10.0.0.0/16",
      statusCheckToken: "Tok3n",
      awsTargetGroupArn: "arn:tg",
      postgres: { server: "db.example", port: 5432 },
    },
    secrets: {
      installMePassword: "Inst4ll",
      postgres: { user: "datafold", password: "pw", database: "datafold" },
      clickhouse: { user: "datafold", password: "chpw" },
      redis: { password: "redispw" },
    },
    clickhouse: {
      storage: { dataVolumeId: "vol-1", dataSize: "40Gi", logVolumeId: "vol-2", logSize: "40Gi" },
      config: { s3_bucket: "b", s3_region: "us-east-1", s3_backup_role: "arn:role" },
    },
    redis: { storage: { dataVolumeId: "vol-3", dataSize: "50Gi" } },
    nginx: { service: { nodePort: 31337, loadBalancerIps: ["10.0.0.5"] }, ingress: { deploy: false } },
  };
}

/** albValues with one path set (undefined: removed). */
function withPath(path: string, value: unknown): Record<string, unknown> {
  const values = albValues() as Record<string, unknown>;
  const keys = path.split(".");
  let node = values;
  for (const k of keys.slice(0, -1)) {
    node[k] = { ...(node[k] ?? {}) };
    node = node[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return values;
}

describe("the chart's value paths (stack/chart-values.ts)", () => {
  it("accepts a complete alb-mode values object", () => {
    expect(chartValueProblems(albValues(), ALB)).to.deep.equal([]);
  });

  const table: [string, Record<string, unknown>, StackTraits, string[]][] = [
    [
      "a key no template reads, naming what reads the value instead",
      withPath("secrets.postgres.port", 5432),
      ALB,
      ["secrets.postgres.port: read by no template of chart 0.10.110 (no template; the port is global.postgres.port)"],
    ],
    [
      "a whole section no template reads",
      withPath("ingress", { className: "acme-alb" }),
      ALB,
      [
        "ingress.className: read by no template of chart 0.10.110 (no template; the chart's Ingress takes its settings from nginx.ingress.*)",
      ],
    ],
    [
      "postgres.install, which no longer exists",
      withPath("postgres", { install: false }),
      ALB,
      [
        "postgres.install: read by no template of chart 0.10.110 (no template and no dependency: the in-cluster PostgreSQL subchart was removed in chart 0.9.1 (commit b397333); the database is global.postgres.server)",
      ],
    ],
    ["a missing path", withPath("global.deployment", undefined), ALB, ["global.deployment: not filled (always)"]],
    [
      "a placeholder",
      withPath("secrets.redis.password", "-"),
      ALB,
      ['secrets.redis.password: holds the chart\'s placeholder "-"'],
    ],
    [
      "a port given as a string",
      withPath("nginx.service.nodePort", "31337"),
      ALB,
      ['nginx.service.nodePort: expected integer, got "31337"'],
    ],
    [
      "a bare number of GiB",
      withPath("clickhouse.storage.dataSize", "40"),
      ALB,
      ['clickhouse.storage.dataSize: expected quantity, got "40"'],
    ],
    [
      "another cloud",
      withPath("global.cloudProvider", "gcp"),
      ALB,
      ['global.cloudProvider: expected "aws", got "gcp"'],
    ],
    [
      "the chart's Ingress on in alb mode",
      withPath("nginx.ingress.deploy", true),
      ALB,
      ["nginx.ingress.deploy: expected false, got true"],
    ],
    [
      "a path of the other mode",
      withPath("nginx.ingress.subnets", "subnet-a,subnet-b"),
      ALB,
      ["nginx.ingress.subnets: filled only for controller, and this stack is not"],
    ],
    [
      "controller mode without the Ingress's settings, and with alb mode's",
      albValues(),
      { ...ALB, mode: "controller" },
      [
        "global.awsTargetGroupArn: filled only for alb, and this stack is not",
        "nginx.service.loadBalancerIps: filled only for alb, and this stack is not",
        "nginx.ingress.deploy: expected true, got false",
        "nginx.ingress.internal: not filled (controller)",
        "nginx.ingress.subnets: not filled (controller)",
        "nginx.ingress.secgroups: not filled (controller)",
        "nginx.ingress.sslCertificate: not filled (controller)",
        "nginx.ingress.awsSecurityPolicy: not filled (controller)",
        "nginx.ingress.awsAttributes: not filled (controller)",
      ],
    ],
    [
      "Bedrock on and no role given",
      albValues(),
      { ...ALB, bedrock: true },
      [
        "server.serviceAccount.roleArn: not filled (bedrock)",
        "worker.serviceAccount.roleArn: not filled (bedrock)",
        "worker-interactive.serviceAccount.roleArn: not filled (bedrock)",
        "dfshell.serviceAccount.roleArn: not filled (bedrock)",
        "dfshell.serviceAccount.name: not filled (bedrock)",
        "dma.serviceAccount.roleArn: not filled (bedrock)",
        "dma.dma.bedrock_region: not filled (bedrock)",
      ],
    ],
    [
      "a data group without scheduling",
      albValues(),
      { ...ALB, dataNodeGroup: true },
      [
        "clickhouse.nodeSelector: not filled (dataNodeGroup)",
        "clickhouse.tolerations: not filled (dataNodeGroup)",
        "redis.nodeSelector: not filled (dataNodeGroup)",
        "redis.tolerations: not filled (dataNodeGroup)",
      ],
    ],
  ];
  for (const [what, values, traits, problems] of table) {
    it(`reports ${what}`, () => {
      expect(chartValueProblems(values, traits)).to.deep.equal(problems);
    });
  }

  describe("types", () => {
    const cases: [ValueType, unknown, boolean][] = [
      ["string", "x", true],
      ["string", "", false],
      ["string", 1, false],
      ["integer", 5432, true],
      ["integer", 54.5, false],
      ["boolean", false, true],
      ["boolean", "false", false],
      ["quantity", "40Gi", true],
      ["quantity", "0Gi", false],
      ["quantity", "40G", false],
      ["stringList", ["10.0.0.5"], true],
      ["stringList", [5], false],
      ["stringMap", { a: "b" }, true],
      ["stringMap", { a: 1 }, false],
      ["tolerations", [{ key: "clickhouse", operator: "Equal", value: "reserved", effect: "NoSchedule" }], true],
      ["tolerations", [{ key: "clickhouse", operator: "Is" }], false],
      ["tolerations", [{ key: "clickhouse", operator: "Exists", tolerationSeconds: 5 }], false],
      ["commaList", "subnet-a,subnet-b", true],
      ["commaList", "subnet-a, subnet-b", false],
      ["commaList", "subnet-a,", false],
      ["keyValueList", "idle_timeout.timeout_seconds=120,deletion_protection.enabled=true", true],
      ["keyValueList", "idle_timeout.timeout_seconds=120,", false],
      ["keyValueList", "idle_timeout.timeout_seconds", false],
    ];
    for (const [type, value, ok] of cases) {
      it(`${type}: ${JSON.stringify(value)} is ${ok ? "" : "not "}one`, () => {
        expect(typeProblem(type, value)).to.equal(ok ? undefined : `expected ${type}, got ${JSON.stringify(value)}`);
      });
    }
  });

  it("stops the walk at a listed map, whatever its keys", () => {
    expect(leafPaths({ clickhouse: { nodeSelector: { "datafold.com/node-pool": "data" } } })).to.deep.equal([
      ["clickhouse.nodeSelector", { "datafold.com/node-pool": "data" }],
    ]);
  });

  it("names the service accounts the chart runs the Bedrock components on", () => {
    expect(
      ["server", "worker", "worker-interactive", "dfshell", "dma"].map((c) => chartServiceAccount(c, {})),
    ).to.deep.equal(["server", "worker", "worker-interactive", "datafold-dfshell", "dma"]);
    const named = { dfshell: { serviceAccount: { name: "shell" } }, dma: { serviceAccount: { name: "ignored" } } };
    expect([chartServiceAccount("dfshell", named), chartServiceAccount("dma", named)]).to.deep.equal(["shell", "dma"]);
    expect(() => chartServiceAccount("scheduler", {})).to.throw(
      "no service account known for the chart's component scheduler",
    );
  });

  it("names the templates that read every path", () => {
    for (const [path, spec] of Object.entries(CHART_VALUE_PATHS))
      expect(spec.readBy, path).to.match(/\.(yaml|tpl):\d+/);
  });

  it("is the chart the README's install step installs, from its repository, at its version", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const step = readme.slice(readme.indexOf("4. Install the application"), readme.indexOf("## Stored data"));
    expect(step).to.contain(`helm repo add datafold ${CHART.repository}`);
    expect(step).to.contain(`helm upgrade --install datafold datafold/${CHART.name} --version ${CHART.version}`);
    // The values with their secrets never land in a file: they reach Helm on standard input.
    expect(step).to.match(/pulumi stack output applicationSettings --show-secrets --json \|\n\s+helm upgrade/);
    expect(step).to.contain("-f -");
  });

  it("passes the vendor's values to Helm from a secret store, never from a file in the project folder", () => {
    const root = path.resolve(__dirname, "../..");
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const step = readme.slice(readme.indexOf("4. Install the application"), readme.indexOf("## Stored data"));
    const commands = (/```sh\n([\s\S]*?)```/.exec(step)?.[1] ?? "").replace(/\\\n\s*/g, " ");
    // Every values argument of the Helm command is standard input or a process substitution.
    const helm = commands.slice(commands.indexOf("helm upgrade"));
    const valueArgs = [...helm.matchAll(/\s(?:-f|--values)\s+(\S+)/g)].map((m) => m[1]);
    expect(valueArgs).to.deep.equal(["<(aws", "-"]);
    expect(fs.readFileSync(path.join(root, ".gitignore"), "utf8").split("\n")).to.include("vendor-values*");
  });
});
