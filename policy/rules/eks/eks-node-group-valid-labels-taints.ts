import type { ResourceValidationPolicy } from "@pulumi/policy";

import {
  MAX_TAINTS_PER_NODE_GROUP,
  nodeLabelKeyProblem,
  nodeLabelValueProblem,
  taintKeyProblem,
  taintValueProblem,
} from "../../lib/aws-limits";
import { EKS_NODE_GROUP, isOneOf } from "../../lib/types";
import { asList, isRecord, propsOf, show } from "../../lib/values";

/**
 * EKS API Reference, CreateNodegroup: labels (keys and values 1 to 63 characters, outside the
 * kubernetes.io, k8s.io and eks.amazonaws.com namespaces) and taints (key 1 to 63, value at most 63,
 * at most 50 per node group). The provider checks none of it; EKS refuses the group, or its nodes
 * never join when the kubelet refuses a reserved label.
 */
export const eksNodeGroupValidLabelsTaints: ResourceValidationPolicy = {
  name: "eks-node-group-valid-labels-taints",
  description: "Managed node group labels and taints are ones EKS and the kubelet accept.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, EKS_NODE_GROUP)) return;
    const props = propsOf(args);
    const labels = isRecord(props.labels) ? props.labels : {};
    for (const [key, value] of Object.entries(labels)) {
      const keyProblem = nodeLabelKeyProblem(key);
      if (keyProblem !== undefined)
        report(`node group ${args.name} has label key ${show(key)}, which EKS refuses; expected ${keyProblem}.`);
      const valueProblem = typeof value === "string" ? nodeLabelValueProblem(value) : "a string";
      if (valueProblem !== undefined)
        report(`node group ${args.name} has label ${key}=${show(value)}, which EKS refuses; expected ${valueProblem}.`);
    }
    const taints = asList(props.taints).filter(isRecord);
    if (taints.length > MAX_TAINTS_PER_NODE_GROUP)
      report(`node group ${args.name} has ${taints.length} taints; EKS takes at most ${MAX_TAINTS_PER_NODE_GROUP}.`);
    taints.forEach((taint, i) => {
      const key = typeof taint.key === "string" ? taint.key : "";
      const keyProblem = taintKeyProblem(key);
      if (keyProblem !== undefined)
        report(
          `node group ${args.name} has taints[${i}].key ${show(taint.key)}, which EKS refuses; expected ${keyProblem}.`,
        );
      const value = taint.value ?? "";
      const valueProblem = typeof value === "string" ? taintValueProblem(value) : "a string";
      if (valueProblem !== undefined)
        report(
          `node group ${args.name} has taints[${i}].value ${show(value)}, which EKS refuses; expected ${valueProblem}.`,
        );
    });
  },
};
