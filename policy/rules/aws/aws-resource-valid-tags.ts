import type { ResourceValidationPolicy } from "@pulumi/policy";

import { MAX_TAGS_PER_RESOURCE, tagKeyProblem, tagValueProblem } from "../../lib/aws-limits";
import { EKS_CLUSTER_COMPONENT, LAUNCH_TEMPLATE, isOneOf } from "../../lib/types";
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
 * Tagging AWS Resources and Tag Editor User Guide, "Tag naming limits and requirements": at most 50
 * tags a resource, keys of 1 to 128 and values of at most 256 letters, digits, spaces and
 * _ . : / = + - @, no aws: prefix. The provider checks none of it. Launch templates' tag
 * specifications tag the instances, volumes and interfaces they launch: held to the same limits.
 * Keys and their number are known whenever the map is; a value not known yet waits for `pulumi up`.
 */
export const awsResourceValidTags: ResourceValidationPolicy = {
  name: "aws-resource-valid-tags",
  description: "Every AWS resource carries at most 50 tags, with keys and values AWS tagging accepts.",
  validateResource: (args, report) => {
    if (!args.type.startsWith("aws:") && !isOneOf(args.type, EKS_CLUSTER_COMPONENT)) return;
    const props = propsOf(args);
    const pending: Pending[] = [];
    const sets: [string, unknown][] = [["tags", peek(props, "tags")]];
    if (isOneOf(args.type, LAUNCH_TEMPLATE)) {
      // A list or specification not known yet is set aside as what holds the tags.
      const specs = peek(props, "tagSpecifications");
      if (isUnknownMarker(specs)) sets.push(["tagSpecifications", specs]);
      else
        asList(specs).forEach((spec, i) => {
          if (isUnknownMarker(spec)) sets.push([`tagSpecifications[${i}]`, spec]);
          else if (isRecord(spec)) sets.push([`tagSpecifications[${i}].tags`, spec.tags]);
        });
    }
    for (const [field, tags] of sets) {
      if (isUnknownMarker(tags)) {
        pending.push(notKnown(args.name, field));
        continue;
      }
      if (!isRecord(tags)) continue;
      const entries = Object.entries(tags);
      if (entries.length > MAX_TAGS_PER_RESOURCE)
        report(
          `${args.name} has ${entries.length} ${field}; AWS takes at most ${MAX_TAGS_PER_RESOURCE} tags a resource.`,
        );
      for (const [key, value] of entries) {
        const keyProblem = tagKeyProblem(key);
        if (keyProblem !== undefined)
          report(`${args.name} has ${field} key ${show(key)}, which AWS tagging refuses; expected ${keyProblem}.`);
        if (isUnknownMarker(value)) {
          pending.push(notKnown(args.name, `${field}.${key}`));
          continue;
        }
        const valueProblem = typeof value === "string" ? tagValueProblem(value) : "a string";
        if (valueProblem !== undefined)
          report(
            `${args.name} has ${field}.${key} ${show(value)}, which AWS tagging refuses; expected ${valueProblem}.`,
          );
      }
    }
    undecided(args, pending);
  },
};
