/** Finding a bucket's companion resources (encryption, public access block) in a stack. */
import type { PolicyResource } from "@pulumi/policy";

import { isOneOf } from "../../lib/types";
import { isKnown, peek, type Pending } from "../../lib/values";

/**
 * The resources of `types` that configure `bucket`: those whose `bucket` input depends on it (a
 * preview, when the bucket's name may not be known yet), or that name it (resources that exist).
 * A candidate whose `bucket` is not known and depends on no bucket is returned as pending.
 */
export function companionsOf(
  bucket: PolicyResource,
  resources: readonly PolicyResource[],
  types: readonly string[],
): { found: PolicyResource[]; pending: Pending[] } {
  const names = new Set(["bucket", "id"].filter((k) => isKnown(bucket.props, k)).map((k) => peek(bucket.props, k)));
  names.delete(undefined);
  const found: PolicyResource[] = [];
  const pending: Pending[] = [];
  for (const r of resources.filter((x) => isOneOf(x.type, types))) {
    const feeding = r.propertyDependencies.bucket ?? [];
    if (feeding.some((d) => d.urn === bucket.urn)) found.push(r);
    else if (feeding.length > 0) continue;
    else if (!isKnown(r.props, "bucket"))
      pending.push({ name: r.name, what: "the bucket it configures is not known until the deployment" });
    else if (names.has(peek(r.props, "bucket"))) found.push(r);
  }
  return { found, pending };
}
