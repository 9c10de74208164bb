import { eq } from "drizzle-orm";
import { authProfiles, type AuthProfileRow } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toAuthProfileDto } from "./dto";

export async function findAuthProfileRow(ctx: ServiceContext, id: number, lock?: "update"): Promise<AuthProfileRow> {
  if (!fitsInteger(id)) throw new NotFoundError("AuthProfile");
  const query = ctx.db.select().from(authProfiles).where(eq(authProfiles.id, id));
  const [row] = await (lock ? query.for(lock) : query);
  if (!row) throw new NotFoundError("AuthProfile");
  return row;
}

export async function getAuthProfile({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toAuthProfileDto(ctx.db, await findAuthProfileRow(ctx, input.id));
}
