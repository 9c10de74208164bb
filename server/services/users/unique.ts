import { isUniqueViolation } from "~/server/lib/db-errors";
import { ValidationError } from "../errors";

/**
 * Runs a write that may set a username; the unique constraint, not an earlier read, decides whether
 * it is taken, so two concurrent requests cannot both pass.
 */
export async function withUniqueUsername<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "users_username_unique")) throw ValidationError.field("username", "A user with that username already exists.");
    throw error;
  }
}
