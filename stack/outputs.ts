/**
 * The stack's outputs (../shared/CONFIG.md, "Outputs"): what each component exposes, and
 * `applicationSettings`, the object the application's Helm values are made from.
 */
import * as pulumi from "@pulumi/pulumi";

import type { Access } from "../components/access/access";
import type { ApplicationSecrets } from "../components/application/application";
import type { Cluster } from "../components/cluster/cluster";
import { dataNodeGroup } from "../components/cluster/nodegroups";
import type { Database } from "../components/database/database";
import type { Ingress } from "../components/ingress/ingress";
import type { Network } from "../components/network/network";
import type { Platform } from "../components/platform/platform";
import type { Storage } from "../components/storage/storage";
import type { Settings } from "../config/settings";
import { nginxIngressValues, type NginxIngressValues } from "../components/ingress/values";
import { applicationSettings, type IngressHandover } from "./application";
import type { StatefulSettings } from "./guard";
import { platformReleases, type PlatformRelease } from "./platform-releases";

/** The deployment's components, as index.ts composed them. */
export interface Deployment {
  readonly network: Network;
  readonly storage: Storage;
  readonly cluster: Cluster;
  readonly database: Database;
  readonly ingress: Ingress;
  /** The secrets generated for the application. */
  readonly applicationSecrets: ApplicationSecrets;
  /** Absent when `platform.enabled` is false. */
  readonly platform?: Platform;
  /** Present when `access.enabled`. */
  readonly access?: Access;
  /** What the stored-data guard compares on the next run. */
  readonly statefulSettings: pulumi.Input<StatefulSettings>;
}

/** `applicationSettings`, from the components' outputs and the settings. */
export function applicationSettingsOutput(settings: Settings, d: Deployment): pulumi.Output<Record<string, unknown>> {
  const dataGroup = dataNodeGroup(settings.cluster.nodeGroups);
  const s = settings.storage;
  return pulumi
    .output({
      vpcCidr: d.network.vpcCidr,
      address: d.database.address,
      port: d.database.port,
      databaseName: d.database.databaseName,
      databaseUser: d.database.username,
      password: d.database.password,
      clickhousePassword: d.applicationSecrets.clickhousePassword,
      redisPassword: d.applicationSecrets.redisPassword,
      statusCheckToken: d.applicationSecrets.statusCheckToken,
      installPassword: d.applicationSecrets.installPassword,
      dataId: d.storage.clickhouseDataVolumeId,
      logsId: d.storage.clickhouseLogsVolumeId,
      redisId: d.storage.redisDataVolumeId,
      bucket: d.storage.backupBucketName,
      backupRole: d.cluster.clickhouseBackupRoleArn,
      bedrockRole: d.cluster.bedrockRoleArn,
      targetGroupArn: d.ingress.targetGroupArn,
      loadBalancerIps: d.ingress.loadBalancerIps,
      nginxIngress: d.ingress.nginxIngressValues,
    })
    .apply((v) =>
      applicationSettings({
        deploymentName: settings.deploymentName,
        domain: settings.domain,
        vpcCidr: v.vpcCidr,
        region: settings.region,
        database: {
          address: v.address,
          port: v.port,
          name: v.databaseName,
          user: v.databaseUser,
          password: v.password,
        },
        generated: {
          clickhouseUser: d.applicationSecrets.clickhouseUser,
          clickhousePassword: v.clickhousePassword,
          redisPassword: v.redisPassword,
          statusCheckToken: v.statusCheckToken,
          installPassword: v.installPassword,
        },
        volumes: {
          clickhouseData: { id: v.dataId, sizeGb: s.clickhouseData.sizeGb },
          clickhouseLogs: { id: v.logsId, sizeGb: s.clickhouseLogs.sizeGb },
          redisData: { id: v.redisId, sizeGb: s.redisData.sizeGb },
        },
        backup: { bucket: v.bucket, roleArn: v.backupRole },
        ...(dataGroup ? { dataNodeGroup: dataGroup } : {}),
        ...(v.bedrockRole !== undefined ? { bedrockRoleArn: v.bedrockRole } : {}),
        backendPort: settings.ingress.backendPort,
        ingress: ingressHandover(v),
      }),
    );
}

/** The ingress half of the hand-over, from the Ingress component's outputs in either mode. */
function ingressHandover(v: {
  targetGroupArn?: string;
  loadBalancerIps?: string[];
  nginxIngress?: NginxIngressValues;
}): IngressHandover {
  if (v.nginxIngress !== undefined) return { mode: "controller", nginxIngress: v.nginxIngress };
  if (v.targetGroupArn === undefined || v.loadBalancerIps === undefined)
    throw new Error("alb mode without a target group or the load balancer's IPs");
  return { mode: "alb", targetGroupArn: v.targetGroupArn, loadBalancerIps: v.loadBalancerIps };
}

/**
 * `applicationIngress` (controller mode): the chart's `nginx.ingress` values that the Load Balancer
 * Controller builds the application's load balancer from (`deploy` left out), not secret, so that
 * the policy pack can hold them to its rules: `applicationSettings` is one secret value, made from
 * the components' outputs, and a preview sends an output with any part not known yet as one unknown
 * value (@pulumi/pulumi, runtime/rpc.ts serializeProperty), so a first preview could read nothing
 * of it. Here each value is its own output: what the config decides (scheme, TLS policy,
 * attributes) is plain text, computed by the function the Ingress component uses, and known at a
 * first preview; subnets, security group and certificate follow once they exist.
 */
