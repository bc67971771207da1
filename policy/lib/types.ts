/**
 * Every type token that can express the same thing, so that a rule cannot be side-stepped by
 * declaring the same resource through another module or an older name.
 */

export const EBS_VOLUME = ["aws:ebs/volume:Volume"];
export const RDS_INSTANCE = ["aws:rds/instance:Instance"];
export const RDS_CLUSTER = ["aws:rds/cluster:Cluster"];
export const S3_BUCKET = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
export const S3_ENCRYPTION = [
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
export const S3_PUBLIC_ACCESS_BLOCK = ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"];
export const S3_BUCKET_ACL = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"];
export const KMS_KEY = ["aws:kms/key:Key"];
export const EKS_CLUSTER_AWS = ["aws:eks/cluster:Cluster"];
export const EKS_CLUSTER_COMPONENT = ["eks:index:Cluster"];
export const EKS_NODE_GROUP = ["aws:eks/nodeGroup:NodeGroup"];
export const LB_LISTENER = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
export const LB_LISTENER_RULE = ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"];
export const LOAD_BALANCER = [
  "aws:lb/loadBalancer:LoadBalancer",
  "aws:alb/loadBalancer:LoadBalancer",
  "aws:elb/loadBalancer:LoadBalancer",
];
export const INGRESS_CLASS_PARAMS = [
  "kubernetes:elbv2.k8s.aws/v1beta1:IngressClassParams",
  "kubernetes:elbv2.k8s.aws/v1:IngressClassParams",
];
export const SECURITY_GROUP = [
  "aws:ec2/securityGroup:SecurityGroup",
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
];
export const SG_INGRESS_RULE = ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"];
export const SG_RULE = ["aws:ec2/securityGroupRule:SecurityGroupRule"];
export const LAUNCH_TEMPLATE = ["aws:ec2/launchTemplate:LaunchTemplate"];
export const EC2_INSTANCE = ["aws:ec2/instance:Instance"];
export const SUBNET = ["aws:ec2/subnet:Subnet"];
export const DEFAULT_SUBNET = ["aws:ec2/defaultSubnet:DefaultSubnet"];
export const IAM_ROLE = ["aws:iam/role:Role"];
export const IAM_POLICY_DOCUMENT = [
  "aws:iam/policy:Policy",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/userPolicy:UserPolicy",
  "aws:iam/groupPolicy:GroupPolicy",
];

// The resources the API-limit rules read (names, descriptions, tags).
export const SG_EGRESS_RULE = ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"];
export const TARGET_GROUP = ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"];
export const RDS_PARAMETER_GROUP = ["aws:rds/parameterGroup:ParameterGroup"];
export const RDS_SUBNET_GROUP = ["aws:rds/subnetGroup:SubnetGroup"];
export const KMS_ALIAS = ["aws:kms/alias:Alias"];
export const IAM_POLICY = ["aws:iam/policy:Policy"];
export const IAM_INLINE_POLICY = ["aws:iam/rolePolicy:RolePolicy"];

/** The stack itself: its outputs are the stack's outputs (a stack rule sees them). */
export const PULUMI_STACK = ["pulumi:pulumi:Stack"];

export function isOneOf(type: string, tokens: readonly string[]): boolean {
  return tokens.includes(type);
}
