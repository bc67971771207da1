/**
 * The TypeScript loader of `npm run plan`, `npm run policy` and the tests (`node -r` and mocha's
 * `require`); `pulumi up` runs the program with its own ts-node and does not use it.
 *
 * sucrase strips the types and leaves every line where it was, so stack traces name the right .ts
 * line without source maps. Under ts-node, source-map-support rewrites every stack trace, and
 * Pulumi takes one for each resource and each property (about 6,600 traces in the dev plan): that
 * rewriting and the TypeScript transpiler were most of the offline plan's run time. Neither
 * checks types: that is `npm run typecheck`.
 */
"use strict";

// disableESTransforms: class fields stay ES2022 class fields, as tsc emits them for this tsconfig.
require("sucrase/dist/register").addHook(".ts", { transforms: ["imports", "typescript"], disableESTransforms: true });
