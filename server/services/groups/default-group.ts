/** The group every installation starts with (created by the first migration); it cannot be deleted. */
export const DEFAULT_GROUP_ID = 1;
