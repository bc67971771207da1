import type { ResourceValidationPolicy } from "@pulumi/policy";

import { LB_LISTENER, isOneOf } from "../../lib/types";
import { asList, isKnown, isRecord, isUnknownMarker, notKnown, peek, propsOf, undecided } from "../../lib/values";
import { listenerProtocol } from "./listeners";

/**
 * Whether an action redirects to HTTPS: true, false, or undefined when the part that decides is
 * not known yet. Reads only the action's type and its redirect's protocol (never the target group
 * of a forward, which is not known before the target group exists).
 */
export function redirectsToHttps(action: unknown): boolean | undefined {
  if (isUnknownMarker(action)) return undefined;
  if (!isRecord(action)) return false;
  if (!isKnown(action, "type")) return undefined;
  if (action.type !== "redirect") return false;
  if (!isKnown(action, "redirect", "protocol")) return undefined;
  return isRecord(action.redirect) && String(action.redirect.protocol).toUpperCase() === "HTTPS";
}

/** An action's type for a message ("forward", "redirect to HTTP", ...); never an unknown value. */
export function describeAction(action: unknown): string {
  if (!isRecord(action) || !isKnown(action, "type")) return "an action not known yet";
  const type = String(action.type);
  if (type !== "redirect") return type;
  const protocol = peek(action, "redirect", "protocol");
  return isKnown(action, "redirect", "protocol") && typeof protocol === "string"
    ? `redirect to ${protocol}`
    : "redirect";
}

export const elbListenerHttpRedirectOnly: ResourceValidationPolicy = {
  name: "elb-listener-http-redirect-only",
  description: "Plain HTTP listeners do nothing but redirect to HTTPS.",
  validateResource: (args, report) => {
    if (!isOneOf(args.type, LB_LISTENER)) return;
    const props = propsOf(args);
    if (!isKnown(props, "protocol")) return undecided(args, [notKnown(args.name, "protocol")]);
    if (listenerProtocol(props) !== "HTTP") return;
    const raw = peek(props, "defaultActions");
    if (isUnknownMarker(raw)) return undecided(args, [notKnown(args.name, "defaultActions")]);
    // Raw values: an action's target group may not be known yet, and it does not decide anything here.
    const actions = asList(raw);
    const verdicts = actions.map(redirectsToHttps);
    if (actions.length === 0 || verdicts.includes(false)) {
      report(
        `HTTP listener ${args.name} must only redirect to HTTPS; its default actions are: ${actions.length === 0 ? "none" : actions.map(describeAction).join(", ")}.`,
      );
    } else if (verdicts.includes(undefined)) {
      undecided(args, [notKnown(args.name, "the type of a default action")]);
    }
  },
};
