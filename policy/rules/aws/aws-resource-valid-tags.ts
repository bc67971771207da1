import type { ResourceValidationPolicy } from "@pulumi/policy";

import { MAX_TAGS_PER_RESOURCE, tagKeyProblem, tagValueProblem } from "../../lib/aws-limits";
import { EKS_CLUSTER_COMPONENT, LAUNCH_TEMPLATE, isOneOf } from "../../lib/types";
import { asList, isRecord, propsOf, show } from "../../lib/values";

/**
 * Tagging AWS Resources and Tag Editor User Guide, "Tag naming limits and requirements": at most 50
 * tags a resource, keys of 1 to 128 and values of at most 256 letters, digits, spaces and
 * _ . : / = + - @, no aws: prefix. The provider checks none of it. Launch templates' tag
 * specifications tag the instances, volumes and interfaces they launch: held to the same limits.
 */
export const awsResourceValidTags: ResourceValidationPolicy = {
  name: "aws-resource-valid-tags",
  description: "Every AWS resource carries at most 50 tags, with keys and values AWS tagging accepts.",
  validateResource: (args, report) => {
    if (!args.type.startsWith("aws:") && !isOneOf(args.type, EKS_CLUSTER_COMPONENT)) return;
    const props = propsOf(args);
    const sets: [string, unknown][] = [["tags", props.tags]];
    if (isOneOf(args.type, LAUNCH_TEMPLATE))
      asList(props.tagSpecifications).forEach((spec, i) => {
        if (isRecord(spec)) sets.push([`tagSpecifications[${i}].tags`, spec.tags]);
      });
    for (const [field, tags] of sets) {
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
        const valueProblem = typeof value === "string" ? tagValueProblem(value) : "a string";
        if (valueProblem !== undefined)
          report(
            `${args.name} has ${field}.${key} ${show(value)}, which AWS tagging refuses; expected ${valueProblem}.`,
          );
      }
    }
  },
};
