// jurisdiction.ts still imports these from here; the shared helpers live in src/server/db.
export { page } from "@/server/db/keyset";
export { escapeLike } from "@/server/db/like";
