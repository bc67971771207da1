/** Every rule of the pack, in report order. Imported by the pack and by the offline check. */
import type { Policies } from "@pulumi/policy";

import { awsResourceValidTags } from "./rules/aws/aws-resource-valid-tags";
import { ebsVolumeRequireEncryption } from "./rules/ebs/ebs-volume-require-encryption";
import { ebsVolumesSingleAz } from "./rules/ebs/ebs-volumes-single-az";
import { ec2LaunchTemplateValidName } from "./rules/ec2/ec2-launch-template-valid-name";
import { ec2NodesRequireImdsv2 } from "./rules/ec2/ec2-nodes-require-imdsv2";
import { ec2SecurityGroupNoInternetIngress } from "./rules/ec2/ec2-security-group-no-internet-ingress";
import { ec2SecurityGroupValidDescription } from "./rules/ec2/ec2-security-group-valid-description";
import { ec2SecurityGroupValidName } from "./rules/ec2/ec2-security-group-valid-name";
import { ec2SubnetNoPublicIpOnLaunch } from "./rules/ec2/ec2-subnet-no-public-ip-on-launch";
import { eksClusterRequireSecretsEncryption } from "./rules/eks/eks-cluster-require-secrets-encryption";
import { eksClusterRestrictPublicEndpoint } from "./rules/eks/eks-cluster-restrict-public-endpoint";
import { eksNodeGroupValidLabelsTaints } from "./rules/eks/eks-node-group-valid-labels-taints";
import { eksNodeGroupValidName } from "./rules/eks/eks-node-group-valid-name";
import { elbHttpListenerRulesRedirectOnly } from "./rules/elb/elb-http-listener-rules-redirect-only";
import { elbListenerHttpRedirectOnly } from "./rules/elb/elb-listener-http-redirect-only";
import { elbListenerRequireTlsPolicy } from "./rules/elb/elb-listener-require-tls-policy";
import { elbLoadBalancerValidName } from "./rules/elb/elb-load-balancer-valid-name";
import { elbTargetGroupValidName } from "./rules/elb/elb-target-group-valid-name";
import { iamPolicyNoAdminWildcard } from "./rules/iam/iam-policy-no-admin-wildcard";
import { iamPolicyValidName } from "./rules/iam/iam-policy-valid-name";
import { iamRoleCrossAccountTrustRestricted } from "./rules/iam/iam-role-cross-account-trust-restricted";
import { iamRoleIrsaTrustPinned } from "./rules/iam/iam-role-irsa-trust-pinned";
import { iamRoleValidName } from "./rules/iam/iam-role-valid-name";
import { k8sApplicationIngressRequireTlsPolicy } from "./rules/k8s/k8s-application-ingress-require-tls-policy";
import { k8sIngressClassParamsRequireTlsPolicy } from "./rules/k8s/k8s-ingress-class-params-require-tls-policy";
import { kmsAliasValidName } from "./rules/kms/kms-alias-valid-name";
import { kmsKeyRequireRotation } from "./rules/kms/kms-key-require-rotation";
import { pulumiStatefulResourcesProtected } from "./rules/pulumi/pulumi-stateful-resources-protected";
import { rdsInstanceMinBackupRetention } from "./rules/rds/rds-instance-min-backup-retention";
import { rdsInstanceNoPublicAccess } from "./rules/rds/rds-instance-no-public-access";
import { rdsInstanceValidIdentifier } from "./rules/rds/rds-instance-valid-identifier";
import { rdsInstanceRequireCmkEncryption } from "./rules/rds/rds-instance-require-cmk-encryption";
import { rdsInstanceRequireDeletionProtection } from "./rules/rds/rds-instance-require-deletion-protection";
import { rdsParameterGroupValidName } from "./rules/rds/rds-parameter-group-valid-name";
import { s3BucketBlockPublicAccess } from "./rules/s3/s3-bucket-block-public-access";
import { s3BucketNoPublicAcl } from "./rules/s3/s3-bucket-no-public-acl";
import { s3BucketRequireEncryption } from "./rules/s3/s3-bucket-require-encryption";
import { s3BucketValidName } from "./rules/s3/s3-bucket-valid-name";

export const policies: Policies = [
  // Encryption
  ebsVolumeRequireEncryption,
  rdsInstanceRequireCmkEncryption,
  s3BucketRequireEncryption,
  kmsKeyRequireRotation,
  eksClusterRequireSecretsEncryption,
  // TLS
  elbListenerRequireTlsPolicy,
  elbListenerHttpRedirectOnly,
  elbHttpListenerRulesRedirectOnly,
  k8sIngressClassParamsRequireTlsPolicy,
  k8sApplicationIngressRequireTlsPolicy,
  // Placement
  ebsVolumesSingleAz,
  // Exposure
  rdsInstanceNoPublicAccess,
  ec2SecurityGroupNoInternetIngress,
  eksClusterRestrictPublicEndpoint,
  s3BucketBlockPublicAccess,
  s3BucketNoPublicAcl,
  ec2NodesRequireImdsv2,
  ec2SubnetNoPublicIpOnLaunch,
  // Data safety
  rdsInstanceMinBackupRetention,
  rdsInstanceRequireDeletionProtection,
  pulumiStatefulResourcesProtected,
  // Identity
  iamRoleIrsaTrustPinned,
  iamRoleCrossAccountTrustRestricted,
  iamPolicyNoAdminWildcard,
  // AWS API limits: what the APIs refuse at create time and the provider does not check
  ec2SecurityGroupValidDescription,
  ec2SecurityGroupValidName,
  ec2LaunchTemplateValidName,
  elbLoadBalancerValidName,
  elbTargetGroupValidName,
  rdsInstanceValidIdentifier,
  rdsParameterGroupValidName,
  s3BucketValidName,
  kmsAliasValidName,
  iamRoleValidName,
  iamPolicyValidName,
  eksNodeGroupValidName,
  eksNodeGroupValidLabelsTaints,
  awsResourceValidTags,
];

/** The API-limit rules: the group a plan is held to so that no name, description or tag breaks an API. */
export const apiLimitPolicies: Policies = policies.slice(policies.indexOf(ec2SecurityGroupValidDescription));
