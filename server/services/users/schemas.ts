import { pkList } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  is_staff: z.boolean().describe("Staff users manage users, groups and every group's resources."),
  is_active: z.boolean().describe("Inactive users cannot log in, and their tokens stop working."),
  groups: z.array(z.number().int()).describe("Ids of the groups the user belongs to."),
  date_joined: z.string().describe("ISO 8601, UTC."),
  last_login: z.string().nullable(),
});
export type UserDto = z.infer<typeof userSchema>;

const name = (max: number) => z.string().trim().max(max);

export const userFields = {
  username: z
    .string()
    .trim()
    .min(1)
    .max(150)
    .regex(/^[\w.@+-]+$/, { error: "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters." }),
  password: z.string().min(8, { error: "This password is too short. It must contain at least 8 characters." }).max(256).describe("Write-only."),
  email: z.union([z.literal(""), z.email().max(254)]),
  first_name: name(150),
  last_name: name(150),
  is_staff: z.boolean(),
  is_active: z.boolean(),
  groups: pkList(),
};

export const userCreateSchema = z.object({
  ...userFields,
  email: userFields.email.optional(),
  first_name: userFields.first_name.optional(),
  last_name: userFields.last_name.optional(),
  is_staff: userFields.is_staff.optional(),
  is_active: userFields.is_active.optional(),
  groups: userFields.groups.optional(),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

/** PUT: username required; PATCH: nothing required. Either way only the sent fields change. */
export const userReplaceSchema = userCreateSchema.extend({ password: userFields.password.optional() });
export const userPatchSchema = userReplaceSchema.partial();
export type UserUpdateInput = z.infer<typeof userPatchSchema>;
