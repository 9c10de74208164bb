import { describe, expect, it } from "vitest";
import { readTimestamp } from "./timestamps";

const asDrizzleReadsIt = (text: unknown) => new Date(text as string);

/** PostgreSQL's text for an instant in a UTC session, with `digits` fractional digits of microseconds. */
function postgresText(date: Date, microseconds: number, digits: number): string {
  const base = date.toISOString().slice(0, 19).replace("T", " ");
  const fraction = String(date.getUTCMilliseconds() * 1000 + microseconds)
    .padStart(6, "0")
    .slice(0, digits)
    .replace(/0+$/, "");
  return `${base}${fraction ? `.${fraction}` : ""}+00`;
}

describe("readTimestamp", () => {
  it("is the instant and the ISO text drizzle's Date gives, for any UTC timestamp PostgreSQL writes", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const texts = ["2026-11-30 19:10:23+00", "2026-11-30 19:10:23.9999+00", "2026-11-30 19:10:23.000999+00", "1000-01-01 00:00:00.5+00", "9999-12-31 23:59:59.999999+00"];
    for (let i = 0; i < 2000; i++) {
      const date = new Date(Date.UTC(1000, 0, 1) + Math.floor(random() * (Date.UTC(9999, 11, 31) - Date.UTC(1000, 0, 1))));
      texts.push(postgresText(date, Math.floor(random() * 1000), 1 + Math.floor(random() * 6)));
    }
    for (const text of texts) {
      const read = readTimestamp(text, asDrizzleReadsIt) as Date;
      const expected = asDrizzleReadsIt(text);
      expect(read).toBeInstanceOf(Date);
      expect([text, read.getTime(), read.toISOString(), JSON.stringify(read)]).toEqual([text, expected.getTime(), expected.toISOString(), JSON.stringify(expected)]);
    }
  });

  it("leaves anything else to the fallback", () => {
    for (const value of ["0999-01-01 00:00:00+00", "2026-11-30 19:10:23+02", "infinity", "2026-11-30 19:10:23 BC+00", null, 5]) {
      expect(readTimestamp(value, (text) => ["fallback", text])).toEqual(["fallback", value]);
    }
  });
});
