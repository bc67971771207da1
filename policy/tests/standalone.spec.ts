/**
 * The pack as `pulumi policy publish` ships it: `npm pack` of policy/, unpacked in a temporary
 * folder with no project around it, beside a node_modules that holds only what installing the
 * pack's package.json would: its dependencies, theirs, and so on (dependencies,
 * optionalDependencies when present, and peerDependencies that are not optional, which npm 7+
 * installs: npm docs, "package.json", "peerDependencies" and "peerDependenciesMeta"), each at the
 * place this checkout's lockfile put it. There it must type-check with its own TypeScript, load the
 * way CrossGuard's runtime loads it, and run the offline evaluator. A relative import that leaves
 * policy/ fails all three; so does a package the pack uses without declaring it (without
 * `typescript` and `ts-node`, @pulumi/pulumi's run-policy-pack falls back to its vendored
 * TypeScript 3.8, which cannot compile the pack: `@pulumi/pulumi/tsutils.js`,
 * typeScriptRequireStrings).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import { policies } from "../policies";
import { EngineSide, servePack } from "./runtime";

const PACK = path.resolve(__dirname, "..");
/** This checkout's installed packages, where the unpacked pack's are taken from (nothing is downloaded). */
const NODE_MODULES = fs.realpathSync(path.resolve(__dirname, "../../node_modules"));

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
}

/**
 * Where Node finds package `name` required from a file in `dir` (a folder in this checkout's
 * node_modules tree, or its root): `<dir>/node_modules/<name>`, then the same in each parent
 * folder up to the root (Node docs, "Modules: CommonJS modules", "Loading from node_modules
 * folders"). Returns the path relative to NODE_MODULES, or undefined.
 */
function locate(dir: string, name: string): string | undefined {
  const root = path.dirname(NODE_MODULES);
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return path.relative(NODE_MODULES, candidate);
    if (d === root || !d.startsWith(root)) return undefined;
  }
}

/**
 * The packages an install of `pack` (a package.json) puts in its node_modules, as paths relative
 * to it ("typescript", "@pulumi/pulumi", "a/node_modules/b"), with the layout of this checkout's
 * install. A dependency this checkout has not installed fails the test, except an optional one
 * (npm leaves out an optional dependency it cannot install). An optional peer dependency is not
 * installed for the package that names it (npm docs, "package.json", "peerDependenciesMeta"):
 * @pulumi/pulumi's optional peers `typescript` and `ts-node` come only with the pack's own.
 */
function dependencyClosure(pack: Manifest): string[] {
  const found = new Set<string>();
  const visit = (m: Manifest, from: string, who: string): void => {
    const peers = Object.keys(m.peerDependencies ?? {}).filter((n) => m.peerDependenciesMeta?.[n]?.optional !== true);
    const wanted: [string, boolean][] = [
      ...Object.keys(m.dependencies ?? {}).map((n): [string, boolean] => [n, false]),
      ...Object.keys(m.optionalDependencies ?? {}).map((n): [string, boolean] => [n, true]),
      ...peers.map((n): [string, boolean] => [n, false]),
    ];
    for (const [name, optional] of wanted) {
      const rel = locate(from, name);
      if (rel === undefined) {
        if (optional) continue;
        throw new Error(`${who} depends on ${name}, which this checkout has not installed`);
      }
      if (found.has(rel)) continue;
      found.add(rel);
      const dir = path.join(NODE_MODULES, rel);
      visit(manifest(dir), dir, rel);
    }
  };
  visit(pack, path.dirname(NODE_MODULES), "the pack");
  return [...found].sort();
}

/**
 * Copies a package's own files (not its node_modules: the packages in it that are needed are
 * installed on their own). Files are hard links where the file system allows it (same device),
 * copies otherwise; symbolic links are copied as links.
 */
function copyPackage(from: string, to: string, top = true): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (top && entry.name === "node_modules") continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyPackage(src, dst, false);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else
      try {
        fs.linkSync(src, dst);
      } catch {
        fs.copyFileSync(src, dst);
      }
  }
}

