/**
 * The validator: pure. It resolves every default of the contract and either returns typed
 * settings or throws one ConfigError that lists every problem at once, each naming the full key,
 * the value given and what is allowed. Nothing here declares a resource or reads Pulumi's config.
 */
import { readAccess } from "./access";
import { REGIONS } from "./aws-data";
import { Check, show } from "./check";
import { type RawProviderConfig, readProviderCredentials } from "./credentials";
import { readCluster } from "./cluster";
import { readDatabase } from "./database";
import { arnPartition, DNS_LABEL, HOST_NAME, REGION } from "./formats";
import { readIngress, REMOVED_INGRESS_KEYS } from "./ingress";
import { derivedNames, derivedNamesProblem, nodeGroupName } from "./names";
import { readNetwork } from "./network";
import { readPlatform } from "./platform";
import { DEFAULTS, PROJECT, type Settings, TOP_LEVEL_KEYS } from "./settings";
import { readStorage } from "./storage";
import { readTags } from "./tags";
import { isRecord } from "./values";

/**
 * Config namespaces other than the project's that a stack file may hold: the providers this program
 * uses (aws, kubernetes, random, eks) and Pulumi's own (pulumi:tags, pulumi:template, ...).
 */
export const OTHER_NAMESPACES = ["aws", "kubernetes", "random", "eks", "pulumi"];

/**
 * The longest domain ACM takes as a certificate's domain name: ACM API Reference,
 * RequestCertificate, DomainName: "the length of the domain name (technically, the Common Name)
 * that you provide cannot exceed 64 octets (characters), including periods" (RFC 5280).
 */
export const ACM_MAX_DOMAIN_LENGTH = 64;

/** Thrown by validateConfig with every problem found; its message lists them one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was declared:\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** What the reader hands the validator: the region and the project's keys, structured values parsed. */
export interface RawConfig {
  /** `aws:region`. */
  readonly region?: string;
  /** The `datafold-aws:` keys without their namespace. */
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * Full keys in namespaces that are neither the project's nor one of OTHER_NAMESPACES (a
   * `datafold:database` meant as `datafold-aws:database`), with their values: refused, since the
   * program would never read them.
   */
  readonly foreignKeys?: Readonly<Record<string, unknown>>;
  /** The AWS provider's `aws:profile`, `aws:assumeRoles` (and the old `aws:assumeRole`), parsed. */
  readonly provider?: RawProviderConfig;
}

/** A word of the shell as it is, or single-quoted. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_.,:/=+@-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The `pulumi config set --path` arguments that set `value` at `path`, one per leaf. */
function pathLeaves(path: string, value: unknown): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => pathLeaves(`${path}[${i}]`, v));
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => pathLeaves(`${path}.${k}`, v));
  return [[path, typeof value === "string" ? value : JSON.stringify(value)]];
}

/**
 * For a top-level key that is a section's key written flat (`platform.enabled`, what `pulumi config
 * set platform.enabled false` writes: without `--path` the key is taken whole), how to nest it. With
 * `--path`, `pulumi config set` sets the value inside the section's map and reads "true", "false"
 * and integers as booleans and numbers, any other value as text (pulumi/pulumi
 * pkg/cmd/pulumi/config/config.go, the help of `pulumi config set`): a list or map is set one
 * element at a time. Empty for any other key.
 */
