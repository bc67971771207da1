/** The contract's `cluster` section: the Cluster component's settings, node groups included. */
import {
  CLUSTER_DEFAULTS,
  type ClusterSettings,
  MANAGED_ADDONS,
  NODE_GROUP_DEFAULTS,
  type NodeGroupSettings,
  type Taint,
} from "../components/cluster/args";
import { isArmInstanceType } from "../components/cluster/nodegroups";
import { type Check, type Raw } from "./check";
import {
  ADDON_VERSION,
  DNS_LABEL,
  IAM_PRINCIPAL_ARN,
  INSTANCE_TYPE,
  K8S_VERSION,
  LABEL_KEY,
  LABEL_VALUE,
} from "./formats";

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
  const kubernetesVersion = c.string(
    s,
    p,
    "kubernetesVersion",
    d.kubernetesVersion,
    'a Kubernetes minor version such as "1.35"',
    (x) => K8S_VERSION.test(x),
  );
  const endpointPublicAccess = c.bool(s, p, "endpointPublicAccess", d.endpointPublicAccess);
  const publicAccessCidrs = c.cidrList(s, p, "publicAccessCidrs", d.publicAccessCidrs, 0, 32);
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
  if (endpointPublicAccess && publicAccessCidrs.length === 0) {
    c.fail(
      `${p}.publicAccessCidrs`,
      publicAccessCidrs,
      "at least one CIDR (your VPN or office egress) while cluster.endpointPublicAccess is true; or set endpointPublicAccess: false",
    );
  }
  if (publicAccessCidrs.includes("0.0.0.0/0"))
    c.fail(`${p}.publicAccessCidrs`, "0.0.0.0/0", "CIDRs narrower than the whole internet: 0.0.0.0/0 is refused");
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
  const nodeGroups = groupsRaw.map((g, i) => readNodeGroup(c, g, `${p}.nodeGroups[${i}]`));
  c.unique(
    `${p}.nodeGroups[].name`,
    nodeGroups.map((g) => g.name),
    "a different name for each node group",
  );
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
  const instanceTypes = c.stringList(s, p, "instanceTypes", [], "EC2 instance types such as r7a.2xlarge", (x) =>
    INSTANCE_TYPE.test(x),
  );
  if (instanceTypes.length === 0) c.fail(`${p}.instanceTypes`, instanceTypes, "at least one instance type");
  if (new Set(instanceTypes.map(isArmInstanceType)).size > 1) {
    c.fail(
      `${p}.instanceTypes`,
      instanceTypes,
      "instance types of one architecture (all Graviton/ARM or all x86): a group runs one AMI",
    );
  }
  const minSize = c.int(s, p, "minSize", d.minSize, 0, 100);
  const maxSize = c.int(s, p, "maxSize", d.maxSize, 1, 100);
  const desiredSize = c.int(s, p, "desiredSize", minSize, 0, 100);
  if (!(minSize <= desiredSize && desiredSize <= maxSize))
    c.fail(p, { minSize, desiredSize, maxSize }, "minSize <= desiredSize <= maxSize");
  const diskSizeGb = c.int(s, p, "diskSizeGb", d.diskSizeGb, 20, 16384);
  const placement = c.oneOf(s, p, "placement", d.placement, ["all", "primary"] as const);
  const labels = c.stringMap(s, p, "labels", d.labels, (k, v) =>
    LABEL_KEY.test(k) && LABEL_VALUE.test(v)
      ? undefined
      : "Kubernetes label keys ([prefix/]name) and values (at most 63 characters of A-Z a-z 0-9 - _ .)",
  );
  const taints = c.list(s, p, "taints", d.taints).map((t, j): Taint => {
    const tp = `${p}.taints[${j}]`;
    const ts = c.object(t, tp, ["key", "value", "effect"]);
    const key = c.requiredString(ts, tp, "key", "a Kubernetes label key", (x) => LABEL_KEY.test(x));
    const value = c.string(ts, tp, "value", "", "a Kubernetes label value", (x) => LABEL_VALUE.test(x));
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
