/** Every rule of the pack, in report order. Imported by the pack and by the offline check. */
import type { Policies } from "@pulumi/policy";

import { ebsVolumeRequireEncryption } from "./rules/ebs/ebs-volume-require-encryption";
import { ebsVolumesSingleAz } from "./rules/ebs/ebs-volumes-single-az";
import { ec2NodesRequireImdsv2 } from "./rules/ec2/ec2-nodes-require-imdsv2";
import { ec2SecurityGroupNoInternetIngress } from "./rules/ec2/ec2-security-group-no-internet-ingress";
import { ec2SubnetNoPublicIpOnLaunch } from "./rules/ec2/ec2-subnet-no-public-ip-on-launch";
import { eksClusterRequireSecretsEncryption } from "./rules/eks/eks-cluster-require-secrets-encryption";
import { eksClusterRestrictPublicEndpoint } from "./rules/eks/eks-cluster-restrict-public-endpoint";
import { elbHttpListenerRulesRedirectOnly } from "./rules/elb/elb-http-listener-rules-redirect-only";
import { elbListenerHttpRedirectOnly } from "./rules/elb/elb-listener-http-redirect-only";
import { elbListenerRequireTlsPolicy } from "./rules/elb/elb-listener-require-tls-policy";
import { iamPolicyNoAdminWildcard } from "./rules/iam/iam-policy-no-admin-wildcard";
import { iamRoleCrossAccountTrustRestricted } from "./rules/iam/iam-role-cross-account-trust-restricted";
import { iamRoleIrsaTrustPinned } from "./rules/iam/iam-role-irsa-trust-pinned";
import { k8sIngressClassParamsRequireTlsPolicy } from "./rules/k8s/k8s-ingress-class-params-require-tls-policy";
import { kmsKeyRequireRotation } from "./rules/kms/kms-key-require-rotation";
import { pulumiStatefulResourcesProtected } from "./rules/pulumi/pulumi-stateful-resources-protected";
import { rdsInstanceMinBackupRetention } from "./rules/rds/rds-instance-min-backup-retention";
import { rdsInstanceNoPublicAccess } from "./rules/rds/rds-instance-no-public-access";
import { rdsInstanceRequireCmkEncryption } from "./rules/rds/rds-instance-require-cmk-encryption";
import { rdsInstanceRequireDeletionProtection } from "./rules/rds/rds-instance-require-deletion-protection";
import { s3BucketBlockPublicAccess } from "./rules/s3/s3-bucket-block-public-access";
import { s3BucketNoPublicAcl } from "./rules/s3/s3-bucket-no-public-acl";
import { s3BucketRequireEncryption } from "./rules/s3/s3-bucket-require-encryption";

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
];
