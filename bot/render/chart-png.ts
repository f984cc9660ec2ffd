import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { ReplyFile, ReplyImage } from '../../commands/core/types.js';

/** The reply's SVG as PNG bytes, rendered in the process (resvg): no browser, no chart service. */
export function renderPng(image: ReplyImage): Buffer {
  const rendered = new Resvg(image.svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: image.width },
  }).render();
  return rendered.asPng();
}

/** Writes the PNG into `directory` and returns its absolute path. */
export function savePng(image: ReplyImage, directory: string): string {
  mkdirSync(directory, { recursive: true });
  const path = resolve(join(directory, `${image.name}.png`));
  writeFileSync(path, renderPng(image));
  return path;
}

/** Writes a reply's file (the CSV export) into `directory` and returns its absolute path. */
export function saveFile(file: ReplyFile, directory: string): string {
  mkdirSync(directory, { recursive: true });
  const path = resolve(join(directory, file.name));
  writeFileSync(path, file.content, 'utf8');
  return path;
}
