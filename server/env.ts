import { availableParallelism } from "node:os";
import ipaddr from "ipaddr.js";
import { z } from "zod";

const positiveNumber = (fallback: number) =>
  z.coerce.number({ error: "expected a number" }).positive({ error: "expected a number greater than 0" }).default(fallback);
const positiveInteger = (fallback: number) =>
  z.coerce.number({ error: "expected a whole number" }).int({ error: "expected a whole number" }).positive({ error: "expected a whole number greater than 0" }).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "expected true or false" })
    .transform((value) => ["true", "1", "yes"].includes(value))
    .default(fallback);
const text = () => z.string();
const commaList = () => z.string().transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean));

// Per vendor, vendor/firmware type, "*" or "*/firmware type": update timeouts in seconds.
const updateTimeoutOverrides = z.record(
  z.string(),
  z.object({ task: z.number().positive(), bmc_return: z.number().positive(), graceful_restart: z.number().positive(), power_on: z.number().positive(), poll: z.number().positive() }).partial().strict(),
);

/**
 * Every setting Rackpilot reads from the environment, with its type and default: the one place to add
 * one (one line here, one row in README's configuration table). Values are parsed when read, so a
 * test or a tool may change `process.env` at run time; `checkEnvironment()` reports every bad value at start.
 */
const variables = {
  PORT: z.coerce.number({ error: "expected a port number" }).int().min(0).max(65535, { error: "expected a port number" }).default(3000),
  RACKPILOT_DATA_DIR: text().default(".rackpilot"),
  RACKPILOT_PG_DIR: text().optional(),
  RACKPILOT_PG_LOG: flag(false),
  RACKPILOT_SECRET: text().optional(),
  RACKPILOT_PREVIOUS_SECRETS: commaList().default([]),
  RACKPILOT_ADMIN_USER: text().default("admin"),
  RACKPILOT_ADMIN_PASSWORD: z.string().min(8, { error: "expected at least 8 characters" }).optional(),
  RACKPILOT_ACCESS_TOKEN_LIFETIME: positiveNumber(24 * 3600),
  RACKPILOT_REFRESH_TOKEN_LIFETIME: positiveNumber(7 * 24 * 3600),
  RACKPILOT_ROTATE_REFRESH_TOKENS: flag(false),
  RACKPILOT_LOGIN_FAILURE_LIMIT: positiveInteger(10),
  RACKPILOT_LOGIN_FAILURE_WINDOW: positiveNumber(300),
  RACKPILOT_LOGIN_USERNAME_MAX_DELAY: z.coerce.number({ error: "expected a number" }).min(0, { error: "expected 0 or more" }).default(10),
  RACKPILOT_PASSWORD_HASH_CONCURRENCY: positiveInteger(availableParallelism()),
  RACKPILOT_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+)$/, { error: "expected false, true (one proxy) or the number of proxies in front" })
    .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value)))
    .default(0),
  RACKPILOT_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).optional(),
  RACKPILOT_FIRMWARE_MAX_BYTES: positiveInteger(2 * 1024 ** 3),
  RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT: positiveNumber(1800),
  RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW: commaList()
    .refine((entries) => entries.every((entry) => ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry) || /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(entry)), {
      error: "expected comma-separated networks (CIDR), addresses and host names",
    })
    .optional(),
  RACKPILOT_WORKER: z.enum(["in-process", "external"], { error: "expected in-process or external" }).default("in-process"),
  RACKPILOT_WORKER_CONCURRENCY: positiveInteger(64),
  // Unset: as many as the worker's concurrency (see workerSettings.localQueueSize).
  RACKPILOT_WORKER_LOCAL_QUEUE: z.coerce
    .number({ error: "expected a whole number" })
    .int({ error: "expected a whole number" })
    .refine((size) => size === 0 || size >= 2, { error: "expected 0 (off) or a whole number of at least 2" })
    .optional(),
  RACKPILOT_WORKER_HEARTBEAT_INTERVAL: positiveNumber(5),
  RACKPILOT_WORKER_HEARTBEAT_EXPIRY: positiveNumber(30),
  RACKPILOT_SCAN_CONCURRENCY: positiveInteger(1024),
  RACKPILOT_SCAN_CONNECT_TIMEOUT: positiveNumber(1),
  RACKPILOT_SCAN_CHUNK_SIZE: positiveInteger(4096),
  RACKPILOT_SCAN_PROBE_CONCURRENCY: positiveInteger(64),
  RACKPILOT_SCAN_PROBE_TIMEOUT: positiveNumber(5),
  RACKPILOT_COMPLIANCE_NIGHTLY_HOUR: z
    .string()
    .regex(/^(off|\d{1,2})$/i, { error: "expected an hour from 0 to 23 (UTC) or off" })
    .transform((value) => (value.toLowerCase() === "off" ? null : Number(value)))
    .refine((hour) => hour === null || hour <= 23, { error: "expected an hour from 0 to 23 (UTC) or off" })
    .default(2),
  RACKPILOT_COMPLIANCE_HISTORY_DAYS: z.coerce.number({ error: "expected a whole number" }).int({ error: "expected a whole number" }).min(0, { error: "expected 0 or more" }).default(365),
  RACKPILOT_BMC_REQUEST_TIMEOUT: positiveNumber(15),
  RACKPILOT_BMC_LOCK_WAIT: z.coerce.number({ error: "expected a number" }).min(0, { error: "expected 0 or more" }).default(5),
  RACKPILOT_REGISTER_TIMEOUT: positiveNumber(180),
  RACKPILOT_REGISTER_CONCURRENCY: positiveInteger(32),
  RACKPILOT_REGISTRATION_RETENTION_DAYS: positiveNumber(7),
  RACKPILOT_WORKER_POLL_INTERVAL: positiveNumber(1),
  RACKPILOT_REMEDIATION_MAX_PARALLEL: positiveInteger(50),
  RACKPILOT_REMEDIATION_FAULT_BUDGET: positiveNumber(600),
  RACKPILOT_REMEDIATION_RESET_POLL_INTERVAL: positiveNumber(60),
  RACKPILOT_UPDATE_TIMEOUTS: text()
    .transform((value, context) => {
      try {
        return updateTimeoutOverrides.parse(JSON.parse(value));
      } catch {
        context.addIssue({ code: "custom", message: 'expected JSON such as {"*": {"poll": 5}, "HPE": {"task": 2400}, "Dell/bios": {"task": 3600}} (seconds)' });
        return z.NEVER;
      }
    })
    .default({}),
} satisfies Record<string, z.ZodType>;

