import { expect } from "chai";

import {
  bedrockPolicy,
  clickhouseBackupPolicy,
  clusterAutoscalerPolicy,
  ebsCsiKmsPolicy,
  irsaTrustPolicy,
  loadBalancerControllerPolicy,
  nodeManagedPolicyArns,
  serviceTrustPolicy,
} from "../../components/cluster/iam";

const OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC";
const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/ABC";

describe("cluster IAM documents", () => {
  describe("irsaTrustPolicy", () => {
    it("trusts one named service account through the cluster's provider, for STS only", () => {
      expect(
        irsaTrustPolicy(OIDC_ARN, ISSUER, [{ namespace: "kube-system", name: "cluster-autoscaler" }]),
      ).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Federated: OIDC_ARN },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
              StringEquals: {
                "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com",
                "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:kube-system:cluster-autoscaler",
              },
            },
          },
        ],
      });
    });

    it("lists several service accounts exactly, and strips https:// from the issuer", () => {
      const doc = irsaTrustPolicy(OIDC_ARN, `https://${ISSUER}`, [
        { namespace: "acme", name: "server" },
        { namespace: "acme", name: "worker" },
      ]);
      expect(doc.Statement[0].Condition).to.deep.equal({
        StringEquals: {
          "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com",
          "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": [
            "system:serviceaccount:acme:server",
            "system:serviceaccount:acme:worker",
          ],
        },
      });
      expect(JSON.stringify(doc)).to.not.contain("*");
      expect(JSON.stringify(doc)).to.not.contain("StringLike");
    });
  });

  it("lets only EC2 assume the node role", () => {
    expect(serviceTrustPolicy("ec2.amazonaws.com")).to.deep.equal({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
  });

  it("attaches the worker, CNI, ECR read-only and SSM policies to nodes, in the partition", () => {
    expect(nodeManagedPolicyArns("aws-us-gov")).to.deep.equal({
      worker: "arn:aws-us-gov:iam::aws:policy/AmazonEKSWorkerNodePolicy",
      cni: "arn:aws-us-gov:iam::aws:policy/AmazonEKS_CNI_Policy",
      ecr: "arn:aws-us-gov:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
      ssm: "arn:aws-us-gov:iam::aws:policy/AmazonSSMManagedInstanceCore",
    });
  });

  it("lets the autoscaler read freely but scale only groups tagged as this cluster's", () => {
    const doc = clusterAutoscalerPolicy("acme");
    expect(doc.Statement).to.have.length(2);
    expect(doc.Statement[1]).to.deep.equal({
      Sid: "ScaleThisClustersGroups",
      Effect: "Allow",
      Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
      Resource: "*",
      Condition: { StringEquals: { "aws:ResourceTag/k8s.io/cluster-autoscaler/acme": "owned" } },
    });
    const reads = doc.Statement[0].Action as string[];
    expect(reads.every((a) => /:(Describe|Get)/.test(a))).to.equal(true);
    expect(reads).to.include("eks:DescribeNodegroup");
  });

  describe("clickhouseBackupPolicy", () => {
    const bucket = "arn:aws:s3:::acme-clickhouse-backups-abc";
    it("lists the bucket and reads, writes and deletes its objects, nothing else", () => {
      expect(clickhouseBackupPolicy(bucket, "")).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          { Sid: "ListTheBucket", Effect: "Allow", Action: "s3:ListBucket", Resource: bucket },
          {
            Sid: "ReadWriteDeleteObjects",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            Resource: `${bucket}/*`,
          },
        ],
      });
    });
    it("may use the bucket's customer key when there is one", () => {
      const key = "arn:aws:kms:us-east-1:123456789012:key/k";
      expect(clickhouseBackupPolicy(bucket, key).Statement[2]).to.deep.equal({
        Sid: "UseTheBucketKey",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: key,
      });
    });
  });

  describe("Bedrock", () => {
    const models = "arn:aws:bedrock:eu-west-1::foundation-model/*";
    const profiles = [
      "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/*",
      "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/*",
    ];
    const policy = bedrockPolicy("aws", "eu-west-1", "123456789012");

    it("lets the application invoke, read, create and tag models and profiles of this region, and reach other regions' models only through them", () => {
      expect(policy).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "InvokeInThisRegion",
            Effect: "Allow",
            Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
            Resource: [models, ...profiles],
          },
          {
            Sid: "ModelsBehindTheProfiles",
            Effect: "Allow",
            Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
            Resource: "arn:aws:bedrock:*::foundation-model/*",
            Condition: { StringLike: { "bedrock:InferenceProfileArn": profiles } },
          },
          {
            Sid: "ReadModelsAndProfiles",
            Effect: "Allow",
            Action: ["bedrock:GetFoundationModel", "bedrock:GetInferenceProfile"],
            Resource: [models, ...profiles],
          },
          {
            Sid: "CreateApplicationProfiles",
            Effect: "Allow",
            Action: "bedrock:CreateInferenceProfile",
            Resource: [models, ...profiles],
          },
          {
            Sid: "TagApplicationProfiles",
            Effect: "Allow",
            Action: ["bedrock:TagResource", "bedrock:UntagResource", "bedrock:ListTagsForResource"],
            Resource: profiles[1],
          },
          {
            Sid: "ListModelsAndProfiles",
            Effect: "Allow",
            Action: ["bedrock:ListFoundationModels", "bedrock:ListInferenceProfiles"],
            Resource: "*",
          },
        ],
      });
    });

    it("grants every action the vendor's module grants its Bedrock roles, none on every resource but the two List actions", () => {
      // datafold/terraform-aws-datafold modules/eks/roles.tf (185ee2bb): bedrock_access_policy and
      // bedrock_access_policy_aip_only, both on "*" except the AIP-only invocation.
      const vendor = [
        "bedrock:TagResource",
        "bedrock:UntagResource",
        "bedrock:ListTagsForResource",
        "bedrock:CreateInferenceProfile",
        "bedrock:GetFoundationModel",
        "bedrock:GetInferenceProfile",
        "bedrock:InvokeModel",
        "bedrock:InvokeModelWithResponseStream",
        "bedrock:ListFoundationModels",
        "bedrock:ListInferenceProfiles",
      ];
      const granted = policy.Statement.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
      expect([...new Set(granted)].sort()).to.deep.equal([...vendor].sort());
      const onEverything = policy.Statement.filter((st) => st.Resource === "*").flatMap((st) => st.Action);
      expect(onEverything).to.deep.equal(["bedrock:ListFoundationModels", "bedrock:ListInferenceProfiles"]);
    });
  });

  it("gives the EBS CSI driver grants on the customer key for AWS resources only", () => {
    const key = "arn:aws:kms:us-east-1:123456789012:key/k";
    expect(ebsCsiKmsPolicy(key).Statement[0]).to.deep.equal({
      Sid: "GrantsForAwsResources",
      Effect: "Allow",
      Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
      Resource: key,
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
    });
  });

  describe("loadBalancerControllerPolicy", () => {
    const doc = loadBalancerControllerPolicy("aws");
    const json = JSON.stringify(doc);

    it("has the controller's 16 statements and fits an inline role policy (10,240 characters)", () => {
      expect(doc.Statement).to.have.length(16);
      expect(json.length).to.be.below(10240);
    });

    it("creates load balancers and target groups only with its cluster tag", () => {
      expect(doc.Statement.find((s) => JSON.stringify(s.Action).includes("CreateLoadBalancer"))).to.deep.equal({
        Effect: "Allow",
        Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
        Resource: "*",
        Condition: { Null: { "aws:RequestTag/elbv2.k8s.aws/cluster": "false" } },
      });
    });

    it("deletes load balancers, target groups and security groups only when they carry its tag", () => {
      for (const action of [
        "elasticloadbalancing:DeleteLoadBalancer",
        "elasticloadbalancing:DeleteTargetGroup",
        "ec2:DeleteSecurityGroup",
      ]) {
        const granting = doc.Statement.filter((s) =>
          (Array.isArray(s.Action) ? s.Action : [s.Action]).includes(action),
        );
        expect(granting, action).to.have.length(1);
        expect(granting[0].Condition, action).to.deep.equal({
          Null: { "aws:ResourceTag/elbv2.k8s.aws/cluster": "false" },
        });
      }
    });

    it("registers targets only in target groups, and uses the partition in ARNs", () => {
      expect(doc.Statement.find((s) => JSON.stringify(s.Action).includes("RegisterTargets"))).to.deep.equal({
        Effect: "Allow",
        Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
        Resource: "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*",
      });
      expect(JSON.stringify(loadBalancerControllerPolicy("aws-cn"))).to.contain(
        "arn:aws-cn:elasticloadbalancing:*:*:targetgroup/*/*",
      );
    });

    it("grants no action on every service (no service:* action)", () => {
      const actions = doc.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
      expect(actions.filter((a) => a.endsWith(":*") || a === "*")).to.deep.equal([]);
    });
  });
});
