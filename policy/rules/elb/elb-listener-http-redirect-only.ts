import type { ResourceValidationPolicy } from "@pulumi/policy";

import { LB_LISTENER, isOneOf } from "../../lib/types";
import { asList, isRecord, propsOf, show } from "../../lib/values";
import { listenerProtocol } from "./listeners";

/** True for an action that redirects to HTTPS. */
export function redirectsToHttps(action: unknown): boolean {
  return (
    isRecord(action) &&
    action.type === "redirect" &&
    isRecord(action.redirect) &&
    String(action.redirect.protocol).toUpperCase() === "HTTPS"
  );
}

export const elbListenerHttpRedirectOnly: ResourceValidationPolicy = {
  name: "elb-listener-http-redirect-only",
  description: "Plain HTTP listeners do nothing but redirect to HTTPS.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, LB_LISTENER)) return;
    const props = propsOf(args);
    if (listenerProtocol(props) !== "HTTP") return;
    const actions = asList(props.defaultActions);
    if (actions.length === 0 || !actions.every(redirectsToHttps)) {
      report(`HTTP listener ${args.name} must only redirect to HTTPS; its default actions are ${show(actions)}.`);
    }
  },
};
