import { describe, expect, it } from "vitest";
import { multipartBody } from "../testing/push";
import { parseMultipart } from "./push";

describe("parseMultipart", () => {
  it("splits a DSP0266 push into its UpdateParameters and UpdateFile parts, bytes intact", () => {
    const image = Buffer.from([0, 13, 10, 45, 45, 255, 13, 10]);
    const { body, contentType } = multipartBody({ Targets: ["/redfish/v1/Managers/1"] }, image, "bmc.bin");
    const boundary = /boundary=(.+)$/.exec(contentType)![1];
    const parts = parseMultipart(body, boundary)!;
    expect(parts.map((part) => [part.name, part.filename])).toEqual([
      ["UpdateParameters", undefined],
      ["UpdateFile", "bmc.bin"],
    ]);
    expect(JSON.parse(parts[0].data.toString())).toEqual({ Targets: ["/redfish/v1/Managers/1"] });
    expect(parts[1].data.equals(image)).toBe(true);
  });

  it("gives undefined for a body that is not well formed", () => {
    expect(parseMultipart(Buffer.from("no boundary here"), "b")).toBeUndefined();
    expect(parseMultipart(Buffer.from("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nunterminated"), "b")).toBeUndefined();
    expect(parseMultipart(Buffer.from("--b\r\nno header end--b--"), "b")).toBeUndefined();
  });
});
