import { describe, expect, it } from "vitest";
import { parseFaultsPatch } from "./control";

describe("parseFaultsPatch", () => {
  it("takes the config file's fault keys, null clearing one", () => {
    expect(parseFaultsPatch({ errorRate: 0.1, lockout: { attempts: 3, durationMs: 1000 }, hang: null })).toEqual({
      errorRate: 0.1,
      lockout: { attempts: 3, durationMs: 1000 },
      hang: undefined,
    });
  });

  it("refuses unknown keys, bad values and non-objects as a whole", () => {
    expect(parseFaultsPatch({ errorRate: 0.1, explode: true })).toMatch(/unknown fault "explode"/);
    expect(parseFaultsPatch({ errorRate: 2 })).toMatch(/errorRate/);
    expect(parseFaultsPatch([1])).toMatch(/JSON object/);
    expect(parseFaultsPatch(undefined)).toMatch(/JSON object/);
  });
});
