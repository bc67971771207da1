/**
 * The vendor's Helm chart and the values paths of it that this stack fills: the contract that
 * `applicationSettings` is held to (../shared/APPLICATION-CHART.md). Helm ignores a key no template
 * reads, without a word, and a path left out falls back to the chart's default, often a
 * placeholder; so every path here was read in the chart itself, and the template lines that read
 * it are named beside it.
 *
 * Source: github.com/datafold/helm-charts, `charts/datafold` at tag `datafold-0.10.110` (commit
 * 5f196543bc7c273e2992f2dd189a4cb2a8333b7e). "values.yaml" is `charts/datafold/values.yaml`; other
 * paths are under `charts/datafold/`. Read again, and change CHART.version, when the pinned chart
 * changes. Plain data and a pure checker; no Pulumi import.
 */

import { dataNodeGroup } from "../components/cluster/nodegroups";
import type { Settings } from "../config/settings";
import { isRecord } from "../config/values";

/** The chart the values are shaped for. */
export const CHART = {
  name: "datafold",
  /** The chart repository (docs/deploy-operator.md of datafold/helm-charts: `helm repo add datafold ...`). */
  repository: "https://datafold.github.io/helm-charts",
  version: "0.10.110",
} as const;

/** What a stack is, as far as the chart's values are concerned. */
export interface StackTraits {
  readonly mode: "alb" | "controller";
  readonly bedrock: boolean;
  /** Whether a node group is set aside for ClickHouse and Redis. */
  readonly dataNodeGroup: boolean;
}

/** A stack's traits, from its settings. */
export function stackTraits(settings: Settings): StackTraits {
  return {
    mode: settings.ingress.mode,
    bedrock: settings.cluster.bedrock,
    dataNodeGroup: dataNodeGroup(settings.cluster.nodeGroups) !== undefined,
  };
}

/** The shapes the chart's templates expect. */
export type ValueType =
  /** a non-empty string */
  | "string"
  /** a whole number (a JSON number, not a string) */
  | "integer"
  | "boolean"
  /** a Kubernetes quantity in GiB, such as "40Gi": a bare number would mean bytes */
  | "quantity"
  /** a list of strings */
  | "stringList"
  /** a map of strings to strings */
  | "stringMap"
  /** a list of Kubernetes tolerations: {key, operator, value, effect} */
  | "tolerations"
  /** a comma-separated string, as an annotation's string list ("a,b") */
  | "commaList"
  /** a comma-separated string of key=value pairs, as an annotation's string map */
  | "keyValueList";

/** When the infrastructure fills a path: it must be set then, and never otherwise. */
export type FilledWhen = "always" | "alb" | "controller" | "bedrock" | "dataNodeGroup";

export interface ChartValuePath {
  readonly type: ValueType;
  readonly when: FilledWhen;
  /** The value it must have, where the stack's traits decide it. */
  readonly expected?: (t: StackTraits) => unknown;
  /** The templates that read it, at chart 0.10.110. */
  readonly readBy: string;
}

/**
 * Every values path `applicationSettings` fills, with its type. A map- or list-typed path is a
 * leaf: its entries are the chart's to read (`nodeSelector` keys are node labels).
 */
