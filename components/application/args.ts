/** The ApplicationSecrets component's arguments, their defaults, and the one place the defaults are resolved. */

export interface ApplicationSecretsArgs {
  /** The ClickHouse user the application connects as (the chart's `secrets.clickhouse.user`). @default "datafold" */
  readonly clickhouseUser?: string;
}

/** The defaults of ApplicationSecretsArgs. */
export const APPLICATION_SECRETS_DEFAULTS: Required<ApplicationSecretsArgs> = {
  clickhouseUser: "datafold",
};

/** Resolves every default of ApplicationSecretsArgs once. Pure. */
export function withDefaults(args: ApplicationSecretsArgs): Required<ApplicationSecretsArgs> {
  return { clickhouseUser: args.clickhouseUser ?? APPLICATION_SECRETS_DEFAULTS.clickhouseUser };
}
