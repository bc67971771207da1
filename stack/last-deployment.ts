/**
 * The stack's own last deployment, read through a stack reference to itself: its
 * `statefulSettings` output, which the guard (stack/guard.ts) and the AZ choice (stack/zones.ts)
 * compare with this run's settings before anything is declared.
 *
 * Why a self reference: a Pulumi program has no other way to read its own stack's previous outputs
 * (the SDK offers stack references and nothing else); reading the account instead (volumes by tag,
 * the load balancer by name) would trust tags anyone can edit, need more permissions than a preview
 * has, and still not know what the last deployment was asked to be. The reference is a read: it
 * changes nothing, works in a preview, and on a new stack reads no outputs (the DIY backend answers
 * an empty map for a stack without a checkpoint, pkg/backend/diy/state.go
 * getSnapshotStackOutputs; Pulumi Cloud exports a new stack's empty deployment).
 */
import * as pulumi from "@pulumi/pulumi";

import { isRecord } from "../config/values";

/** The organization every DIY backend reports (pulumi/pulumi pkg/backend/diy/state.go: `Organization: "organization"`). */
export const DIY_ORGANIZATION = "organization";

/**
 * The name of a stack reference to this stack, as its backend parses it:
 * - Pulumi Cloud requires `<organization>/<project>/<stack>` (pkg/backend/httpstate/backend.go,
 *   httpstateBackendClient.GetStackOutputs refuses any other form);
 * - a DIY backend in its legacy layout (no projects) parses the name as a bare stack name, so
 *   `organization/<project>/<stack>` fails there (pkg/backend/diy/store.go,
 *   legacyReferenceStore.ParseReference: tokens.ParseStackName), while in the project layout a bare
 *   name means the current project's stack (projectReferenceStore.ParseReference, "1. <stack-name>").
 * So: the bare stack name on a DIY backend (its organization is always "organization"), the full
 * name elsewhere. A Pulumi Cloud organization literally named "organization" cannot be told apart.
 */
export function selfReferenceName(organization: string, project: string, stack: string): string {
  return organization === DIY_ORGANIZATION ? stack : `${organization}/${project}/${stack}`;
}

/**
 * Reads the last deployment's `statefulSettings` (undefined for a new stack, or one whose last
 * deployment did not export it). Registers the read `${name}-last-deployment`, nothing else.
 *
 * Settings recorded before they held `deploymentName` get it from the `clusterName` output, which
 * every deployment of this program has exported as the EKS cluster's name, `deploymentName`
 * itself (index.ts), so that the guard sees a rename from the first run that knows to look.
 */
export async function lastStatefulSettings(name: string): Promise<unknown> {
  const self = new pulumi.StackReference(`${name}-last-deployment`, {
    name: selfReferenceName(pulumi.getOrganization(), pulumi.getProject(), pulumi.getStack()),
  });
  const read = async (output: string): Promise<unknown> => {
    const details = await self.getOutputDetails(output);
    return (details.value ?? details.secretValue) as unknown;
  };
  const recorded = await read("statefulSettings");
  if (!isRecord(recorded) || "deploymentName" in recorded) return recorded;
  const clusterName = await read("clusterName");
  return typeof clusterName === "string" ? { ...recorded, deploymentName: clusterName } : recorded;
}
