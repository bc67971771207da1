/** Calls a resource rule the way the engine does, without the engine, and collects its violations. */
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";

export async function violations(
  policy: ResourceValidationPolicy,
  type: string,
  name: string,
  props: Record<string, unknown>,
): Promise<string[]> {
  const found: string[] = [];
  const args = {
    type,
    name,
    props,
    urn: `urn:pulumi:test::datafold-aws::${type}::${name}`,
    opts: {},
    stackTags: new Map(),
  } as unknown as ResourceValidationArgs;
  const validate = policy.validateResource;
  const rules = Array.isArray(validate) ? validate : validate ? [validate] : [];
  for (const rule of rules) await rule(args, (message: string) => found.push(message));
  return found;
}