/** Installs the pack's dependency closure into `<dir>/node_modules`, from this checkout's packages. */
function installClosure(dir: string): string[] {
  const closure = dependencyClosure(manifest(dir));
  for (const rel of closure)
    copyPackage(fs.realpathSync(path.join(NODE_MODULES, rel)), path.join(dir, "node_modules", rel));
  return closure;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: 120000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** npm with this Node when npm runs the tests, else the npm on PATH. */
function npm(args: string[], cwd: string): Promise<Run> {
  const cli = process.env.npm_execpath;
  return cli?.endsWith("npm-cli.js") ? run(process.execPath, [cli, ...args], cwd) : run("npm", args, cwd);
}

/** Packs policy/ and unpacks the tarball; returns the unpacked folder (<tmp>/package). */
async function unpackedPack(tmp: string): Promise<string> {
  const packed = await npm(["pack", "--pack-destination", tmp, "--json"], PACK);
  expect(packed.code, packed.stderr).to.equal(0);
  const [{ filename }] = JSON.parse(packed.stdout) as { filename: string }[];
  const untar = await run("tar", ["-xzf", path.join(tmp, filename), "-C", tmp], tmp);
  expect(untar.code, untar.stderr).to.equal(0);
  return path.join(tmp, "package");
}

describe("the published pack, unpacked on its own", function () {
  this.timeout(180000);
  let tmp: string;
  let dir: string;
  let shipped: string[];
  let installed: string[];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-policy-pack-"));
    for (let up = tmp; path.dirname(up) !== up; up = path.dirname(up))
      for (const f of ["package.json", "tsconfig.json", "node_modules"])
        expect(fs.existsSync(path.join(path.dirname(up), f)), `${path.dirname(up)}/${f}`).to.equal(false);
    dir = await unpackedPack(tmp);
    shipped = fs.readdirSync(dir, { recursive: true }).map(String);
    installed = installClosure(dir);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("holds the pack and not its tests", () => {
    expect(shipped).to.include.members(["PulumiPolicy.yaml", "index.ts", "policies.ts", "tsconfig.json"]);
    expect(shipped.filter((f) => f.startsWith("tests") || f.startsWith("node_modules"))).to.deep.equal([]);
  });

  it("gets its declared dependencies and what they need, not the project's development packages", () => {
    const declared = Object.keys(manifest(dir).dependencies ?? {});
    expect(installed).to.include.members(declared);
    for (const dev of ["mocha", "chai", "sucrase", "pirates", "eslint", "prettier", "typescript-eslint", "node"])
      expect(installed, dev).not.to.include(dev);
  });

  it("type-checks there with its own TypeScript and tsconfig.json, reading nothing outside its folder", async () => {
    const tsc = path.join(dir, "node_modules/typescript/bin/tsc");
    expect(fs.existsSync(tsc), "typescript among the pack's dependencies").to.equal(true);
    const result = await run(
      process.execPath,
      [tsc, "--noEmit", "--listFiles", "-p", path.join(dir, "tsconfig.json")],
      dir,
    );
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const outside = result.stdout
      .trim()
      .split("\n")
      .filter((f) => !f.startsWith(`${dir}/`));
    expect(outside).to.deep.equal([]);
  });

  it("loads under CrossGuard's runtime (its own ts-node and TypeScript, type-checked) and serves the same rules", async () => {
    // What `pulumi preview --policy-pack` runs: @pulumi/pulumi's run-policy-pack, in the pack's
    // folder, resolved from there (so the pack's own @pulumi/pulumi, typescript and ts-node).
    const served = await servePack(dir);
    const engine = new EngineSide(served.port);
    try {
      const info = await engine.info();
      expect([info.getName(), info.getVersion()]).to.deep.equal(["datafold-aws", "0.1.0"]);
      expect(info.getPoliciesList().map((p) => p.getName())).to.deep.equal(policies.map((p) => p.name));
    } finally {
      engine.close();
      served.stop();
    }
  });

  it("runs the offline evaluator (cli.ts) on a stack export", async () => {
    const fixture = path.join(__dirname, "fixtures/hand-made-export.json");
    const result = await run(process.execPath, ["-r", "ts-node/register/transpile-only", "cli.ts", fixture], dir);
    expect([result.code, result.stdout.trim().split("\n").pop()], result.stderr).to.deep.equal([
      1,
      `Policy check: ${policies.length} policies, 3 violations (3 mandatory).`,
    ]);
  });
});