export const CHART_VALUE_PATHS: Readonly<Record<string, ChartValuePath>> = {
  "global.serverName": {
    type: "string",
    when: "always",
    readBy:
      "templates/configmap.yaml:25 (DATAFOLD_HOST); charts/nginx/templates/config-map.yaml:42; charts/nginx/templates/ingress.yaml:32",
  },
  "global.cloudProvider": {
    type: "string",
    when: "always",
    expected: () => "aws",
    readBy:
      "templates/_helpers.tpl:87,108-116 (storage class); charts/nginx/templates/_helpers.tpl:79,168,239,249 (NodePort, ALB annotations, class alb)",
  },
  "global.deployment": {
    type: "string",
    when: "always",
    readBy:
      "templates/configmap.yaml:57,102 (DEV_NAME, INSTALLATION_NAME); templates/_helpers.tpl:181-192 (Datadog refuses an empty one)",
  },
  "global.vpcCidr": {
    type: "string",
    when: "always",
    readBy: "charts/nginx/templates/config-map.yaml:57 (set_real_ip_from)",
  },
  "global.statusCheckToken": {
    type: "string",
    when: "always",
    readBy:
      "charts/server/templates/deployment.yaml:65-69,152-157,173-178,194-199 (STATUS_CHECK_TOKEN, X-Status-Token; empty: the probes go unauthenticated)",
  },
  "global.awsTargetGroupArn": {
    type: "string",
    when: "alb",
    readBy: "charts/nginx/templates/aws_targetgroupbinding.yaml:2,20 (the TargetGroupBinding)",
  },
  "global.postgres.server": {
    type: "string",
    when: "always",
    readBy:
      "templates/_postgres.tpl:4-9 (empty: <release>-postgres, a service nothing creates); templates/_env.tpl:50-51",
  },
  "global.postgres.port": {
    type: "integer",
    when: "always",
    readBy: "templates/_postgres.tpl:15-16; templates/_env.tpl:52-53 (PG_PORT)",
  },
  "secrets.installMePassword": {
    type: "string",
    when: "always",
    readBy: "templates/secrets.yaml:17 (DATAFOLD_INSTALL_PASSWORD: the first-install page's password; default `-`)",
  },
  "secrets.postgres.user": { type: "string", when: "always", readBy: "templates/secrets.yaml:24" },
  "secrets.postgres.password": { type: "string", when: "always", readBy: "templates/secrets.yaml:25" },
  "secrets.postgres.database": { type: "string", when: "always", readBy: "templates/secrets.yaml:29" },
  "secrets.clickhouse.user": {
    type: "string",
    when: "always",
    readBy: "templates/secrets.yaml:23; charts/clickhouse/templates/statefulset.yaml (CLICKHOUSE_USER)",
  },
  "secrets.clickhouse.password": {
    type: "string",
    when: "always",
    readBy: "templates/secrets.yaml:22; templates/_env.tpl:2-19 (inside CLICKHOUSE_URL, unescaped)",
  },
  "secrets.redis.password": {
    type: "string",
    when: "always",
    readBy:
      "templates/secrets.yaml:30; charts/redis/templates/statefulset.yaml:44 (--requirepass, unquoted); templates/_env.tpl:62-68 (inside DATAFOLD_REDIS_URL)",
  },
  "clickhouse.storage.dataVolumeId": {
    type: "string",
    when: "always",
    readBy: "charts/clickhouse/templates/persistent-volume.yaml:1,34; charts/clickhouse/templates/pvc.yaml:20",
  },
  "clickhouse.storage.dataSize": {
    type: "quantity",
    when: "always",
    readBy: "charts/clickhouse/templates/persistent-volume.yaml:28; charts/clickhouse/templates/pvc.yaml:19",
  },
  "clickhouse.storage.logVolumeId": {
    type: "string",
    when: "always",
    readBy: "charts/clickhouse/templates/persistent-volume.yaml:54,87; charts/clickhouse/templates/pvc.yaml:44",
  },
  "clickhouse.storage.logSize": {
    type: "quantity",
    when: "always",
    readBy: "charts/clickhouse/templates/persistent-volume.yaml:81; charts/clickhouse/templates/pvc.yaml:43",
  },
  "clickhouse.config.s3_bucket": {
    type: "string",
    when: "always",
    readBy: "charts/clickhouse/templates/configmap.yaml:23",
  },
  "clickhouse.config.s3_region": {
    type: "string",
    when: "always",
    readBy: "charts/clickhouse/templates/configmap.yaml:24",
  },
  "clickhouse.config.s3_backup_role": {
    type: "string",
    when: "always",
    readBy: "charts/clickhouse/templates/serviceaccount.yaml:15-17 (IRSA annotation on the service account clickhouse)",
  },
  "clickhouse.nodeSelector": {
    type: "stringMap",
    when: "dataNodeGroup",
    readBy: "charts/clickhouse/templates/statefulset.yaml:102-103",
  },
  "clickhouse.tolerations": {
    type: "tolerations",
    when: "dataNodeGroup",
    readBy: "charts/clickhouse/templates/statefulset.yaml:110-111 (replaces the chart's list)",
  },
  "redis.storage.dataVolumeId": {
    type: "string",
    when: "always",
    readBy: "charts/redis/templates/persistent-volume.yaml:1,34; charts/redis/templates/pvc.yaml:20",
  },
  "redis.storage.dataSize": {
    type: "quantity",
    when: "always",
    readBy: "charts/redis/templates/persistent-volume.yaml:28; charts/redis/templates/pvc.yaml:19",
  },
  "redis.nodeSelector": {
    type: "stringMap",
    when: "dataNodeGroup",
    readBy: "charts/redis/templates/statefulset.yaml:76-77",
  },
  "redis.tolerations": {
    type: "tolerations",
    when: "dataNodeGroup",
    readBy: "charts/redis/templates/statefulset.yaml:84-85",
  },
  "nginx.service.nodePort": {
    type: "integer",
    when: "always",
    readBy: "charts/nginx/templates/_helpers.tpl:248-252, service.yaml:21 (default 31337, charts/nginx/values.yaml:26)",
  },
  "nginx.service.loadBalancerIps": {
    type: "stringList",
    when: "alb",
    readBy: "charts/nginx/templates/_helpers.tpl:112-116, config-map.yaml:54 (set_real_ip_from <ip>/32)",
  },
  "nginx.ingress.deploy": {
    type: "boolean",
    when: "always",
    expected: (t) => t.mode === "controller",
    readBy: "charts/nginx/templates/ingress.yaml:1 (the Ingress exists only when true)",
  },
  "nginx.ingress.internal": {
    type: "boolean",
    when: "controller",
    readBy: "charts/nginx/templates/_helpers.tpl:171-175",
  },
  "nginx.ingress.subnets": {
    type: "commaList",
    when: "controller",
    readBy: "charts/nginx/templates/_helpers.tpl:196-198",
  },
  "nginx.ingress.secgroups": {
    type: "commaList",
    when: "controller",
    readBy: "charts/nginx/templates/_helpers.tpl:192-194",
  },
  "nginx.ingress.sslCertificate": {
    type: "string",
    when: "controller",
    readBy: "charts/nginx/templates/_helpers.tpl:180-182",
  },
  "nginx.ingress.awsSecurityPolicy": {
    type: "string",
    when: "controller",
    readBy: "charts/nginx/templates/_helpers.tpl:195",
  },
  "nginx.ingress.awsAttributes": {
    type: "keyValueList",
    when: "controller",
    readBy: "charts/nginx/templates/_helpers.tpl:191 (default idle_timeout.timeout_seconds=300 only)",
  },
  "server.serviceAccount.roleArn": {
    type: "string",
    when: "bedrock",
    readBy: "charts/server/templates/serviceaccount.yaml:15-17 (service account server)",
  },
  "worker.serviceAccount.roleArn": {
    type: "string",
    when: "bedrock",
    readBy: "charts/worker/templates/serviceaccount.yaml:15-17 (service account worker)",
  },
  "worker-interactive.serviceAccount.roleArn": {
    type: "string",
    when: "bedrock",
    readBy:
      "charts/worker/templates/serviceaccount.yaml:15-17 under the alias worker-interactive (Chart.yaml; service account worker-interactive)",
  },
  "dfshell.serviceAccount.roleArn": {
    type: "string",
    when: "bedrock",
    readBy: "charts/dfshell/templates/serviceaccount.yaml:15-17",
  },
  "dfshell.serviceAccount.name": {
    type: "string",
    when: "bedrock",
    readBy:
      "charts/dfshell/templates/serviceaccount.yaml:5, deployment.yaml:34 (default datafold-dfshell, charts/dfshell/values.yaml:19)",
  },
  "dma.serviceAccount.roleArn": {
    type: "string",
    when: "bedrock",
    readBy:
      "charts/dma/templates/serviceaccount.yaml:16-18 (the name is always dma: charts/dma/templates/_helpers.tpl:106-108)",
  },
  "dma.dma.bedrock_region": {
    type: "string",
    when: "bedrock",
    readBy: "charts/dma/templates/statefulset.yaml:65-66 (AWS_REGION; default us-east-1, charts/dma/values.yaml:75)",
  },
};

