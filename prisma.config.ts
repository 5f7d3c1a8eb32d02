import "dotenv/config";
import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here and `prisma migrate deploy` in production;
// migrations are created offline by scripts/create-migration.mjs (see README).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
