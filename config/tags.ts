/**
 * The contract's `tags`: merged into every taggable resource's tags, so they are held to AWS's tag
 * limits once the program's own tags are added, and may not name a key the program sets itself.
 */
import { autoscalerTags } from "../components/cluster/nodegroups";
import { subnetTags } from "../components/network/plan";
import {
  deploymentTags,
  LOAD_BALANCER_ROLE_TAG,
  nameTags,
  NODE_GROUP_TAG,
  VOLUME_ROLE_TAG,
} from "../components/shared/tags";
import { MAX_TAGS_PER_RESOURCE, tagKeyProblem, tagValueProblem } from "../policy/lib/aws-limits";
import { type Check, type Raw } from "./check";

/**
 * The tags the program puts on the resource that gets the most of them: a node group (Name,
 * managed-by, datafold:deployment, datafold:node-group and the two cluster autoscaler tags), built
 * with the components' own helpers so that the count follows them.
 */
export function mostProgramTags(): Record<string, string> {
  const candidates = [
    { ...nameTags(deploymentTags("x", {}), "x", { [NODE_GROUP_TAG]: "x" }), ...autoscalerTags("x") },
    nameTags(deploymentTags("x", {}), "x", subnetTags("private", "x")),
    nameTags(deploymentTags("x", {}), "x", { [VOLUME_ROLE_TAG]: "x" }),
    nameTags(deploymentTags("x", {}), "x", { [LOAD_BALANCER_ROLE_TAG]: "x" }),
  ];
  return candidates.reduce((most, tags) => (Object.keys(tags).length > Object.keys(most).length ? tags : most));
}

/** Keys the program sets itself: a user tag with one of them would be overwritten, or overwrite the program's. */
export const PROGRAM_TAG_KEYS = [
  "Name",
  ...Object.keys(deploymentTags("x", {})),
  LOAD_BALANCER_ROLE_TAG,
  VOLUME_ROLE_TAG,
  NODE_GROUP_TAG,
];

/** Key prefixes the program sets (subnet discovery, cluster autoscaler discovery). */
export const PROGRAM_TAG_PREFIXES = ["kubernetes.io/", "k8s.io/cluster-autoscaler/"];

export function readTags(c: Check, values: Raw): Record<string, string> {
  const tags = c.stringMap(values, "", "tags", {}, (k, v) => {
    if (PROGRAM_TAG_KEYS.includes(k) || PROGRAM_TAG_PREFIXES.some((p) => k.startsWith(p)))
      return `a key the program does not set itself (it sets ${PROGRAM_TAG_KEYS.join(", ")} and ${PROGRAM_TAG_PREFIXES.map((p) => `${p}...`).join(", ")}); rename the tag`;
    return tagKeyProblem(k) ?? tagValueProblem(v);
  });
  const own = Object.keys(mostProgramTags());
  const room = MAX_TAGS_PER_RESOURCE - own.length;
  const given = Object.keys(tags).length;
  if (given > room) {
    c.fail(
      "tags",
      `${given} tags`,
      `at most ${room}: AWS takes ${MAX_TAGS_PER_RESOURCE} tags a resource and the program adds up to ${own.length} of its own (${own.join(", ")})`,
    );
  }
  return tags;
}
