import type { ResourceValidationPolicy } from "@pulumi/policy";

import { EKS_CLUSTER_AWS, EKS_CLUSTER_COMPONENT, isOneOf } from "../../lib/types";
import { asList, isKnown, isUnknownMarker, notKnown, peek, propsOf, undecided } from "../../lib/values";

/** A key is given: a non-empty string, or a value not known yet (the ARN of a key created in this run). */
function hasKey(value: unknown): boolean {
  return isUnknownMarker(value) || (typeof value === "string" && value !== "");
}

export const eksClusterRequireSecretsEncryption: ResourceValidationPolicy = {
  name: "eks-cluster-require-secrets-encryption",
  description: "EKS clusters envelope-encrypt Kubernetes secrets with a KMS key.",
  validateResource: (args, report) => {
    const props = propsOf(args);
    if (isOneOf(args.type, EKS_CLUSTER_COMPONENT)) {
      if (!hasKey(peek(props, "encryptionConfigKeyArn")))
        report(`EKS cluster ${args.name} must encrypt secrets with a KMS key (encryptionConfigKeyArn); it has none.`);
    } else if (isOneOf(args.type, EKS_CLUSTER_AWS)) {
      if (!isKnown(props, "encryptionConfig", "resources"))
        return undecided(args, [notKnown(args.name, "encryptionConfig.resources")]);
      const config = peek(props, "encryptionConfig");
      const ok =
        config !== undefined &&
        asList(peek(config, "resources")).includes("secrets") &&
        hasKey(peek(config, "provider", "keyArn"));
      if (!ok)
        report(
          `EKS cluster ${args.name} must encrypt secrets with a KMS key (encryptionConfig with resources [secrets] and a provider keyArn); it has none.`,
        );
    }
  },
};
