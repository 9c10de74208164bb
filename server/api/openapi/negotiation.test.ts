import { describe, expect, it } from "vitest";
import { selectSchemaRenderer } from "./negotiation";

const mediaType = (format: string | null, accept: string | null) => selectSchemaRenderer(format, accept).mediaType;

describe("selectSchemaRenderer", () => {
  it("defaults to drf-spectacular's YAML for no Accept and for wildcards", () => {
    expect(mediaType(null, null)).toBe("application/vnd.oai.openapi");
    expect(mediaType(null, "*/*")).toBe("application/vnd.oai.openapi");
    expect(mediaType(null, "application/*")).toBe("application/vnd.oai.openapi");
  });

  it("picks the exact type asked for, whatever its q value, before any wildcard", () => {
    expect(mediaType(null, "application/yaml")).toBe("application/yaml");
    expect(mediaType(null, "*/*, application/json;q=0.1")).toBe("application/json");
    expect(mediaType(null, "text/html, application/vnd.oai.openapi+json")).toBe("application/vnd.oai.openapi+json");
  });

  it("lets ?format= win over Accept", () => {
    expect(mediaType("json", "application/yaml")).toBe("application/vnd.oai.openapi+json");
    expect(mediaType("yaml", "application/json")).toBe("application/vnd.oai.openapi");
  });

  it("fails like DRF: 404 for an unknown format, 406 when nothing acceptable is available", () => {
    expect(() => selectSchemaRenderer("xml", null)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => selectSchemaRenderer(null, "text/html")).toThrow(expect.objectContaining({ status: 406 }));
  });
});
