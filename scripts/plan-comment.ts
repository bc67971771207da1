/**
 * `npm run --silent plan:comment -- <stack>...`: the pull-request comment of the customer stacks'
 * offline plans, from what .ci/run wrote to .plan/<stack>.txt. Prints Markdown.
 */
import * as fs from "fs";
import * as path from "path";

import { planComment } from "../plan/comment";

const PLANS = path.resolve(__dirname, "..", ".plan");

const stacks = process.argv.slice(2);
if (stacks.length === 0) {
  console.error("usage: npm run plan:comment -- <stack>...");
  process.exit(1);
}
console.log(
  planComment(stacks.map((stack) => ({ stack, text: fs.readFileSync(path.join(PLANS, `${stack}.txt`), "utf8") }))),
);
