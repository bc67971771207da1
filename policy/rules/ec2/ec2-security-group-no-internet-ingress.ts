import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

import { isInternetWide } from "../../lib/cidrs";
import { LOAD_BALANCER, SECURITY_GROUP, SG_INGRESS_RULE, SG_RULE, isOneOf } from "../../lib/types";
import { asList, eachKnown, isRecord, propsOf, strings } from "../../lib/values";

const WEB_PORTS = [80, 443];

interface OpenRule {
  readonly resource: PolicyResource;
  readonly cidr: string;
  readonly fromPort: unknown;
  readonly toPort: unknown;
}

/** The rules of one resource that admit the whole internet, whichever way they are declared. */
function openRules(r: PolicyResource): OpenRule[] {
  const props = propsOf(r);
  const open = (cidrs: string[], fromPort: unknown, toPort: unknown) =>
    cidrs.filter(isInternetWide).map((cidr) => ({ resource: r, cidr, fromPort, toPort }));
  if (isOneOf(r.type, SG_INGRESS_RULE))
    return open(strings([props.cidrIpv4, props.cidrIpv6]), props.fromPort, props.toPort);
  if (isOneOf(r.type, SG_RULE) && props.type === "ingress")
    return open([...strings(props.cidrBlocks), ...strings(props.ipv6CidrBlocks)], props.fromPort, props.toPort);
  if (isOneOf(r.type, SECURITY_GROUP)) {
    return asList(props.ingress)
      .filter(isRecord)
      .flatMap((rule) =>
        open([...strings(rule.cidrBlocks), ...strings(rule.ipv6CidrBlocks)], rule.fromPort, rule.toPort),
      );
  }
  return [];
}

/**
 * Nothing is open to the internet but a load balancer's 443 and 80. A group counts as a load
 * balancer's when a load balancer of the stack uses it, or when it is tagged as one (controller
 * mode, where the controller creates the load balancer later).
 */
export const ec2SecurityGroupNoInternetIngress: StackValidationPolicy = {
  name: "ec2-security-group-no-internet-ingress",
  description:
    "No security group admits the internet (0.0.0.0/0, ::/0 or as wide), except a load balancer's on ports 443 and 80.",
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
    const groups = new Map(args.resources.filter((r) => isOneOf(r.type, SECURITY_GROUP)).map((g) => [g.urn, g]));

    /** Whether the group (a resource of the stack, or an id) belongs to a load balancer. */
    const isBalancers = (group: PolicyResource | undefined, groupId: unknown): boolean => {
      if (group !== undefined) {
        let tagged = false;
        eachKnown([group], (g) => {
          const tags = propsOf(g).tags;
          tagged = isRecord(tags) && tags[loadBalancerTagKey] === loadBalancerTagValue;
        });
        if (tagged) return true;
        if (balancers.some((lb) => (lb.propertyDependencies.securityGroups ?? []).some((d) => d.urn === group.urn)))
          return true;
      }
      let used = false;
      eachKnown(balancers, (lb) => {
        used ||= typeof groupId === "string" && strings(propsOf(lb).securityGroups).includes(groupId);
      });
      return used;
    };

    for (const resource of args.resources) {
      eachKnown([resource], (r) => {
        for (const rule of openRules(r)) {
          const webPort = rule.fromPort === rule.toPort && WEB_PORTS.includes(Number(rule.fromPort));
          if (webPort) {
            const group = isOneOf(r.type, SECURITY_GROUP)
              ? r
              : groups.get(r.propertyDependencies.securityGroupId?.[0]?.urn ?? "");
            let groupId: unknown;
            if (group === undefined) eachKnown([r], (x) => (groupId = propsOf(x).securityGroupId));
            if (isBalancers(group, groupId)) continue;
          }
          const ports =
            rule.fromPort === rule.toPort
              ? `port ${String(rule.fromPort)}`
              : `ports ${String(rule.fromPort)}-${String(rule.toPort)}`;
          const why = webPort
            ? "its group is not a load balancer's"
            : "only a load balancer may be open to the internet, on 443 and 80";
          report(`${r.name} admits ${rule.cidr} on ${ports}; ${why}.`, r.urn);
        }
      });
    }
  },
};
