import { expect } from "chai";

import { principalSlug } from "../../components/cluster/access";
import { CLUSTER_DEFAULTS, type ClusterArgs } from "../../components/cluster/args";
import { Cluster } from "../../components/cluster/cluster";
import { bedrockPolicy, clusterAutoscalerPolicy, loadBalancerControllerPolicy } from "../../components/cluster/iam";
import { find, inputs, outputs, runComponents, shape } from "../helpers";

const TAGS = { "datafold:deployment": "acme" };
const SUBNETS = ["subnet-0000000000000000a", "subnet-0000000000000000b"];
const BUCKET_ARN = "arn:aws:s3:::acme-clickhouse-backups-abcdefgh";
const BASE: ClusterArgs = {
  clusterName: "acme",
  region: "us-east-1",
  applicationNamespace: "acme",
  vpcId: "vpc-0123456789abcdef0",
  privateSubnetIds: SUBNETS,
  publicAccessCidrs: ["203.0.113.0/24"],
  backupBucketArn: BUCKET_ARN,
  tags: TAGS,
};

function plan(args: Partial<ClusterArgs> = {}) {
  return runComponents(() => {
    const c = new Cluster("acme", { ...BASE, ...args });
    return {
      clusterName: c.clusterName,
      endpoint: c.endpoint,
      clusterSecurityGroupId: c.clusterSecurityGroupId,
      oidcProviderArn: c.oidcProviderArn,
      ebsCsiRoleArn: c.ebsCsiRoleArn,
      loadBalancerControllerRoleArn: c.loadBalancerControllerRoleArn,
      clusterAutoscalerRoleArn: c.clusterAutoscalerRoleArn,
      clickhouseBackupRoleArn: c.clickhouseBackupRoleArn,
      bedrockRoleArn: c.bedrockRoleArn.apply((arn) => arn ?? "none"),
      kubeconfig: c.kubeconfig,
      deployerKubeconfig: c.deployerKubeconfig,
    };
  });
}

/** The `aws` exec of a kubeconfig (JSON text): its arguments and environment. */
function tokenExec(kubeconfig: unknown): { args: string[]; env: unknown } {
  const config = JSON.parse(String(kubeconfig)) as { users: { user: { exec: { args: string[]; env: unknown } } }[] };
  expect(config.users).to.have.length(1);
  return config.users[0].user.exec;
}

const ISSUER_RE = /^oidc\.eks\.us-east-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/;

/** The trust policy's `sub` of a role, and checks of the rest of the trust. */
function trustedSubjects(run: Awaited<ReturnType<typeof plan>>, role: string): string | string[] {
  const trust = JSON.parse(inputs(find(run, "aws:iam/role:Role", `acme-${role}`)).assumeRolePolicy as string) as {
    Statement: {
      Principal: { Federated: string };
      Action: string;
      Condition: { StringEquals: Record<string, string | string[]> };
    }[];
  };
  expect(trust.Statement).to.have.length(1);
  const [s] = trust.Statement;
  expect(s.Principal.Federated).to.equal(
    (find(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "acme-oidc").outputs as { arn: string }).arn,
  );
  expect(s.Action).to.equal("sts:AssumeRoleWithWebIdentity");
  const keys = Object.keys(s.Condition.StringEquals);
  expect(keys.map((k) => k.replace(/^.*:/, ""))).to.deep.equal(["aud", "sub"]);
  expect(keys[0].replace(/:aud$/, "")).to.match(ISSUER_RE);
  expect(s.Condition.StringEquals[keys[0]]).to.equal("sts.amazonaws.com");
  return s.Condition.StringEquals[keys[1]];
}

