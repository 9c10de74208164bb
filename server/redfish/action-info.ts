import type { RedfishClient } from "./client";
import { prop, strings, text } from "./odata";

/**
 * The allowable values of an action parameter: inline (`ResetType@Redfish.AllowableValues`), else
 * from the action's `@Redfish.ActionInfo` resource (read once per client); null when the BMC does not say.
 */
export async function allowableValues(client: RedfishClient, action: unknown, parameter: string): Promise<string[] | null> {
  const inline = strings(prop(action, `${parameter}@Redfish.AllowableValues`));
  if (inline) return inline;
  const infoPath = text(prop(action, "@Redfish.ActionInfo"));
  const info = infoPath ? await client.findSettledResource(infoPath) : null;
  const parameters = prop(info, "Parameters");
  const entry = Array.isArray(parameters) ? parameters.find((candidate) => prop(candidate, "Name") === parameter) : undefined;
  return strings(prop(entry, "AllowableValues"));
}
