import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

import { LOAD_BALANCER, SECURITY_GROUP, SG_INGRESS_RULE, SG_RULE, isOneOf } from "../../lib/types";
import { asList, hasUnknown, isRecord, propsOf, strings } from "../../lib/values";

const INTERNET = ["0.0.0.0/0", "::/0"];
const WEB_PORTS = [80, 443];

interface OpenRule {
  readonly resource: PolicyResource;
  /** The security group the rule belongs to: its resource when in the stack, else its id. */
  readonly group: PolicyResource | string;
  readonly cidr: string;
  readonly fromPort: unknown;
  readonly toPort: unknown;
}

/** Every rule of the stack that admits the whole internet, whichever way it is declared. */
function openRules(resources: readonly PolicyResource[]): OpenRule[] {
  const open: OpenRule[] = [];
  const groupOf = (r: PolicyResource) =>
    r.propertyDependencies.securityGroupId?.[0] ?? String(propsOf(r).securityGroupId);
  for (const r of resources) {
    if (isOneOf(r.type, SG_INGRESS_RULE)) {
      for (const cidr of [propsOf(r).cidrIpv4, propsOf(r).cidrIpv6].filter(
        (c): c is string => typeof c === "string" && INTERNET.includes(c),
      )) {
        open.push({ resource: r, group: groupOf(r), cidr, fromPort: propsOf(r).fromPort, toPort: propsOf(r).toPort });
      }
    } else if (isOneOf(r.type, SG_RULE) && propsOf(r).type === "ingress") {
      for (const cidr of [...strings(propsOf(r).cidrBlocks), ...strings(propsOf(r).ipv6CidrBlocks)].filter((c) =>
        INTERNET.includes(c),
      )) {
        open.push({ resource: r, group: groupOf(r), cidr, fromPort: propsOf(r).fromPort, toPort: propsOf(r).toPort });
      }
    } else if (isOneOf(r.type, SECURITY_GROUP)) {
      for (const rule of asList(propsOf(r).ingress).filter(isRecord)) {
        for (const cidr of [...strings(rule.cidrBlocks), ...strings(rule.ipv6CidrBlocks)].filter((c) =>
          INTERNET.includes(c),
        )) {
          open.push({ resource: r, group: r, cidr, fromPort: rule.fromPort, toPort: rule.toPort });
        }
      }
    }
  }
  return open;
}

/**
 * Nothing is open to the internet but a load balancer's 443 and 80: a group counts as a load
 * balancer's when a load balancer of the stack uses it, or when it is tagged as one (controller
 * mode, where the controller creates the load balancer later).
 */
export const ec2SecurityGroupNoInternetIngress: StackValidationPolicy = {
  name: "ec2-security-group-no-internet-ingress",
  description: "No security group admits 0.0.0.0/0 or ::/0, except a load balancer's on ports 443 and 80.",
  configSchema: {
    properties: {
      loadBalancerTagKey: { type: "string", default: "datafold:role" },
      loadBalancerTagValue: { type: "string", default: "load-balancer" },
    },
  },
  validateStack: (args, report) => {
    const { loadBalancerTagKey, loadBalancerTagValue } = args.getConfig<{
      loadBalancerTagKey: string;
      loadBalancerTagValue: string;
    }>();
    const balancers = args.resources.filter((r) => isOneOf(r.type, LOAD_BALANCER));
    const usedByBalancer = (group: PolicyResource | string) =>
      balancers.some((lb) =>
        typeof group === "string"
          ? strings(propsOf(lb).securityGroups).includes(group)
          : (lb.propertyDependencies.securityGroups ?? []).some((d) => d.urn === group.urn) ||
            strings(propsOf(lb).securityGroups).includes(String(propsOf(group).id)),
      );
    const tagged = (group: PolicyResource | string) => {
      const tags = typeof group === "string" ? undefined : propsOf(group).tags;
      return isRecord(tags) && tags[loadBalancerTagKey] === loadBalancerTagValue;
    };
    for (const rule of openRules(args.resources)) {
      if (hasUnknown(rule.fromPort) || hasUnknown(rule.toPort)) continue;
      const webPort = rule.fromPort === rule.toPort && WEB_PORTS.includes(Number(rule.fromPort));
      if (webPort && (usedByBalancer(rule.group) || tagged(rule.group))) continue;
      const ports =
        rule.fromPort === rule.toPort
          ? `port ${String(rule.fromPort)}`
          : `ports ${String(rule.fromPort)}-${String(rule.toPort)}`;
      const why = webPort
        ? "its group is not a load balancer's"
        : "only a load balancer may be open to the internet, on 443 and 80";
      report(`${rule.resource.name} admits ${rule.cidr} on ${ports}; ${why}.`, rule.resource.urn);
    }
  },
};
