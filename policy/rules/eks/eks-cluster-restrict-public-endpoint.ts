import type { ResourceValidationPolicy } from "@pulumi/policy";

import { cidrContains, isInternetWide, parseCidr } from "../../lib/cidrs";
import { EKS_CLUSTER_AWS, EKS_CLUSTER_COMPONENT, isOneOf } from "../../lib/types";
import { isRecord, propsOf, strings } from "../../lib/values";

export const eksClusterRestrictPublicEndpoint: ResourceValidationPolicy = {
  name: "eks-cluster-restrict-public-endpoint",
  description:
    "A public EKS API endpoint is restricted to CIDRs that are not the whole internet (and within the allowed ones, when configured).",
  configSchema: { properties: { allowedPublicCidrs: { type: "array", items: { type: "string" }, default: [] } } },
  validateResource: (args, report) => {
    const props = propsOf(args);
    let settings: Record<string, unknown>;
    if (isOneOf(args.type, EKS_CLUSTER_COMPONENT)) settings = props;
    else if (isOneOf(args.type, EKS_CLUSTER_AWS)) settings = isRecord(props.vpcConfig) ? props.vpcConfig : {};
    else return;
    // EKS's defaults: the public endpoint on, open to 0.0.0.0/0.
    if (settings.endpointPublicAccess === false || settings.endpointPublicAccess === "false") return;
    const given = strings(settings.publicAccessCidrs);
    const effective = given.length === 0 ? ["0.0.0.0/0"] : given;
    const open = effective.filter(isInternetWide);
    if (open.length > 0) {
      report(
        `EKS cluster ${args.name} has a public endpoint open to ${open.join(", ")}${given.length === 0 ? " (no publicAccessCidrs: the EKS default)" : ""}; restrict publicAccessCidrs or turn endpointPublicAccess off.`,
      );
      return;
    }
    const allowed = args
      .getConfig<{ allowedPublicCidrs: string[] }>()
      .allowedPublicCidrs.map(parseCidr)
      .filter((c) => c !== undefined);
    if (allowed.length === 0) return;
    const outside = effective.filter((c) => {
      const parsed = parseCidr(c);
      return parsed === undefined || !allowed.some((a) => cidrContains(a, parsed));
    });
    if (outside.length > 0)
      report(`EKS cluster ${args.name}'s public endpoint admits ${outside.join(", ")}, outside the allowed CIDRs.`);
  },
};
