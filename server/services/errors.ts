/** A DRF error body: almost always an object; a validator outside a serializer answers a bare list. */
export type DrfBody = Record<string, unknown> | string[];
export type FieldErrors = Record<string, unknown>;

/** A failure a client caused or may see; carries the exact DRF status, body and headers. */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly body: DrfBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(!Array.isArray(body) && typeof body.detail === "string" ? body.detail : JSON.stringify(body));
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(model?: string) {
    super(404, { detail: model ? `No ${model} matches the given query.` : "Not found." });
  }
}

export class ValidationError extends DomainError {
  constructor(readonly fields: FieldErrors) {
    super(400, fields);
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError({ [field]: [message] });
  }
}

export class PermissionDeniedError extends DomainError {
  constructor(detail = "You do not have permission to perform this action.") {
    super(403, { detail });
  }
}

export class AuthenticationError extends DomainError {
  constructor(body: DrfBody, headers: Record<string, string> = { "WWW-Authenticate": 'Bearer realm="api"' }) {
    super(401, body, headers);
  }

  static notProvided(): AuthenticationError {
    return new AuthenticationError({ detail: "Authentication credentials were not provided." });
  }
}

export class ThrottledError extends DomainError {
  constructor(waitSeconds: number) {
    const wait = `${waitSeconds} ${waitSeconds === 1 ? "second" : "seconds"}`;
    super(429, { detail: `Request was throttled. Expected available in ${wait}.` }, { "Retry-After": String(waitSeconds) });
  }
}

export class BodyTooLargeError extends DomainError {
  constructor() {
    // The client may still be sending: closing the connection stops it instead of reading the rest.
    super(413, { detail: "Request body too large." }, { Connection: "close" });
  }
}
