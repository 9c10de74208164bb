import { eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBaselineBinaries } from "~/db/schema";

/** Replaces the baseline's whole set of binaries (MOJO: "replaced, not appended"); duplicates collapse. */
export async function setBaselineBinaries(db: DbExecutor, baselineId: number, binaryIds: number[]): Promise<void> {
  const unique = [...new Set(binaryIds)];
  await db.delete(firmwareBaselineBinaries).where(eq(firmwareBaselineBinaries.baselineId, baselineId));
  if (unique.length) await db.insert(firmwareBaselineBinaries).values(unique.map((firmwareBinaryId) => ({ baselineId, firmwareBinaryId })));
}
