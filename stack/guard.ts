/**
 * The guard against config changes that AWS cannot carry out in place, or only by deleting data.
 * The stack exports the settings that decide them (`statefulSettings`); the next run reads them back
 * from its own last deployment (stack/last-deployment.ts) before anything is declared and refuses,
 * with what to do instead, any change that would replace or shrink stored data, rename the
 * deployment (a second one beside the first), move the cluster's AZs, VPC or subnets, or replace a
 * load balancer AWS will not delete. Plain data in, problems out; no Pulumi import.
 *
 * With no previous `statefulSettings` (a new stack, a stack last deployed before this guard, or a
 * first deployment that failed before its outputs were saved) there is nothing to compare and the
 * guard allows the run. What a failed first deployment created is still safe: volumes, bucket,
 * database and keys carry Pulumi's `protect`, so a change that would replace one stops with
 * Pulumi's own error instead.
 */

import type { Zone } from "../components/network/plan";
import { majorVersion } from "../components/database/engine";
import { isRecord } from "../config/values";
import type { Settings } from "../config/settings";

export interface StatefulSettings {
  /** The name every resource's logical name, and the cluster's, derive from. */
  readonly deploymentName: string;
  /** The network the cluster, the nodes and the database sit in. */
  readonly network: RecordedNetwork;
  /** `platform.enabled`: whether the controllers' Helm releases are Pulumi's (model A). */
  readonly platformEnabled: boolean;
  /**
   * The principal that created the cluster, to which EKS gave a cluster-admin access entry
   * (config/caller.ts): the caller of the run that found no cluster, kept by later runs; "" when
   * the cluster was created before this was recorded.
   */
  readonly clusterCreator: string;
  /** The AZ id the EBS volumes live in. */
  readonly primaryAvailabilityZoneId: string;
  /** The config key that decides the AZs (`network.availabilityZoneIds`, or `network.privateSubnetIds` in an existing VPC), for the message. */
  readonly primaryAvailabilityZoneKey: string;
  /** The AZ ids of the private subnets (the cluster's), in subnet order; the first is the primary AZ. */
  readonly availabilityZoneIds: readonly string[];
  /** The customer KMS key of the volumes and bucket; "" for the AWS-managed keys. */
  readonly storageKmsKeyArn: string;
  readonly volumeSizesGb: Readonly<Record<"clickhouseData" | "clickhouseLogs" | "redisData", number>>;
  readonly databaseEngineMajor: number;
  /** The database settings RDS would otherwise defer to its maintenance window. */
  readonly database: {
    readonly engineVersion: string;
    readonly instanceClass: string;
    readonly multiAz: boolean;
    readonly allocatedStorageGb: number;
  };
  /** The load balancer: who builds it, its scheme, and whether AWS would refuse to delete it. */
  readonly loadBalancer: {
    readonly mode: "alb" | "controller";
    readonly internal: boolean;
    readonly deletionProtection: boolean;
  };
}

/**
 * A new VPC's CIDRs (`vpcId` ""), or an existing VPC and its subnets: what cannot change under a
 * running cluster (statefulChangeProblems).
 */
export type RecordedNetwork =
  | {
      readonly vpcId: "";
      readonly vpcCidr: string;
      readonly privateSubnetCidrs: readonly string[];
      readonly publicSubnetCidrs: readonly string[];
    }
  | {
      readonly vpcId: string;
      readonly privateSubnetIds: readonly string[];
      readonly publicSubnetIds: readonly string[];
    };

const K = "datafold-aws:";
const list = (ids: readonly unknown[]) => `[${ids.join(", ")}]`;

/** The previous AZ ids, when the last deployment recorded them. */
function previousZoneIds(previous: Record<string, unknown>): string[] | undefined {
  const ids = previous.availabilityZoneIds;
  return Array.isArray(ids) && ids.every((x) => typeof x === "string") ? ids : undefined;
}

