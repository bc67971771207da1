import * as fs from "fs";
import * as path from "path";

import { expect } from "chai";
import * as yaml from "js-yaml";

import { DEFAULTS } from "../../config/settings";
import { validateConfig } from "../../config/validator";

const CONTRACT = path.resolve(__dirname, "../../../shared/CONFIG.md");
const README = path.resolve(__dirname, "../../README.md");

/** The example stack of the contract: its YAML block, parsed. */
function contractConfig(): Record<string, unknown> {
  const text = fs.readFileSync(CONTRACT, "utf8");
  const block = /```yaml\n([\s\S]*?)```/.exec(text);
  if (!block) throw new Error(`${CONTRACT} has no yaml block`);
  return (yaml.load(block[1]) as { config: Record<string, unknown> }).config;
}

describe("the config contract", () => {
  before(function () {
    // The contract lives in ../shared beside the checkout (as in CI); without it there is nothing to compare.
    if (!fs.existsSync(CONTRACT)) this.skip();
  });

  it("has every key of ../shared/CONFIG.md with the same default", () => {
    const contract = contractConfig();
    const sections = Object.keys(contract)
      .filter((k) => k.startsWith("datafold-aws:"))
      .map((k) => k.slice("datafold-aws:".length));
    const defaults = DEFAULTS as unknown as Record<string, unknown>;
    for (const section of sections) {
      const given = contract[`datafold-aws:${section}`];
      if (section === "deploymentName" || section === "domain") continue; // required, no default
      expect(defaults, section).to.have.property(section);
      if (typeof given === "object" && given !== null && !Array.isArray(given) && Object.keys(given).length > 0) {
        for (const [key, value] of Object.entries(given)) {
          expect((defaults[section] as Record<string, unknown>)[key], `${section}.${key}`).to.deep.equal(value);
        }
      } else {
        expect(defaults[section], section).to.deep.equal(given);
      }
    }
  });

  it("documents every key in the README's configuration reference", () => {
    const readme = fs.readFileSync(README, "utf8");
    const rows = readme.split("\n").filter((l) => l.startsWith("| `"));
    for (const [section, value] of Object.entries(DEFAULTS)) {
      const keys = typeof value === "object" && !Array.isArray(value) && section !== "tags" ? Object.keys(value) : [""];
      for (const key of keys) {
        const full = key === "" ? section : `${section}.${key}`;
        const documented = rows.some(
          (r) => r.includes(`\`${full}\``) || (r.includes(`\`${section}.`) && r.split("|")[1].includes(`\`${key}\``)),
        );
        expect(documented, full).to.equal(true);
      }
    }
  });
});

describe("the README and Pulumi.yaml say what the code does", () => {
  const root = path.resolve(__dirname, "../..");
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

  it("lists each file of stack/ once in the Layout, and only files that exist", () => {
    const layout = readme.slice(readme.indexOf("## Layout"), readme.indexOf("## Upgrade notes"));
    const stackBlock = layout.slice(layout.indexOf("\nstack/"), layout.indexOf("\ncomponents/"));
    const listed = [...stackBlock.matchAll(/^ {2}([\w-]+\.ts)\s/gm)].map((m) => m[1]);
    expect(listed.filter((f, i) => listed.indexOf(f) !== i)).to.deep.equal([]);
    expect(listed.filter((f) => !fs.existsSync(path.join(root, "stack", f)))).to.deep.equal([]);
    expect([...listed].sort()).to.deep.equal(fs.readdirSync(path.join(root, "stack")).sort());
  });

  it("names config/, not the config.ts it replaced, except in the upgrade note about the move", () => {
    const beforeNotes = readme.slice(0, readme.indexOf("## Upgrade notes"));
    expect(beforeNotes).not.to.contain("`config.ts`");
    expect(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")).not.to.contain("config.ts");
  });

  it("offers in the component table only the NAT modes the validator takes for a new VPC", () => {
    const row = readme.split("\n").find((l) => l.startsWith("| Network "));
    expect(row).to.contain("NAT gateways (`single` or `perAz`, always)");
    expect(() =>
      validateConfig({
        region: "us-east-1",
        values: {
          deploymentName: "acme",
          domain: "d.acme.example",
          cluster: { publicAccessCidrs: ["203.0.113.0/24"] },
          network: { natGateway: "none" },
        },
      }),
    ).to.throw("network.natGateway");
  });
});
