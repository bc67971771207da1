/**
 * Composition root: validate the stack's config (nothing is declared if it is invalid), guard the
 * stored data against replacing changes, compose the components and export the stack outputs.
 * No resource logic lives here.
 */
import * as pulumi from "@pulumi/pulumi";

import { loadSettings } from "./config";
import { Access } from "./components/access/access";
import { Cluster } from "./components/cluster/cluster";
import { dataNodeGroup } from "./components/cluster/nodegroups";
import { Database } from "./components/database/database";
import { Ingress, ingressClassName } from "./components/ingress/ingress";
import { majorVersion } from "./components/database/engine";
import { Network } from "./components/network/network";
import { Platform } from "./components/platform/platform";
import { applicationSettings } from "./components/shared/application";
import { statefulChangeError, statefulChangeProblems, type StatefulSettings } from "./components/shared/stateful";
import { deploymentTags } from "./components/shared/tags";
import { Storage } from "./components/storage/storage";

export = function main() {
  const settings = loadSettings();
  const tags = deploymentTags(settings.deploymentName, settings.tags);
  const name = settings.deploymentName;

  const network = new Network(name, { ...settings.network, clusterName: name, tags });

  // What decides the identity of the stored data, exported so that the next run can compare.
  const stateful = network.primaryAvailabilityZoneId.apply((azId): StatefulSettings => ({
    primaryAvailabilityZoneId: azId,
    primaryAvailabilityZoneKey:
      settings.network.vpcId === "" ? "network.availabilityZoneIds" : "network.privateSubnetIds",
    storageKmsKeyArn: settings.storage.kmsKeyArn,
    volumeSizesGb: {
      clickhouseData: settings.storage.clickhouseData.sizeGb,
      clickhouseLogs: settings.storage.clickhouseLogs.sizeGb,
      redisData: settings.storage.redisData.sizeGb,
    },
    databaseEngineMajor: majorVersion(settings.database.engineVersion),
  }));
  const self = new pulumi.StackReference(`${name}-last-deployment`, {
    name: `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`,
  });
  const guard = pulumi.all([self.getOutput("statefulSettings"), stateful]).apply(([previous, current]) => {
    const problems = statefulChangeProblems(previous, current);
    if (problems.length > 0) throw statefulChangeError(problems);
    return true;
  });
  const guarded = <T>(value: pulumi.Input<T>) => pulumi.all([value, guard]).apply(([v]) => v);

  const storage = new Storage(name, {
    ...settings.storage,
    availabilityZone: guarded(network.primaryAvailabilityZone),
    tags,
  });
  const cluster = new Cluster(name, {
    ...settings.cluster,
    clusterName: name,
    region: settings.region,
    applicationNamespace: name,
    vpcId: network.vpcId,
    privateSubnetIds: network.privateSubnetIds,
    backupBucketArn: storage.backupBucketArn,
    storageKmsKeyArn: settings.storage.kmsKeyArn,
    tags,
  });
  const database = new Database(name, {
    ...settings.database,
    vpcId: network.vpcId,
    subnetIds: guarded(network.privateSubnetIds),
    clientSecurityGroupId: cluster.clusterSecurityGroupId,
    tags,
  });
  const ingress = new Ingress(name, {
    ...settings.ingress,
    domain: settings.domain,
    vpcId: network.vpcId,
    subnetIds: settings.ingress.internal ? network.privateSubnetIds : network.publicSubnetIds,
    nodeSecurityGroupId: cluster.clusterSecurityGroupId,
    tags,
  });
  const platform = new Platform(
    name,
    {
      kubeconfig: cluster.kubeconfig,
      clusterName: name,
      region: settings.region,
      vpcId: network.vpcId,
      namespace: name,
      loadBalancerControllerRoleArn: cluster.loadBalancerControllerRoleArn,
      clusterAutoscalerRoleArn: cluster.clusterAutoscalerRoleArn,
      kubernetesVersion: settings.cluster.kubernetesVersion,
      labels: { "datafold.com/deployment": name },
      ...(ingress.controllerValues
        ? {
            ingressClass: {
              name: ingressClassName(name),
              params: ingress.controllerValues.apply((v) => v.ingressClassParams),
            },
          }
        : {}),
    },
    // The controllers are pods: they need nodes to run on, and DNS to reach AWS.
    { dependsOn: [...cluster.nodeGroups, cluster.coreDns] },
  );

  const access = settings.access.enabled ? new Access(name, { ...settings.access, tags }) : undefined;

  const dataGroup = dataNodeGroup(settings.cluster.nodeGroups);
  const s = settings.storage;
  const appSettings = pulumi
    .output({
      vpcCidr: network.vpcCidr,
      address: database.address,
      port: database.port,
      password: database.password,
      dataId: storage.clickhouseDataVolumeId,
      logsId: storage.clickhouseLogsVolumeId,
      redisId: storage.redisDataVolumeId,
      bucket: storage.backupBucketName,
      backupRole: cluster.clickhouseBackupRoleArn,
      bedrockRole: cluster.bedrockRoleArn,
      targetGroupArn: ingress.targetGroupArn,
      loadBalancerIps: ingress.loadBalancerIps,
      controllerValues: ingress.controllerValues,
    })
    .apply((v) =>
      applicationSettings({
        domain: settings.domain,
        clusterName: name,
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

  return {
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
    namespace: platform.namespace,
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
    ...(settings.cluster.bedrock ? { bedrockRoleArn: cluster.bedrockRoleArn } : {}),
    loadBalancerControllerRoleArn: cluster.loadBalancerControllerRoleArn,
    ebsCsiRoleArn: cluster.ebsCsiRoleArn,
    clusterAutoscalerRoleArn: cluster.clusterAutoscalerRoleArn,
    certificateArn: ingress.certificateArn,
    ...(settings.ingress.certificateArn === ""
      ? { certificateValidationRecords: ingress.certificateValidationRecords }
      : {}),
    loadBalancerSecurityGroupId: ingress.securityGroupId,
    ...(settings.ingress.mode === "alb"
      ? {
          loadBalancerDnsName: ingress.loadBalancerDnsName,
          targetGroupArn: ingress.targetGroupArn,
          loadBalancerIps: ingress.loadBalancerIps,
        }
      : {}),
    ...(access ? { deploymentRoleArn: access.roleArn, deploymentRoleSwitchUrl: access.switchRoleUrl } : {}),
    statefulSettings: stateful,
    applicationSettings: pulumi.secret(appSettings),
  };
};
