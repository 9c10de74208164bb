import type { groups } from "~/db/schema";
import type { GroupDto } from "./schemas";

export const toGroupDto = (row: typeof groups.$inferSelect): GroupDto => ({ id: row.id, name: row.name });
