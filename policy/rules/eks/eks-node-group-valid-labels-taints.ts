import type { ResourceValidationPolicy } from "@pulumi/policy";

import {
  MAX_TAINTS_PER_NODE_GROUP,
  nodeLabelKeyProblem,
  nodeLabelValueProblem,
  taintKeyProblem,
  taintValueProblem,
} from "../../lib/aws-limits";
import { EKS_NODE_GROUP, isOneOf } from "../../lib/types";
import {
  asList,
  isRecord,
  isUnknownMarker,
  notKnown,
  peek,
  propsOf,
  show,
  undecided,
  type Pending,
} from "../../lib/values";

/**
 * EKS API Reference, CreateNodegroup: labels (keys and values 1 to 63 characters, outside the
 * kubernetes.io, k8s.io and eks.amazonaws.com namespaces) and taints (key 1 to 63, value at most 63,
 * at most 50 per node group). The provider checks none of it; EKS refuses the group, or its nodes
 * never join when the kubelet refuses a reserved label. A label's key is known whenever its map
 * is (keys cannot be unknown), and a list's length whenever the list is: those are decided even
 * when a value is not known yet.
 */
export const eksNodeGroupValidLabelsTaints: ResourceValidationPolicy = {
  name: "eks-node-group-valid-labels-taints",
  description: "Managed node group labels and taints are ones EKS and the kubelet accept.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, EKS_NODE_GROUP)) return;
    const props = propsOf(args);
    const pending: Pending[] = [];
    const labels = peek(props, "labels");
    if (isUnknownMarker(labels)) pending.push(notKnown(args.name, "labels"));
    for (const [key, value] of Object.entries(isRecord(labels) ? labels : {})) {
      const keyProblem = nodeLabelKeyProblem(key);
      if (keyProblem !== undefined)
        report(`node group ${args.name} has label key ${show(key)}, which EKS refuses; expected ${keyProblem}.`);
      if (isUnknownMarker(value)) {
        pending.push(notKnown(args.name, `labels.${key}`));
        continue;
      }
      const valueProblem = typeof value === "string" ? nodeLabelValueProblem(value) : "a string";
      if (valueProblem !== undefined)
        report(`node group ${args.name} has label ${key}=${show(value)}, which EKS refuses; expected ${valueProblem}.`);
    }
    const taints = peek(props, "taints");
    if (isUnknownMarker(taints)) pending.push(notKnown(args.name, "taints"));
    // A taint not known yet is still a taint: the count is certain.
    const list = asList(isUnknownMarker(taints) ? [] : taints).filter((t) => isRecord(t) || isUnknownMarker(t));
    if (list.length > MAX_TAINTS_PER_NODE_GROUP)
      report(`node group ${args.name} has ${list.length} taints; EKS takes at most ${MAX_TAINTS_PER_NODE_GROUP}.`);
    list.forEach((taint, i) => {
      if (!isRecord(taint)) {
        pending.push(notKnown(args.name, `taints[${i}]`));
        return;
      }
      if (isUnknownMarker(taint.key)) pending.push(notKnown(args.name, `taints[${i}].key`));
      else {
        const key = typeof taint.key === "string" ? taint.key : "";
        const keyProblem = taintKeyProblem(key);
        if (keyProblem !== undefined)
          report(
            `node group ${args.name} has taints[${i}].key ${show(taint.key)}, which EKS refuses; expected ${keyProblem}.`,
          );
      }
      if (isUnknownMarker(taint.value)) pending.push(notKnown(args.name, `taints[${i}].value`));
      else {
        const value = taint.value ?? "";
        const valueProblem = typeof value === "string" ? taintValueProblem(value) : "a string";
        if (valueProblem !== undefined)
          report(
            `node group ${args.name} has taints[${i}].value ${show(value)}, which EKS refuses; expected ${valueProblem}.`,
          );
      }
    });
    undecided(args, pending);
  },
};
