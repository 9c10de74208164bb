import { count, inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { authCredentials, type AuthProfileRow } from "~/db/schema";
import { isoDateTime } from "~/server/lib/fields";
import type { AuthProfileDto, CredentialDto } from "./schemas";

export async function toAuthProfileDtos(db: DbExecutor, rows: AuthProfileRow[]): Promise<AuthProfileDto[]> {
  const ids = rows.map((row) => row.id);
  const counts = ids.length
    ? await db
        .select({ profileId: authCredentials.authProfileId, total: count() })
        .from(authCredentials)
        .where(inArray(authCredentials.authProfileId, ids))
        .groupBy(authCredentials.authProfileId)
    : [];
  return rows.map((row) => ({
    id: row.id,
    node_classification: row.nodeClassification,
    bmc: row.bmc as AuthProfileDto["bmc"],
    credentials_count: counts.find((c) => c.profileId === row.id)?.total ?? 0,
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
  }));
}

export async function toAuthProfileDto(db: DbExecutor, row: AuthProfileRow): Promise<AuthProfileDto> {
  const [dto] = await toAuthProfileDtos(db, [row]);
  return dto!;
}

/** Only these three columns ever leave the service: never the ciphertext or its key id. */
export function toCredentialDto(row: { id: number; username: string; createdAt: Date }): CredentialDto {
  return { id: row.id, username: row.username, created_at: isoDateTime(row.createdAt) };
}
