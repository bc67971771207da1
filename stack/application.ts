/**
 * `applicationSettings`: the Helm values the application's charts read from this stack (see
 * "What the application side consumes" in the config contract), as one object a platform
 * engineer pipes into `helm install -f` or the operator's resource. Plain data; no Pulumi import.
 */
import type { NodeGroupSettings } from "../components/cluster/args";
import { BEDROCK_SERVICE_ACCOUNTS } from "../components/cluster/iam";

export interface VolumeRef {
  readonly id: string;
  readonly sizeGb: number;
}

export interface ApplicationInputs {
  readonly domain: string;
  readonly clusterName: string;
  readonly vpcCidr: string;
  readonly region: string;
  readonly database: {
    readonly address: string;
    readonly port: number;
    readonly name: string;
    readonly user: string;
    readonly password: string;
  };
  readonly volumes: {
    readonly clickhouseData: VolumeRef;
    readonly clickhouseLogs: VolumeRef;
    readonly redisData: VolumeRef;
  };
  readonly backup: { readonly bucket: string; readonly roleArn: string };
  /** The node group ClickHouse and Redis run on, if one is set aside. */
  readonly dataNodeGroup?: Pick<NodeGroupSettings, "labels" | "taints">;
  /** The Bedrock role, when Bedrock is on. */
  readonly bedrockRoleArn?: string;
  /** The target group the nginx chart binds to (alb mode). */
  readonly targetGroupArn?: string;
  /** The load balancer's private IPs, trusted as proxies by nginx. */
  readonly loadBalancerIps?: readonly string[];
  /** Extra values for ingress (controller mode), merged in as given. */
  readonly ingress?: Record<string, unknown>;
}

/** EBS sizes as Kubernetes quantities, for the charts' static PersistentVolumes. */
export function quantity(sizeGb: number): string {
  return `${sizeGb}Gi`;
}

function scheduling(group: ApplicationInputs["dataNodeGroup"]) {
  if (!group) return {};
  return {
    nodeSelector: { ...group.labels },
    tolerations: group.taints.map((t) => ({ key: t.key, operator: "Equal", value: t.value, effect: t.effect })),
  };
}

export function applicationSettings(i: ApplicationInputs): Record<string, unknown> {
  const onDataNodes = scheduling(i.dataNodeGroup);
  const settings: Record<string, unknown> = {
    global: {
      serverName: i.domain,
      cloudProvider: "aws",
      clusterName: i.clusterName,
      vpcCidr: i.vpcCidr,
      postgres: { server: i.database.address },
      ...(i.targetGroupArn !== undefined ? { awsTargetGroupArn: i.targetGroupArn } : {}),
    },
    secrets: {
      postgres: {
        user: i.database.user,
        password: i.database.password,
        database: i.database.name,
        port: i.database.port,
      },
    },
    clickhouse: {
      storage: {
        dataVolumeId: i.volumes.clickhouseData.id,
        dataSize: quantity(i.volumes.clickhouseData.sizeGb),
        logVolumeId: i.volumes.clickhouseLogs.id,
        logSize: quantity(i.volumes.clickhouseLogs.sizeGb),
      },
      config: { s3_bucket: i.backup.bucket, s3_region: i.region, s3_backup_role: i.backup.roleArn },
      ...onDataNodes,
    },
    redis: {
      storage: { dataVolumeId: i.volumes.redisData.id, dataSize: quantity(i.volumes.redisData.sizeGb) },
      ...onDataNodes,
    },
  };
  if (i.loadBalancerIps !== undefined) settings.nginx = { service: { loadBalancerIps: [...i.loadBalancerIps] } };
  if (i.bedrockRoleArn !== undefined) {
    for (const component of BEDROCK_SERVICE_ACCOUNTS)
      settings[component] = { serviceAccount: { roleArn: i.bedrockRoleArn } };
  }
  if (i.ingress !== undefined) settings.ingress = i.ingress;
  return settings;
}
