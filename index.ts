/**
 * Composition root: the stack's settings (nothing is declared if they are invalid), the checks
 * that need the account's answers (nothing is declared if they fail), the components, the stack
 * outputs. The checks, the stored-data guard, the application settings and the outputs are in
 * stack/; the resources are in components/.
 */
import { Access } from "./components/access/access";
import { ApplicationSecrets } from "./components/application/application";
import { Cluster } from "./components/cluster/cluster";
import { Database } from "./components/database/database";
import { Ingress } from "./components/ingress/ingress";
import { Network } from "./components/network/network";
import { Platform } from "./components/platform/platform";
import { deploymentTags } from "./components/shared/tags";
import { Storage } from "./components/storage/storage";
import { loadSettings } from "./config";
import { preflight } from "./stack/preflight";
import { stackOutputs } from "./stack/outputs";

export = async function main() {
  const settings = loadSettings();
  // Lookups, the AZ choice and the stored-data guard: a refusal here declares nothing.
  const checked = await preflight(settings);
  const name = settings.deploymentName;
  const tags = deploymentTags(name, settings.tags);

  const network = new Network(name, {
    ...settings.network,
    availabilityZones: checked.zones,
    clusterName: name,
    tags,
  });

  const storage = new Storage(name, {
    ...settings.storage,
    availabilityZone: network.primaryAvailabilityZone,
    tags,
  });
  const cluster = new Cluster(name, {
    ...settings.cluster,
    clusterName: name,
    region: settings.region,
    applicationNamespace: name,
    vpcId: network.vpcId,
    privateSubnetIds: network.privateSubnetIdList,
    backupBucketArn: storage.backupBucketArn,
    storageKmsKeyArn: settings.storage.kmsKeyArn,
    providerCredentials: settings.credentials,
    tags,
  });
  const database = new Database(name, {
    ...settings.database,
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    clientSecurityGroupId: cluster.clusterSecurityGroupId,
    applyImmediately: checked.databaseApplyImmediately,
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
  const platform = settings.platform.enabled
    ? new Platform(
        name,
        {
          // As the identity deploying the stack (aws:profile, aws:assumeRoles), which EKS made an admin.
          kubeconfig: cluster.deployerKubeconfig,
          clusterName: name,
          region: settings.region,
          vpcId: network.vpcId,
          namespace: name,
          loadBalancerControllerRoleArn: cluster.loadBalancerControllerRoleArn,
          clusterAutoscalerRoleArn: cluster.clusterAutoscalerRoleArn,
          kubernetesVersion: settings.cluster.kubernetesVersion,
          labels: { "datafold.com/deployment": name },
          albClassParams: ingress.albClassParams,
        },
        // The controllers are pods: they need nodes to run on, and DNS to reach AWS.
        { dependsOn: [...cluster.nodeGroups, cluster.coreDns] },
      )
    : undefined;
  const applicationSecrets = new ApplicationSecrets(name);
  // The vendor's role; with access.clusterAccess also its cluster-admin access entry in this cluster.
  const access = settings.access.enabled
    ? new Access(name, {
        ...settings.access,
        tags,
        ...(settings.access.clusterAccess ? { clusterName: cluster.clusterName } : {}),
      })
    : undefined;

  return stackOutputs(settings, {
    network,
    storage,
    cluster,
    database,
    ingress,
    applicationSecrets,
    platform,
    access,
    statefulSettings: checked.statefulSettings,
  });
};
