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
 *
 * What to do instead depends on whether the cluster exists. Before it does, `platform.enabled:
 * false` is a way out: nothing is inside the cluster yet. Once it does (and the last deployment
 * had the platform on, or did not record it), it is not: that run deletes the controllers' Helm
 * releases, and deleting through an unreachable cluster fails too (pulumi/pulumi-kubernetes #2489:
 * only the provider's opt-in `deleteUnreachable` drops such resources, from the state alone). So
 * an existing cluster gets its own remedy, and a run that turns the platform off (model A to B)
 * is checked like one that keeps it on.
 *
 * A run whose config adds this machine's address to `publicAccessCidrs` is not let through: the
 * probe judges the endpoint as it is now, and so does the Kubernetes provider, which reads the
 * releases in the same run's preview, before any change is made. Nor can this machine's own address be known
 * soundly: only an outside service could say what address it sees, and the endpoint can see
 * another one (a proxy, a VPN that routes AWS's ranges differently). The endpoint's CIDRs are
 * changed first, from a machine or the console that may (EXISTING_CLUSTER_REMEDY).
 */

/** The answer of a probe of the cluster's endpoint. */
export type ProbeResult = { readonly reachable: true } | { readonly reachable: false; readonly reason: string };

/** The cluster as EKS describes it now, and whether this machine reached its endpoint. */
export interface ExistingCluster {
  /** The cluster's name and region, for the command that changes its endpoint access. */
  readonly name: string;
  readonly region: string;
  /** `https://<id>.<suffix>.<region>.eks.amazonaws.com`. */
  readonly endpoint: string;
  readonly endpointPublicAccess: boolean;
  readonly publicAccessCidrs: readonly string[];
  readonly probe: ProbeResult;
}

export interface ReachabilityInput {
  /** `platform.enabled`: whether anything inside the cluster is declared. */
  readonly platformEnabled: boolean;
  /**
   * `platform.enabled` as the last deployment recorded it (`statefulSettings.platformEnabled`);
   * undefined when it recorded nothing (a new stack, or one deployed before it was recorded).
   */
  readonly lastPlatformEnabled?: boolean;
  /** Whether this run is a preview (`pulumi preview`), which changes nothing. */
  readonly dryRun: boolean;
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
  /** Print and go on: what cannot be known yet, or what only a pulumi up would do. */
  readonly warnings: string[];
}

const KEY = "datafold-aws:platform.enabled";
const NONE: Reachability = { problems: [], warnings: [] };

/** What to do instead before the cluster exists, the same in every message. */
export const REMEDY =
  "Either run pulumi from a machine that reaches the cluster API (a self-hosted runner inside the VPC, " +
  "or behind the VPN whose egress is in datafold-aws:cluster.publicAccessCidrs), or set " +
  `${KEY}: false: this program then declares nothing inside the cluster and deploys from anywhere, and ` +
  'the controllers are installed from inside the network with the platformReleases output (README, "The second stage").';

/**
 * What to do instead once the cluster exists: reach it, or let this machine in out of band first.
 * `platform.enabled: false` only when the last deployment had it so (its releases are the second
 * stage's); otherwise that run would uninstall the releases through the same API.
 */
export function existingClusterRemedy(
  c: Pick<ExistingCluster, "name" | "region">,
  lastPlatformEnabled?: boolean,
): string {
  const platform =
    lastPlatformEnabled === false
      ? `Or keep ${KEY}: false, as the last deployment had it (README, "The second stage").`
      : `Do not set ${KEY}: false to get past this: that run uninstalls the controllers' Helm releases, through the same cluster API.`;
  return (
    "Run pulumi from a machine that reaches the cluster API: a self-hosted runner inside the cluster's VPC or a network connected to it, " +
    "or a machine behind the VPN whose egress the endpoint admits. Or let this machine in first, from a machine or the EKS console allowed to change the cluster: " +
    `aws eks update-cluster-config --name ${c.name} --region ${c.region} --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=<every CIDR to admit, comma-separated>,endpointPrivateAccess=true ` +
    '(EKS User Guide, "Control network access to cluster API server endpoint"; the list replaces the current one), wait until the update is done, ' +
    "write the same CIDRs into datafold-aws:cluster.publicAccessCidrs (with endpointPublicAccess: true), and run again. " +
    "Adding this machine to datafold-aws:cluster.publicAccessCidrs alone does not get this run through: this check, and the Kubernetes provider, use the endpoint as it is now. " +
    platform
  );
}

function cidrList(cidrs: readonly string[]): string {
  return cidrs.length > 0 ? cidrs.join(", ") : "(none)";
}

/** Why an existing cluster's endpoint may not answer this machine. */
function where(c: ExistingCluster): string {
  return c.endpointPublicAccess
    ? `Its public endpoint admits only ${cidrList(c.publicAccessCidrs)}: this machine's address is not among them, or the network in between does not let the connection through.`
    : "Its endpoint is private only: it answers only inside the cluster's VPC and networks connected to it (peering, transit gateway, VPN).";
}

/** The problems and warnings about reaching the cluster API. Pure. */
export function clusterApiReachability(i: ReachabilityInput): Reachability {
  const c = i.cluster;
  if (!i.platformEnabled) {
    // Model A to B: the run deletes the releases the last deployment installed, through the API.
    if (c === undefined || c.probe.reachable || i.lastPlatformEnabled !== true) return NONE;
    const text =
      `${KEY}: false, but the last deployment had it true: this run uninstalls the controllers' Helm releases, which goes through the cluster API, ` +
      `and this machine cannot reach it at ${c.endpoint} (${c.probe.reason}). ${where(c)} ` +
      "Make this change from a machine that reaches the cluster API (the one model A ran from); later runs of model B go anywhere.";
    return i.dryRun
      ? {
          problems: [],
          warnings: [
            `${text} A pulumi up of it from this machine would stop at those deletes; it refuses before anything is declared.`,
          ],
        }
      : { problems: [text], warnings: [] };
  }
  if (c !== undefined) {
    if (c.probe.reachable) return NONE;
    return {
      problems: [
        `${KEY}: true, but this machine cannot reach the cluster API at ${c.endpoint} (${c.probe.reason}). ${where(c)} ` +
          `The Kubernetes provider would fail on every in-cluster resource, in preview and in update alike. ${existingClusterRemedy(c, i.lastPlatformEnabled)}`,
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
