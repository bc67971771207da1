/**
 * The GitHub workflows, read as GitHub reads them (YAML): which runner the jobs that reach AWS and
 * the cluster use, the per-stack environments (one AWS account per customer, so one role per
 * stack), the order of the jobs, the stacks' pack configs and ESC environments, and that only the
 * customer stacks are previewed and deployed. And the CI scripts they run (.ci/run, .ci/plan-esc),
 * run with stand-ins for npm and node.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { expect } from "chai";
import * as yaml from "js-yaml";

import { COMMENT_LIMIT, COMMENT_MARKER, modeSection, planComment, policySection } from "../../plan/comment";
import { listStacks } from "../../plan/stackfile";

const ROOT = path.resolve(__dirname, "../..");

interface Step {
  name?: string;
  id?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  "runs-on": string;
  environment?: string;
  outputs?: Record<string, string>;
  strategy?: { "fail-fast"?: boolean; "max-parallel"?: number; matrix: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}

function workflow(file: string): Workflow {
  return yaml.load(fs.readFileSync(path.join(ROOT, ".github/workflows", file), "utf8")) as Workflow;
}

const step = (job: Job, uses: string): Step => {
  const found = job.steps.filter((s) => s.uses?.startsWith(uses));
  expect(found, uses).to.have.length(1);
  return found[0];
};

/** The runner variable: a self-hosted runner inside the network when set, GitHub-hosted otherwise. */
const RUNNER = "${{ vars.DEPLOY_RUNNER || 'ubuntu-latest' }}";
const STACKS = "${{ fromJSON(needs.check.outputs.stacks) }}";
const NOT_EMPTY = "needs.check.outputs.stacks != '[]'";
/** The gate: .ci/run, whose exit 3 (stacks that need their ESC environments) is planned by the next steps. */
const GATE = [
  "status=0",
  ".ci/run || status=$?",
  'if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then exit "$status"; fi',
  'echo "needs-esc=$([ "$status" -eq 3 ] && echo true || echo false)" >> "$GITHUB_OUTPUT"',
  "",
].join("\n");
const NEEDS_ESC = "steps.gate.outputs.needs-esc == 'true'";