/**
 * Paths that look right and that no template of chart 0.10.110 reads, with what reads the value
 * instead. Documentation for the next reader; the checker refuses every path not listed above.
 */
export const NOT_READ: Readonly<Record<string, string>> = {
  ingress: "no template; the chart's Ingress takes its settings from nginx.ingress.*",
  "global.clusterName": "no template",
  "secrets.postgres.port": "no template; the port is global.postgres.port",
  "postgres.install":
    "no template and no dependency: the in-cluster PostgreSQL subchart was removed in chart 0.9.1 (commit b397333); the database is global.postgres.server",
};

const isString = (v: unknown): v is string => typeof v === "string";

/**
 * The service account the chart runs a component on, given the values: what an IRSA trust must
 * name for `<component>.serviceAccount.roleArn` to work.
 */
export function chartServiceAccount(component: string, values: Record<string, unknown>): string {
  const section = values[component];
  const given = isRecord(section) && isRecord(section.serviceAccount) ? section.serviceAccount.name : undefined;
  switch (component) {
    case "dma":
      // A fixed name whatever the values say: charts/dma/templates/_helpers.tpl:106-108.
      return "dma";
    case "dfshell":
      // The name value itself, default datafold-dfshell: charts/dfshell/values.yaml:19, templates/serviceaccount.yaml:5.
      return isString(given) && given !== "" ? given : "datafold-dfshell";
    case "server":
    case "worker":
    case "worker-interactive":
      // serviceAccount.name, else the chart's name, which Helm sets to the alias for an aliased
      // dependency: charts/server/templates/_helpers.tpl:85-91, charts/worker/templates/_helpers.tpl:36-42.
      return isString(given) && given !== "" ? given : component;
    default:
      throw new Error(`no service account known for the chart's component ${component}`);
  }
}

