// PostgreSQL's text for a timestamptz in a UTC session: `2026-11-30 19:10:23.123456+00`.
const UTC_TIMESTAMP = /^([1-9]\d{3})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamp read by a list, which knows its ISO text already: a page's DTOs turn each timestamp
 * into that text, and parsing PostgreSQL's text into a Date then formatting it back cost more CPU
 * than any other step of the row mapping. It is the same instant, so it is a Date to every caller.
 */
class ListedTimestamp extends Date {
  constructor(
    milliseconds: number,
    private readonly iso: string,
  ) {
    super(milliseconds);
  }

  override toISOString(): string {
    return this.iso;
  }
}

/**
 * The Date drizzle reads from a timestamptz's text (`new Date(text)`: milliseconds truncated), with
 * its ISO text worked out from the text. Anything but a UTC timestamp of years 1000-9999 (never
 * written by Rackpilot) is left to `fallback`.
 */
export function readTimestamp(text: unknown, fallback: (value: unknown) => unknown): unknown {
  const match = typeof text === "string" ? UTC_TIMESTAMP.exec(text) : null;
  if (!match) return fallback(text);
  const [, year, month, day, hour, minute, second, fraction = ""] = match as unknown as string[];
  const millis = `${fraction}000`.slice(0, 3);
  const milliseconds = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(millis));
  return new ListedTimestamp(milliseconds, `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}Z`);
}
