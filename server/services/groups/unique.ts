import { isUniqueViolation } from "~/server/lib/db-errors";
import { ValidationError } from "../errors";

/** Runs a write that may set a group name; the unique constraint decides whether the name is taken. */
export async function withUniqueGroupName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "groups_name_unique")) throw ValidationError.field("name", "group with this name already exists.");
    throw error;
  }
}
