import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";

import { LB_LISTENER, LB_LISTENER_RULE, isOneOf } from "../../lib/types";
import { asList, eachKnown, propsOf, show } from "../../lib/values";
import { redirectsToHttps } from "./elb-listener-http-redirect-only";
import { listenerProtocol } from "./listeners";

/** The HTTP listener's default action is not the only way in: its rules must redirect too. */
export const elbHttpListenerRulesRedirectOnly: StackValidationPolicy = {
  name: "elb-http-listener-rules-redirect-only",
  description: "Listener rules on a plain HTTP listener do nothing but redirect to HTTPS.",
  validateStack: (args, report) => {
    const httpListeners: PolicyResource[] = [];
    const httpArns = new Set<unknown>();
    eachKnown(
      args.resources.filter((r) => isOneOf(r.type, LB_LISTENER)),
      (l) => {
        if (listenerProtocol(propsOf(l)) !== "HTTP") return;
        httpListeners.push(l);
        eachKnown([l], (x) => {
          httpArns.add(propsOf(x).arn);
          httpArns.add(propsOf(x).id);
        });
      },
    );
    for (const rule of args.resources.filter((r) => isOneOf(r.type, LB_LISTENER_RULE))) {
      const byDependency = (rule.propertyDependencies.listenerArn ?? []).some((d) => httpListeners.includes(d));
      eachKnown([rule], (r) => {
        const props = propsOf(r);
        if (!byDependency && !httpArns.has(props.listenerArn)) return;
        const actions = asList(props.actions);
        if (actions.length === 0 || !actions.every(redirectsToHttps)) {
          report(
            `listener rule ${r.name} on a plain HTTP listener must only redirect to HTTPS; its actions are ${show(actions)}.`,
            r.urn,
          );
        }
      });
    }
  },
};
