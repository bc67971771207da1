/** The planned resources in the shape of `pulumi stack export` (deployment version 3). */
import type { RecordedResource } from "./monitor";
import { toExportForm } from "./values";

export interface ExportedResource {
  urn: string;
  custom: boolean;
  external?: boolean;
  id?: string;
  type: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  parent?: string;
  protect?: boolean;
  retainOnDelete?: boolean;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
}

export interface StackExport {
  version: 3;
  deployment: {
    manifest: { time: string; magic: string; version: string };
    resources: ExportedResource[];
  };
}

export function toStackExport(resources: readonly RecordedResource[], time = new Date()): StackExport {
  return {
    version: 3,
    deployment: {
      manifest: { time: time.toISOString(), magic: "", version: "offline-plan" },
      resources: resources.map((r) => ({
        urn: r.urn,
        custom: r.custom,
        ...(r.external ? { external: true } : {}),
        ...(r.id !== undefined ? { id: r.id } : {}),
        type: r.type,
        inputs: toExportForm(r.inputs) as Record<string, unknown>,
        outputs: toExportForm(r.outputs) as Record<string, unknown>,
        ...(r.parent !== undefined ? { parent: r.parent } : {}),
        ...(r.protect ? { protect: true } : {}),
        ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
      })),
    },
  };
}
