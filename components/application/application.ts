import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

import { type ApplicationSecretsArgs, withDefaults } from "./args";
import { GENERATED_SECRET, type GeneratedSecret } from "./secrets";

/**
 * The secrets the vendor's chart needs and nothing else provides: the ClickHouse password, the
 * Redis password, the status-check token the health probes present, and the password of the
 * application's first-install page (the chart's defaults are the placeholder `-` and an empty
 * token: datafold/helm-charts 0.10.110, charts/datafold/values.yaml lines 194-218; with `-`, anyone
 * who reaches the site could finish the installation with it). Each is drawn once and then kept in the stack's state:
 * no `keepers`, so no config change draws it again; only a change of GENERATED_SECRET (or a
 * deleted resource) would, and that is a rotation the application takes on its next
 * `helm upgrade`. The values leave the stack only as secrets, inside `applicationSettings`.
 */
export class ApplicationSecrets extends pulumi.ComponentResource {
  /** The ClickHouse user name (not a secret). */
  readonly clickhouseUser: string;
  readonly clickhousePassword: pulumi.Output<string>;
  readonly redisPassword: pulumi.Output<string>;
  readonly statusCheckToken: pulumi.Output<string>;
  /** The password of the application's first-install page (`secrets.installMePassword`). */
  readonly installPassword: pulumi.Output<string>;

  constructor(name: string, rawArgs: ApplicationSecretsArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("datafold:aws:ApplicationSecrets", name, {}, opts);
    const args = withDefaults(rawArgs);
    // The provider marks RandomPassword's result secret (additionalSecretOutputs, which the engine
    // applies); pulumi.secret makes the outputs secret whatever runs the program.
    const generate = (role: GeneratedSecret) =>
      pulumi.secret(new random.RandomPassword(`${name}-${role}`, { ...GENERATED_SECRET }, { parent: this }).result);

    this.clickhouseUser = args.clickhouseUser;
    this.clickhousePassword = generate("clickhouse-password");
    this.redisPassword = generate("redis-password");
    this.statusCheckToken = generate("status-check-token");
    this.installPassword = generate("install-password");
    this.registerOutputs({
      clickhouseUser: this.clickhouseUser,
      clickhousePassword: this.clickhousePassword,
      redisPassword: this.redisPassword,
      statusCheckToken: this.statusCheckToken,
      installPassword: this.installPassword,
    });
  }
}
