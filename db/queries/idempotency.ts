import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { idempotencyKeys } from '../schema.js';

export function findStoredReply(db: Database, key: string): unknown | undefined {
  return db.orm.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).get()?.reply;
}

export function storeReply(db: Database, key: string, reply: unknown, at: Date): void {
  db.orm.insert(idempotencyKeys).values({ key, reply, createdAt: at }).onConflictDoNothing().run();
}
