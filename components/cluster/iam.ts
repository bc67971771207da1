/**
 * IAM trust and permission documents for the cluster, as plain functions of plain values: what
 * each role may do is data, tested statement by statement. No Pulumi import.
 */
import { type PolicyDocument, policyDocument as doc, type Statement } from "../shared/iam";

export type { PolicyDocument };

/** A Kubernetes service account, as IRSA's `sub` names it. */
export interface ServiceAccount {
  readonly namespace: string;
  readonly name: string;
}

export function serviceAccountSubject(sa: ServiceAccount): string {
  return `system:serviceaccount:${sa.namespace}:${sa.name}`;
}

/**
 * IRSA trust: only the cluster's OIDC provider, only for tokens meant for STS, only for the named
 * service accounts (exact names, no wildcards).
 */
export function irsaTrustPolicy(
  oidcProviderArn: string,
  oidcIssuer: string,
  accounts: readonly ServiceAccount[],
): PolicyDocument {
  const issuer = oidcIssuer.replace(/^https:\/\//, "");
  const subjects = accounts.map(serviceAccountSubject);
  return doc({
    Effect: "Allow",
    Principal: { Federated: oidcProviderArn },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: {
        [`${issuer}:aud`]: "sts.amazonaws.com",
        [`${issuer}:sub`]: subjects.length === 1 ? subjects[0] : subjects,
      },
    },
  });
}

