/**
 * The preflight's cluster-API check, wired to the account's answers (the world's clusters) and a
 * probe: the probe is a parameter, so these tests never reach for the network; tcpProbe itself is
 * tested against a server on the loopback interface.
 */
import * as net from "net";

import { expect } from "chai";

import { validateConfig } from "../../config/validator";
import { runProgram } from "../../plan/run";
import { makeWorld, type World } from "../../plan/world";
import { preflight, type Probe, tcpProbe } from "../../stack/preflight";
import { existingClusterRemedy } from "../../stack/reachability";
import { runComponents } from "../helpers";

const ENDPOINT = "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com";

function settings(extra: Record<string, unknown> = {}) {
  return validateConfig({
    region: "us-east-1",
    values: {
      deploymentName: "acme-datafold",
      domain: "datafold.acme.example",
      cluster: { publicAccessCidrs: ["203.0.113.0/24"] },
      ...extra,
    },
  });
}

/** A probe that records what it was asked and answers as told. */
function fakeProbe(reachable: boolean): { probe: Probe; asked: string[] } {
  const asked: string[] = [];
  const probe: Probe = (endpoint) => {
    asked.push(endpoint);
    return Promise.resolve(reachable ? { reachable: true } : { reachable: false, reason: "timed out" });
  };
  return { probe, asked };
}

const CLUSTER = {
  "acme-datafold": {
    version: "1.35",
    supportType: "STANDARD",
    endpoint: ENDPOINT,
    endpointPublicAccess: true,
    publicAccessCidrs: ["203.0.113.0/24"],
    vpcId: "vpc-0123456789abcdef0",
  },
};
const withCluster = makeWorld("us-east-1", { eksClusters: CLUSTER });

/** The preflight alone, as `pulumi preview` (the default) or `pulumi up` runs it. */
function run(
  config: Record<string, unknown>,
  world: World,
  { preview = true, probe = fakeProbe(true).probe }: { preview?: boolean; probe?: Probe } = {},
) {
  return runProgram({
    project: "datafold-aws",
    stack: "test",
    config: {},
    world,
    preview,
    program: () => preflight(settings(config), probe).then((checked) => ({ checked })),
  });
}

/** Each line, cut to the length of the start it is expected to have; as many lines as expected. */
function starts(lines: readonly string[], want: readonly string[]): string[] {
  return lines.map((line, i) => line.slice(0, want[i]?.length ?? line.length));
}

/** The error a run fails with. */
function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected the run to be refused");
    },
    (e: unknown) => e as Error,
  );
}

