import type { Habits } from "../types";

/** Habits every profile has, with their defaults. */
export const COMMON_HABITS = { dropSessionsOnReset: true, inventoryLagMs: 0 } as const satisfies Habits;

/** Habits of every profile whose updates run as Redfish tasks (all but iLO 4). */
export const TASK_HABITS = { ...COMMON_HABITS, tasksPurgedEarly: false } as const satisfies Habits;
