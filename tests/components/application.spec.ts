import { expect } from "chai";

import { ApplicationSecrets } from "../../components/application/application";
import { APPLICATION_SECRETS_DEFAULTS, withDefaults } from "../../components/application/args";
import { find, inputs, outputs, runComponents, shape } from "../helpers";

function plan(clickhouseUser?: string) {
  return runComponents(() => {
    const s = new ApplicationSecrets("acme", clickhouseUser !== undefined ? { clickhouseUser } : {});
    return {
      clickhouseUser: s.clickhouseUser,
      clickhousePassword: s.clickhousePassword,
      redisPassword: s.redisPassword,
      statusCheckToken: s.statusCheckToken,
      installPassword: s.installPassword,
    };
  });
}

const NAMES = ["acme-clickhouse-password", "acme-install-password", "acme-redis-password", "acme-status-check-token"];

describe("ApplicationSecrets", () => {
  it("draws the ClickHouse password, the Redis password, the status-check token and the install password, and nothing else", async () => {
    const run = await plan();
    expect(shape(run)).to.deep.equal(NAMES.map((n) => `random:index/randomPassword:RandomPassword ${n}`));
    for (const name of NAMES)
      expect(find(run, "random:index/randomPassword:RandomPassword", name).parent).to.match(
        /datafold:aws:ApplicationSecrets::acme$/,
      );
  });

  it("draws letters and digits only, at least one of each case and a digit, with no keepers: kept in state, never redrawn by config", async () => {
    const run = await plan();
    for (const name of NAMES) {
      expect(inputs(find(run, "random:index/randomPassword:RandomPassword", name)), name).to.deep.equal({
        length: 40,
        special: false,
        upper: true,
        lower: true,
        numeric: true,
        minUpper: 1,
        minLower: 1,
        minNumeric: 1,
      });
    }
  });

  it("hands the values out as secrets only", async () => {
    const run = await plan();
    for (const key of ["clickhousePassword", "redisPassword", "statusCheckToken", "installPassword"]) {
      expect(JSON.stringify(run.outputs[key]), key).to.contain("1b47061264138c4ac30d75fd1eb44270");
    }
    const generated = (name: string) =>
      (find(run, "random:index/randomPassword:RandomPassword", name).outputs as { result: string }).result;
    expect(outputs(run)).to.deep.equal({
      clickhouseUser: "datafold",
      clickhousePassword: generated("acme-clickhouse-password"),
      redisPassword: generated("acme-redis-password"),
      statusCheckToken: generated("acme-status-check-token"),
      installPassword: generated("acme-install-password"),
    });
  });

  it("takes another ClickHouse user name", async () => {
    expect(outputs(await plan("analytics")).clickhouseUser).to.equal("analytics");
    expect(withDefaults({})).to.deep.equal(APPLICATION_SECRETS_DEFAULTS);
    expect(APPLICATION_SECRETS_DEFAULTS).to.deep.equal({ clickhouseUser: "datafold" });
  });
});
