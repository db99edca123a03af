// The plain baseline of the public-pages bench (issue 11 #7): Node http + postgres.js doing the same indexed
// token lookup as /v/{token}, answering a small HTML page. Prints its port on stdout.
import http from "node:http";
import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL, { max: 10 });
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const server = http.createServer(async (req, res) => {
  const token = decodeURIComponent((req.url ?? "").split("/").pop() ?? "");
  const [c] = await sql`select number, state, valid_until, snapshot from certificates where token = ${token}`;
  if (!c) return res.writeHead(404).end("未找到");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><title>核验</title><h1>${esc(c.state)}</h1><p>${esc(c.number)} ${esc(c.valid_until)} ${esc(c.snapshot.instrument.name)}</p>`);
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => console.log(server.address().port));
