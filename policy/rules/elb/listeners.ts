/** Listener helpers shared by the TLS rules. */

/**
 * A listener's protocol, upper-cased as the provider stores it. Left out, an application load
 * balancer's listener is HTTP (the load balancers of this deployment are all application ones).
 */
export function listenerProtocol(props: Record<string, unknown>): string {
  return typeof props.protocol === "string" ? props.protocol.toUpperCase() : "HTTP";
}
