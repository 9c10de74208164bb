import type { VendorProfile } from "../vendors/types";
import type { Reply } from "./reply";

/** The DMTF Base registry messages the simulator answers with (last MessageId segment -> text). */
export const BASE_MESSAGES = {
  NoValidSession: "There is no valid session established with the implementation.",
  SessionLimitExceeded:
    "The session establishment failed due to the number of simultaneous sessions exceeding the limit of the implementation.",
  ResourceMissingAtURI: "The resource at the URI %1 was not found.",
  OperationNotAllowed: "The HTTP method is not allowed on this resource.",
  PropertyMissing: "The property %1 is a required property and must be included in the request.",
  ActionParameterMissing: "The action %1 requires the parameter %2 to be present in the request body.",
  ActionParameterValueNotInList: "The value '%1' for the parameter %2 in the action %3 is not in the list of acceptable values.",
  ActionParameterValueError: "The value for the parameter %1 in the action %2 is invalid.",
  MalformedJSON: "The request body submitted was malformed JSON and could not be parsed by the receiving service.",
  InternalError: "The request failed due to an internal service error.  The service is still operational.",
  ServiceTemporarilyUnavailable: "The service is temporarily unavailable.  Retry in %1 seconds.",
  QueryNotSupported: "Querying is not supported by the implementation.",
  ResourceInUse: "The change to the requested resource failed because the resource is in use or in transition.",
  ResourceAlreadyExists: "The requested resource of type %1 with the property %2 with the value %3 already exists.",
  PropertyUnknown: "The property %1 is not in the list of valid properties for the resource.",
  PropertyValueNotInList: "The value '%1' for the property %2 is not in the list of acceptable values.",
  PropertyValueTypeError: "The value '%1' for the property %2 is of a different type than the property can accept.",
  InvalidUpload: "Invalid file uploaded to %1: %2.",
  PayloadTooLarge: "The supplied payload exceeds the maximum size supported by the service.",
  GeneralError: "A general error has occurred. See Resolution for information on how to resolve the error.",
  /** Supermicro's answer when a licence (SFT-OOB-LIC, SFT-DCMS-SINGLE) is missing, under its Base prefix. */
  OemLicenseNotPassed: "Not licensed to perform this request. The following licenses %1 were needed",
  Success: "The request completed successfully.",
} as const;

export type BaseMessage = keyof typeof BASE_MESSAGES;

export interface MessageOptions {
  args?: string[];
  /** Replaces the registry text with a more specific explanation. */
  detail?: string;
  /** A vendor's own MessageId in place of the Base one (Supermicro's `SMC.1.0.…`). */
  messageId?: string;
  headers?: Record<string, string>;
}

export function baseMessage(profile: VendorProfile, key: BaseMessage, options: MessageOptions = {}) {
  const args = options.args ?? [];
  const template = BASE_MESSAGES[key];
  return {
    "@odata.type": "#Message.v1_1_1.Message",
    MessageId: options.messageId ?? `${profile.baseRegistry}.${key}`,
    Message: options.detail ?? args.reduce<string>((text, arg, i) => text.replace(`%${i + 1}`, arg), template),
    MessageArgs: args,
    Severity: key === "Success" ? "OK" : "Critical",
    Resolution: key === "Success" ? "None" : "Correct the request and resubmit it if the operation failed.",
  };
}

export function redfishError(profile: VendorProfile, status: number, key: BaseMessage, options: MessageOptions = {}): Reply {
  const info = baseMessage(profile, key, options);
  const body = profile.errorBody?.(info.MessageId, info.Message) ?? {
    error: {
      code: `${profile.baseRegistry}.GeneralError`,
      message: "A general error has occurred. See ExtendedInfo for more information.",
      "@Message.ExtendedInfo": [info],
    },
  };
  return { status, body, headers: options.headers };
}

/** A bare 204, or 200 with a Success message (HPE's way, or bmcweb's `@Message.ExtendedInfo`), for actions, PATCHes and DELETEs. */
export function success(profile: VendorProfile): Reply {
  if (!profile.successBody) return { status: 204 };
  if (profile.successBody === "extended-info") return { status: 200, body: { "@Message.ExtendedInfo": [baseMessage(profile, "Success")] } };
  const messageId = `${profile.baseRegistry}.Success`;
  const body = profile.errorBody?.(messageId, BASE_MESSAGES.Success) ?? {
    error: {
      code: "iLO.0.10.ExtendedInfo",
      message: "See @Message.ExtendedInfo for more information.",
      "@Message.ExtendedInfo": [{ MessageId: messageId }],
    },
  };
  return { status: 200, body };
}
