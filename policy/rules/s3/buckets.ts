/** Finding a bucket's companion resources (encryption, public access block) in a stack. */
import type { PolicyResource } from "@pulumi/policy";

import { isOneOf } from "../../lib/types";
import { propsOf } from "../../lib/values";

/** The resources of `types` that configure `bucket`: by property dependency, or by name when known. */
export function companionsOf(
  bucket: PolicyResource,
  resources: readonly PolicyResource[],
  types: readonly string[],
): PolicyResource[] {
  const names: unknown[] = [propsOf(bucket).bucket, propsOf(bucket).id].filter((n) => typeof n === "string");
  return resources.filter(
    (r) =>
      isOneOf(r.type, types) &&
      ((r.propertyDependencies.bucket ?? []).some((d) => d.urn === bucket.urn) || names.includes(propsOf(r).bucket)),
  );
}
