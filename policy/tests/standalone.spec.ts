/**
 * The pack as `pulumi policy publish` ships it: `npm pack` of policy/, unpacked in a temporary
 * folder with no project around it and only npm packages beside it (a node_modules link to this
 * checkout's). There it must type-check, load the way CrossGuard's runtime loads it, and run the
 * offline evaluator. A relative import that leaves policy/ fails all three.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import { policies } from "../policies";
import { EngineSide, servePack } from "./runtime";

const PACK = path.resolve(__dirname, "..");
/** The npm packages the unpacked pack gets: this checkout's (the pack's dependencies are among them). */
const NODE_MODULES = fs.realpathSync(path.join(require.resolve("@pulumi/policy/package.json"), "../../.."));

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
  const dir = path.join(tmp, "package");
  fs.symlinkSync(NODE_MODULES, path.join(dir, "node_modules"), "dir");
  return dir;
}

describe("the published pack, unpacked on its own", function () {
  this.timeout(180000);
  let tmp: string;
  let dir: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-policy-pack-"));
    for (let up = tmp; path.dirname(up) !== up; up = path.dirname(up))
      for (const f of ["package.json", "tsconfig.json", "node_modules"])
        expect(fs.existsSync(path.join(path.dirname(up), f)), `${path.dirname(up)}/${f}`).to.equal(false);
    dir = await unpackedPack(tmp);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("holds the pack and not its tests", () => {
    const files = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => !f.startsWith("node_modules"));
    expect(files).to.include.members(["PulumiPolicy.yaml", "index.ts", "policies.ts", "tsconfig.json"]);
    expect(files.filter((f) => f.startsWith("tests"))).to.deep.equal([]);
  });

  it("type-checks there with its own tsconfig.json, reading nothing but its files and npm packages", async () => {
    const tsc = require.resolve("typescript/bin/tsc");
    const result = await run(
      process.execPath,
      [tsc, "--noEmit", "--listFiles", "-p", path.join(dir, "tsconfig.json")],
      dir,
    );
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const outside = result.stdout
      .trim()
      .split("\n")
      .filter((f) => !f.startsWith(`${dir}/`) && !f.startsWith(`${NODE_MODULES}/`));
    expect(outside).to.deep.equal([]);
  });

  it("loads under CrossGuard's runtime (ts-node, type-checked) and serves the same rules", async () => {
    // What `pulumi preview --policy-pack` runs: @pulumi/pulumi's run-policy-pack, in the pack's folder.
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