function flatKeyHint(key: string, value: unknown): string {
  const section = key.split(".")[0];
  if (!key.includes(".") || !(section in DEFAULTS)) return "";
  const sets = pathLeaves(key, value).map(
    ([path, text]) => `pulumi config set --path ${shellWord(path)} ${shellWord(text)}`,
  );
  return `; ${key} is a key of the section ${section} written flat, as \`pulumi config set ${key} ...\` writes it without --path: remove it (\`pulumi config rm ${shellWord(key)}\`) and set it inside the section with ${sets.map((c) => `\`${c}\``).join(", ")}`;
}

/** Validates the raw config and resolves every default. Throws ConfigError with all problems. */
export function validateConfig(raw: RawConfig): Settings {
  const c = new Check(PROJECT, (problems) => new ConfigError(problems));
  const v = raw.values;

  // The regions of the aws, aws-cn and aws-us-gov partitions: config/aws-data.ts, with the source.
  if (raw.region === undefined || raw.region === "")
    c.problem("aws:region", "is required; set it with `pulumi config set aws:region us-east-1`", true);
  else if (!REGION.test(raw.region) || REGIONS[raw.region] === undefined)
    c.problem(
      "aws:region",
      `got "${raw.region}"; expected a region of the aws, aws-cn or aws-us-gov partition, such as us-east-1 (config/aws-data.ts lists them)`,
      true,
    );
  const region = raw.region ?? "";
  const partition = REGIONS[region]?.partition;

  for (const [key, value] of Object.entries(raw.foreignKeys ?? {})) {
    // Every key of another namespace, whatever its name: the program reads none of them.
    const name = key.slice(key.indexOf(":") + 1);
    const ours = TOP_LEVEL_KEYS.includes(name.split(".")[0]) ? `${PROJECT}:${name}` : `${PROJECT}:...`;
    c.problem(
      key,
      `got ${show(value)}; expected a key in the project's namespace (${ours}) or a provider's (${OTHER_NAMESPACES.join(", ")}): the program reads no other namespace, so this value would be ignored`,
      true,
    );
  }

  for (const key of Object.keys(v)) {
    if (!TOP_LEVEL_KEYS.includes(key))
      c.fail(key, v[key], `one of the project's keys: ${TOP_LEVEL_KEYS.join(", ")}${flatKeyHint(key, v[key])}`);
  }

  const deploymentName = c.requiredString(
    v,
    "",
    "deploymentName",
    "a lowercase DNS label of at most 28 characters (a-z, 0-9, -), starting with a letter",
    (s) => DNS_LABEL.test(s) && s.length <= 28,
  );
  const domain = c.requiredString(v, "", "domain", "a lowercase host name such as datafold.example.com", (s) =>
    HOST_NAME.test(s),
  );
  // The ingress section first: which names are derived depends on its mode (problems are reported
  // in the order of the keys all the same).
  const ingressCheck = new Check(PROJECT);
  const ingress = readIngress(
    ingressCheck,
    ingressCheck.section(v, "ingress", DEFAULTS.ingress, REMOVED_INGRESS_KEYS),
    region,
  );
  if (deploymentName !== "") {
    const problem = derivedNamesProblem(derivedNames(deploymentName, ingress.mode));
    if (problem !== undefined) c.fail("deploymentName", deploymentName, problem);
  }
  const tags = readTags(c, v);

  const network = readNetwork(c, c.section(v, "network", DEFAULTS.network), region);
  const cluster = readCluster(c, c.section(v, "cluster", DEFAULTS.cluster));
  const storage = readStorage(c, c.section(v, "storage", DEFAULTS.storage), region);
  const database = readDatabase(c, c.section(v, "database", DEFAULTS.database));
  c.problems.push(...ingressCheck.problems);
  const access = readAccess(c, c.section(v, "access", DEFAULTS.access));
  const platform = readPlatform(c, c.section(v, "platform", DEFAULTS.platform));
  const credentials = readProviderCredentials(c, raw.provider ?? {});

  if (deploymentName !== "") {
    cluster.nodeGroups.forEach((g, i) => {
      const problem = derivedNamesProblem([nodeGroupName(deploymentName, g.name)]);
      if (problem !== undefined) c.fail(`cluster.nodeGroups[${i}].name`, g.name, problem);
    });
  }
  // IAM ARNs name their partition: it must be the region's (EKS refuses an access entry for a
  // principal of another partition).
  if (partition !== undefined) {
    for (const key of ["adminRoleArns", "viewerRoleArns"] as const) {
      cluster[key].forEach((arn) => {
        if (arnPartition(arn) !== partition)
          c.fail(`cluster.${key}`, arn, `an ARN of the ${partition} partition, the partition of aws:region ${region}`);
      });
    }
  }
  if (ingress.certificateArn === "" && domain.length > ACM_MAX_DOMAIN_LENGTH) {
    c.fail(
      "domain",
      domain,
      `at most ${ACM_MAX_DOMAIN_LENGTH} characters while the certificate is requested here (ACM's limit for a certificate's domain name; it is ${domain.length}); or give ingress.certificateArn`,
    );
  }

  if (network.vpcId !== "" && !ingress.internal && network.publicSubnetIds.length === 0) {
    c.fail(
      "network.publicSubnetIds",
      network.publicSubnetIds,
      "an internet-facing load balancer (ingress.internal: false) in an existing VPC needs at least two public subnet ids",
    );
  }

  c.throwIfAny();
  return {
    region,
    deploymentName,
    domain,
    tags,
    network,
    cluster,
    storage,
    database,
    ingress,
    access,
    platform,
    credentials,
  };
}
