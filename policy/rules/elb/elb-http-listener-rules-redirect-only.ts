import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

import { LB_LISTENER, LB_LISTENER_RULE, isOneOf } from "../../lib/types";
import {
  asList,
  checkEach,
  dependenciesOf,
  isKnown,
  isUnknownMarker,
  notKnown,
  type Pending,
  peek,
  propsOf,
  undecided,
} from "../../lib/values";
import { describeAction, redirectsToHttps } from "./elb-listener-http-redirect-only";
import { listenerProtocol } from "./listeners";

/**
 * The HTTP listener's default action is not the only way in: its rules must redirect too. A rule's
 * listener is the one its `listenerArn` depends on (known during a preview, when ARNs are not), else
 * the one whose ARN it names (resources that already exist).
 */
export const elbHttpListenerRulesRedirectOnly: StackValidationPolicy = {
  name: "elb-http-listener-rules-redirect-only",
  description: "Listener rules on a plain HTTP listener do nothing but redirect to HTTPS.",
  validateStack: (args, report) => {
    const http = new Set<PolicyResource>();
    const httpArns = new Set<unknown>();
    const pending: Pending[] = checkEach(
      args.resources.filter((r) => isOneOf(r.type, LB_LISTENER)),
      (l) => {
        if (listenerProtocol(propsOf(l)) !== "HTTP") return;
        http.add(l);
        for (const key of ["arn", "id"]) if (isKnown(l.props, key)) httpArns.add(peek(l.props, key));
      },
    );
    httpArns.delete(undefined);
    const rules = args.resources.filter((r) => isOneOf(r.type, LB_LISTENER_RULE));
    pending.push(
      ...checkEach(rules, (rule) => {
        const listeners = dependenciesOf(rule, "listenerArn", LB_LISTENER);
        let onHttp: boolean;
        if (listeners.length > 0) onHttp = listeners.some((l) => http.has(l));
        else if (!isKnown(rule.props, "listenerArn")) return void pending.push(notKnown(rule.name, "listenerArn"));
        else onHttp = httpArns.has(peek(rule.props, "listenerArn"));
        if (!onHttp) return;
        const raw = peek(rule.props, "actions");
        if (isUnknownMarker(raw)) return void pending.push(notKnown(rule.name, "actions"));
        const actions = asList(raw);
        const verdicts = actions.map(redirectsToHttps);
        if (actions.length === 0 || verdicts.includes(false)) {
          report(
            `listener rule ${rule.name} on a plain HTTP listener must only redirect to HTTPS; its actions are: ${actions.length === 0 ? "none" : actions.map(describeAction).join(", ")}.`,
            rule.urn,
          );
        } else if (verdicts.includes(undefined)) pending.push(notKnown(rule.name, "the type of an action"));
      }),
    );
    undecided(args, pending);
  },
};
