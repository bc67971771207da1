/**
 * `npm run --silent stacks`: the customer stacks, the Pulumi.<stack>.yaml files at the project root
 * (never the examples in examples/), as a JSON array: the workflows' matrix. `[]` when there is none.
 */
import * as path from "path";

import { listStacks } from "../plan/stackfile";

console.log(JSON.stringify(listStacks(path.resolve(__dirname, ".."))));