/** Problems with moving from `previous` (the last deployment's output, if any) to `current`. */
export function statefulChangeProblems(previous: unknown, current: StatefulSettings): string[] {
  if (!isRecord(previous)) return []; // a first deployment, or one from before this guard
  const problems: string[] = [];
  const prevName = previous.deploymentName;
  if (typeof prevName === "string" && prevName !== current.deploymentName) {
    problems.push(
      `${K}deploymentName: "${prevName}" -> "${current.deploymentName}": every logical name of this stack, and the names of the cluster, the database and the load balancer, derive from it, ` +
        `so this run would create a second, complete deployment beside the first (cluster, node groups, empty volumes and bucket, an empty database, a load balancer) and then stop at deleting the first one's protected volumes, bucket, database and keys. ` +
        `Keep "${prevName}"; a deployment under another name is another stack (pulumi stack init), its data moved by snapshot and restore.`,
    );
  }
  const prevAz = previous.primaryAvailabilityZoneId;
  const primaryMoves = typeof prevAz === "string" && prevAz !== current.primaryAvailabilityZoneId;
  if (primaryMoves) {
    problems.push(
      `${K}${current.primaryAvailabilityZoneKey}: the primary AZ would move from ${prevAz} to ${current.primaryAvailabilityZoneId}. ` +
        `The ClickHouse and Redis volumes live in ${prevAz} and an EBS volume cannot move: AWS would delete them and create empty ones. ` +
        `Keep ${prevAz} first; to move on purpose, snapshot the volumes, restore them in the new AZ and follow README "Moving the primary AZ".`,
    );
  }
  const prevIds = previousZoneIds(previous);
  const zoneList = !primaryMoves && prevIds !== undefined ? zoneListProblems(prevIds, current) : [];
  problems.push(...zoneList);
  // A changed subnet list whose AZs changed too is already explained above.
  problems.push(...networkProblems(previous.network, current.network, primaryMoves || zoneList.length > 0));

  const prevKey = previous.storageKmsKeyArn;
  if (typeof prevKey === "string" && prevKey !== current.storageKmsKeyArn) {
    const name = (arn: string) => (arn === "" ? "the AWS-managed key" : arn);
    problems.push(
      `${K}storage.kmsKeyArn: the volumes are encrypted with ${name(prevKey)}; switching to ${name(current.storageKmsKeyArn)} would replace all three volumes with empty ones. ` +
        `Keep the key; to re-encrypt, copy snapshots with the new key and restore them.`,
    );
  }
  const prevSizes = isRecord(previous.volumeSizesGb) ? previous.volumeSizesGb : {};
  for (const [volume, size] of Object.entries(current.volumeSizesGb)) {
    const before = prevSizes[volume];
    if (typeof before === "number" && size < before) {
      problems.push(
        `${K}storage.${volume}.sizeGb: ${before} -> ${size}: an EBS volume can grow but never shrink; keep ${before} or more.`,
      );
    }
  }
  const prevMajor = previous.databaseEngineMajor;
  if (typeof prevMajor === "number" && current.databaseEngineMajor < prevMajor) {
    problems.push(
      `${K}database.engineVersion: PostgreSQL ${prevMajor} -> ${current.databaseEngineMajor}: RDS cannot downgrade a database; keep ${prevMajor} or later.`,
    );
  }
  problems.push(...loadBalancerProblems(previous.loadBalancer, current.loadBalancer));
  return problems;
}

/**
 * The cluster's AZs cannot change: EKS accepts new subnets for a cluster only in the AZs it was
 * created with (EKS User Guide, "VPC requirements and considerations": "All subnets that you add
 * must be in the same set of AZs as originally provided when you created the cluster"), and in a
 * new VPC a subnet whose AZ changes is replaced by one with the same CIDR, which EC2 refuses while
 * the old subnet holds it (CreateSubnet: InvalidSubnet.Conflict).
 */
function zoneListProblems(prevIds: readonly string[], current: StatefulSettings): string[] {
  const now = current.availabilityZoneIds;
  if (current.primaryAvailabilityZoneKey === "network.availabilityZoneIds") {
    if (prevIds.length === now.length && prevIds.every((id, i) => id === now[i])) return [];
    const moved = prevIds
      .map((id, i) => (i < now.length && id !== now[i] ? `subnet ${i + 1} from ${id} to ${now[i]}` : undefined))
      .filter((x): x is string => x !== undefined);
    const what =
      prevIds.length !== now.length
        ? `the cluster's AZs would change from ${list(prevIds)} to ${list(now)}`
        : `the subnets would move to other AZs: ${moved.join(", ")} (the private and the public one)`;
    return [
      `${K}network.availabilityZoneIds: ${what}. AWS replaces a subnet whose AZ changes and refuses the new one while the old one holds its CIDR, ` +
        `and EKS accepts subnets only in the AZs the cluster was created with. Keep network.availabilityZoneIds ${list(prevIds)} ` +
        `and one private subnet per AZ (network.privateSubnetCidrs); a cluster in other AZs is a new stack.`,
    ];
  }
  const before = new Set(prevIds);
  const after = new Set(now);
  if (before.size === after.size && [...before].every((id) => after.has(id))) return [];
  return [
    `${K}network.privateSubnetIds: the cluster's AZs would change from ${list([...before].sort())} to ${list([...after].sort())}; ` +
      `EKS accepts subnets only in the AZs the cluster was created with. Choose private subnets in ${list([...before].sort())}, one per AZ, the first in ${prevIds[0]}; a cluster in other AZs is a new stack.`,
  ];
}

