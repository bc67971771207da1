/**
 * How the application's generated secrets are drawn. Plain data; no Pulumi import.
 *
 * The vendor's chart puts them, unescaped, where only letters and digits are safe (datafold/helm-charts
 * 0.10.110, under charts/datafold/): inside URLs (templates/_env.tpl lines 18-19 CLICKHOUSE_URL,
 * 67-68 DATAFOLD_REDIS_URL), into an unquoted shell argument (charts/redis/templates/statefulset.yaml
 * line 44, `--requirepass $${REDIS_PASSWORD}`) and into unquoted YAML (charts/server/templates/
 * deployment.yaml lines 157, 178, 199, the X-Status-Token header). So: letters and digits only,
 * with at least one upper- and one lower-case letter, so that YAML reads the value as a string
 * (a number or boolean needs at most one letter of each; only a 0x hex literal could still
 * qualify, with odds below 1e-20).
 */
export const GENERATED_SECRET = {
  /** 40 characters of 62: about 238 bits. */
  length: 40,
  special: false,
  upper: true,
  lower: true,
  numeric: true,
  minUpper: 1,
  minLower: 1,
  minNumeric: 1,
} as const;

/** The secrets the stack generates for the application, by logical-name role. */
export const GENERATED_SECRETS = [
  "clickhouse-password",
  "redis-password",
  "status-check-token",
  "install-password",
] as const;
export type GeneratedSecret = (typeof GENERATED_SECRETS)[number];
