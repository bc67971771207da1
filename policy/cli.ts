/**
 * `npm run policy -- <stack-export.json> [--config pack-config.json]`: evaluates every rule of the
 * pack against a `pulumi stack export` file or the offline plan's JSON, prints what it could not
 * decide and each violation, and exits 1 when any mandatory one is found, 2 on unusable input (a
 * pack config the Pulumi CLI would refuse among it). `--policy-config` is the same option.
 */
import * as fs from "fs";

import { blocks, evaluatePack, formatNotApplicable, formatReport, readExport } from "./engine";
import { readPackConfigFile } from "./lib/pack-config";
import { policies } from "./policies";

const USAGE = "usage: npm run policy -- <stack-export.json> [--config pack-config.json]";

async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  let config: unknown = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--config" || argv[i] === "--policy-config") {
      const path = argv[++i];
      if (path === undefined) throw new Error(`--config needs a file; ${USAGE}`);
      const read = readPackConfigFile(path);
      config = read.json;
      if (read.environments.length > 0)
        console.log(
          `Not resolved offline: the ESC environments ${read.environments.join(", ")} of ${path} (their policy config is left out).`,
        );
    } else if (argv[i].startsWith("-")) {
      throw new Error(`unknown option ${argv[i]}; ${USAGE}`);
    } else if (file === undefined) file = argv[i];
    else throw new Error(`one export at a time; ${USAGE}`);
  }
  if (file === undefined) throw new Error(USAGE);
  const resources = readExport(JSON.parse(fs.readFileSync(file, "utf8")));
  const { violations, notApplicable } = await evaluatePack(resources, policies, config as Record<string, unknown>);
  console.log(`${resources.length} resources in ${file}`);
  if (notApplicable.length > 0) console.log(formatNotApplicable(notApplicable));
  console.log(formatReport(violations, policies.length));
  return violations.some((v) => blocks(v.enforcementLevel)) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