/**
 * The network under a running cluster cannot change:
 * - a new VPC's CIDR, or a subnet's, is fixed when it is created (hashicorp/terraform-provider-aws,
 *   under @pulumi/aws: `cidr_block` is ForceNew in internal/service/ec2/vpc_.go and vpc_subnet.go),
 *   so a change replaces the VPC (and everything in it) or the subnet; EC2 deletes neither while
 *   instances and network interfaces are in it (EC2 API reference, DeleteSubnet: "You must terminate
 *   all running instances in the subnet before you can delete the subnet"; DeleteVpc likewise);
 * - the database cannot leave a subnet it runs in ("If you launch a DB instance with a subnet group
 *   containing two subnets in two AZs, then you can't delete any subnets from the subnet group": AWS
 *   Knowledge Center, "How can I delete a subnet that is part of an Amazon RDS DB subnet group?");
 * - a node group cannot move to other subnets (EKS UpdateNodegroupConfig takes no subnets), so every
 *   group would be replaced;
 * - another VPC moves all of it.
 * An existing VPC's public subnets may change: they hold only the load balancer (this stack's, or
 * the controller's), whose subnets ELBv2 changes in place (API reference, SetSubnets: "The
 * specified subnets replace the previously enabled subnets").
 */
function networkProblems(previous: unknown, current: RecordedNetwork, zonesReported: boolean): string[] {
  if (!isRecord(previous) || typeof previous.vpcId !== "string") return []; // recorded before the network was
  const strings = (x: unknown): string[] | undefined =>
    Array.isArray(x) && x.every((y) => typeof y === "string") ? x : undefined;
  const vpc = (id: string) => (id === "" ? "the VPC this stack created" : id);
  if (previous.vpcId !== current.vpcId) {
    const created =
      previous.vpcId === "" ? ", and EC2 cannot delete the VPC this stack created while they are in it" : "";
    return [
      `${K}network.vpcId: ${vpc(previous.vpcId)} -> ${vpc(current.vpcId)}: the cluster, its nodes, the database and the load balancer would move to another VPC; ` +
        `the database cannot leave the subnets it runs in, nor a node group its subnets${created}. ` +
        `Keep network.vpcId ${previous.vpcId === "" ? "empty" : previous.vpcId}; a deployment in another VPC is a new stack.`,
    ];
  }
  if (!("vpcCidr" in current)) {
    const before = strings(previous.privateSubnetIds);
    const after = current.privateSubnetIds;
    if (zonesReported || before === undefined) return [];
    if (before.length === after.length && before.every((id) => after.includes(id))) return [];
    return [
      `${K}network.privateSubnetIds: ${list(before)} -> ${list(after)}: the cluster's, the nodes' and the database's subnets would change under them; ` +
        "EKS cannot move a node group to other subnets (every group would be replaced), and RDS cannot take the database out of a subnet it runs in. " +
        `Keep network.privateSubnetIds ${list(before)}; a deployment on other subnets is a new stack.`,
    ];
  }
  const problems: string[] = [];
  if (typeof previous.vpcCidr === "string" && previous.vpcCidr !== current.vpcCidr) {
    problems.push(
      `${K}network.vpcCidr: ${previous.vpcCidr} -> ${current.vpcCidr} replaces the VPC (its CIDR is fixed when it is created), and with it every subnet, under the running cluster, nodes and database: ` +
        `EC2 cannot delete the old VPC while they are in it. Keep ${previous.vpcCidr}; a deployment with other addresses is a new stack.`,
    );
  }
  for (const [key, holds] of [
    ["privateSubnetCidrs", "the nodes', the database's and the cluster's network interfaces"],
    ["publicSubnetCidrs", "the NAT gateway's and the load balancer's network interfaces"],
  ] as const) {
    const before = strings(previous[key]) ?? [];
    const after = current[key];
    before.forEach((cidr, i) => {
      if (i < after.length && after[i] !== cidr) {
        problems.push(
          `${K}network.${key}[${i}]: ${cidr} -> ${after[i]} replaces the subnet (its CIDR is fixed when it is created), and EC2 cannot delete the old one while ${holds} are in it. ` +
            `Keep ${cidr}; a deployment with other addresses is a new stack.`,
        );
      }
    });
  }
  return problems;
}

