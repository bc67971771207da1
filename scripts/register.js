/**
 * The TypeScript loader of `npm run plan`, `npm run policy` and the tests (`node -r` and mocha's
 * `require`); `pulumi up` runs the program with its own ts-node and does not use it.
 *
 * sucrase strips the types and leaves every line and column where it was, so stack traces name
 * the right .ts line with no source map at all (sucrase's own register adds an inline one per file,
 * a fifth of its time). Under ts-node, source-map-support rewrites every stack trace, and Pulumi
 * takes one for each resource and each property (about 6,600 traces in the dev plan): that
 * rewriting and the TypeScript transpiler were most of the offline plan's run time. Neither
 * checks types: that is `npm run typecheck`.
 */
"use strict";

const { addHook } = require("pirates");
const { transform } = require("sucrase");

addHook(
  (code, filePath) =>
    // disableESTransforms: class fields stay ES2022 class fields, as tsc emits them for this tsconfig.
    transform(code, { transforms: ["imports", "typescript"], disableESTransforms: true, filePath }).code,
  { exts: [".ts"] },
);