describe("Cluster", () => {
  it("declares the control plane, OIDC provider, four IRSA roles, node role, two node groups and four add-ons", async () => {
    const run = await plan();
    expect(shape(run)).to.deep.equal([
      "aws:ec2/launchTemplate:LaunchTemplate acme-app",
      "aws:ec2/launchTemplate:LaunchTemplate acme-data",
      "aws:eks/addon:Addon acme-aws-ebs-csi-driver",
      "aws:eks/addon:Addon acme-coredns",
      "aws:eks/addon:Addon acme-kube-proxy",
      "aws:eks/addon:Addon acme-vpc-cni",
      "aws:eks/nodeGroup:NodeGroup acme-app",
      "aws:eks/nodeGroup:NodeGroup acme-data",
      "aws:iam/openIdConnectProvider:OpenIdConnectProvider acme-oidc",
      "aws:iam/role:Role acme-clickhouse-backup",
      "aws:iam/role:Role acme-cluster-autoscaler",
      "aws:iam/role:Role acme-ebs-csi",
      "aws:iam/role:Role acme-load-balancer-controller",
      "aws:iam/role:Role acme-nodes",
      "aws:iam/rolePolicy:RolePolicy acme-clickhouse-backup",
      "aws:iam/rolePolicy:RolePolicy acme-cluster-autoscaler",
      "aws:iam/rolePolicy:RolePolicy acme-load-balancer-controller",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-ebs-csi",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-nodes-cni",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-nodes-ecr",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-nodes-ssm",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-nodes-worker",
      "aws:kms/alias:Alias acme-eks-secrets",
      "aws:kms/key:Key acme-eks-secrets",
    ]);
    expect(run.resources.filter((r) => r.type === "eks:index:Cluster").map((r) => r.name)).to.deep.equal(["acme-eks"]);
  });

  it("creates the control plane in the private subnets with a restricted public endpoint, API auth, encrypted secrets, audit logs, no default nodes or add-ons", async () => {
    const run = await plan();
    const key = find(run, "aws:kms/key:Key", "acme-eks-secrets");
    expect(inputs(find(run, "eks:index:Cluster", "acme-eks"))).to.deep.equal({
      name: "acme",
      version: "1.35",
      vpcId: "vpc-0123456789abcdef0",
      privateSubnetIds: SUBNETS,
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: ["203.0.113.0/24"],
      authenticationMode: "API",
      encryptionConfigKeyArn: (key.outputs as { arn: string }).arn,
      enabledClusterLogTypes: ["api", "audit", "authenticator"],
      skipDefaultNodeGroup: true,
      skipDefaultSecurityGroups: true,
      bootstrapSelfManagedAddons: false,
      useDefaultVpcCni: true,
      // The SDK fills in the conflict defaults of the component's add-on options.
      corednsAddonOptions: {
        enabled: false,
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "OVERWRITE",
      },
      kubeProxyAddonOptions: {
        enabled: false,
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "OVERWRITE",
      },
      createOidcProvider: false,
      deletionProtection: true,
      upgradePolicy: { supportType: "STANDARD" },
      tags: { ...TAGS, Name: "acme" },
    });
    expect(inputs(key)).to.deep.equal({
      description: "acme: EKS secrets envelope encryption",
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags: { ...TAGS, Name: "acme-eks-secrets" },
    });
    expect(key.protect).to.equal(true);
  });

  it("leaves out public access CIDRs when the endpoint is private", async () => {
    const run = await plan({ endpointPublicAccess: false, publicAccessCidrs: [] });
    const c = inputs(find(run, "eks:index:Cluster", "acme-eks"));
    expect([c.endpointPublicAccess, c.publicAccessCidrs]).to.deep.equal([false, undefined]);
  });

  it("registers the cluster's OIDC issuer for STS", async () => {
    const run = await plan();
    const oidc = inputs(find(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "acme-oidc"));
    expect(oidc.clientIdLists).to.deep.equal(["sts.amazonaws.com"]);
    expect(String(oidc.url).replace("https://", "")).to.match(ISSUER_RE);
  });

  it("trusts each IRSA role to exactly its named service accounts", async () => {
    const run = await plan({ bedrock: true });
    expect(trustedSubjects(run, "ebs-csi")).to.equal("system:serviceaccount:kube-system:ebs-csi-controller-sa");
    expect(trustedSubjects(run, "load-balancer-controller")).to.equal(
      "system:serviceaccount:kube-system:aws-load-balancer-controller",
    );
    expect(trustedSubjects(run, "cluster-autoscaler")).to.equal("system:serviceaccount:kube-system:cluster-autoscaler");
    expect(trustedSubjects(run, "clickhouse-backup")).to.equal("system:serviceaccount:acme:clickhouse");
    expect(trustedSubjects(run, "bedrock")).to.deep.equal([
      "system:serviceaccount:acme:server",
      "system:serviceaccount:acme:worker",
      "system:serviceaccount:acme:worker-interactive",
      "system:serviceaccount:acme:datafold-dfshell",
      "system:serviceaccount:acme:dma",
    ]);
  });

  it("gives each IRSA role exactly its permission document", async () => {
    const run = await plan();
    const policy = (role: string) =>
      JSON.parse(inputs(find(run, "aws:iam/rolePolicy:RolePolicy", `acme-${role}`)).policy as string) as unknown;
    expect(policy("load-balancer-controller")).to.deep.equal(loadBalancerControllerPolicy("aws"));
    expect(policy("cluster-autoscaler")).to.deep.equal(clusterAutoscalerPolicy("acme"));
    expect(policy("clickhouse-backup")).to.deep.equal({
      Version: "2012-10-17",
      Statement: [
        { Sid: "ListTheBucket", Effect: "Allow", Action: "s3:ListBucket", Resource: BUCKET_ARN },
        {
          Sid: "ReadWriteDeleteObjects",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
          Resource: `${BUCKET_ARN}/*`,
        },
      ],
    });
    expect(inputs(find(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "acme-ebs-csi")).policyArn).to.equal(
      "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
    );
  });

  it("adds the Bedrock role with its policy only when Bedrock is on", async () => {
    const off = await plan();
    expect(off.resources.filter((r) => r.name.includes("bedrock"))).to.deep.equal([]);
    expect(outputs(off).bedrockRoleArn).to.equal("none");
    const on = await plan({ bedrock: true });
    expect(
      JSON.parse(inputs(find(on, "aws:iam/rolePolicy:RolePolicy", "acme-bedrock")).policy as string),
    ).to.deep.equal(bedrockPolicy("aws", "us-east-1", "123456789012"));
    expect(outputs(on).bedrockRoleArn).to.equal(
      (find(on, "aws:iam/role:Role", "acme-bedrock").outputs as { arn: string }).arn,
    );
  });

  it("builds each launch template with IMDSv2 only, hop limit 2 and an encrypted gp3 root volume of the group's size", async () => {
    const run = await plan();
    for (const group of CLUSTER_DEFAULTS.nodeGroups) {
      const tags = { ...TAGS, "datafold:node-group": group.name, Name: `acme-${group.name}` };
      expect(
        inputs(find(run, "aws:ec2/launchTemplate:LaunchTemplate", `acme-${group.name}`)),
        group.name,
      ).to.deep.equal({
        description: `acme node group ${group.name}`,
        updateDefaultVersion: true,
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 },
        blockDeviceMappings: [
          {
            deviceName: "/dev/xvda",
            ebs: { volumeSize: 80, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
          },
        ],
        tagSpecifications: [
          { resourceType: "instance", tags },
          { resourceType: "volume", tags },
          { resourceType: "network-interface", tags },
        ],
        tags,
      });
    }
  });

  it("runs the app group in every private subnet and the data group, labelled and tainted, in the primary AZ only", async () => {
    const run = await plan();
    const role = find(run, "aws:iam/role:Role", "acme-nodes");
    const group = (g: string) => inputs(find(run, "aws:eks/nodeGroup:NodeGroup", `acme-${g}`));
    const autoscaler = { "k8s.io/cluster-autoscaler/enabled": "true", "k8s.io/cluster-autoscaler/acme": "owned" };
    expect(group("app")).to.deep.equal({
      clusterName: "acme",
      nodeRoleArn: (role.outputs as { arn: string }).arn,
      subnetIds: SUBNETS,
      version: "1.35",
      instanceTypes: ["r7a.2xlarge"],
      amiType: "AL2023_x86_64_STANDARD",
      capacityType: "ON_DEMAND",
      scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 },
      updateConfig: { maxUnavailable: 1 },
      labels: {},
      taints: [],
      launchTemplate: { id: find(run, "aws:ec2/launchTemplate:LaunchTemplate", "acme-app").id, version: "1" },
      tags: { ...TAGS, "datafold:node-group": "app", Name: "acme-app", ...autoscaler },
    });
    const data = group("data");
    expect([data.subnetIds, data.labels, data.taints, data.scalingConfig]).to.deep.equal([
      [SUBNETS[0]],
      { "datafold.com/node-pool": "data" },
      [{ key: "clickhouse", value: "reserved", effect: "NO_SCHEDULE" }],
      { minSize: 1, maxSize: 1, desiredSize: 1 },
    ]);
  });

  it("leaves the desired size to the autoscaler and creates nodes after the cluster, networking add-ons and node policies", async () => {
    const run = await plan();
    const ng = find(run, "aws:eks/nodeGroup:NodeGroup", "acme-app");
    expect(ng.ignoreChanges).to.deep.equal(["scalingConfig.desiredSize"]);
    const urn = (type: string, name: string) => find(run, type, name).urn;
    expect(ng.dependencies).to.include.members([
      urn("eks:index:Cluster", "acme-eks"),
      urn("aws:eks/addon:Addon", "acme-vpc-cni"),
      urn("aws:eks/addon:Addon", "acme-kube-proxy"),
      urn("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "acme-nodes-worker"),
    ]);
    const coredns = find(run, "aws:eks/addon:Addon", "acme-coredns");
    expect(coredns.dependencies).to.include.members([ng.urn, urn("aws:eks/nodeGroup:NodeGroup", "acme-data")]);
  });

  it("installs the four managed add-ons at resolved or pinned versions, overwriting conflicts; vpc-cni enforces network policies", async () => {
    const run = await plan({ addonVersions: { coredns: "v1.11.4-eksbuild.2" } });
    const addon = (n: string) => inputs(find(run, "aws:eks/addon:Addon", `acme-${n}`));
    expect(addon("vpc-cni")).to.deep.equal({
      clusterName: "acme",
      addonName: "vpc-cni",
      // The world's default vpc-cni for Kubernetes 1.35 (plan/world.ts EKS_ADDON_DEFAULTS).
      addonVersion: "v1.21.1-eksbuild.1",
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
      tags: { ...TAGS, Name: "acme-vpc-cni" },
    });
    expect(addon("coredns").addonVersion).to.equal("v1.11.4-eksbuild.2");
    expect(addon("aws-ebs-csi-driver").serviceAccountRoleArn).to.equal(
      (find(run, "aws:iam/role:Role", "acme-ebs-csi").outputs as { arn: string }).arn,
    );
    expect(
      run.calls
        .filter((c) => c.token === "aws:eks/getAddonVersion:getAddonVersion")
        .map((c) => c.inputs.addonName)
        .sort(),
    ).to.deep.equal(["aws-ebs-csi-driver", "kube-proxy", "vpc-cni"]);
  });

  it("grants each admin ARN cluster-admin through an access entry", async () => {
    const admin = "arn:aws:iam::123456789012:role/PlatformAdmin";
    const ADMIN_NAME = `acme-admin-${principalSlug(admin)}`;
    const run = await plan({ adminRoleArns: [admin] });
    const entry = find(run, "aws:eks/accessEntry:AccessEntry", ADMIN_NAME);
    expect(inputs(entry)).to.deep.equal({
      clusterName: "acme",
      principalArn: admin,
      type: "STANDARD",
      tags: { ...TAGS, Name: ADMIN_NAME },
    });
    const assoc = find(run, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", ADMIN_NAME);
    expect(inputs(assoc)).to.deep.equal({
      clusterName: "acme",
      principalArn: admin,
      policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
      accessScope: { type: "cluster" },
    });
    expect(assoc.dependencies).to.include(entry.urn);
  });

  it("uses the customer storage key in the EBS CSI and backup roles when given", async () => {
    const key = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    const run = await plan({ storageKmsKeyArn: key });
    const csi = JSON.parse(inputs(find(run, "aws:iam/rolePolicy:RolePolicy", "acme-ebs-csi")).policy as string) as {
      Statement: { Resource: string }[];
    };
    expect(csi.Statement.map((s) => s.Resource)).to.deep.equal([key, key]);
    const backup = JSON.parse(
      inputs(find(run, "aws:iam/rolePolicy:RolePolicy", "acme-clickhouse-backup")).policy as string,
    ) as { Statement: unknown[] };
    expect(backup.Statement).to.have.length(3);
  });

  it("outputs the cluster's name, endpoint, security group and role ARNs", async () => {
    const run = await plan();
    const out = outputs(run);
    const arn = (role: string) => (find(run, "aws:iam/role:Role", `acme-${role}`).outputs as { arn: string }).arn;
    expect(out.clusterName).to.equal("acme");
    expect(out.endpoint).to.match(/^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
    expect(out.clusterSecurityGroupId).to.match(/^sg-[0-9a-f]{17}$/);
    expect([
      out.ebsCsiRoleArn,
      out.loadBalancerControllerRoleArn,
      out.clusterAutoscalerRoleArn,
      out.clickhouseBackupRoleArn,
    ]).to.deep.equal([
      arn("ebs-csi"),
      arn("load-balancer-controller"),
      arn("cluster-autoscaler"),
      arn("clickhouse-backup"),
    ]);
  });

  describe("the identity the in-cluster installs use", () => {
    const TOKEN = ["--region", "us-east-1", "eks", "get-token", "--cluster-name", "acme", "--output", "json"];
    const ENV = [{ name: "KUBERNETES_EXEC_INFO", value: '{"apiVersion": "client.authentication.k8s.io/v1beta1"}' }];

    it("with ambient credentials: no credential options, and the component's kubeconfig (with the region) as it is", async () => {
      const run = await plan();
      expect(inputs(find(run, "eks:index:Cluster", "acme-eks")).providerCredentialOpts).to.equal(undefined);
      const out = outputs(run);
      expect(tokenExec(out.deployerKubeconfig)).to.deep.equal({
        apiVersion: "client.authentication.k8s.io/v1beta1",
        command: "aws",
        args: TOKEN,
        env: ENV,
      });
      expect(out.deployerKubeconfig).to.equal(out.kubeconfig);
    });

    it("with aws:profile and an assumed role: both passed to the component, both in the installs' token command", async () => {
      const roleArn = "arn:aws:iam::123456789012:role/Deployer";
      const run = await plan({ providerCredentials: { profileName: "datafold-deploy", roleArn } });
      expect(inputs(find(run, "eks:index:Cluster", "acme-eks")).providerCredentialOpts).to.deep.equal({
        profileName: "datafold-deploy",
        roleArn,
      });
      const out = outputs(run);
      // The component writes the role, never the profile, into the kubeconfig it exports.
      expect(tokenExec(out.kubeconfig).args).to.deep.equal([...TOKEN, "--role", roleArn]);
      expect(tokenExec(out.deployerKubeconfig).args).to.deep.equal([
        ...TOKEN,
        "--role",
        roleArn,
        "--profile",
        "datafold-deploy",
      ]);
    });
  });

  it("plans three node groups", async () => {
    const g = (name: string) => ({ ...CLUSTER_DEFAULTS.nodeGroups[0], name });
    const run = await plan({ nodeGroups: [g("a"), g("b"), g("c")] });
    expect(run.resources.filter((r) => r.type === "aws:eks/nodeGroup:NodeGroup").map((r) => r.name)).to.have.members([
      "acme-a",
      "acme-b",
      "acme-c",
    ]);
  });
});