/** The chart's placeholder defaults: a path filled with one of these is not filled. */
export const PLACEHOLDERS: readonly unknown[] = ["", "-", "<replace-this>", "change-this"];

function applies(when: FilledWhen, t: StackTraits): boolean {
  switch (when) {
    case "always":
      return true;
    case "alb":
      return t.mode === "alb";
    case "controller":
      return t.mode === "controller";
    case "bedrock":
      return t.bedrock;
    case "dataNodeGroup":
      return t.dataNodeGroup;
  }
}

/** Why `value` is not of `type`, or undefined when it is. */
export function typeProblem(type: ValueType, value: unknown): string | undefined {
  const ok: Record<ValueType, (v: unknown) => boolean> = {
    string: (v) => isString(v) && v !== "",
    integer: (v) => typeof v === "number" && Number.isInteger(v),
    boolean: (v) => typeof v === "boolean",
    quantity: (v) => isString(v) && /^[1-9][0-9]*Gi$/.test(v),
    stringList: (v) => Array.isArray(v) && v.every(isString),
    stringMap: (v) => isRecord(v) && Object.values(v).every(isString),
    tolerations: (v) =>
      Array.isArray(v) &&
      v.every(
        (t) =>
          isRecord(t) &&
          isString(t.key) &&
          (t.operator === "Equal" || t.operator === "Exists") &&
          Object.keys(t).every((k) => ["key", "operator", "value", "effect"].includes(k)),
      ),
    commaList: (v) => isString(v) && v.split(",").every((p) => /^[^\s,]+$/.test(p)),
    keyValueList: (v) => isString(v) && v.split(",").every((p) => /^[a-z0-9_.]+=[^\s,=]+$/.test(p)),
  };
  return ok[type](value) ? undefined : `expected ${type}, got ${JSON.stringify(value)}`;
}

/** The leaf paths of a values object: listed paths stop the walk, as do non-objects. */
export function leafPaths(values: Record<string, unknown>, prefix = ""): [string, unknown][] {
  const leaves: [string, unknown][] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (path in CHART_VALUE_PATHS || !isRecord(value)) leaves.push([path, value]);
    else leaves.push(...leafPaths(value, path));
  }
  return leaves;
}

/**
 * Every way `values` departs from the chart's contract for a stack with `traits`: a path no
 * template reads, a wrong type or value, a placeholder, a path filled outside its mode, a path
 * the infrastructure must fill and did not. Empty when it fits.
 */
export function chartValueProblems(values: Record<string, unknown>, traits: StackTraits): string[] {
  const problems: string[] = [];
  const emitted = new Map(leafPaths(values));
  for (const [path, value] of emitted) {
    const spec = CHART_VALUE_PATHS[path];
    if (spec === undefined) {
      const known = Object.keys(NOT_READ).find((k) => path === k || path.startsWith(`${k}.`));
      problems.push(`${path}: read by no template of chart ${CHART.version}${known ? ` (${NOT_READ[known]})` : ""}`);
      continue;
    }
    if (!applies(spec.when, traits)) {
      problems.push(`${path}: filled only for ${spec.when}, and this stack is not`);
      continue;
    }
    const typeIssue = typeProblem(spec.type, value);
    if (typeIssue !== undefined) problems.push(`${path}: ${typeIssue}`);
    else if (PLACEHOLDERS.includes(value))
      problems.push(`${path}: holds the chart's placeholder ${JSON.stringify(value)}`);
    if (spec.expected !== undefined && JSON.stringify(value) !== JSON.stringify(spec.expected(traits)))
      problems.push(`${path}: expected ${JSON.stringify(spec.expected(traits))}, got ${JSON.stringify(value)}`);
  }
  for (const [path, spec] of Object.entries(CHART_VALUE_PATHS)) {
    if (applies(spec.when, traits) && !emitted.has(path)) problems.push(`${path}: not filled (${spec.when})`);
  }
  return problems;
}
