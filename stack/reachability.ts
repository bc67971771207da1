/**
 * Whether the machine running `pulumi` can reach the cluster API, as far as that can be known
 * before anything is declared. Plain data; no Pulumi import.
 *
 * Why it matters: with `platform.enabled` the Platform component's namespace and Helm releases go
 * through a Kubernetes provider built from the cluster's kubeconfig. A machine that cannot reach
 * the API gets "can't use Helm Release with unreachable cluster" from that provider, in preview and
 * in update alike; in an update of a cluster with a public endpoint only after @pulumi/eks has
 * polled the endpoint's /healthz 60 times, with a 1 s request timeout and 5 s between tries (about
 * six minutes: pulumi/pulumi-eks v4.3.0, nodejs/eks/cluster/cluster.ts, `createCore`, the
 * `endpoint` apply). This check says why and what to set instead, before any of that.
 *
 * What can be known:
 * - the cluster exists: its endpoint is probed (a TCP connection to it), which answers exactly
 *   the question, wherever this machine is;
 * - it does not exist yet, its endpoint will be private only, and the VPC is created by this same
 *   run: nothing can be inside that VPC or connected to it yet (a private-only endpoint "can only
 *   receive requests from within the cluster VPC", EKS User Guide, "Cluster API server endpoint"),
 *   so the first `up` cannot install the controllers from anywhere;
 * - otherwise (no cluster yet, public endpoint or an existing VPC): whether this machine's address
 *   is in `publicAccessCidrs`, or this machine is inside the VPC, cannot be known before the
 *   cluster exists. A warning says what the first `up` will need.
 */

/** The answer of a probe of the cluster's endpoint. */
export type ProbeResult = { readonly reachable: true } | { readonly reachable: false; readonly reason: string };

/** The cluster as EKS describes it now, and whether this machine reached its endpoint. */
export interface ExistingCluster {
  /** `https://<id>.<suffix>.<region>.eks.amazonaws.com`. */
  readonly endpoint: string;
  readonly endpointPublicAccess: boolean;
  readonly publicAccessCidrs: readonly string[];
  readonly probe: ProbeResult;
}

export interface ReachabilityInput {
  /** `platform.enabled`: whether anything inside the cluster is declared. */
  readonly platformEnabled: boolean;
  /** Whether this stack creates the VPC (`network.vpcId` empty). */
  readonly newVpc: boolean;
  /** `cluster.endpointPublicAccess` and `cluster.publicAccessCidrs`, as configured. */
  readonly endpointPublicAccess: boolean;
  readonly publicAccessCidrs: readonly string[];
  /** The cluster as it exists now; absent before the first deployment. */
  readonly cluster?: ExistingCluster;
}

export interface Reachability {
  /** Refuse the run: each names the key to change. */
  readonly problems: string[];
  /** Print and go on: what cannot be known yet. */
  readonly warnings: string[];
}

const KEY = "datafold-aws:platform.enabled";

/** What to do instead, the same in every message. */
export const REMEDY =
  "Either run pulumi from a machine that reaches the cluster API (a self-hosted runner inside the VPC, " +
  "or behind the VPN whose egress is in datafold-aws:cluster.publicAccessCidrs), or set " +
  `${KEY}: false: this program then declares nothing inside the cluster and deploys from anywhere, and ` +
  'the controllers are installed from inside the network with the platformReleases output (README, "The second stage").';

function cidrList(cidrs: readonly string[]): string {
  return cidrs.length > 0 ? cidrs.join(", ") : "(none)";
}

/** The problems and warnings about reaching the cluster API. Pure. */
export function clusterApiReachability(i: ReachabilityInput): Reachability {
  if (!i.platformEnabled) return { problems: [], warnings: [] };
  const c = i.cluster;
  if (c !== undefined) {
    if (c.probe.reachable) return { problems: [], warnings: [] };
    const where = c.endpointPublicAccess
      ? `Its public endpoint admits only ${cidrList(c.publicAccessCidrs)}: this machine's address is not among them, or the network in between does not let the connection through.`
      : "Its endpoint is private only: it answers only inside the cluster's VPC and networks connected to it (peering, transit gateway, VPN).";
    return {
      problems: [
        `${KEY}: true, but this machine cannot reach the cluster API at ${c.endpoint} (${c.probe.reason}). ${where} ` +
          `The Kubernetes provider would fail on every in-cluster resource, in preview and in update alike. ${REMEDY}`,
      ],
      warnings: [],
    };
  }
  if (!i.endpointPublicAccess && i.newVpc) {
    return {
      problems: [
        `${KEY}: true with datafold-aws:cluster.endpointPublicAccess: false in a VPC this stack creates: the first ` +
          "pulumi up creates the cluster and must then reach its private endpoint, which answers only inside that new " +
          "VPC and networks connected to it; none can be yet, so no machine can install the in-cluster controllers in " +
          `that run. Set ${KEY}: false (the second stage installs them from inside the network once the VPC is ` +
          "connected), or set datafold-aws:cluster.endpointPublicAccess: true with datafold-aws:cluster.publicAccessCidrs " +
          "that hold this machine's address.",
      ],
      warnings: [],
    };
  }
  const needs = i.endpointPublicAccess
    ? `this machine's address inside datafold-aws:cluster.publicAccessCidrs (${cidrList(i.publicAccessCidrs)}), or this machine inside the VPC`
    : "this machine inside the existing VPC or a network connected to it (the endpoint is private only)";
  const otherwise = i.endpointPublicAccess
    ? "If it does not, @pulumi/eks first polls the endpoint for about six minutes and the Helm releases then fail, after the AWS layer is created."
    : "If it does not, the Helm releases fail after the AWS layer is created.";
  return {
    problems: [],
    warnings: [
      "The cluster does not exist yet, so whether this machine can reach its API cannot be known before it is created. " +
        `The first pulumi up installs the in-cluster controllers right after creating it, which needs ${needs}. ` +
        `${otherwise} ${REMEDY}`,
    ],
  };
}
