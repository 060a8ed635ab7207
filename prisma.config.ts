// Prisma CLI config. The CLI's own migrate commands need a native engine that cannot be
// downloaded offline; `npm run db:migrate` uses the WebAssembly engine instead (scripts/db/).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/wallet' },
});
