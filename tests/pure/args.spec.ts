import { expect } from "chai";

import * as access from "../../components/access/args";
import * as cluster from "../../components/cluster/args";
import * as database from "../../components/database/args";
import * as ingress from "../../components/ingress/args";
import * as network from "../../components/network/args";
import * as platform from "../../components/platform/args";
import * as storage from "../../components/storage/args";

const TAGS = { team: "data" };

describe("component arguments: withDefaults", () => {
  it("network: resolves every default, and keeps every value given", () => {
    // The component takes the chosen zones, not the requested ids (stack/zones.ts chooses them).
    const defaults = Object.fromEntries(
      Object.entries(network.NETWORK_DEFAULTS).filter(([key]) => key !== "availabilityZoneIds"),
    );
    expect(network.withDefaults({ clusterName: "acme" })).to.deep.equal({
      ...defaults,
      availabilityZones: [],
      clusterName: "acme",
      tags: {},
    });
    const given: Required<network.NetworkArgs> = {
      vpcId: "vpc-0123456789abcdef0",
      privateSubnetIds: ["subnet-0123456789abcdef0"],
      publicSubnetIds: ["subnet-0123456789abcdef1"],
      vpcCidr: "10.1.0.0/16",
      privateSubnetCidrs: ["10.1.0.0/24"],
      publicSubnetCidrs: [],
      availabilityZones: [{ name: "us-east-1d", id: "use1-az4" }],
      natGateway: "perAz",
      flowLogs: true,
      flowLogsRetentionDays: 30,
      clusterName: "acme",
      tags: TAGS,
    };
    expect(network.withDefaults(given)).to.deep.equal(given);
  });

  it("cluster: resolves every default, and fills each node group's own defaults", () => {
    const wiring = {
      clusterName: "acme",
      region: "us-east-1",
      applicationNamespace: "acme",
      vpcId: "vpc-0123456789abcdef0",
      privateSubnetIds: ["subnet-a", "subnet-b"],
      backupBucketArn: "arn:aws:s3:::acme-backups",
    };
    expect(cluster.withDefaults(wiring)).to.deep.equal({
      ...wiring,
      ...cluster.CLUSTER_DEFAULTS,
      storageKmsKeyArn: "",
      providerCredentials: {},
      tags: {},
    });
    const resolved = cluster.withDefaults({ ...wiring, nodeGroups: [{ name: "big", instanceTypes: ["m7i.4xlarge"] }] });
    expect(resolved.nodeGroups).to.deep.equal([
      {
        name: "big",
        instanceTypes: ["m7i.4xlarge"],
        minSize: 1,
        maxSize: 1,
        desiredSize: 1,
        diskSizeGb: 80,
        placement: "all",
        labels: {},
        taints: [],
      },
    ]);
    // desiredSize follows the group's minSize when not given.
    expect(
      cluster.nodeGroupWithDefaults({ name: "g", instanceTypes: ["t3.large"], minSize: 3, maxSize: 5 }).desiredSize,
    ).to.equal(3);
  });

  it("storage: resolves every default", () => {
    expect(storage.withDefaults({ availabilityZone: "us-east-1a" })).to.deep.equal({
      ...storage.STORAGE_DEFAULTS,
      availabilityZone: "us-east-1a",
      tags: {},
    });
    expect(storage.withDefaults({ availabilityZone: "us-east-1a", kmsKeyArn: "k", tags: TAGS }).kmsKeyArn).to.equal(
      "k",
    );
  });

  it("database: resolves every default", () => {
    const wiring = { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], clientSecurityGroupId: "sg-1" };
    expect(database.withDefaults(wiring)).to.deep.equal({
      ...wiring,
      ...database.DATABASE_DEFAULTS,
      applyImmediately: false,
      tags: {},
    });
    expect(database.withDefaults({ ...wiring, multiAz: true, deletionProtection: false })).to.include({
      multiAz: true,
      deletionProtection: false,
    });
  });

  it("ingress: resolves every default", () => {
    const wiring = { domain: "d.example.com", vpcId: "vpc-1", subnetIds: ["subnet-a"], nodeSecurityGroupId: "sg-1" };
    expect(ingress.withDefaults(wiring)).to.deep.equal({ ...wiring, ...ingress.INGRESS_DEFAULTS, tags: {} });
    expect(ingress.withDefaults({ ...wiring, mode: "controller", backendPort: 30080 })).to.include({
      mode: "controller",
      backendPort: 30080,
    });
  });

  it("platform: resolves every default", () => {
    const wiring = {
      kubeconfig: "{}",
      clusterName: "acme",
      region: "us-east-1",
      vpcId: "vpc-1",
      namespace: "acme",
      loadBalancerControllerRoleArn: "arn:aws:iam::123456789012:role/lbc",
      clusterAutoscalerRoleArn: "arn:aws:iam::123456789012:role/ca",
      kubernetesVersion: "1.35",
    };
    expect(platform.withDefaults(wiring)).to.deep.equal({ ...wiring, labels: {} });
  });

  it("access: resolves every default", () => {
    expect(access.withDefaults({})).to.deep.equal({ ...access.ACCESS_DEFAULTS, tags: {} });
    expect(access.withDefaults({ requireMfa: false, externalId: "x-1" })).to.include({
      requireMfa: false,
      externalId: "x-1",
      trustedAccountId: "710753145501",
    });
  });
});
