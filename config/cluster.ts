/** The contract's `cluster` section: the Cluster component's settings, node groups included. */
import {
  CLUSTER_DEFAULTS,
  type ClusterSettings,
  MANAGED_ADDONS,
  NODE_GROUP_DEFAULTS,
  type NodeGroupSettings,
  type Taint,
} from "../components/cluster/args";
import { dataNodeGroup, isArmInstanceType } from "../components/cluster/nodegroups";
import {
  MAX_TAINTS_PER_NODE_GROUP,
  nodeLabelKeyProblem,
  nodeLabelValueProblem,
  TAINT_KEY_ALLOWED,
  TAINT_VALUE_ALLOWED,
  taintKeyProblem,
  taintValueProblem,
} from "../policy/lib/aws-limits";
import { isInternetWide } from "../policy/lib/cidrs";
import { EKS_KUBERNETES_VERSIONS, isEc2InstanceType } from "./aws-data";
import { type Check, type Raw } from "./check";
import { coverAllAddresses, parseIpv4Cidr } from "./cidr";
import { ADDON_VERSION, DNS_LABEL, IAM_PRINCIPAL_ARN, INSTANCE_TYPE } from "./formats";

/**
 * The most nodes a managed node group may have: EKS User Guide, "View and manage Amazon EKS and
 * Fargate service quotas": "Nodes per managed node group: 450".
 */
export const MAX_NODES_PER_GROUP = 450;

/** Effects that keep pods without a toleration off a node (PreferNoSchedule only discourages). */
const REPELLING = ["NoSchedule", "NoExecute"];

/** The keys a node group may have. */
const NODE_GROUP_KEYS = [
  "name",
  "instanceTypes",
  "minSize",
  "maxSize",
  "desiredSize",
  "diskSizeGb",
  "placement",
  "labels",
  "taints",
] as const;

