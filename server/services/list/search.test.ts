import { describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { DomainError } from "../errors";
import { searchCondition, searchTerms } from "./search";

describe("searchTerms (DRF's search_smart_split)", () => {
  it.each([
    ["one", ["one"]],
    ["  two   words ", ["two", "words"]],
    ["comma,separated, terms", ["comma", "separated", "terms"]],
    ['"a phrase" word', ["a phrase", "word"]],
    ["'single quoted phrase'", ["single quoted phrase"]],
    ['"phrase, with comma"', ["phrase, with comma"]],
    ['",quoted,"', [",quoted,"]],
    ['"escaped \\" quote"', ['escaped " quote']],
    ['unclosed "quote here', ["unclosed", '"quote', "here"]],
    [",,,", []],
    ["", []],
  ])("%j -> %j", (search, terms) => {
    expect(searchTerms(search)).toEqual(terms);
  });
});

describe("searchCondition", () => {
  it("is no condition for an empty search or no search fields", () => {
    expect(searchCondition(undefined, [users.username])).toBeUndefined();
    expect(searchCondition(" , ", [users.username])).toBeUndefined();
    expect(searchCondition("alice", [])).toBeUndefined();
  });

  it("rejects a NUL character with DRF's bare-list 400, even without search fields", () => {
    for (const fields of [[users.username], []]) {
      let error: unknown;
      try {
        searchCondition("a\0b", fields);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(400);
      expect((error as DomainError).body).toEqual(["Null characters are not allowed."]);
    }
  });
});
