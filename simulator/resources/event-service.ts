import type { Route } from "../http/router";
import { collection, enabled, getRoute, resource } from "./odata";
import { link, type Paths } from "./paths";

/** EventService in its minimal standard form: no subscriptions, and none can be made. */
export function eventServiceRoutes(paths: Paths): Route[] {
  return [
    getRoute(paths.eventService, (ctx) =>
      resource(ctx, "EventService", paths.eventService, {
        Id: "EventService",
        Name: "Event Service",
        ServiceEnabled: true,
        DeliveryRetryAttempts: 3,
        DeliveryRetryIntervalSeconds: 30,
        EventFormatTypes: ["Event"],
        EventTypesForSubscription: ["StatusChange", "ResourceUpdated", "ResourceAdded", "ResourceRemoved", "Alert"],
        Subscriptions: link(ctx.bmc, paths.subscriptions),
        Status: enabled,
      }),
    ),
    getRoute(paths.subscriptions, (ctx) => collection(ctx, "EventDestination", paths.subscriptions, "Event Subscriptions Collection", [])),
  ];
}