/** Trust for an AWS service principal (EC2 for nodes). */
export function serviceTrustPolicy(service: string): PolicyDocument {
  return doc({ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" });
}

/** The managed policies the worker nodes need, by short name. */
export function nodeManagedPolicyArns(partition: string): Record<string, string> {
  return {
    worker: `arn:${partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy`,
    cni: `arn:${partition}:iam::aws:policy/AmazonEKS_CNI_Policy`,
    ecr: `arn:${partition}:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly`,
    ssm: `arn:${partition}:iam::aws:policy/AmazonSSMManagedInstanceCore`,
  };
}

export function ebsCsiManagedPolicyArn(partition: string): string {
  return `arn:${partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy`;
}

/** What the EBS CSI driver needs on a customer KMS key to attach volumes encrypted with it. */
export function ebsCsiKmsPolicy(kmsKeyArn: string): PolicyDocument {
  return doc(
    {
      Sid: "GrantsForAwsResources",
      Effect: "Allow",
      Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
      Resource: kmsKeyArn,
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
    },
    {
      Sid: "UseTheKey",
      Effect: "Allow",
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: kmsKeyArn,
    },
  );
}

/**
 * The cluster autoscaler: read what it needs to plan, and scale only the groups tagged as this
 * cluster's (EKS tags its managed node groups' Auto Scaling groups so).
 */
export function clusterAutoscalerPolicy(clusterName: string): PolicyDocument {
  return doc(
    {
      Sid: "Discover",
      Effect: "Allow",
      Action: [
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:DescribeAutoScalingInstances",
        "autoscaling:DescribeLaunchConfigurations",
        "autoscaling:DescribeScalingActivities",
        "autoscaling:DescribeTags",
        "ec2:DescribeImages",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:GetInstanceTypesFromInstanceRequirements",
        "eks:DescribeNodegroup",
      ],
      Resource: "*",
    },
    {
      Sid: "ScaleThisClustersGroups",
      Effect: "Allow",
      Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
      Resource: "*",
      Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned" } },
    },
  );
}

/** ClickHouse backups: list the bucket, read, write and delete its objects; nothing else. */
export function clickhouseBackupPolicy(bucketArn: string, kmsKeyArn: string): PolicyDocument {
  const statements: Statement[] = [
    { Sid: "ListTheBucket", Effect: "Allow", Action: "s3:ListBucket", Resource: bucketArn },
    {
      Sid: "ReadWriteDeleteObjects",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      Resource: `${bucketArn}/*`,
    },
  ];
  if (kmsKeyArn !== "") {
    statements.push({
      Sid: "UseTheBucketKey",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: kmsKeyArn,
    });
  }
  return doc(...statements);
}

/**
 * Bedrock, for the application's Bedrock-using service accounts, in the stack's region only (DMA is
 * told the same region: `dma.dma.bedrock_region` in applicationSettings).
 *
 * Compared with what the vendor's module grants (datafold/terraform-aws-datafold, modules/eks/roles.tf
 * at 185ee2bb: `bedrock_access_policy` for server, worker, worker-interactive and dfshell;
 * `bedrock_access_policy_aip_only` for DMA): the application lists models and inference profiles,
 * reads them, creates application inference profiles and tags them (for cost tracking), and invokes
 * models directly, through system-defined (cross-region) inference profiles and through
 * application inference profiles. Those actions are all granted here: without
 * CreateInferenceProfile, TagResource or the application-inference-profile resources, the
 * application's profile calls would be denied. What differs is the scope, decided so:
 * - the vendor grants every action on "*"; here each action names the resources the Service
 *   Authorization Reference lets it name (docs.aws.amazon.com/service-authorization/latest/reference/
 *   list_amazonbedrock.html; the pattern of docs.aws.amazon.com/bedrock/latest/userguide/
 *   inference-profiles-prereq.html): this account's profiles in this region, and foundation models
 *   in other regions only behind such a profile (`bedrock:InferenceProfileArn`), as cross-region
 *   profiles need. Only the two List actions, which take no resource, stay on "*".
 * - the vendor gives DMA a role of its own that may invoke only through application inference
 *   profiles; the contract has one Bedrock role for the five service accounts, so DMA holds the same
 *   rights as the others, which include what the vendor grants it.
 * - DeleteInferenceProfile is granted by neither.
 */
export function bedrockPolicy(partition: string, region: string, accountId: string): PolicyDocument {
  const models = `arn:${partition}:bedrock:${region}::foundation-model/*`;
  const profiles = [
    `arn:${partition}:bedrock:${region}:${accountId}:inference-profile/*`,
    `arn:${partition}:bedrock:${region}:${accountId}:application-inference-profile/*`,
  ];
  const applicationProfiles = profiles[1];
  const invoke = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
  return doc(
    {
      Sid: "InvokeInThisRegion",
      Effect: "Allow",
      Action: invoke,
      Resource: [models, ...profiles],
    },
    {
      Sid: "ModelsBehindTheProfiles",
      Effect: "Allow",
      Action: invoke,
      Resource: `arn:${partition}:bedrock:*::foundation-model/*`,
      Condition: { StringLike: { "bedrock:InferenceProfileArn": profiles } },
    },
    {
      Sid: "ReadModelsAndProfiles",
      Effect: "Allow",
      Action: ["bedrock:GetFoundationModel", "bedrock:GetInferenceProfile"],
      Resource: [models, ...profiles],
    },
    {
      // CreateInferenceProfile is authorized on the new profile and on the model or system-defined
      // profile it copies (inference-profiles-prereq.html).
      Sid: "CreateApplicationProfiles",
      Effect: "Allow",
      Action: "bedrock:CreateInferenceProfile",
      Resource: [models, ...profiles],
    },
    {
      Sid: "TagApplicationProfiles",
      Effect: "Allow",
      Action: ["bedrock:TagResource", "bedrock:UntagResource", "bedrock:ListTagsForResource"],
      Resource: applicationProfiles,
    },
    {
      Sid: "ListModelsAndProfiles",
      Effect: "Allow",
      Action: ["bedrock:ListFoundationModels", "bedrock:ListInferenceProfiles"],
      Resource: "*",
    },
  );
}

/**
 * dfshell's service account. The vendor's chart names it `dfshell.serviceAccount.name`, default
 * `datafold-dfshell` (datafold/helm-charts 0.10.110, charts/datafold/charts/dfshell/values.yaml line
 * 19, templates/serviceaccount.yaml line 5); applicationSettings sets that value to this name, so
 * the trust and the chart cannot drift apart. (The vendor's own module pins `dfshell`, which the
 * chart does not use.)
 */
export const DFSHELL_SERVICE_ACCOUNT = "datafold-dfshell";

/**
 * The vendor's chart's components that call Bedrock (their values key) and the service account each
 * runs on (chart 0.10.110): server and worker take the chart's name, worker-interactive the alias
 * (charts/server/templates/_helpers.tpl 85-91, charts/worker/templates/_helpers.tpl 36-42), dma a
 * fixed `dma` (charts/dma/templates/_helpers.tpl 106-108), dfshell the name above.
 */
export const BEDROCK_COMPONENTS = {
  server: "server",
  worker: "worker",
  "worker-interactive": "worker-interactive",
  dfshell: DFSHELL_SERVICE_ACCOUNT,
  dma: "dma",
} as const;

/** The service accounts the Bedrock role trusts. */
export const BEDROCK_SERVICE_ACCOUNTS = Object.values(BEDROCK_COMPONENTS);

const LBC_TAG = "elbv2.k8s.aws/cluster";

/**
 * The AWS Load Balancer Controller's permissions, statement for statement those the controller's
 * project publishes for v2: read what it reconciles, create load balancers, target groups and
 * security groups only with its cluster tag, and change or delete only what carries that tag.
 */
export function loadBalancerControllerPolicy(partition: string): PolicyDocument {
  const arn = (service: string, resource: string) => `arn:${partition}:${service}:*:*:${resource}`;
  const elb = (resource: string) => arn("elasticloadbalancing", resource);
  const balancers = [elb("targetgroup/*/*"), elb("loadbalancer/net/*/*"), elb("loadbalancer/app/*/*")];
  return doc(
    {
      Effect: "Allow",
      Action: "iam:CreateServiceLinkedRole",
      Resource: "*",
      Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
    },
    {
      Effect: "Allow",
      Action: [
        "ec2:DescribeAccountAttributes",
        "ec2:DescribeAddresses",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeInternetGateways",
        "ec2:DescribeVpcs",
        "ec2:DescribeVpcPeeringConnections",
        "ec2:DescribeSubnets",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeInstances",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeTags",
        "ec2:GetCoipPoolUsage",
        "ec2:DescribeCoipPools",
        "ec2:GetSecurityGroupsForVpc",
        "ec2:DescribeIpamPools",
        "ec2:DescribeRouteTables",
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeListenerCertificates",
        "elasticloadbalancing:DescribeSSLPolicies",
        "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeTargetGroupAttributes",
        "elasticloadbalancing:DescribeTargetHealth",
        "elasticloadbalancing:DescribeTags",
        "elasticloadbalancing:DescribeTrustStores",
        "elasticloadbalancing:DescribeListenerAttributes",
        "elasticloadbalancing:DescribeCapacityReservation",
      ],
      Resource: "*",
    },
    {
      Effect: "Allow",
      Action: [
        "cognito-idp:DescribeUserPoolClient",
        "acm:ListCertificates",
        "acm:DescribeCertificate",
        "iam:ListServerCertificates",
        "iam:GetServerCertificate",
        "waf-regional:GetWebACL",
        "waf-regional:GetWebACLForResource",
        "waf-regional:AssociateWebACL",
        "waf-regional:DisassociateWebACL",
        "wafv2:GetWebACL",
        "wafv2:GetWebACLForResource",
        "wafv2:AssociateWebACL",
        "wafv2:DisassociateWebACL",
        "shield:GetSubscriptionState",
        "shield:DescribeProtection",
        "shield:CreateProtection",
        "shield:DeleteProtection",
      ],
      Resource: "*",
    },
    { Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], Resource: "*" },
    { Effect: "Allow", Action: "ec2:CreateSecurityGroup", Resource: "*" },
    {
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: arn("ec2", "security-group/*"),
      Condition: {
        StringEquals: { "ec2:CreateAction": "CreateSecurityGroup" },
        Null: { [`aws:RequestTag/${LBC_TAG}`]: "false" },
      },
    },
    {
      Effect: "Allow",
      Action: ["ec2:CreateTags", "ec2:DeleteTags"],
      Resource: arn("ec2", "security-group/*"),
      Condition: { Null: { [`aws:RequestTag/${LBC_TAG}`]: "true", [`aws:ResourceTag/${LBC_TAG}`]: "false" } },
    },
    {
      Effect: "Allow",
      Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"],
      Resource: "*",
      Condition: { Null: { [`aws:ResourceTag/${LBC_TAG}`]: "false" } },
    },
    {
      Effect: "Allow",
      Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
      Resource: "*",
      Condition: { Null: { [`aws:RequestTag/${LBC_TAG}`]: "false" } },
    },
    {
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:DeleteListener",
        "elasticloadbalancing:CreateRule",
        "elasticloadbalancing:DeleteRule",
      ],
      Resource: "*",
    },
    {
      Effect: "Allow",
      Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
      Resource: balancers,
      Condition: { Null: { [`aws:RequestTag/${LBC_TAG}`]: "true", [`aws:ResourceTag/${LBC_TAG}`]: "false" } },
    },
    {
      Effect: "Allow",
      Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
      Resource: [
        elb("listener/net/*/*/*"),
        elb("listener/app/*/*/*"),
        elb("listener-rule/net/*/*/*"),
        elb("listener-rule/app/*/*/*"),
      ],
    },
    {
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:ModifyLoadBalancerAttributes",
        "elasticloadbalancing:SetIpAddressType",
        "elasticloadbalancing:SetSecurityGroups",
        "elasticloadbalancing:SetSubnets",
        "elasticloadbalancing:DeleteLoadBalancer",
        "elasticloadbalancing:ModifyTargetGroup",
        "elasticloadbalancing:ModifyTargetGroupAttributes",
        "elasticloadbalancing:DeleteTargetGroup",
        "elasticloadbalancing:ModifyListenerAttributes",
        "elasticloadbalancing:ModifyCapacityReservation",
        "elasticloadbalancing:ModifyIpPools",
      ],
      Resource: "*",
      Condition: { Null: { [`aws:ResourceTag/${LBC_TAG}`]: "false" } },
    },
    {
      Effect: "Allow",
      Action: "elasticloadbalancing:AddTags",
      Resource: balancers,
      Condition: {
        StringEquals: { "elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"] },
        Null: { [`aws:RequestTag/${LBC_TAG}`]: "false" },
      },
    },
    {
      Effect: "Allow",
      Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
      Resource: elb("targetgroup/*/*"),
    },
    {
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:SetWebAcl",
        "elasticloadbalancing:ModifyListener",
        "elasticloadbalancing:AddListenerCertificates",
        "elasticloadbalancing:RemoveListenerCertificates",
        "elasticloadbalancing:ModifyRule",
        "elasticloadbalancing:SetRulePriorities",
      ],
      Resource: "*",
    },
  );
}
