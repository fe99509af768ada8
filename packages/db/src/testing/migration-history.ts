import { randomUUID } from "node:crypto";

import { queryOnce } from "./databases.ts";

/**
 * The migration history (`_prisma_migrations`) of a test database, edited as its owner (the app's
 * role may only read it), to stage what `migrate deploy` leaves behind: a migration not applied, an
 * attempt that failed, one applied by a newer release.
 */
export const migrationHistory = (url: string) => ({
  /** Removes the row of `name` (by default the latest migration); `restore` puts it back as it was. */
  forget: async (name?: string) => {
    const { rows } = name
      ? await queryOnce(url, "SELECT * FROM _prisma_migrations WHERE migration_name = $1", [name])
      : await queryOnce(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1");
    const row = rows[0];
    if (!row) throw new Error(`no migration ${name ?? ""} in the history to forget`);
    await queryOnce(url, "DELETE FROM _prisma_migrations WHERE id = $1", [row.id]);
    const columns = Object.keys(row);
    const restore = async () => {
      await queryOnce(
        url,
        `INSERT INTO _prisma_migrations (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
        Object.values(row),
      );
    };
    return { name: row.migration_name as string, restore };
  },
  /** Records an attempt at `name` as `migrate deploy` writes one: finished (applied) or not (failed); `remove` deletes it. */
  record: async (name: string, { finished }: { finished: boolean }) => {
    const id = randomUUID();
    await queryOnce(
      url,
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, 'x', $2, now(), $3, $4)",
      [id, name, finished ? new Date() : null, finished ? 1 : 0],
    );
    return {
      id,
      remove: async () => void (await queryOnce(url, "DELETE FROM _prisma_migrations WHERE id = $1", [id])),
    };
  },
  /** Marks every attempt at `name` rolled back, as `migrate resolve --rolled-back` does. */
  rollBack: async (name: string) =>
    void (await queryOnce(url, "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1", [
      name,
    ])),
});
