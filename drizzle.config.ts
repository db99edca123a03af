import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a new migration from the schema; it needs no database.
export default defineConfig({ dialect: "postgresql", schema: "./src/server/db/schema/index.ts", out: "./drizzle" });