export type Env = { [Name in keyof typeof variables]: z.output<(typeof variables)[Name]> };
export type EnvName = keyof Env;

export class EnvironmentError extends Error {}

function problem(name: string, value: string | undefined, error: z.ZodError): string {
  return `${name}=${JSON.stringify(value)}: ${error.issues[0]?.message ?? "invalid"}`;
}

// An empty value means "not set", as a shell's `VAR= npm start` intends.
const raw = (source: Record<string, string | undefined>, name: string) => (source[name] === "" ? undefined : source[name]);

/** One setting, parsed from the environment now. */
export function env<Name extends EnvName>(name: Name, source: Record<string, string | undefined> = process.env): Env[Name] {
  const result = variables[name].safeParse(raw(source, name));
  if (!result.success) throw new EnvironmentError(`Invalid setting ${problem(name, source[name], result.error)}`);
  return result.data as Env[Name];
}

/**
 * Checks every setting at once, before anything starts: throws one error naming each bad value, and
 * returns the names of unknown `RACKPILOT_*` variables (likely typos) for the caller to warn about.
 */
export function checkEnvironment(source: Record<string, string | undefined> = process.env): string[] {
  const problems = Object.entries(variables).flatMap(([name, schema]) => {
    const result = (schema as z.ZodType).safeParse(raw(source, name));
    return result.success ? [] : [problem(name, source[name], result.error)];
  });
  if (problems.length) {
    throw new EnvironmentError(`Rackpilot cannot start: fix or unset these settings (see README, Configuration):\n  ${problems.join("\n  ")}`);
  }
  return Object.keys(source).filter((name) => name.startsWith("RACKPILOT_") && !Object.hasOwn(variables, name));
}

/** For entry points: one clear message and exit 1 on a bad setting; a warning for unknown RACKPILOT_* names. */
export function requireValidEnvironment(): void {
  try {
    for (const name of checkEnvironment()) console.warn(`Warning: ${name} is not a Rackpilot setting (a typo?): ignored.`);
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
