/**
 * `npm run --silent stacks`: the customer stacks, the Pulumi.<stack>.yaml files at the project root
 * (never the examples in examples/), as a JSON array: the workflows' matrix. `[]` when there is none.
 * A Pulumi.<stack>.yml there, which the Pulumi CLI would ignore, is an error naming it (exit 1).
 */
import * as path from "path";

import { listStacks } from "../plan/stackfile";

try {
  console.log(JSON.stringify(listStacks(path.resolve(__dirname, ".."))));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
