import type { FIRMWARE_TYPES } from "~/db/schema/choices";

export type FirmwareType = (typeof FIRMWARE_TYPES)[number];