describe("preflight: the cluster API", () => {
  it("probes an existing cluster's endpoint and refuses, naming the key, when it does not answer", async () => {
    const { probe, asked } = fakeProbe(false);
    const err = await runComponents(() => preflight(settings(), probe), withCluster).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(asked).to.deep.equal([ENDPOINT]);
    expect((err as Error).message).to.equal(
      "Invalid stack configuration (1 problem); nothing was declared:\n" +
        `  - datafold-aws:platform.enabled: true, but this machine cannot reach the cluster API at ${ENDPOINT} (timed out). ` +
        "Its public endpoint admits only 203.0.113.0/24: this machine's address is not among them, or the network in between does not let the connection through. " +
        `The Kubernetes provider would fail on every in-cluster resource, in preview and in update alike. ${existingClusterRemedy({ name: "acme-datafold", region: "us-east-1" })}`,
    );
  });

  it("goes on quietly when the existing cluster's endpoint answers", async () => {
    const { probe, asked } = fakeProbe(true);
    const run = await runComponents(() => preflight(settings(), probe), withCluster);
    expect(asked).to.deep.equal([ENDPOINT]);
    expect(run.messages).to.deep.equal([]);
  });

  it("does not probe the cluster API when platform.enabled is false (the version check still reads the cluster)", async () => {
    const { probe, asked } = fakeProbe(false);
    const run = await runComponents(() => preflight(settings({ platform: { enabled: false } }), probe), withCluster);
    expect(asked).to.deep.equal([]);
    expect(run.messages).to.deep.equal([]);
    expect(run.calls.map((c) => c.token)).to.deep.equal([
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:eks/getClusters:getClusters",
      "aws:eks/getCluster:getCluster",
      "aws:index/getAvailabilityZones:getAvailabilityZones",
      "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
    ]);
  });

  it("before the first deployment: no probe, one warning, and the lookups it made", async () => {
    const { probe, asked } = fakeProbe(false);
    const run = await runComponents(() => preflight(settings(), probe));
    expect(asked).to.deep.equal([]);
    expect(run.calls.map((c) => c.token)).to.deep.equal([
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:eks/getClusters:getClusters",
      "aws:index/getAvailabilityZones:getAvailabilityZones",
      "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
    ]);
    expect(run.messages).to.have.length(1);
    expect(run.messages[0]).to.match(/^The cluster does not exist yet, so whether this machine can reach its API/);
  });

  it("refuses a first deployment with a private-only endpoint in a new VPC, before probing anything", async () => {
    const { probe, asked } = fakeProbe(true);
    const err = await runComponents(() =>
      preflight(settings({ cluster: { endpointPublicAccess: false } }), probe),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(asked).to.deep.equal([]);
    expect((err as Error).message).to.contain(
      "  - datafold-aws:platform.enabled: true with datafold-aws:cluster.endpointPublicAccess: false in a VPC this stack creates",
    );
  });
});

describe("preflight: the identity that runs pulumi and the access lists", () => {
  const PREVIEW_ROLE = "arn:aws:iam::123456789012:role/Preview";
  const DEPLOY_ROLE = "arn:aws:iam::123456789012:role/Deployer";
  const as = (arn: string, eksClusters = {}, previousOutputs?: Record<string, unknown>) =>
    makeWorld("us-east-1", {
      callerIdentity: { arn, userId: "AROAEXAMPLEID:session" },
      eksClusters,
      ...(previousOutputs ? { previousOutputs } : {}),
    });
  const lists = {
    cluster: { publicAccessCidrs: ["203.0.113.0/24"], adminRoleArns: [DEPLOY_ROLE], viewerRoleArns: [PREVIEW_ROLE] },
  };

  // Before the fix, both were refused ("the identity running this deployment"): every model-A
  // preview and deploy of an existing stack, set up as the README says.
  it("accepts the preview role among the viewers in a preview of an existing cluster", async () => {
    const done = await run(lists, as("arn:aws:sts::123456789012:assumed-role/Preview/pr-7", CLUSTER));
    expect(done.messages).to.deep.equal([]);
  });

  it("accepts the deploy role among the administrators in a pulumi up of an existing cluster", async () => {
    const done = await run(lists, as("arn:aws:sts::123456789012:assumed-role/Deployer/main-9", CLUSTER), {
      preview: false,
    });
    expect(done.messages).to.deep.equal([]);
  });

  it("refuses a listed caller in the pulumi up that creates the cluster, before anything is declared", async () => {
    const err = await failure(
      run(lists, as("arn:aws:sts::123456789012:assumed-role/Deployer/main-9"), { preview: false }),
    );
    const want = [
      "Invalid stack configuration (1 problem); nothing was declared:",
      '  - datafold-aws:cluster.adminRoleArns: got "arn:aws:iam::123456789012:role/Deployer", the identity running this pulumi up (',
    ];
    expect(starts(err.message.split("\n"), want)).to.deep.equal(want);
  });

  it("only warns about a listed caller in a preview of a cluster that does not exist yet", async () => {
    const done = await run(lists, as("arn:aws:sts::123456789012:assumed-role/Deployer/pr-7"));
    const want = [
      'datafold-aws:cluster.adminRoleArns: "arn:aws:iam::123456789012:role/Deployer" is the identity running this preview (',
      // The reachability warning of a cluster that does not exist yet.
      "The cluster does not exist yet, so whether this machine can reach its API cannot be known",
    ];
    expect(starts(done.messages, want)).to.deep.equal(want);
  });

  it("records the caller as the cluster's creator in the run that finds no cluster, without the session name", async () => {
    const done = await run({}, as("arn:aws:sts::123456789012:assumed-role/Deployer/alice@example.com"), {
      preview: false,
    });
    const { checked } = done.outputs as { checked: { statefulSettings: { clusterCreator: string } } };
    expect(checked.statefulSettings.clusterCreator).to.equal(DEPLOY_ROLE);
  });

  it("keeps the recorded creator once the cluster exists, and warns when a list names it", async () => {
    const previous = { statefulSettings: { clusterCreator: DEPLOY_ROLE, platformEnabled: true } };
    const done = await run(lists, as("arn:aws:sts::123456789012:assumed-role/Preview/pr-7", CLUSTER, previous));
    const { checked } = done.outputs as { checked: { statefulSettings: { clusterCreator: string } } };
    expect(checked.statefulSettings.clusterCreator).to.equal(DEPLOY_ROLE);
    const want = [
      'datafold-aws:cluster.adminRoleArns: "arn:aws:iam::123456789012:role/Deployer" is the principal that created the cluster (',
    ];
    expect(starts(done.messages, want)).to.deep.equal(want);
  });
});

describe("preflight: turning the platform off (model A to B)", () => {
  const world = makeWorld("us-east-1", {
    eksClusters: CLUSTER,
    previousOutputs: { statefulSettings: { platformEnabled: true } },
  });
  const off = { platform: { enabled: false } };

  it("refuses the pulumi up from a machine that cannot reach the cluster: it deletes the releases through it", async () => {
    const { probe, asked } = fakeProbe(false);
    const err = await failure(run(off, world, { preview: false, probe }));
    expect(asked).to.deep.equal([ENDPOINT]);
    expect(err.message.split("\n")[1]).to.equal(
      "  - datafold-aws:platform.enabled: false, but the last deployment had it true: this run uninstalls the controllers' Helm releases, which goes through the cluster API, " +
        `and this machine cannot reach it at ${ENDPOINT} (timed out). ` +
        "Its public endpoint admits only 203.0.113.0/24: this machine's address is not among them, or the network in between does not let the connection through. " +
        "Make this change from a machine that reaches the cluster API (the one model A ran from); later runs of model B go anywhere.",
    );
  });

  it("only warns in a preview of it", async () => {
    const done = await run(off, world, { probe: fakeProbe(false).probe });
    const want = ["datafold-aws:platform.enabled: false, but the last deployment had it true: this run uninstalls"];
    expect(starts(done.messages, want)).to.deep.equal(want);
  });

  it("lets it through from a machine that reaches the cluster", async () => {
    const { probe, asked } = fakeProbe(true);
    const done = await run(off, world, { preview: false, probe });
    expect([asked, done.messages]).to.deep.equal([[ENDPOINT], []]);
  });
});

describe("tcpProbe", () => {
  it("reaches a port that accepts connections, and names the error of one that refuses them", async () => {
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      expect(await tcpProbe(`https://127.0.0.1:${port}`)).to.deep.equal({ reachable: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // The same port, now closed: the loopback interface refuses at once.
    expect(await tcpProbe(`https://127.0.0.1:${port}`)).to.deep.equal({
      reachable: false,
      reason: `127.0.0.1:${port}: ECONNREFUSED`,
    });
  });
});
