/**
 * The format check and customer stack files: a stack file written in the config contract's own
 * style (aligned comments, flow maps, as ../shared/CONFIG.md writes them) is not Prettier's style,
 * so `prettier --check .` leaves the customer's stack files at the project root alone, while the
 * example stacks in examples/ and the project file stay checked. The ignore file is read by
 * Prettier's own API, the way `prettier --check .` reads it.
 */
import * as path from "path";

import { expect } from "chai";
import * as prettier from "prettier";

const ROOT = path.resolve(__dirname, "../..");
const IGNORE = path.join(ROOT, ".prettierignore");

/** A customer stack in the contract's style, as CONFIG.md writes its keys. */
const CONTRACT_STYLE = [
  "config:",
  "  aws:region: us-east-1",
  "  datafold-aws:deploymentName: acme-datafold   # required. lowercase DNS label, at most 28 chars",
  "  datafold-aws:domain: datafold.acme.com       # required. host name the application serves",
  "  datafold-aws:storage:",
  "    clickhouseData: {sizeGb: 40, iops: 3000, throughputMibps: 125}",
  "",
].join("\n");

async function ignored(file: string): Promise<boolean> {
  return (await prettier.getFileInfo(path.join(ROOT, file), { ignorePath: IGNORE })).ignored;
}

describe("format check and stack files", () => {
  it("would fail a stack file in the contract's own style", async () => {
    expect(await prettier.check(CONTRACT_STYLE, { parser: "yaml", printWidth: 120 })).to.equal(false);
  });

  it("leaves customer stack files at the project root to their owners", async () => {
    expect(await ignored("Pulumi.acme.yaml")).to.equal(true);
    expect(await ignored("Pulumi.acme-prod.yml")).to.equal(true);
  });

  it("still checks the example stacks, the project file and YAML elsewhere", async () => {
    expect(await ignored("examples/Pulumi.dev.yaml")).to.equal(false);
    expect(await ignored("Pulumi.yaml")).to.equal(false);
    expect(await ignored(".github/workflows/main.yml")).to.equal(false);
  });
});
