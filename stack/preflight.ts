/**
 * Checks that need the account's answers (lookups, which also run during `pulumi preview`), made
 * before any resource is declared: a stack that fails them declares nothing.
 */
import * as net from "net";

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import { callerProblems } from "../config/caller";
import type { Settings } from "../config/settings";
import { ConfigError } from "../config/validator";
import { clusterApiReachability, type ExistingCluster, type ProbeResult } from "./reachability";

/** Tells whether this machine reaches an endpoint (`https://host[:port]`). */
export type Probe = (endpoint: string) => Promise<ProbeResult>;

/** How long the probe waits for a TCP connection: far above any cross-region round trip. */
export const PROBE_TIMEOUT_MS = 10_000;

/**
 * A TCP connection to the endpoint's host and port (443 unless the URL says otherwise), closed at
 * once: the question is whether packets get through, which is what a private-only endpoint or a
 * `publicAccessCidrs` list decides. A private-only endpoint's name resolves, from anywhere, to
 * addresses inside the VPC (EKS User Guide, "Cluster API server endpoint", "Accessing a private only
 * API server"), so from outside the connection times out or finds no route.
 */
export const tcpProbe: Probe = (endpoint) => {
  const url = new URL(endpoint);
  const port = url.port === "" ? 443 : Number(url.port);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port });
    const done = (result: ProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () =>
      done({
        reachable: false,
        reason: `no connection to ${url.hostname}:${port} within ${PROBE_TIMEOUT_MS / 1000} s`,
      }),
    );
    socket.once("connect", () => done({ reachable: true }));
    socket.once("error", (err: NodeJS.ErrnoException) =>
      done({ reachable: false, reason: `${url.hostname}:${port}: ${err.code ?? err.message}` }),
    );
  });
};

/**
 * The cluster named `name` as EKS describes it now, with the probe's answer; undefined when the
 * account has no such cluster (a first deployment). The endpoint as it is now: a run that changes
 * endpoint access is judged by the current one, as the preview's Kubernetes provider is.
 */
async function existingCluster(name: string, probe: Probe): Promise<ExistingCluster | undefined> {
  const { names } = await aws.eks.getClusters({});
  if (!names.includes(name)) return undefined;
  const cluster = await aws.eks.getCluster({ name });
  return {
    endpoint: cluster.endpoint,
    endpointPublicAccess: cluster.vpcConfig.endpointPublicAccess,
    publicAccessCidrs: cluster.vpcConfig.publicAccessCidrs,
    probe: await probe(cluster.endpoint),
  };
}

/** Throws ConfigError with every problem found; resolves when there is none. Warnings are logged. */
export async function preflight(settings: Settings, probe: Probe = tcpProbe): Promise<void> {
  const caller = await aws.getCallerIdentity({});
  const problems = callerProblems(settings.cluster, caller.arn);

  // The cluster API, needed only when something inside the cluster is declared.
  if (settings.platform.enabled) {
    const reach = clusterApiReachability({
      platformEnabled: true,
      newVpc: settings.network.vpcId === "",
      endpointPublicAccess: settings.cluster.endpointPublicAccess,
      publicAccessCidrs: settings.cluster.publicAccessCidrs,
      cluster: await existingCluster(settings.deploymentName, probe),
    });
    problems.push(...reach.problems);
    for (const warning of reach.warnings) await pulumi.log.warn(warning);
  }

  if (problems.length > 0) throw new ConfigError(problems);
}
