import { describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { orderingNames } from "./run";

const config = { ordering: { id: users.id, username: users.username, date_joined: users.dateJoined }, defaultOrdering: ["username"] };

describe("orderingNames (DRF's OrderingFilter)", () => {
  it.each([
    [undefined, ["username"]],
    ["", ["username"]],
    ["-date_joined", ["-date_joined"]],
    ["date_joined, -id", ["date_joined", "-id"]],
    ["nope,-username,password_hash", ["-username"]],
    ["nope,--id", ["username"]],
    ["constructor,__proto__,toString", ["username"]],
  ])("%j -> %j", (ordering, names) => {
    expect(orderingNames(config, ordering)).toEqual(names);
  });
});
