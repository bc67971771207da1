/**
 * `applicationSettings`: the values the vendor's Helm chart (`datafold`, chart 0.10.110) reads from
 * this stack, as one object a platform engineer hands to `helm upgrade --install -f`. It holds
 * exactly the paths listed in ./chart-values.ts, with the types the chart expects, for the stack's
 * mode, and nothing the chart ignores (../shared/APPLICATION-CHART.md). It is shaped for the chart,
 * not for the vendor's operator, whose custom resource has other paths. Plain data; no Pulumi import.
 */
import type { NodeGroupSettings } from "../components/cluster/args";
import { BEDROCK_COMPONENTS, DFSHELL_SERVICE_ACCOUNT } from "../components/cluster/iam";
import type { NginxIngressValues } from "../components/ingress/values";

export interface VolumeRef {
  readonly id: string;
  readonly sizeGb: number;
}

/** How traffic reaches nginx: a load balancer this program made, or one the controller makes. */
export type IngressHandover =
  | {
      readonly mode: "alb";
      /** The target group the chart's TargetGroupBinding registers nginx's nodes in. */
      readonly targetGroupArn: string;
      /** The load balancer's private IPs, trusted as proxies by nginx. */
      readonly loadBalancerIps: readonly string[];
    }
  | {
      readonly mode: "controller";
      /** The chart's `nginx.ingress` values, from which the controller builds the load balancer. */
      readonly nginxIngress: NginxIngressValues;
    };

export interface ApplicationInputs {
  /** `global.deployment`: the installation's name. */
  readonly deploymentName: string;
  readonly domain: string;
  readonly vpcCidr: string;
  readonly region: string;
  readonly database: {
    readonly address: string;
    readonly port: number;
    readonly name: string;
    readonly user: string;
    readonly password: string;
  };
  /** The secrets the stack generated for the application. */
  readonly generated: {
    readonly clickhouseUser: string;
    readonly clickhousePassword: string;
    readonly redisPassword: string;
    readonly statusCheckToken: string;
    readonly installPassword: string;
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
  /** nginx's NodePort (`ingress.backendPort`): the target group and the security groups use it too. */
  readonly backendPort: number;
  readonly ingress: IngressHandover;
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

/** The Bedrock components' service accounts on the Bedrock role; DMA calls Bedrock in the stack's region. */
function bedrock(roleArn: string, region: string): Record<string, unknown> {
  const sections: Record<string, Record<string, unknown>> = {};
  for (const component of Object.keys(BEDROCK_COMPONENTS)) sections[component] = { serviceAccount: { roleArn } };
  // The name the role's trust pins, set rather than left to the chart's default.
  sections.dfshell = { serviceAccount: { name: DFSHELL_SERVICE_ACCOUNT, roleArn } };
  // DMA calls Bedrock in us-east-1 unless told (charts/dma/values.yaml line 75); the role allows this region.
  sections.dma = { ...sections.dma, dma: { bedrock_region: region } };
  return sections;
}

export function applicationSettings(i: ApplicationInputs): Record<string, unknown> {
  const onDataNodes = scheduling(i.dataNodeGroup);
  const alb = i.ingress.mode === "alb" ? i.ingress : undefined;
  return {
    global: {
      serverName: i.domain,
      cloudProvider: "aws",
      deployment: i.deploymentName,
      vpcCidr: i.vpcCidr,
      statusCheckToken: i.generated.statusCheckToken,
      // The RDS instance is the application's only database: the chart has no PostgreSQL of its own.
      postgres: { server: i.database.address, port: i.database.port },
      ...(alb ? { awsTargetGroupArn: alb.targetGroupArn } : {}),
    },
    secrets: {
      installMePassword: i.generated.installPassword,
      postgres: { user: i.database.user, password: i.database.password, database: i.database.name },
      clickhouse: { user: i.generated.clickhouseUser, password: i.generated.clickhousePassword },
      redis: { password: i.generated.redisPassword },
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
    nginx: {
      service: {
        nodePort: i.backendPort,
        ...(alb ? { loadBalancerIps: [...alb.loadBalancerIps] } : {}),
      },
      // alb mode: the chart's Ingress stays off, so that no second load balancer appears.
      ingress: i.ingress.mode === "controller" ? { ...i.ingress.nginxIngress } : { deploy: false },
    },
    ...(i.bedrockRoleArn !== undefined ? bedrock(i.bedrockRoleArn, i.region) : {}),
  };
}
