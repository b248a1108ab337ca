import type { RapportDB } from '@/lib/db/db';

/**
 * Makes writes to `table` fail as a full disk does (QuotaExceededError) while `refusing` is true.
 * Install it before the database is first used: Dexie builds its middleware stack on open.
 */
export function refuseWritesTo(database: RapportDB, table: string): { refusing: boolean } {
  const toggle = { refusing: false };
  database.use({
    stack: 'dbcore',
    name: `refuse-writes-to-${table}`,
    create: (core) => ({
      ...core,
      table: (name) => {
        const inner = core.table(name);
        if (name !== table) return inner;
        return { ...inner, mutate: (req) => (toggle.refusing ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : inner.mutate(req)) };
      },
    }),
  });
  return toggle;
}
