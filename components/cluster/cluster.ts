import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as pulumi from "@pulumi/pulumi";

import { protectedKey } from "../shared/kms";
import { nameTags, NODE_GROUP_TAG } from "../shared/tags";
import {
  BEDROCK_SERVICE_ACCOUNTS,
  bedrockPolicy,
  clickhouseBackupPolicy,
  clusterAutoscalerPolicy,
  ebsCsiKmsPolicy,
  ebsCsiManagedPolicyArn,
  irsaTrustPolicy,
  loadBalancerControllerPolicy,
  nodeManagedPolicyArns,
  type PolicyDocument,
  type ServiceAccount,
  serviceTrustPolicy,
} from "./iam";
import {
  type ClusterArgs,
  type ManagedAddon,
  type NodeGroupSettings,
  type ResolvedClusterArgs,
  withDefaults,
} from "./args";
import { ACCESS_POLICIES, CONTROL_PLANE_LOGS, principalSlug } from "./access";
import { deployerKubeconfig } from "./kubeconfig";
import { amiType, autoscalerTags, eksTaintEffect, subnetsForPlacement } from "./nodegroups";

/**
 * The EKS cluster: control plane (private and restricted public endpoint, secrets encrypted with
 * its own key, audit logs, API access entries), the OIDC provider and IRSA roles, managed node
 * groups on hardened launch templates, and the managed add-ons. The cluster itself comes from
 * @pulumi/eks; everything around it is declared here with @pulumi/aws so that it can be seen and
 * tested.
 */
export class Cluster extends pulumi.ComponentResource {
  readonly clusterName: pulumi.Output<string>;
  readonly endpoint: pulumi.Output<string>;
  /** Kubeconfig (JSON) for the cluster, as @pulumi/eks exports it (no AWS profile in it): a secret. */
  readonly kubeconfig: pulumi.Output<string>;
  /**
   * Kubeconfig (JSON) that gets its token as the identity deploying the stack (the profile and role
   * of `providerCredentials`, and the region): for this program's own Kubernetes provider. A secret.
   */
  readonly deployerKubeconfig: pulumi.Output<string>;
  /** The security group EKS attaches to the control plane and the managed nodes. */
  readonly clusterSecurityGroupId: pulumi.Output<string>;
  readonly oidcProviderArn: pulumi.Output<string>;
  readonly nodeRoleArn: pulumi.Output<string>;
  readonly ebsCsiRoleArn: pulumi.Output<string>;
  readonly loadBalancerControllerRoleArn: pulumi.Output<string>;
  readonly clusterAutoscalerRoleArn: pulumi.Output<string>;
  readonly clickhouseBackupRoleArn: pulumi.Output<string>;
  /** The Bedrock role's ARN, or undefined when Bedrock is off. */
  readonly bedrockRoleArn: pulumi.Output<string | undefined>;
  /** The node groups, for resources that must wait for nodes. */
  readonly nodeGroups: aws.eks.NodeGroup[];
  /** The CoreDNS add-on: workloads that call AWS need cluster DNS. */
  readonly coreDns: aws.eks.Addon;

