import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { firmwareBaselineBinaries, firmwareBaselines, firmwareBinaries } from "~/db/schema";
import type { ServiceContext } from "../context";
import { DomainError, NotFoundError } from "../errors";
import { requireStaff } from "../permissions";
import { lockChecksum } from "./create";
import { removeStoredFile } from "./storage";

/** Refuses while a baseline uses the binary; removes the stored file once no binary has that content. */
export async function deleteFirmware({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  requireStaff(ctx);
  await ctx.db.transaction(async (tx) => {
    // FOR UPDATE: a baseline cannot start using the binary between the check and the delete.
    const [row] = await tx.select().from(firmwareBinaries).where(eq(firmwareBinaries.id, input.id)).for("update");
    if (!row) throw new NotFoundError("FirmwareBinary");
    const users = await tx
      .select({ name: firmwareBaselines.name })
      .from(firmwareBaselineBinaries)
      .innerJoin(firmwareBaselines, eq(firmwareBaselines.id, firmwareBaselineBinaries.baselineId))
      .where(eq(firmwareBaselineBinaries.firmwareBinaryId, row.id))
      .orderBy(asc(firmwareBaselines.name));
    if (users.length) {
      throw new DomainError(400, { detail: `Firmware binary ${row.id} is used by baselines: ${users.map((u) => u.name).join(", ")}.` });
    }
    await lockChecksum(tx, row.checksum);
    await tx.delete(firmwareBinaries).where(eq(firmwareBinaries.id, row.id));
    const [sharer] = await tx
      .select({ id: firmwareBinaries.id })
      .from(firmwareBinaries)
      .where(and(eq(firmwareBinaries.checksum, row.checksum), isNotNull(firmwareBinaries.storedPath), ne(firmwareBinaries.id, row.id)))
      .limit(1);
    if (row.storedPath && !sharer) await removeStoredFile(row.checksum);
  });
}