describe("workflows", () => {
  for (const [file, deployJob] of [
    ["pull-request.yml", "preview"],
    ["main.yml", "up"],
  ] as const) {
    describe(file, () => {
      const w = workflow(file);
      const check = w.jobs.check;
      const job = w.jobs[deployJob];

      it(`runs the check first, then ${deployJob} per customer stack`, () => {
        expect(Object.keys(w.jobs)).to.deep.equal(["check", deployJob]);
        expect(check.needs).to.equal(undefined);
        expect(job.needs).to.equal("check");
      });

      it("checks on a GitHub-hosted runner: the gate and the offline plans need no AWS account", () => {
        expect(check["runs-on"]).to.equal("ubuntu-latest");
        expect(check.steps.map((s) => s.run).filter((r) => r !== undefined)).to.deep.equal([
          GATE,
          ".ci/plan-esc",
          'echo "stacks=$(npm run --silent stacks)" >> "$GITHUB_OUTPUT"',
        ]);
        expect(check.outputs).to.deep.equal({ stacks: "${{ steps.stacks.outputs.stacks }}" });
      });

      it("plans the stacks that import ESC environments with their values, never passing them silently", () => {
        const gate = check.steps.find((s) => s.run === GATE);
        expect(gate?.id).to.equal("gate");
        // Installs the Pulumi CLI only (no command), then .ci/plan-esc reads the environments with it.
        const install = step(check, "pulumi/actions@");
        expect([install.if, install.with]).to.deep.equal([NEEDS_ESC, undefined]);
        const esc = check.steps.find((s) => s.run === ".ci/plan-esc");
        expect([esc?.if, esc?.env]).to.deep.equal([
          NEEDS_ESC,
          { PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}", PULUMI_ORG: "${{ vars.PULUMI_ORG }}" },
        ]);
        const order = (x: Step | undefined) => check.steps.indexOf(x as Step);
        expect([order(gate), order(install), order(esc)]).to.deep.equal([2, 3, 4]);
      });

      it("passes the stack's pack config, Pulumi.<stack>.policy.json beside its stack file, when it has one", () => {
        const config = job.steps.find((s) => s.id === "pack-config");
        expect(config?.env).to.deep.equal({ STACK: "${{ matrix.stack }}" });
        expect(config?.run).to.equal(
          'if [ -f "Pulumi.${STACK}.policy.json" ]; then echo "file=Pulumi.${STACK}.policy.json" >> "$GITHUB_OUTPUT"; fi\n',
        );
        expect(step(job, "pulumi/actions@").with).to.include({
          policyPacks: "policy",
          policyPackConfigs: "${{ steps.pack-config.outputs.file }}",
        });
        expect(job.steps.indexOf(config as Step)).to.be.below(job.steps.indexOf(step(job, "pulumi/actions@")));
      });

      it("never creates a stack (no upsert): each customer stack is initialised before its first pull request", () => {
        expect(step(job, "pulumi/actions@").with).to.not.have.property("upsert");
      });

      it("runs the job that reaches AWS and the cluster on the runner the repository variable names", () => {
        expect(job["runs-on"]).to.equal(RUNNER);
      });

      it("has one matrix entry per customer stack, and skips the job when there is none", () => {
        expect(job.strategy?.matrix).to.deep.equal({ stack: STACKS });
        expect(job.if).to.equal(NOT_EMPTY);
      });

      it("assumes the role of the stack's own environment, through GitHub's OIDC tokens", () => {
        expect(w.permissions["id-token"]).to.equal("write");
        expect(step(job, "aws-actions/configure-aws-credentials@").with).to.deep.equal({
          "role-to-assume": "${{ vars.AWS_ROLE_ARN }}",
          "aws-region": "${{ vars.AWS_REGION || 'us-east-1' }}",
        });
      });
    });
  }

  describe("pull-request.yml", () => {
    const w = workflow("pull-request.yml");
    const preview = w.jobs.preview;

    it("runs on pull requests, previewing each stack in its preview environment, comments the preview with the policy report", () => {
      expect(Object.keys(w.on)).to.deep.equal(["pull_request"]);
      expect(w.permissions["pull-requests"]).to.equal("write");
      expect(preview.environment).to.equal("preview-${{ matrix.stack }}");
      expect(preview.strategy?.["fail-fast"]).to.equal(false);
      const pulumi = step(preview, "pulumi/actions@");
      expect(pulumi.with).to.include({
        command: "preview",
        "stack-name": "${{ vars.PULUMI_ORG }}/${{ matrix.stack }}",
        policyPacks: "policy",
        "comment-on-pr": true,
      });
      expect(pulumi.env?.PULUMI_ACCESS_TOKEN).to.equal("${{ secrets.PULUMI_ACCESS_TOKEN }}");
    });

    it("comments the customer stacks' offline plans, updating its own comment", () => {
      const comment = step(w.jobs.check, "actions/github-script@");
      expect(comment.if).to.equal("steps.stacks.outputs.stacks != '[]'");
      const script = String(comment.with?.script);
      expect(script).to.contain('["run", "--silent", "plan:comment", "--", ...JSON.parse(process.env.STACKS)]');
      expect(script).to.contain("comments.find((c) => c.body.startsWith(marker))");
    });
  });

  describe("main.yml", () => {
    const w = workflow("main.yml");
    const up = w.jobs.up;

    it("deploys on main, one stack at a time, each behind its own environment", () => {
      expect(w.on).to.deep.equal({ push: { branches: ["main"] } });
      expect(w.concurrency).to.deep.equal({ group: "deploy", "cancel-in-progress": false });
      expect(up.environment).to.equal("stack-${{ matrix.stack }}");
      expect(up.strategy?.["max-parallel"]).to.equal(1);
      expect(step(up, "pulumi/actions@").with).to.deep.equal({
        command: "up",
        "stack-name": "${{ vars.PULUMI_ORG }}/${{ matrix.stack }}",
        policyPacks: "policy",
        policyPackConfigs: "${{ steps.pack-config.outputs.file }}",
      });
    });
  });

  describe("the customer stacks (npm run stacks)", () => {
    it("are the stack files at the project root, never the examples", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-stacks-"));
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: datafold-aws\n");
      fs.mkdirSync(path.join(dir, "examples"));
      fs.writeFileSync(path.join(dir, "examples", "Pulumi.dev.yaml"), "config: {}\n");
      expect(listStacks(dir)).to.deep.equal([]);
      fs.writeFileSync(path.join(dir, "Pulumi.umbrella.yaml"), "config: {}\n");
      fs.writeFileSync(path.join(dir, "Pulumi.acme.yaml"), "config: {}\n");
      fs.writeFileSync(path.join(dir, "Pulumi.acme.policy.json"), "{}\n");
      expect(listStacks(dir)).to.deep.equal(["acme", "umbrella"]);
    });

    it("refuses a Pulumi.<stack>.yml, which the Pulumi CLI would ignore, naming it", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-stacks-"));
      fs.writeFileSync(path.join(dir, "Pulumi.acme.yml"), "config: {}\n");
      expect(() => listStacks(dir)).to.throw(
        `${path.join(dir, "Pulumi.acme.yml")}: the Pulumi CLI reads a stack's config from Pulumi.<stack>.yaml (the project file's extension) and ignores this file: rename it to .yaml`,
      );
    });

    it("are exactly the stack files at this repository's root, whatever customers were added", () => {
      const files = fs.readdirSync(ROOT);
      const present = files
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((x): x is string => x !== undefined)
        .sort();
      if (files.some((f) => /^Pulumi\..+\.yml$/.test(f))) expect(() => listStacks(ROOT)).to.throw("rename");
      else expect(listStacks(ROOT)).to.deep.equal(present);
    });
  });

  describe("the CI scripts, with npm and node stood in for", () => {
    /**
     * A copy of the project's .ci scripts in a scratch project with the given stack files, run with
     * an `npm` on PATH that passes `ci` and `test`, records each plan's arguments and exits with
     * the code `codes` gives the stack's offline plan (0 by default).
     */
    function runCi(
      script: "run" | "plan-esc",
      files: Record<string, string>,
      codes: Record<string, number> = {},
      env: Record<string, string> = {},
    ) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datafold-ci-"));
      const bin = path.join(dir, "bin");
      fs.mkdirSync(path.join(dir, ".ci"));
      fs.mkdirSync(path.join(dir, "examples"));
      fs.mkdirSync(bin);
      for (const name of ["run", "plan-esc"])
        fs.copyFileSync(path.join(ROOT, ".ci", name), path.join(dir, ".ci", name));
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      const cases = Object.entries(codes)
        .map(([stack, code]) => `    ${stack}) exit ${code} ;;`)
        .join("\n");
      fs.writeFileSync(
        path.join(bin, "npm"),
        [
          "#!/usr/bin/env bash",
          'case "$1" in --version) echo 10 && exit 0 ;; ci | test) exit 0 ;; esac',
          'shift 2; echo "$@" >> "$(dirname "$0")/../calls"',
          'echo "planned $3"',
          // The codes are the offline plan's; the plan with ESC values (plan:esc) passes.
          'if [ "$1" = plan ]; then',
          '  case "$3" in',
          cases,
          "  esac",
          "fi",
          "exit 0",
          "",
        ].join("\n"),
        { mode: 0o755 },
      );
      fs.writeFileSync(path.join(bin, "node"), "#!/usr/bin/env bash\necho v22\n", { mode: 0o755 });
      const result = spawnSync("bash", [path.join(dir, ".ci", script)], {
        encoding: "utf8",
        env: { PATH: `${bin}:/usr/bin:/bin`, ...env },
      });
      const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8") : "");
      return { code: result.status, stderr: result.stderr, calls: read("calls").trim().split("\n"), read, dir };
    }

    it(".ci/run plans the examples into .plan/examples/ and the customer stacks into .plan/, each with its pack config", () => {
      const r = runCi("run", {
        "examples/Pulumi.dev.yaml": "config: {}\n",
        "Pulumi.dev.yaml": "config: {}\n",
        "Pulumi.acme.yaml": "config: {}\n",
        "Pulumi.acme.policy.json": "{}\n",
      });
      expect(r.code).to.equal(0);
      expect(r.calls).to.deep.equal([
        "plan -- dev --dir examples --json .plan/examples/dev.json",
        "plan -- acme --dir . --json .plan/acme.json --policy-config ./Pulumi.acme.policy.json",
        "plan -- dev --dir . --json .plan/dev.json",
      ]);
      expect([r.read(".plan/examples/dev.txt"), r.read(".plan/dev.txt")]).to.deep.equal([
        "planned dev\n",
        "planned dev\n",
      ]);
    });

    it(".ci/run reports a stack that needs its ESC environments, plans the rest and exits 3; a failure exits 1", () => {
      const files = { "Pulumi.acme.yaml": "config: {}\n", "Pulumi.esc.yaml": "config: {}\n" };
      const r = runCi("run", files, { esc: 3 });
      expect(r.code).to.equal(3);
      expect(r.read(".plan/needs-esc")).to.equal(". esc\n");
      expect(r.calls).to.have.length(2);
      expect(r.stderr).to.contain("Not planned offline: needs ESC: esc (.plan/needs-esc).");
      expect(runCi("run", files, { acme: 1, esc: 3 }).code).to.equal(1);
    });

    it(".ci/run refuses a Pulumi.<stack>.yml before planning anything", () => {
      const r = runCi("run", { "Pulumi.acme.yml": "config: {}\n" });
      expect([r.code, r.calls]).to.deep.equal([1, [""]]);
      expect(r.stderr).to.contain("stack files the Pulumi CLI ignores (it reads Pulumi.<stack>.yaml): Pulumi.acme.yml");
    });

    it(".ci/plan-esc plans each stack .ci/run left out with its environments, and needs the organization and a token", () => {
      const files = { "Pulumi.esc.yaml": "config: {}\n", "Pulumi.esc.policy.json": "{}\n" };
      const first = runCi("run", files, { esc: 3 });
      expect(first.code).to.equal(3);
      const planEsc = (env: Record<string, string>) =>
        spawnSync("bash", [path.join(first.dir, ".ci", "plan-esc")], {
          encoding: "utf8",
          env: { PATH: `${path.join(first.dir, "bin")}:/usr/bin:/bin`, ...env },
        });
      expect(planEsc({ PULUMI_ACCESS_TOKEN: "t" }).stderr).to.contain("set PULUMI_ORG");
      expect(planEsc({ PULUMI_ORG: "acme-org", PULUMI_ACCESS_TOKEN: "t" }).status).to.equal(0);
      expect(first.read("calls").trim().split("\n").slice(1)).to.deep.equal([
        "plan:esc -- esc --org acme-org --dir . --json .plan/esc.json --policy-config ./Pulumi.esc.policy.json",
      ]);
    });
  });
});

