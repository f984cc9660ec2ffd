import type { Database } from '../db/client.js';
import { findButton, type StoredButton, storeButton } from '../db/queries/chat-buttons.js';

/**
 * Buttons kept by row id, for a platform whose button ids are too short for an action and its
 * payload (Discord allows 100 characters): transport plumbing an adapter uses without reading
 * the product's data.
 */
export interface ButtonStore {
  /** The same button always gets the same id. */
  store(button: StoredButton): number;
  find(ref: number): StoredButton | undefined;
}

export function createButtonStore(db: Database): ButtonStore {
  return { store: (button) => storeButton(db, button), find: (ref) => findButton(db, ref) };
}