export function applicationIngressOutput(
  settings: Settings,
  d: Deployment,
): Record<keyof Omit<NginxIngressValues, "deploy">, unknown> | undefined {
  const chart = d.ingress.nginxIngressValues;
  if (chart === undefined) return undefined;
  const i = settings.ingress;
  const fromConfig = nginxIngressValues({
    internal: i.internal,
    sslPolicy: i.sslPolicy,
    idleTimeoutSeconds: i.idleTimeoutSeconds,
    deletionProtection: i.deletionProtection,
    accessLogsBucket: i.accessLogsBucket,
    allowedCidrs: i.allowedCidrs,
    // Not decided by the config: taken from the component's values below.
    subnetIds: [],
    securityGroupId: "",
    certificateArn: "",
  });
  return {
    internal: fromConfig.internal,
    subnets: chart.apply((v) => v.subnets),
    secgroups: chart.apply((v) => v.secgroups),
    sslCertificate: chart.apply((v) => v.sslCertificate),
    awsSecurityPolicy: fromConfig.awsSecurityPolicy,
    awsAttributes: fromConfig.awsAttributes,
  };
}

/**
 * `platformReleases` (`platform.enabled: false`): the controllers' Helm releases for the second
 * stage that installs them from inside the network (README, "The second stage").
 */
export function platformReleasesOutput(
  settings: Settings,
  d: Deployment,
): pulumi.Output<Record<string, PlatformRelease>> {
  return pulumi
    .all([
      d.network.vpcId,
      d.cluster.loadBalancerControllerRoleArn,
      d.cluster.clusterAutoscalerRoleArn,
      d.ingress.albClassParams,
    ])
    .apply(([vpcId, lbcRole, autoscalerRole, albClassParams]) =>
      platformReleases({
        clusterName: settings.deploymentName,
        region: settings.region,
        vpcId,
        kubernetesVersion: settings.cluster.kubernetesVersion,
        loadBalancerControllerRoleArn: lbcRole,
        clusterAutoscalerRoleArn: autoscalerRole,
        albClassParams: { ...albClassParams },
      }),
    );
}

/** Every stack output; mode-dependent ones only in their mode. */
export function stackOutputs(settings: Settings, d: Deployment): Record<string, unknown> {
  const { network, storage, cluster, database, ingress } = d;
  const outputs: Record<string, unknown> = {
    region: settings.region,
    vpcId: network.vpcId,
    vpcCidr: network.vpcCidr,
    privateSubnetIds: network.privateSubnetIds,
    publicSubnetIds: network.publicSubnetIds,
    availabilityZones: network.availabilityZones,
    primaryAvailabilityZone: network.primaryAvailabilityZone,
    primaryAvailabilityZoneId: network.primaryAvailabilityZoneId,
    primaryPrivateSubnetId: network.primaryPrivateSubnetId,
    clusterName: cluster.clusterName,
    clusterEndpoint: cluster.endpoint,
    kubeconfig: cluster.kubeconfig,
    clickhouseDataVolumeId: storage.clickhouseDataVolumeId,
    clickhouseLogsVolumeId: storage.clickhouseLogsVolumeId,
    redisDataVolumeId: storage.redisDataVolumeId,
    volumesAvailabilityZone: storage.availabilityZone,
    clickhouseBackupBucket: storage.backupBucketName,
    clickhouseBackupBucketArn: storage.backupBucketArn,
    databaseEndpoint: database.address,
    databasePort: database.port,
    databaseName: database.databaseName,
    databaseUsername: database.username,
    databasePassword: database.password,
    databaseKmsKeyArn: database.kmsKeyArn,
    clickhouseBackupRoleArn: cluster.clickhouseBackupRoleArn,
    loadBalancerControllerRoleArn: cluster.loadBalancerControllerRoleArn,
    ebsCsiRoleArn: cluster.ebsCsiRoleArn,
    clusterAutoscalerRoleArn: cluster.clusterAutoscalerRoleArn,
    certificateArn: ingress.certificateArn,
    loadBalancerSecurityGroupId: ingress.securityGroupId,
    statefulSettings: d.statefulSettings,
    applicationSettings: pulumi.secret(applicationSettingsOutput(settings, d)),
  };
  if (d.platform) outputs.namespace = d.platform.namespace;
  else outputs.platformReleases = platformReleasesOutput(settings, d);
  if (settings.cluster.bedrock) outputs.bedrockRoleArn = cluster.bedrockRoleArn;
  if (settings.ingress.certificateArn === "")
    outputs.certificateValidationRecords = ingress.certificateValidationRecords;
  const applicationIngress = applicationIngressOutput(settings, d);
  if (applicationIngress !== undefined) outputs.applicationIngress = applicationIngress;
  if (settings.ingress.mode === "alb") {
    outputs.loadBalancerDnsName = ingress.loadBalancerDnsName;
    outputs.targetGroupArn = ingress.targetGroupArn;
    outputs.loadBalancerIps = ingress.loadBalancerIps;
  }
  if (d.access) {
    outputs.deploymentRoleArn = d.access.roleArn;
    outputs.deploymentRoleSwitchUrl = d.access.switchRoleUrl;
  }
  return outputs;
}
