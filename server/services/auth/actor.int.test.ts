import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { groups, userGroups, users } from "~/db/schema";
import { useFreshDatabase } from "~/db/testing/database";
import { createTestUser } from "~/server/testing/factories";
import { loadUserActor } from "./actor";

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await useFreshDatabase()));
afterAll(async () => drop());

// The lookup is one prepared statement reused per database handle: each call must still read the row as it is now.
describe("loadUserActor", () => {
  it("reads the user and memberships as they are at each call, on one handle and in a transaction", async () => {
    const db = getDb();
    const lab = (await db.insert(groups).values({ name: "actor-lab" }).returning())[0]!.id;
    const user = await createTestUser(db, { username: "actor-reader", groups: [] });
    const other = await createTestUser(db, { username: "actor-other", isStaff: true, groups: [1, lab] });

    expect(await loadUserActor(db, user.id)).toEqual({ kind: "user", userId: user.id, username: "actor-reader", isStaff: false, groupIds: [] });
    await db.insert(userGroups).values([
      { userId: user.id, groupId: lab },
      { userId: user.id, groupId: 1 },
    ]);
    expect((await loadUserActor(db, user.id))?.groupIds).toEqual([1, lab]);
    expect(await loadUserActor(db, other.id)).toMatchObject({ username: "actor-other", isStaff: true, groupIds: [1, lab] });

    await db.transaction(async (tx) => {
      await tx.update(users).set({ isStaff: true }).where(eq(users.id, user.id));
      expect(await loadUserActor(tx, user.id)).toMatchObject({ isStaff: true, groupIds: [1, lab] });
    });
    await db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect(await loadUserActor(db, user.id)).toBeNull();
    expect(await loadUserActor(db, 2_000_000_000)).toBeNull();
  });
});
