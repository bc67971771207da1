import type { ResourceValidationPolicy } from "@pulumi/policy";

import { EKS_CLUSTER_AWS, EKS_CLUSTER_COMPONENT, isOneOf } from "../../lib/types";
import { asList, isRecord, propsOf } from "../../lib/values";

export const eksClusterRequireSecretsEncryption: ResourceValidationPolicy = {
  name: "eks-cluster-require-secrets-encryption",
  description: "EKS clusters envelope-encrypt Kubernetes secrets with a KMS key.",
  validateResource: (args, report) => {
    const props = propsOf(args);
    if (isOneOf(args.type, EKS_CLUSTER_COMPONENT)) {
      const key = props.encryptionConfigKeyArn;
      if (typeof key !== "string" || key === "")
        report(`EKS cluster ${args.name} must encrypt secrets with a KMS key (encryptionConfigKeyArn); it has none.`);
    } else if (isOneOf(args.type, EKS_CLUSTER_AWS)) {
      const config = props.encryptionConfig;
      const ok =
        isRecord(config) &&
        asList(config.resources).includes("secrets") &&
        isRecord(config.provider) &&
        typeof config.provider.keyArn === "string";
      if (!ok)
        report(
          `EKS cluster ${args.name} must encrypt secrets with a KMS key (encryptionConfig with resources [secrets] and a provider keyArn); it has none.`,
        );
    }
  },
};
