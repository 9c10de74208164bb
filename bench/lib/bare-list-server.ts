// The least any Node server can do for one list request: node:http and the postgres driver running the
// statements a Rackpilot request runs (given in a JSON file), answering the rows as JSON. No routing,
// token check, validation or mapping: bench/server-list.ts measures it next to the API as the floor
// this machine sets. Usage: node --import tsx bench/lib/bare-list-server.ts <statements.json> <port>
import http from "node:http";
import { readFileSync } from "node:fs";
import postgres from "postgres";

const [file, port] = process.argv.slice(2);
const { url, statements } = JSON.parse(readFileSync(file!, "utf8")) as { url: string; statements: Array<{ text: string; params: never[] }> };
const sql = postgres(url, { max: 20, onnotice: () => {} });

http
  .createServer(async (_request, response) => {
    let rows: unknown[] = [];
    for (const statement of statements) rows = await sql.unsafe(statement.text, statement.params, { prepare: true });
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ count: rows.length, next: null, previous: null, results: rows }));
  })
  .listen(Number(port), "127.0.0.1", () => process.stdout.write("listening\n"));