export function readCluster(c: Check, s: Raw): ClusterSettings {
  const d = CLUSTER_DEFAULTS;
  const p = "cluster";
  const versions = EKS_KUBERNETES_VERSIONS.map((v) => v.version);
  const kubernetesVersion = c.string(
    s,
    p,
    "kubernetesVersion",
    d.kubernetesVersion,
    `a Kubernetes minor version EKS offers: ${versions.map((v) => `"${v}"`).join(", ")}`,
    (x) => versions.includes(x),
  );
  const endpointPublicAccess = c.bool(s, p, "endpointPublicAccess", d.endpointPublicAccess);
  const beforeCidrs = c.problems.length;
  const publicAccessCidrs = c.cidrList(s, p, "publicAccessCidrs", d.publicAccessCidrs, 0, 32);
  const cidrsValid = c.problems.length === beforeCidrs;
  const adminRoleArns = c.stringList(
    s,
    p,
    "adminRoleArns",
    d.adminRoleArns,
    "IAM role or user ARNs such as arn:aws:iam::123456789012:role/Admin",
    (x) => IAM_PRINCIPAL_ARN.test(x),
  );
  const viewerRoleArns = c.stringList(
    s,
    p,
    "viewerRoleArns",
    d.viewerRoleArns,
    "IAM role or user ARNs such as arn:aws:iam::123456789012:role/Preview",
    (x) => IAM_PRINCIPAL_ARN.test(x),
  );
  const bedrock = c.bool(s, p, "bedrock", d.bedrock);
  if (endpointPublicAccess && publicAccessCidrs.length === 0 && cidrsValid) {
    c.fail(
      `${p}.publicAccessCidrs`,
      publicAccessCidrs,
      "at least one CIDR (your VPN or office egress) while cluster.endpointPublicAccess is true; or set endpointPublicAccess: false",
    );
  }
  if (publicAccessCidrs.includes("0.0.0.0/0"))
    c.fail(`${p}.publicAccessCidrs`, "0.0.0.0/0", "CIDRs narrower than the whole internet: 0.0.0.0/0 is refused");
  else {
    // The pack's eks-cluster-restrict-public-endpoint refuses any range wider than a /8 as
    // internet-wide (its isInternetWide); halves of the internet (0.0.0.0/1 + 128.0.0.0/1) are
    // the whole internet in two entries.
    const wide = publicAccessCidrs.filter(isInternetWide);
    if (wide.length > 0)
      c.fail(
        `${p}.publicAccessCidrs`,
        wide,
        "CIDRs no wider than a /8: 0.0.0.0/0 is refused, and so are ranges that add up to most of the internet (0.0.0.0/1 with 128.0.0.0/1)",
      );
    else if (coverAllAddresses(publicAccessCidrs.map((x) => parseIpv4Cidr(x)).filter((x) => x !== undefined)))
      c.fail(
        `${p}.publicAccessCidrs`,
        publicAccessCidrs,
        "CIDRs that together leave out part of the internet: these cover all of it",
      );
  }
  if (!endpointPublicAccess && publicAccessCidrs.length > 0)
    c.fail(`${p}.publicAccessCidrs`, publicAccessCidrs, "empty while cluster.endpointPublicAccess is false");
  c.unique(`${p}.adminRoleArns`, adminRoleArns, "each ARN once");
  c.unique(`${p}.viewerRoleArns`, viewerRoleArns, "each ARN once");
  // EKS keeps one access entry per principal: a principal is an administrator or a viewer.
  const both = viewerRoleArns.filter((arn) => adminRoleArns.includes(arn));
  if (both.length > 0)
    c.fail(
      `${p}.viewerRoleArns`,
      both,
      "principals that are not also in cluster.adminRoleArns (EKS allows one access entry per principal; an administrator can already read)",
    );

  const groupsRaw = c.list(s, p, "nodeGroups", d.nodeGroups);
  if (groupsRaw.length < 1 || groupsRaw.length > 3)
    c.fail(`${p}.nodeGroups`, `${groupsRaw.length} groups`, "one to three node groups");
  const beforeGroups = c.problems.length;
  const nodeGroups = groupsRaw.map((g, i) => readNodeGroup(c, g, `${p}.nodeGroups[${i}]`));
  c.unique(
    `${p}.nodeGroups[].name`,
    nodeGroups.map((g) => g.name),
    "a different name for each node group",
  );
  // Checked only between groups that are themselves valid (a refused value stands in as its default).
  if (c.problems.length === beforeGroups) nodeGroupsTogether(c, nodeGroups, `${p}.nodeGroups`);
  const addonVersions = c.stringMap(s, p, "addonVersions", d.addonVersions, (k, v) =>
    (MANAGED_ADDONS as readonly string[]).includes(k) && ADDON_VERSION.test(v)
      ? undefined
      : `an add-on of ${MANAGED_ADDONS.join(", ")} with an EKS add-on version such as v1.19.2-eksbuild.1`,
  );
  const supportType = c.oneOf(s, p, "supportType", d.supportType, ["STANDARD", "EXTENDED"] as const);
  return {
    kubernetesVersion,
    endpointPublicAccess,
    publicAccessCidrs,
    adminRoleArns,
    viewerRoleArns,
    bedrock,
    nodeGroups,
    addonVersions,
    supportType,
  };
}

