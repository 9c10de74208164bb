import { FIRMWARE_TYPES, type FirmwareType } from "~/server/services/firmware/schemas";

const LABELS: Record<FirmwareType, string> = {
  bios: "BIOS",
  bmc: "BMC",
  storage_controller: "Storage controller",
  lsi_3108: "LSI 3108",
  service_pack: "Service pack",
  nic: "NIC",
  other: "Other",
};

export const firmwareTypeLabel = (type: FirmwareType) => LABELS[type];
export const firmwareTypeOptions = FIRMWARE_TYPES.map((value) => ({ value, label: LABELS[value] }));

/** The models input is one comma-separated line; the API takes a list. */
export const modelsFromText = (text: string) => text.split(",").map((model) => model.trim()).filter(Boolean);
