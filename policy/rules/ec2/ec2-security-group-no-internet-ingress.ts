import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

import { isInternetWide } from "../../lib/cidrs";
import { LOAD_BALANCER, SECURITY_GROUP, SG_INGRESS_RULE, SG_RULE, isOneOf } from "../../lib/types";
import {
  asList,
  checkEach,
  dependenciesOf,
  isKnown,
  isRecord,
  notKnown,
  type Pending,
  peek,
  propsOf,
  strings,
  undecided,
} from "../../lib/values";

const WEB_PORTS = [80, 443];

interface OpenRule {
  readonly cidr: string;
  readonly fromPort: unknown;
  readonly toPort: unknown;
}

/** The rules of one resource that admit the whole internet, whichever way they are declared. */
function openRules(r: PolicyResource): OpenRule[] {
  const props = propsOf(r);
  const open = (cidrs: string[], fromPort: unknown, toPort: unknown) =>
    cidrs.filter(isInternetWide).map((cidr) => ({ cidr, fromPort, toPort }));
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
 * balancer's when a load balancer of the stack uses it: its `securityGroups` depend on the group
 * (a preview, when ids are not known yet) or list the group's id (resources that exist, such as an
 * export of a stack another program built); or when it is tagged as one (controller mode, where the
 * controller creates the load balancer later). A rule's group is the one its `securityGroupId`
 * depends on, else the one whose id it names.
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
    const groups = args.resources.filter((r) => isOneOf(r.type, SECURITY_GROUP));
    /** The load balancers' groups: those their securityGroups depend on, and the ids they list. */
    const balancerGroups = new Set(balancers.flatMap((lb) => dependenciesOf(lb, "securityGroups", SECURITY_GROUP)));
    const balancerGroupIds = new Set(
      balancers.flatMap((lb) => strings(peek(lb.props, "securityGroups"))).filter((id) => isKnown(id)),
    );
    const idOf = (g: PolicyResource) => (isKnown(g.props, "id") ? peek(g.props, "id") : undefined);
    const tagged = (g: PolicyResource) =>
      isKnown(g.props, "tags", loadBalancerTagKey) &&
      peek(g.props, "tags", loadBalancerTagKey) === loadBalancerTagValue;

    /** A load balancer whose groups are neither known nor linked could be using any group. */
    const someBalancerUnknown = balancers.some(
      (lb) => !isKnown(lb.props, "securityGroups") && dependenciesOf(lb, "securityGroups", SECURITY_GROUP).length === 0,
    );

    /** Whether the group a web-port rule opens belongs to a load balancer: true, false, or undefined (not known yet). */
    const isBalancers = (r: PolicyResource): boolean | undefined => {
      const named = peek(r.props, "securityGroupId");
      const group = isOneOf(r.type, SECURITY_GROUP)
        ? r
        : (dependenciesOf(r, "securityGroupId", SECURITY_GROUP)[0] ??
          groups.find((g) => idOf(g) !== undefined && idOf(g) === named));
      if (group !== undefined && (balancerGroups.has(group) || tagged(group))) return true;
      const id = group !== undefined ? idOf(group) : named;
      if (typeof id === "string" && isKnown(id))
        return balancerGroupIds.has(id) ? true : someBalancerUnknown ? undefined : false;
      // The group's id is not known yet: it is created in this run (a group of the stack, or one another
      // resource creates, such as the EKS cluster's). Every balancer links the groups it uses, and this
      // is not one of them, unless a balancer's groups are neither known nor linked.
      const linked = group !== undefined || (r.propertyDependencies.securityGroupId ?? []).length > 0;
      return linked && !someBalancerUnknown ? false : undefined;
    };

    const pending: Pending[] = [];
    pending.push(
      ...checkEach(args.resources, (r) => {
        for (const rule of openRules(r)) {
          const webPort = rule.fromPort === rule.toPort && WEB_PORTS.includes(Number(rule.fromPort));
          if (webPort) {
            const verdict = isBalancers(r);
            if (verdict === true) continue;
            if (verdict === undefined) {
              pending.push(notKnown(r.name, "the security group it opens"));
              continue;
            }
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
      }),
    );
    undecided(args, pending);
  },
};
