import { eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBaselines, firmwareBinaries } from "~/db/schema";
import { alreadyExists } from "~/server/lib/db-errors";
import { assertPksExist } from "~/server/lib/fields";
import { ValidationError, type FieldErrors } from "../errors";
import type { BaselineUpdateInput } from "./schemas";

// Checked here for DRF's all-fields-at-once report; a concurrent create is stopped by the unique index.
const NAME_TAKEN = alreadyExists("firmware_baselines", "name");

/** DRF reports every failing field at once: the unique name and the binary ids are checked together. */
export async function assertBaselineValid(db: DbExecutor, input: BaselineUpdateInput, exceptId?: number): Promise<void> {
  const errors: FieldErrors = {};
  if (input.name !== undefined) {
    const [taken] = await db.select({ id: firmwareBaselines.id }).from(firmwareBaselines).where(eq(firmwareBaselines.name, input.name));
    if (taken && taken.id !== exceptId) errors.name = [NAME_TAKEN];
  }
  try {
    await assertPksExist(db, firmwareBinaries, firmwareBinaries.id, "firmware_binaries", input.firmware_binaries);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(errors, error.fields);
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