  constructor(name: string, rawArgs: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("datafold:aws:Cluster", name, {}, opts);
    const args = withDefaults(rawArgs);
    const parent = { parent: this };
    const partition = aws.getPartitionOutput({}, parent).partition;
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;

    const secretsKey = protectedKey(
      this,
      `${name}-eks-secrets`,
      `${args.clusterName}: EKS secrets envelope encryption`,
      args.tags,
    );

    const cluster = new eks.Cluster(
      `${name}-eks`,
      {
        name: args.clusterName,
        version: args.kubernetesVersion,
        vpcId: args.vpcId,
        privateSubnetIds: [...args.privateSubnetIds],
        endpointPrivateAccess: true,
        endpointPublicAccess: args.endpointPublicAccess,
        ...(args.endpointPublicAccess ? { publicAccessCidrs: [...args.publicAccessCidrs] } : {}),
        authenticationMode: "API",
        encryptionConfigKeyArn: secretsKey.arn,
        enabledClusterLogTypes: CONTROL_PLANE_LOGS,
        // Nodes, add-ons, the OIDC provider and security groups are declared below, not by the component.
        skipDefaultNodeGroup: true,
        skipDefaultSecurityGroups: true,
        bootstrapSelfManagedAddons: false,
        useDefaultVpcCni: true,
        corednsAddonOptions: { enabled: false },
        kubeProxyAddonOptions: { enabled: false },
        createOidcProvider: false,
        deletionProtection: true,
        upgradePolicy: { supportType: args.supportType },
        // The identity the stack deploys as, when not the ambient one: the component writes its role
        // into the kubeconfig (`--role`); the profile is added to deployerKubeconfig below.
        ...(args.providerCredentials.profileName !== undefined || args.providerCredentials.roleArn !== undefined
          ? { providerCredentialOpts: { ...args.providerCredentials } }
          : {}),
        tags: nameTags(args.tags, args.clusterName),
      },
      parent,
    );
    const afterCluster = { parent: this, dependsOn: [cluster] };

    const oidc = new aws.iam.OpenIdConnectProvider(
      `${name}-oidc`,
      {
        url: pulumi.interpolate`https://${cluster.oidcIssuer}`,
        clientIdLists: ["sts.amazonaws.com"],
        tags: nameTags(args.tags, `${name}-oidc`),
      },
      parent,
    );

    // API access entries: cluster-admin for the administrators, read-only (Secrets included, which
    // Helm's release state needs) for the roles that run previews.
    const accessEntry = (role: keyof typeof ACCESS_POLICIES, arn: string, policy: string) => {
      const slug = `${name}-${role}-${principalSlug(arn)}`;
      const entry = new aws.eks.AccessEntry(
        slug,
        { clusterName: args.clusterName, principalArn: arn, type: "STANDARD", tags: nameTags(args.tags, slug) },
        afterCluster,
      );
      new aws.eks.AccessPolicyAssociation(
        slug,
        {
          clusterName: args.clusterName,
          principalArn: arn,
          policyArn: pulumi.interpolate`arn:${partition}:eks::aws:cluster-access-policy/${policy}`,
          accessScope: { type: "cluster" },
        },
        { parent: this, dependsOn: [entry] },
      );
    };
    args.adminRoleArns.forEach((arn) => accessEntry("admin", arn, ACCESS_POLICIES.admin));
    args.viewerRoleArns.forEach((arn) => accessEntry("viewer", arn, ACCESS_POLICIES.viewer));

    // IRSA: a role per workload, trusting only the named service accounts through this cluster's provider.
    const irsaRole = (
      role: string,
      accounts: ServiceAccount[],
      policy: pulumi.Input<PolicyDocument> | undefined,
      managedPolicyArn?: pulumi.Input<string>,
    ) => {
      const r = new aws.iam.Role(
        `${name}-${role}`,
        {
          description: `${args.clusterName}: IRSA for ${accounts.map((a) => `${a.namespace}/${a.name}`).join(", ")}`,
          assumeRolePolicy: pulumi
            .all([oidc.arn, cluster.oidcIssuer])
            .apply(([arn, issuer]) => JSON.stringify(irsaTrustPolicy(arn, issuer, accounts))),
          tags: nameTags(args.tags, `${name}-${role}`),
        },
        parent,
      );
      if (policy !== undefined) {
        new aws.iam.RolePolicy(
          `${name}-${role}`,
          { role: r.id, policy: pulumi.output(policy).apply((p) => JSON.stringify(p)) },
          parent,
        );
      }
      if (managedPolicyArn !== undefined)
        new aws.iam.RolePolicyAttachment(`${name}-${role}`, { role: r.name, policyArn: managedPolicyArn }, parent);
      return r;
    };
    const kubeSystem = (sa: string): ServiceAccount => ({ namespace: "kube-system", name: sa });
    const app = (sa: string): ServiceAccount => ({ namespace: args.applicationNamespace, name: sa });

    const ebsCsi = irsaRole(
      "ebs-csi",
      [kubeSystem("ebs-csi-controller-sa")],
      args.storageKmsKeyArn === "" ? undefined : ebsCsiKmsPolicy(args.storageKmsKeyArn),
      pulumi.output(partition).apply(ebsCsiManagedPolicyArn),
    );
    const lbc = irsaRole(
      "load-balancer-controller",
      [kubeSystem("aws-load-balancer-controller")],
      pulumi.output(partition).apply(loadBalancerControllerPolicy),
    );
    const autoscaler = irsaRole(
      "cluster-autoscaler",
      [kubeSystem("cluster-autoscaler")],
      clusterAutoscalerPolicy(args.clusterName),
    );
    const backup = irsaRole(
      "clickhouse-backup",
      [app("clickhouse")],
      pulumi.output(args.backupBucketArn).apply((arn) => clickhouseBackupPolicy(arn, args.storageKmsKeyArn)),
    );
    const bedrock = args.bedrock
      ? irsaRole(
          "bedrock",
          BEDROCK_SERVICE_ACCOUNTS.map(app),
          pulumi.all([partition, accountId]).apply(([p, account]) => bedrockPolicy(p, args.region, account)),
        )
      : undefined;

    const addon = (addonName: ManagedAddon, extra: Partial<aws.eks.AddonArgs>, dependsOn: pulumi.Resource[]) =>
      new aws.eks.Addon(
        `${name}-${addonName}`,
        {
          clusterName: args.clusterName,
          addonName,
          addonVersion:
            args.addonVersions[addonName] ??
            aws.eks.getAddonVersionOutput(
              { addonName, kubernetesVersion: args.kubernetesVersion, mostRecent: false },
              parent,
            ).version,
          resolveConflictsOnCreate: "OVERWRITE",
          resolveConflictsOnUpdate: "OVERWRITE",
          ...extra,
          tags: nameTags(args.tags, `${name}-${addonName}`),
        },
        { parent: this, dependsOn },
      );
    // Networking add-ons first: without them no node becomes Ready.
    const vpcCni = addon("vpc-cni", { configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }) }, [
      cluster,
    ]);
    const kubeProxy = addon("kube-proxy", {}, [cluster]);

    const nodeRole = new aws.iam.Role(
      `${name}-nodes`,
      {
        description: `${args.clusterName}: worker nodes`,
        assumeRolePolicy: JSON.stringify(serviceTrustPolicy("ec2.amazonaws.com")),
        tags: nameTags(args.tags, `${name}-nodes`),
      },
      parent,
    );
    const nodePolicies = ["worker", "cni", "ecr", "ssm"].map(
      (short) =>
        new aws.iam.RolePolicyAttachment(
          `${name}-nodes-${short}`,
          { role: nodeRole.name, policyArn: pulumi.output(partition).apply((p) => nodeManagedPolicyArns(p)[short]) },
          parent,
        ),
    );

    this.nodeGroups = args.nodeGroups.map((group) =>
      this.nodeGroup(name, args, group, nodeRole, [cluster, vpcCni, kubeProxy, ...nodePolicies]),
    );

    // CoreDNS and the EBS CSI driver run as pods: they become healthy only once nodes exist.
    this.coreDns = addon("coredns", {}, this.nodeGroups);
    addon("aws-ebs-csi-driver", { serviceAccountRoleArn: ebsCsi.arn }, this.nodeGroups);

    this.clusterName = cluster.kubeconfigJson.apply(() => args.clusterName);
    this.endpoint = cluster.core.endpoint;
    this.kubeconfig = pulumi.secret(cluster.kubeconfigJson);
    this.deployerKubeconfig = pulumi.secret(
      cluster.kubeconfigJson.apply((json) => deployerKubeconfig(json, args.region, args.providerCredentials)),
    );
    this.clusterSecurityGroupId = cluster.clusterSecurityGroupId;
    this.oidcProviderArn = oidc.arn;
    this.nodeRoleArn = nodeRole.arn;
    this.ebsCsiRoleArn = ebsCsi.arn;
    this.loadBalancerControllerRoleArn = lbc.arn;
    this.clusterAutoscalerRoleArn = autoscaler.arn;
    this.clickhouseBackupRoleArn = backup.arn;
    this.bedrockRoleArn = bedrock ? bedrock.arn : pulumi.output(undefined);
    this.registerOutputs({
      clusterName: this.clusterName,
      endpoint: this.endpoint,
      kubeconfig: this.kubeconfig,
      deployerKubeconfig: this.deployerKubeconfig,
      clusterSecurityGroupId: this.clusterSecurityGroupId,
      oidcProviderArn: this.oidcProviderArn,
      nodeRoleArn: this.nodeRoleArn,
      ebsCsiRoleArn: this.ebsCsiRoleArn,
      loadBalancerControllerRoleArn: this.loadBalancerControllerRoleArn,
      clusterAutoscalerRoleArn: this.clusterAutoscalerRoleArn,
      clickhouseBackupRoleArn: this.clickhouseBackupRoleArn,
      bedrockRoleArn: this.bedrockRoleArn,
    });
  }

  /** A managed node group on its own launch template: IMDSv2 only, encrypted gp3 root volume. */
  private nodeGroup(
    name: string,
    args: ResolvedClusterArgs,
    group: NodeGroupSettings,
    role: aws.iam.Role,
    dependsOn: pulumi.Resource[],
  ): aws.eks.NodeGroup {
    const groupName = `${name}-${group.name}`;
    const tags = nameTags(args.tags, groupName, { [NODE_GROUP_TAG]: group.name });
    const template = new aws.ec2.LaunchTemplate(
      groupName,
      {
        description: `${args.clusterName} node group ${group.name}`,
        updateDefaultVersion: true,
        // Hop limit 2: pods behind the VPC CNI are one hop further from the instance metadata service.
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 },
        blockDeviceMappings: [
          {
            deviceName: "/dev/xvda",
            ebs: { volumeSize: group.diskSizeGb, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
          },
        ],
        tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags })),
        tags,
      },
      { parent: this },
    );
    return new aws.eks.NodeGroup(
      groupName,
      {
        clusterName: args.clusterName,
        nodeRoleArn: role.arn,
        subnetIds: subnetsForPlacement(group.placement, args.privateSubnetIds),
        instanceTypes: [...group.instanceTypes],
        // Nodes follow the control plane's minor version (EKS refuses the next upgrade otherwise);
        // dependsOn the cluster makes the control plane go first.
        version: args.kubernetesVersion,
        amiType: amiType(group.instanceTypes),
        capacityType: "ON_DEMAND",
        scalingConfig: { minSize: group.minSize, maxSize: group.maxSize, desiredSize: group.desiredSize },
        updateConfig: { maxUnavailable: 1 },
        labels: { ...group.labels },
        taints: group.taints.map((t) => ({ key: t.key, value: t.value, effect: eksTaintEffect(t.effect) })),
        launchTemplate: { id: template.id, version: template.latestVersion.apply((v) => String(v)) },
        tags: { ...tags, ...autoscalerTags(args.clusterName) },
      },
      // The autoscaler owns the desired size once the group exists.
      { parent: this, dependsOn, ignoreChanges: ["scalingConfig.desiredSize"] },
    );
  }
}