/**
 * A load balancer this program created with deletion protection cannot be replaced (a change of
 * scheme: the ELBv2 API has no call that changes it, so the provider creates a new load balancer)
 * or removed (controller mode): AWS refuses to delete it while the protection is on (Elastic Load
 * Balancing, Application Load Balancers, "Deletion protection": "you must disable deletion
 * protection before you can delete the load balancer").
 */
function loadBalancerProblems(previous: unknown, current: StatefulSettings["loadBalancer"]): string[] {
  if (!isRecord(previous) || previous.mode !== "alb" || previous.deletionProtection !== true) return [];
  const steps =
    "First set ingress.deletionProtection: false and run pulumi up with nothing else changed; then make this change " +
    "(the new load balancer has a new DNS name: point the domain at loadBalancerDnsName); then set deletionProtection back to true.";
  if (current.mode !== "alb") {
    return [
      `${K}ingress.mode: alb -> ${current.mode} deletes the load balancer this stack created, and AWS refuses to delete it while its deletion protection is on. ${steps}`,
    ];
  }
  if (typeof previous.internal === "boolean" && previous.internal !== current.internal) {
    return [
      `${K}ingress.internal: ${previous.internal} -> ${current.internal} replaces the load balancer (its scheme is fixed when it is created), and AWS refuses to delete the old one while its deletion protection is on. ${steps}`,
    ];
  }
  return [];
}

/**
 * Whether this run changes a database setting RDS would otherwise defer to the maintenance window
 * (engine version, instance class, Multi-AZ, allocated storage): then the run applies it
 * immediately. A major upgrade needs this (the new parameter group goes in with it), and for the
 * others it keeps a preview from showing the change as still to make until the window. Never on a
 * first deployment (nothing to modify).
 */
export function databaseChangeNeedsApplyImmediately(previous: unknown, current: StatefulSettings): boolean {
  if (!isRecord(previous)) return false;
  if (typeof previous.databaseEngineMajor === "number" && previous.databaseEngineMajor !== current.databaseEngineMajor)
    return true;
  const before = previous.database;
  if (!isRecord(before)) return false;
  return (Object.keys(current.database) as (keyof StatefulSettings["database"])[]).some(
    (k) => before[k] !== undefined && before[k] !== current.database[k],
  );
}

/** The error the guard raises: every problem, one per line. */
export function statefulChangeError(problems: readonly string[]): Error {
  return new Error(
    `Refusing a config change that would lose stored data or that AWS cannot make in place (nothing was changed):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
  );
}

/**
 * The settings the guard compares, once the AZs are known (in subnet order, the primary first), and
 * the principal that created the cluster (stack/preflight.ts decides it).
 */
export function statefulSettings(settings: Settings, zones: readonly Zone[], clusterCreator: string): StatefulSettings {
  const s = settings.storage;
  const d = settings.database;
  const n = settings.network;
  return {
    deploymentName: settings.deploymentName,
    network:
      n.vpcId === ""
        ? {
            vpcId: "",
            vpcCidr: n.vpcCidr,
            privateSubnetCidrs: n.privateSubnetCidrs,
            publicSubnetCidrs: n.publicSubnetCidrs,
          }
        : { vpcId: n.vpcId, privateSubnetIds: n.privateSubnetIds, publicSubnetIds: n.publicSubnetIds },
    platformEnabled: settings.platform.enabled,
    clusterCreator,
    primaryAvailabilityZoneId: zones[0].id,
    primaryAvailabilityZoneKey:
      settings.network.vpcId === "" ? "network.availabilityZoneIds" : "network.privateSubnetIds",
    availabilityZoneIds: zones.map((z) => z.id),
    storageKmsKeyArn: s.kmsKeyArn,
    volumeSizesGb: {
      clickhouseData: s.clickhouseData.sizeGb,
      clickhouseLogs: s.clickhouseLogs.sizeGb,
      redisData: s.redisData.sizeGb,
    },
    databaseEngineMajor: majorVersion(d.engineVersion),
    database: {
      engineVersion: d.engineVersion,
      instanceClass: d.instanceClass,
      multiAz: d.multiAz,
      allocatedStorageGb: d.allocatedStorageGb,
    },
    loadBalancer: {
      mode: settings.ingress.mode,
      internal: settings.ingress.internal,
      deletionProtection: settings.ingress.deletionProtection,
    },
  };
}
