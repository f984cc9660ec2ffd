import type { PackedWords } from './packed-word-list.js';

export const PACKED_MAGIC: string;
export const PACKED_HEADER_BYTES: number;
export function packWords(words: string[]): PackedWords;
export function expandDictionary(): PackedWords;
export function writePackedFile(path: string, packed: PackedWords): void;
