import { afterEach, describe, expect, it } from 'vitest';
import { renderPng } from '../../bot/render/chart-png.js';
import { createTestBot, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the campaign chart', () => {
  it('draws every province and every phase, with the share of steps done', () => {
    bot = createTestBot();
    bot.send('registrar PIC-DP 15/09/2026 10:00 zoom');
    bot.send('marcar PIC-DP invitacion');
    const { image } = bot.send('resumen grafico');
    expect(image?.name).toBe('resumen-2026-09-01');
    for (const label of ['Guayas', 'Manabí', 'Pichincha', 'Antes', 'Durante', 'Después']) {
      expect(image?.svg).toContain(`>${label}</text>`);
    }
    expect(image?.svg).toContain('>11 % · 1/2 registradas</text>');
    expect(image?.svg).toContain('1 de 4 rendiciones registradas');
  });

  it('renders to a PNG of the size the SVG declares', () => {
    bot = createTestBot();
    const { image } = bot.send('resumen grafico');
    if (!image) throw new Error('no chart');
    expect(pngSize(renderPng(image))).toEqual({ width: 900, height: image.height });
    expect(image.height).toBeGreaterThan(200);
  });

  it('escapes names so a unit or province cannot break the picture', () => {
    bot = createTestBot({
      roster: 'codigo,nombre,provincia,tipo,responsable\nX-1,Unidad <1>,"Santa Rosa & Co",hospital,\n',
      provinces: ['Santa Rosa & Co'],
    });
    const { image } = bot.send('resumen grafico');
    expect(image?.svg).toContain('>Santa Rosa &amp; Co</text>');
    expect(() => renderPng(image ?? { svg: '', width: 1, height: 1, name: '', altText: '' })).not.toThrow();
  });

  it('comes with the plain summary only when asked for', () => {
    bot = createTestBot();
    expect(bot.send('resumen').image).toBeUndefined();
    expect(bot.send('resumen foto').rendered).toContain('Sobra `foto`');
  });
});
