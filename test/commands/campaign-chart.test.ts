import { Resvg } from '@resvg/resvg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPng } from '../../bot/render/chart-png.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Where each text of the picture ends once drawn: every `<text>` rendered alone by resvg (the
 * renderer of the PNG, with the same fonts) and its box measured.
 */
function renderedTextBoxes(svg: string): { text: string; left: number; right: number }[] {
  const open = svg.slice(0, svg.indexOf('>') + 1);
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map(([element, text]) => {
    const box = new Resvg(`${open}${element}</svg>`, {
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    }).getBBox();
    if (!box) throw new Error(`nothing drawn for ${text}`);
    return { text: text ?? '', left: box.x, right: box.x + box.width };
  });
}

/** Ecuador's provinces with the longest names, a unit each, every session overdue on many steps. */
const LONG_NAMES_ROSTER = [
  'codigo,nombre,provincia,tipo,responsable',
  'SDT-DP,Dirección Provincial,Santo Domingo de los Tsáchilas,direccion-provincial,',
  'SDT-H1,Hospital,Santo Domingo de los Tsáchilas,hospital,',
  'ORE-DP,Dirección Provincial,Francisco de Orellana,direccion-provincial,',
  'ZCH-DP,Dirección Provincial,Zamora Chinchipe,direccion-provincial,',
  'MSA-DP,Dirección Provincial,Morona Santiago,direccion-provincial,',
].join('\n');

/** "Francisco de Orellana" is Orellana's capital, not a province: a campaign file may list any name. */
const LONG_PROVINCES = [
  'Santo Domingo de los Tsáchilas',
  'Francisco de Orellana',
  'Zamora Chinchipe',
  'Morona Santiago',
];

describe('the campaign chart', () => {
  it.each(['es', 'en'] as const)(
    'draws every label and overdue count inside the picture, whatever the province names (%s)',
    (locale) => {
      bot = createTestBot({ roster: LONG_NAMES_ROSTER, provinces: LONG_PROVINCES, now: '2026-09-01T14:00:00Z' });
      for (const code of ['SDT-DP', 'SDT-H1', 'ORE-DP', 'ZCH-DP', 'MSA-DP']) {
        bot.send(`registrar ${code} 12/09/2026 10:00 zoom video=si cultural=si`);
      }
      bot.clock.set('2026-10-20T15:00:00Z');
      const { image } = bot.send('resumen grafico', { locale });
      if (!image) throw new Error('no chart');
      expect(image.svg).toContain('Santo Domingo de los Tsáchilas</text>');
      expect(image.svg).toMatch(/⚠ \d+ (atrasados|overdue)<\/text>/);
      const boxes = renderedTextBoxes(image.svg);
      expect(boxes.length).toBeGreaterThan(10);
      for (const box of boxes) {
        expect(box.left, box.text).toBeGreaterThanOrEqual(0);
        expect(box.right, box.text).toBeLessThanOrEqual(image.width);
      }
      // The labels end before the bars begin.
      const barX = Number(/<rect x="(\d+)" y="\d+" width="460"/.exec(image.svg)?.[1]);
      const label = boxes.find((box) => box.text === 'Santo Domingo de los Tsáchilas');
      expect(label?.right).toBeLessThan(barX);
      expect(pngSize(renderPng(image)).width).toBe(image.width);
    },
  );

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
    expect(image.width).toBeGreaterThanOrEqual(900);
    expect(pngSize(renderPng(image))).toEqual({ width: image.width, height: image.height });
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
