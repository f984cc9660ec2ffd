import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { idempotencyKeys } from '../schema.js';
import { preparedOnce } from './prepared.js';

const storedReply = preparedOnce((db) =>
  db.orm
    .select()
    .from(idempotencyKeys)
    .where(eq(idempotencyKeys.key, sql.placeholder('key')))
    .prepare(),
);

const insertReply = preparedOnce((db) =>
  db.orm
    .insert(idempotencyKeys)
    .values({ key: sql.placeholder('key'), reply: sql.placeholder('reply'), createdAt: sql.placeholder('createdAt') })
    .onConflictDoNothing()
    .prepare(),
);

export function findStoredReply(db: Database, key: string): unknown | undefined {
  return storedReply(db).get({ key })?.reply;
}

export function storeReply(db: Database, key: string, reply: unknown, at: Date): void {
  insertReply(db).run({ key, reply, createdAt: at });
}