describe("the offline plans' pull-request comment", () => {
  const text = (stack: string, treeLines: number) =>
    [
      `Offline plan of stack '${stack}' (project datafold-aws, region us-east-1): mocks, no AWS calls.`,
      "",
      "Mode:",
      "  platform      disabled: nothing inside the cluster",
      "",
      "Needs the cluster API: nothing; this stack previews and deploys from anywhere AWS answers.",
      "",
      "* after a value: it holds something the offline world made up",
      "",
      ...Array.from({ length: treeLines }, (_, i) => `├─ aws:ec2/subnet:Subnet  ${stack}-${i}`),
      "",
      "[mandatory] rds-instance-no-public-access",
      "    urn:pulumi:acme::datafold-aws::aws:rds/instance:Instance::acme-db",
      "    publicly accessible",
      "Policy check: 22 policies, 1 violation (1 mandatory).",
    ].join("\n");

  it("finds the mode and the policy report in a plan", () => {
    expect(modeSection(text("acme", 2))).to.equal(
      [
        "Mode:",
        "  platform      disabled: nothing inside the cluster",
        "",
        "Needs the cluster API: nothing; this stack previews and deploys from anywhere AWS answers.",
      ].join("\n"),
    );
    expect(policySection(text("acme", 2)).split("\n")).to.deep.equal([
      "[mandatory] rds-instance-no-public-access",
      "    urn:pulumi:acme::datafold-aws::aws:rds/instance:Instance::acme-db",
      "    publicly accessible",
      "Policy check: 22 policies, 1 violation (1 mandatory).",
    ]);
  });

  it("starts with its marker, shows each stack's summary, and folds the whole plan below", () => {
    const body = planComment([{ stack: "acme", text: text("acme", 2) }]);
    expect(body.split("\n")[0]).to.equal(COMMENT_MARKER);
    expect(body).to.contain("#### `acme`\n\n```text\nMode:\n");
    expect(body).to.contain("Policy check: 22 policies, 1 violation (1 mandatory).\n```\n\n<details>");
    expect(body).to.contain("├─ aws:ec2/subnet:Subnet  acme-1\n");
    expect(body).to.not.contain("more lines");
  });

  it("stays within GitHub's comment size, cutting long plans between lines and saying where the rest is", () => {
    const body = planComment([
      { stack: "acme", text: text("acme", 3000) },
      { stack: "umbrella", text: text("umbrella", 3000) },
    ]);
    expect(body.length).to.be.at.most(COMMENT_LIMIT);
    const cut = /\n… (\d+) more lines: the whole plan is in the offline-plans artifact of this run\.\n/g;
    expect([...body.matchAll(cut)]).to.have.length(2);
    expect(body).to.match(/\n├─ aws:ec2\/subnet:Subnet {2}umbrella-\d+\n…/);
  });
});
