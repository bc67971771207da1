/**
 * `npm run policy -- <stack-export.json> [--config pack-config.json]`: evaluates every rule of the
 * pack against a `pulumi stack export` file or the offline plan's JSON, prints each violation
 * and exits 1 when any mandatory one is found.
 */
import * as fs from "fs";

import { blocks, evaluate, formatReport, type PackConfig, readExport } from "./engine";
import { policies } from "./policies";

const USAGE = "usage: npm run policy -- <stack-export.json> [--config pack-config.json]";

async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  let config: PackConfig = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--config") {
      const path = argv[++i];
      if (path === undefined) throw new Error(`--config needs a file; ${USAGE}`);
      config = JSON.parse(fs.readFileSync(path, "utf8")) as PackConfig;
    } else if (argv[i].startsWith("-")) {
      throw new Error(`unknown option ${argv[i]}; ${USAGE}`);
    } else if (file === undefined) file = argv[i];
    else throw new Error(`one export at a time; ${USAGE}`);
  }
  if (file === undefined) throw new Error(USAGE);
  const resources = readExport(JSON.parse(fs.readFileSync(file, "utf8")));
  const violations = await evaluate(resources, policies, config);
  console.log(`${resources.length} resources in ${file}`);
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
