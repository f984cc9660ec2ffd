import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { chatButtons } from '../schema.js';

/** What a button needs to be pressed later: its action, its payload and the text it asks for first. */
export interface StoredButton {
  actionId: string;
  payload: string;
  input?: { label: string; placeholder?: string };
}

/** The row id of this button, stored on first use; the same button always gets the same id. */
export function storeButton(db: Database, button: StoredButton): number {
  const input = button.input ? { label: button.input.label, placeholder: button.input.placeholder } : null;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([button.actionId, button.payload, input]))
    .digest('base64url');
  const existing = db.orm
    .select({ id: chatButtons.id })
    .from(chatButtons)
    .where(eq(chatButtons.fingerprint, fingerprint))
    .get();
  if (existing) return existing.id;
  return db.orm
    .insert(chatButtons)
    .values({ fingerprint, actionId: button.actionId, payload: button.payload, input })
    .onConflictDoUpdate({ target: chatButtons.fingerprint, set: { fingerprint } })
    .returning({ id: chatButtons.id })
    .get().id;
}

export function findButton(db: Database, id: number): StoredButton | undefined {
  const row = db.orm.select().from(chatButtons).where(eq(chatButtons.id, id)).get();
  if (!row) return undefined;
  return { actionId: row.actionId, payload: row.payload, input: row.input ?? undefined };
}
