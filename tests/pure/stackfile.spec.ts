/**
 * The offline plan's stack-file reader on YAML that loses a value: a key given twice, numbers JSON
 * cannot hold. It names the key and says what to do, instead of planning with a value the user did
 * not write.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";

import { locateStack, readStackConfig } from "../../plan/stackfile";

describe("the stack-file reader (plan/stackfile)", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackfile-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: datafold-aws\nruntime: nodejs\n");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => fs.writeFileSync(path.join(dir, "Pulumi.test.yaml"), text);
  const read = () => {
    try {
      readStackConfig(dir, "test");
      return "";
    } catch (err) {
      return (err as Error).message;
    }
  };

  it("names a section given twice, with its line, and says to merge them", () => {
    write(
      "config:\n  aws:region: us-east-1\n  datafold-aws:network:\n    vpcCidr: 10.0.0.0/16\n  datafold-aws:network:\n    natGateway: perAz\n",
    );
    expect(read()).to.equal(
      `${path.join(dir, "Pulumi.test.yaml")}:5: the key "datafold-aws:network" appears twice in the same mapping; YAML keeps one value per key, so one of them would be lost: merge the two into one`,
    );
  });

  it("names a key given twice inside a section", () => {
    write("config:\n  datafold-aws:database:\n    multiAz: true\n    multiAz: false\n");
    expect(read()).to.equal(
      `${path.join(dir, "Pulumi.test.yaml")}:4: the key "multiAz" appears twice in the same mapping; YAML keeps one value per key, so one of them would be lost: merge the two into one`,
    );
  });

  it("refuses .inf and .nan, naming each key, instead of passing null", () => {
    write(
      "config:\n  datafold-aws:storage:\n    redisData: { sizeGb: .inf }\n  datafold-aws:ingress:\n    idleTimeoutSeconds: .nan\n",
    );
    expect(read()).to.equal(
      `${path.join(dir, "Pulumi.test.yaml")}: datafold-aws:storage.redisData.sizeGb (Infinity), datafold-aws:ingress.idleTimeoutSeconds (NaN): YAML reads .inf, -.inf and .nan as numbers that JSON cannot hold, so the value would be lost; quote it if you meant the text, or give a number`,
    );
  });

  it("passes numbers, booleans and nulls as JSON, for the validator to judge", () => {
    write("config:\n  datafold-aws:database:\n    engineVersion: 17\n    multiAz: true\n    backupRetentionDays:\n");
    expect(readStackConfig(dir, "test").config["datafold-aws:database"]).to.equal(
      '{"engineVersion":17,"multiAz":true,"backupRetentionDays":null}',
    );
  });

  it("refuses a Pulumi.<stack>.yml, which the Pulumi CLI would not read, saying to rename it", () => {
    fs.writeFileSync(path.join(dir, "Pulumi.test.yml"), "config: {}\n");
    expect(read()).to.equal(
      `${path.join(dir, "Pulumi.test.yml")}: the Pulumi CLI reads a stack's config from Pulumi.<stack>.yaml (the project file's extension) and ignores this file: rename it to .yaml`,
    );
  });
});

describe("where npm run plan finds a stack (locateStack)", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "locate-"));
    fs.mkdirSync(path.join(root, "examples"));
    for (const f of ["Pulumi.yaml", "examples/Pulumi.dev.yaml", "examples/Pulumi.internal.yaml", "Pulumi.acme.yaml"])
      fs.writeFileSync(path.join(root, f), "config: {}\n");
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("takes a customer stack at the project root, else an example", () => {
    expect(locateStack(root, "acme")).to.deep.equal({ dir: root });
    expect(locateStack(root, "dev")).to.deep.equal({ dir: path.join(root, "examples") });
  });

  it("plans a customer stack named like an example, and says which example it hides", () => {
    fs.writeFileSync(path.join(root, "Pulumi.dev.yaml"), "config: {}\n");
    expect(locateStack(root, "dev")).to.deep.equal({
      dir: root,
      hides: path.join(root, "examples", "Pulumi.dev.yaml"),
    });
  });

  it("lists the customer and the example stacks when neither folder has the stack, and names a .yml", () => {
    fs.writeFileSync(path.join(root, "Pulumi.umbrella.yml"), "config: {}\n");
    expect(() => locateStack(root, "umbrella")).to.throw(
      [
        "no stack file Pulumi.umbrella.yaml at the project root or in examples/",
        `${path.join(root, "Pulumi.umbrella.yml")}: the Pulumi CLI reads a stack's config from Pulumi.<stack>.yaml (the project file's extension) and ignores this file: rename it to .yaml`,
        "customer stacks (project root): acme",
        "example stacks (examples/): dev, internal",
        "a stack file elsewhere: --dir DIR",
      ].join("\n"),
    );
  });
});