function readNodeGroup(c: Check, raw: unknown, p: string): NodeGroupSettings {
  const d = NODE_GROUP_DEFAULTS;
  const s = c.object(raw, p, NODE_GROUP_KEYS);
  const name = c.requiredString(
    s,
    p,
    "name",
    "a lowercase DNS label of at most 20 characters",
    (x) => DNS_LABEL.test(x) && x.length <= 20,
  );
  const beforeTypes = c.problems.length;
  const instanceTypes = c.stringList(
    s,
    p,
    "instanceTypes",
    [],
    "EC2 instance types such as r7a.2xlarge (a family and a size EC2 offers; config/aws-data.ts lists them)",
    (x) => INSTANCE_TYPE.test(x) && isEc2InstanceType(x),
  );
  if (instanceTypes.length === 0 && c.problems.length === beforeTypes)
    c.fail(`${p}.instanceTypes`, instanceTypes, "at least one instance type");
  if (new Set(instanceTypes.map(isArmInstanceType)).size > 1) {
    c.fail(
      `${p}.instanceTypes`,
      instanceTypes,
      "instance types of one architecture (all Graviton/ARM or all x86): a group runs one AMI",
    );
  }
  const minSize = c.int(s, p, "minSize", d.minSize, 0, MAX_NODES_PER_GROUP);
  const maxSize = c.int(s, p, "maxSize", d.maxSize, 1, MAX_NODES_PER_GROUP);
  const desiredSize = c.int(s, p, "desiredSize", minSize, 0, MAX_NODES_PER_GROUP);
  if (!(minSize <= desiredSize && desiredSize <= maxSize))
    c.fail(p, { minSize, desiredSize, maxSize }, "minSize <= desiredSize <= maxSize");
  const diskSizeGb = c.int(s, p, "diskSizeGb", d.diskSizeGb, 20, 16384);
  const placement = c.oneOf(s, p, "placement", d.placement, ["all", "primary"] as const);
  // EKS's node group API and the kubelet: policy/lib/aws-limits.ts, with the sources.
  const labels = c.stringMap(s, p, "labels", d.labels, (k, v) => nodeLabelKeyProblem(k) ?? nodeLabelValueProblem(v));
  const taintsRaw = c.list(s, p, "taints", d.taints);
  if (taintsRaw.length > MAX_TAINTS_PER_NODE_GROUP)
    c.fail(
      `${p}.taints`,
      `${taintsRaw.length} taints`,
      `at most ${MAX_TAINTS_PER_NODE_GROUP} taints per node group (EKS)`,
    );
  const taints = taintsRaw.map((t, j): Taint => {
    const tp = `${p}.taints[${j}]`;
    const ts = c.object(t, tp, ["key", "value", "effect"]);
    const key = c.requiredString(ts, tp, "key", TAINT_KEY_ALLOWED, (x) => taintKeyProblem(x) === undefined);
    const value = c.string(ts, tp, "value", "", TAINT_VALUE_ALLOWED, (x) => taintValueProblem(x) === undefined);
    const effect = c.oneOf(ts, tp, "effect", "NoSchedule", ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const);
    return { key, value, effect };
  });
  // ClickHouse and Redis tolerate clickhouse=reserved and must run next to their volumes.
  if (taints.some((t) => t.key === "clickhouse") && placement !== "primary") {
    c.fail(
      `${p}.placement`,
      placement,
      "primary for the group tainted clickhouse=...: ClickHouse and Redis run there and their EBS volumes live only in the primary AZ",
    );
  }
  return { name, instanceTypes, minSize, maxSize, desiredSize, diskSizeGb, placement, labels, taints };
}

/**
 * The node groups as a whole: somewhere for pods without tolerations to run (CoreDNS, the platform
 * controllers), a group in the primary AZ for ClickHouse and Redis (their EBS volumes live there
 * only), and their scheduling kept when the list replaces the defaults.
 */
function nodeGroupsTogether(c: Check, groups: readonly NodeGroupSettings[], key: string): void {
  if (groups.length === 0) return;
  if (groups.every((g) => g.taints.some((t) => REPELLING.includes(t.effect)))) {
    c.fail(
      key,
      groups.map((g) => g.name),
      "at least one group without a NoSchedule or NoExecute taint, for pods without tolerations: CoreDNS, the Load Balancer Controller, metrics-server and the cluster autoscaler would otherwise have nowhere to run",
    );
  }
  if (!groups.some((g) => g.placement === "primary")) {
    c.fail(
      key,
      groups.map((g) => `${g.name}: ${g.placement}`),
      "at least one group with placement: primary: ClickHouse and Redis run next to their EBS volumes, which live in the primary AZ only (a group across all AZs may have no node there)",
    );
    return;
  }
  const data = dataNodeGroup(groups);
  if (data !== undefined && Object.keys(data.labels).length === 0 && groups.some((g) => g.placement === "all")) {
    c.fail(
      key,
      groups.map((g) => g.name),
      `a label on the group ClickHouse and Redis run on (${data.name}, the first placed in the primary AZ), such as datafold.com/node-pool: data: it is their nodeSelector in applicationSettings; without one they may be scheduled on another group, away from their volumes`,
    );
  }
}
