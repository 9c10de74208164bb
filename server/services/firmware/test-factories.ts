import { createHash, randomBytes } from "node:crypto";
import type { DbExecutor } from "~/db/client";
import { firmwareBinaries } from "~/db/schema";

/** For tests only: a catalog row with no stored file behind it (for lists, filters, baselines). */
export async function insertFirmwareBinary(db: DbExecutor, values: Partial<typeof firmwareBinaries.$inferInsert> = {}) {
  const checksum = createHash("sha256").update(randomBytes(16)).digest("hex");
  const [row] = await db
    .insert(firmwareBinaries)
    .values({
      name: "Dell R750 BIOS",
      firmwareType: "bios",
      version: "1.12.2",
      manufacturer: "Dell",
      models: ["PowerEdge R750"],
      location: `http://127.0.0.1:9/firmware/${checksum}.bin`,
      checksum,
      size: 1024,
      ...values,
    })
    .returning();
  return row!;
}
