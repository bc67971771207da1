/**
 * The stack's outputs (../shared/CONFIG.md, "Outputs"): what each component exposes, and
 * `applicationSettings`, the object the application's Helm values are made from.
 */
import * as pulumi from "@pulumi/pulumi";

import type { Access } from "../components/access/access";
import type { Cluster } from "../components/cluster/cluster";
import { dataNodeGroup } from "../components/cluster/nodegroups";
import type { Database } from "../components/database/database";
import type { Ingress } from "../components/ingress/ingress";
import type { Network } from "../components/network/network";
import type { Platform } from "../components/platform/platform";
import type { Storage } from "../components/storage/storage";
import type { Settings } from "../config/settings";
import { applicationSettings } from "./application";
import type { StatefulSettings } from "./guard";

/** The deployment's components, as index.ts composed them. */
export interface Deployment {
  readonly network: Network;
  readonly storage: Storage;
  readonly cluster: Cluster;
  readonly database: Database;
  readonly ingress: Ingress;
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
      password: d.database.password,
      dataId: d.storage.clickhouseDataVolumeId,
      logsId: d.storage.clickhouseLogsVolumeId,
      redisId: d.storage.redisDataVolumeId,
      bucket: d.storage.backupBucketName,
      backupRole: d.cluster.clickhouseBackupRoleArn,
      bedrockRole: d.cluster.bedrockRoleArn,
      targetGroupArn: d.ingress.targetGroupArn,
      loadBalancerIps: d.ingress.loadBalancerIps,
      controllerValues: d.ingress.controllerValues,
    })
    .apply((v) =>
      applicationSettings({
        domain: settings.domain,
        clusterName: settings.deploymentName,
        vpcCidr: v.vpcCidr,
        region: settings.region,
        database: { address: v.address, port: v.port, name: "datafold", user: "datafold", password: v.password },
        volumes: {
          clickhouseData: { id: v.dataId, sizeGb: s.clickhouseData.sizeGb },
          clickhouseLogs: { id: v.logsId, sizeGb: s.clickhouseLogs.sizeGb },
          redisData: { id: v.redisId, sizeGb: s.redisData.sizeGb },
        },
        backup: { bucket: v.bucket, roleArn: v.backupRole },
        ...(dataGroup ? { dataNodeGroup: dataGroup } : {}),
        ...(v.bedrockRole !== undefined ? { bedrockRoleArn: v.bedrockRole } : {}),
        ...(v.targetGroupArn !== undefined ? { targetGroupArn: v.targetGroupArn } : {}),
        ...(v.loadBalancerIps !== undefined ? { loadBalancerIps: v.loadBalancerIps } : {}),
        ...(v.controllerValues !== undefined ? { ingress: v.controllerValues } : {}),
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
  if (settings.cluster.bedrock) outputs.bedrockRoleArn = cluster.bedrockRoleArn;
  if (settings.ingress.certificateArn === "")
    outputs.certificateValidationRecords = ingress.certificateValidationRecords;
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
