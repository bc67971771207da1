/**
 * The GitHub workflows, read as GitHub reads them (YAML): which runner the jobs that reach AWS and
 * the cluster use, the per-stack environments (one AWS account per customer, so one role per
 * stack), the order of the jobs, and that only the customer stacks are previewed and deployed.
 */
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
          ".ci/run",
          'echo "stacks=$(npm run --silent stacks)" >> "$GITHUB_OUTPUT"',
        ]);
        expect(check.outputs).to.deep.equal({ stacks: "${{ steps.stacks.outputs.stacks }}" });
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
      expect(listStacks(dir)).to.deep.equal(["acme", "umbrella"]);
    });

    it("are none in this repository, so the workflows preview and deploy nothing until a customer is added", () => {
      expect(listStacks(ROOT)).to.deep.equal([]);
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
