import type { ResourceValidationPolicy } from "@pulumi/policy";

import { LB_LISTENER, isOneOf } from "../../lib/types";
import { asList, hasUnknown, isRecord, propsOf, show } from "../../lib/values";

export const elbListenerHttpRedirectOnly: ResourceValidationPolicy = {
  name: "elb-listener-http-redirect-only",
  description: "Plain HTTP listeners do nothing but redirect to HTTPS.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, LB_LISTENER) || propsOf(args).protocol !== "HTTP") return;
    const actions = asList(propsOf(args).defaultActions);
    if (hasUnknown(actions)) return;
    const redirectsToHttps = (a: unknown) =>
      isRecord(a) && a.type === "redirect" && isRecord(a.redirect) && a.redirect.protocol === "HTTPS";
    if (actions.length === 0 || !actions.every(redirectsToHttps)) {
      report(`HTTP listener ${args.name} must only redirect to HTTPS; its default actions are ${show(actions)}.`);
    }
  },
};
