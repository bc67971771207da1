/**
 * The validator: pure. It resolves every default of the contract and either returns typed
 * settings or throws one ConfigError that lists every problem at once, each naming the full key,
 * the value given and what is allowed. Nothing here declares a resource or reads Pulumi's config.
 */
import { readAccess } from "./access";
import { Check } from "./check";
import { type RawProviderConfig, readProviderCredentials } from "./credentials";
import { readCluster } from "./cluster";
import { readDatabase } from "./database";
import { DNS_LABEL, HOST_NAME, REGION } from "./formats";
import { readIngress } from "./ingress";
import { readNetwork } from "./network";
import { readPlatform } from "./platform";
import { DEFAULTS, PROJECT, type Settings, TOP_LEVEL_KEYS } from "./settings";
import { readStorage } from "./storage";

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
  /** The AWS provider's `aws:profile`, `aws:assumeRoles` (and the old `aws:assumeRole`), parsed. */
  readonly provider?: RawProviderConfig;
}

/** Validates the raw config and resolves every default. Throws ConfigError with all problems. */
export function validateConfig(raw: RawConfig): Settings {
  const c = new Check(PROJECT, (problems) => new ConfigError(problems));
  const v = raw.values;

  if (raw.region === undefined || raw.region === "")
    c.problem("aws:region", "is required; set it with `pulumi config set aws:region us-east-1`", true);
  else if (!REGION.test(raw.region))
    c.problem("aws:region", `got "${raw.region}"; expected an AWS region name such as us-east-1`, true);
  const region = raw.region ?? "";

  for (const key of Object.keys(v)) {
    if (!TOP_LEVEL_KEYS.includes(key)) c.fail(key, v[key], `one of the project's keys: ${TOP_LEVEL_KEYS.join(", ")}`);
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
  const tags = c.stringMap(v, "", "tags", DEFAULTS.tags, (k, val) =>
    k.length < 1 || k.length > 128 || k.toLowerCase().startsWith("aws:") || val.length > 256
      ? "tag keys are 1 to 128 characters and do not start with aws:, values at most 256 characters"
      : undefined,
  );

  const network = readNetwork(c, c.section(v, "network", DEFAULTS.network));
  const cluster = readCluster(c, c.section(v, "cluster", DEFAULTS.cluster));
  const storage = readStorage(c, c.section(v, "storage", DEFAULTS.storage));
  const database = readDatabase(c, c.section(v, "database", DEFAULTS.database));
  const ingress = readIngress(c, c.section(v, "ingress", DEFAULTS.ingress), region);
  const access = readAccess(c, c.section(v, "access", DEFAULTS.access));
  const platform = readPlatform(c, c.section(v, "platform", DEFAULTS.platform));
  const credentials = readProviderCredentials(c, raw.provider ?? {});

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
