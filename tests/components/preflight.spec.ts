/**
 * The preflight's cluster-API check, wired to the account's answers (the world's clusters) and a
 * probe: the probe is a parameter, so these tests never reach for the network; tcpProbe itself is
 * tested against a server on the loopback interface.
 */
import * as net from "net";

import { expect } from "chai";

import { validateConfig } from "../../config/validator";
import { makeWorld } from "../../plan/world";
import { preflight, type Probe, tcpProbe } from "../../stack/preflight";
import { REMEDY } from "../../stack/reachability";
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

const withCluster = makeWorld("us-east-1", {
  eksClusters: {
    "acme-datafold": {
      version: "1.35",
      supportType: "STANDARD",
      endpoint: ENDPOINT,
      endpointPublicAccess: true,
      publicAccessCidrs: ["203.0.113.0/24"],
      vpcId: "vpc-0123456789abcdef0",
    },
  },
});

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
        `The Kubernetes provider would fail on every in-cluster resource, in preview and in update alike. ${REMEDY}`,
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
      "aws:index/getAvailabilityZones:getAvailabilityZones",
      "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
      "aws:eks/getClusters:getClusters",
      "aws:eks/getCluster:getCluster",
    ]);
  });

  it("before the first deployment: no probe, one warning, and the lookups it made", async () => {
    const { probe, asked } = fakeProbe(false);
    const run = await runComponents(() => preflight(settings(), probe));
    expect(asked).to.deep.equal([]);
    expect(run.calls.map((c) => c.token)).to.deep.equal([
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:index/getAvailabilityZones:getAvailabilityZones",
      "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
      "aws:eks/getClusters:getClusters",
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
