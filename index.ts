/**
 * Composition root: validate the stack's config (nothing is declared if it is invalid), then
 * compose the components and export the stack outputs. No resource logic lives here.
 */
import { loadSettings } from "./config";
import { Network } from "./components/network/network";
import { deploymentTags } from "./components/shared/tags";

export = function main() {
  const settings = loadSettings();
  const tags = deploymentTags(settings.deploymentName, settings.tags);
  const name = settings.deploymentName;

  const network = new Network(name, { ...settings.network, clusterName: name, tags });

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
  };
};
