/** Finding a bucket's companion resources (encryption, public access block) in a stack. */
import type { PolicyResource } from "@pulumi/policy";

import { isOneOf } from "../../lib/types";
import { eachKnown, propsOf } from "../../lib/values";

/**
 * The resources of `types` that configure `bucket`: those whose `bucket` input depends on it, or
 * (when both are known) names it.
 */
export function companionsOf(
  bucket: PolicyResource,
  resources: readonly PolicyResource[],
  types: readonly string[],
): PolicyResource[] {
  const names = new Set<unknown>();
  eachKnown([bucket], (b) => {
    names.add(propsOf(b).bucket);
    names.add(propsOf(b).id);
  });
  const found: PolicyResource[] = [];
  for (const r of resources.filter((x) => isOneOf(x.type, types))) {
    if ((r.propertyDependencies.bucket ?? []).some((d) => d.urn === bucket.urn)) found.push(r);
    else
      eachKnown([r], (x) => {
        if (names.has(propsOf(x).bucket)) found.push(x);
      });
  }
  return found;
}
