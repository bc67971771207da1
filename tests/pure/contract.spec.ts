import * as fs from "fs";
import * as path from "path";

import { expect } from "chai";
import * as yaml from "js-yaml";

import { splitConfig } from "../../config/reader";
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

describe("the example stack examples/Pulumi.dev.yaml", () => {
  const EXAMPLE = path.resolve(__dirname, "../../examples/Pulumi.dev.yaml");
  const text = fs.readFileSync(EXAMPLE, "utf8");
  const lines = text.split("\n");

  /** The lines of a section's block (`  datafold-aws:<section>:` up to the next top-level key). */
  function block(section: string): string[] {
    const start = lines.findIndex((l) => l.startsWith(`  datafold-aws:${section}:`));
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && /^ {2}[a-z][\w-]*:/.test(l));
    return lines.slice(start, end < 0 ? undefined : end);
  }

  /** A line of the block that sets the key, or a comment line that shows it (`# key: ...`). */
  const keyLine = (lines: string[], key: string) => lines.find((l) => new RegExp(`^ {4}(# )?${key}:`).test(l));

  it("says what its header says: every key shown, with its default unless a comment says otherwise", () => {
    expect(lines.slice(0, 3).join("\n")).to.contain(
      "Every key is shown with\n# its default unless a comment says otherwise",
    );
    const config = (yaml.load(text) as { config: Record<string, string> }).config;
    const raw = Object.fromEntries(
      Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
    const settings = validateConfig(splitConfig(raw, config["aws:region"])) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const defaults = DEFAULTS as unknown as Record<string, Record<string, unknown>>;
    const missing: string[] = [];
    const unsaid: string[] = [];
    const notADefault = (line: string | undefined) => /#.*\bnot (a|the) default\b/.test(line ?? "");
    for (const section of Object.keys(defaults)) {
      const lines = block(section);
      if (lines.length === 0) {
        missing.push(section);
        continue;
      }
      if (section === "tags") {
        if (JSON.stringify(settings.tags) !== "{}" && !notADefault(lines[0])) unsaid.push("tags");
        continue;
      }
      for (const key of Object.keys(defaults[section])) {
        const line = keyLine(lines, key);
        if (line === undefined) missing.push(`${section}.${key}`);
        else if (
          !line.trimStart().startsWith("#") &&
          JSON.stringify(settings[section][key]) !== JSON.stringify(defaults[section][key]) &&
          !notADefault(line)
        )
          unsaid.push(`${section}.${key}`);
      }
    }
    expect({ missing, unsaid }).to.deep.equal({ missing: [], unsaid: [] });
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
