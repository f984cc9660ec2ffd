import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
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

/** Writes the PNG into `directory` and returns its absolute path; an earlier one is never overwritten. */
export function savePng(image: ReplyImage, directory: string): string {
  return writeNewFile(directory, image.name, '.png', renderPng(image));
}

/** Writes a reply's file (the CSV export) into `directory` and returns its absolute path; never overwrites. */
export function saveFile(file: ReplyFile, directory: string): string {
  const extension = extname(file.name);
  return writeNewFile(directory, basename(file.name, extension), extension, file.content);
}

/**
 * Writes `name.ext`, or `name-2.ext`, `name-3.ext`… when that exists: the second export of a day
 * keeps the first (`wx` fails on an existing file, so two processes never take the same name).
 */
function writeNewFile(directory: string, name: string, extension: string, content: string | Buffer): string {
  mkdirSync(directory, { recursive: true });
  for (let copy = 1; ; copy += 1) {
    const path = resolve(join(directory, `${name}${copy === 1 ? '' : `-${copy}`}${extension}`));
    try {
      writeFileSync(path, content, typeof content === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
