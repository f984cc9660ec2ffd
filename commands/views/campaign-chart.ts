import type { CampaignTotals, ProvinceTotals } from '../core/campaign-totals.js';
import type { CommandContext } from '../core/types.js';
import { textWidth } from './text-width.js';

/** The chart's width when everything fits; long province names or notes widen it. */
export const CHART_WIDTH = 900;
const MARGIN = 24;
const ROW_HEIGHT = 22;
/** The narrowest label column, and the gaps between label and bar and between bar and note. */
const MIN_LABEL_WIDTH = 250;
const LABEL_GAP = 12;
const NOTE_GAP = 8;
const BAR_WIDTH = 460;
const LABEL_FONT_SIZE = 13;
const NOTE_FONT_SIZE = 12;
const TITLE_HEIGHT = 56;
const SECTION_GAP = 40;
const COLORS = { bar: '#1f3a5f', track: '#e3e8ef', text: '#1b1f24', muted: '#5b6673', overdue: '#b42318' };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Row {
  label: string;
  done: number;
  total: number;
  note: string;
}

/** What the chart draws: the campaign's counts, by phase and by province (`buildCampaignTotals` with `byProvince`). */
export type ChartFigures = Pick<CampaignTotals, 'units' | 'registered' | 'phases'> & {
  provinces: readonly ProvinceTotals[];
};

function rows(ctx: CommandContext, figures: ChartFigures): { provinces: Row[]; phases: Row[] } {
  // A stable sort: provinces the collator sees as equal keep the roster's order.
  const provinces = [...figures.provinces]
    .sort((a, b) => a.province.localeCompare(b.province, 'es'))
    .map((entry) => ({
      label: entry.province,
      done: entry.done,
      total: entry.applicable,
      note: ctx.t.chart.provinceNote(entry.registered, entry.units, entry.overdue),
    }));
  const phases = figures.phases.map((phase) => ({
    label: ctx.t.phases[phase.phase],
    done: phase.done,
    total: phase.applicable,
    note: ctx.t.chart.phaseNote(phase.overdue),
  }));
  return { provinces, phases };
}

const percentOf = (row: Row) => Math.round((row.total > 0 ? row.done / row.total : 0) * 100);
const noteText = (row: Row) => `${percentOf(row)} % · ${row.note}`;

/**
 * Where the bars start and how wide the picture is: the label column fits the longest label
 * ("Santo Domingo de los Tsáchilas"), and the picture widens so the longest note ends inside it.
 */
function layout(items: readonly Row[], titles: readonly { text: string; fontSize: number }[]) {
  const labelWidth = Math.max(
    MIN_LABEL_WIDTH,
    ...items.map((row) => textWidth(row.label, LABEL_FONT_SIZE) + LABEL_GAP),
  );
  const noteWidth = Math.max(0, ...items.map((row) => textWidth(noteText(row), NOTE_FONT_SIZE)));
  const barX = MARGIN + labelWidth;
  const width = Math.max(
    CHART_WIDTH,
    barX + BAR_WIDTH + NOTE_GAP + noteWidth + MARGIN,
    ...titles.map((title) => MARGIN + textWidth(title.text, title.fontSize) + MARGIN),
  );
  return { barX, width };
}

function barRows(items: readonly Row[], top: number, barX: number): string[] {
  return items.flatMap((row, index) => {
    const y = top + index * ROW_HEIGHT;
    const ratio = row.total > 0 ? row.done / row.total : 0;
    return [
      `<text x="${MARGIN}" y="${y + 15}" font-size="${LABEL_FONT_SIZE}" fill="${COLORS.text}">${escapeXml(row.label)}</text>`,
      `<rect x="${barX}" y="${y + 4}" width="${BAR_WIDTH}" height="14" rx="3" fill="${COLORS.track}"/>`,
      `<rect x="${barX}" y="${y + 4}" width="${Math.round(BAR_WIDTH * ratio)}" height="14" rx="3" fill="${COLORS.bar}"/>`,
      `<text x="${barX + BAR_WIDTH + NOTE_GAP}" y="${y + 15}" font-size="${NOTE_FONT_SIZE}" fill="${row.note.includes('⚠') ? COLORS.overdue : COLORS.muted}">${escapeXml(noteText(row))}</text>`,
    ];
  });
}

/**
 * The campaign as a picture (the Directorate would rather look than read): checklist progress by
 * province and by phase. Plain SVG, so it renders to PNG in the process with no browser.
 */
export function campaignChartSvg(
  ctx: CommandContext,
  figures: ChartFigures,
): { svg: string; width: number; height: number } {
  const { provinces, phases } = rows(ctx, figures);
  const subtitle = ctx.t.chart.subtitle(ctx.dates.dateTime(ctx.now), figures.registered, figures.units);
  const { barX, width } = layout(
    [...provinces, ...phases],
    [
      { text: ctx.campaign.name, fontSize: 20 },
      { text: subtitle, fontSize: 13 },
    ],
  );
  const provincesTop = MARGIN + TITLE_HEIGHT + 24;
  const phasesHeadingY = provincesTop + provinces.length * ROW_HEIGHT + SECTION_GAP;
  const phasesTop = phasesHeadingY + 12;
  const height = phasesTop + phases.length * ROW_HEIGHT + MARGIN;
  const heading = (y: number, text: string) =>
    `<text x="${MARGIN}" y="${y}" font-size="15" font-weight="bold" fill="${COLORS.text}">${escapeXml(text)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 20}" font-size="20" font-weight="bold" fill="${COLORS.text}">${escapeXml(ctx.campaign.name)}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + 44}" font-size="13" fill="${COLORS.muted}">${escapeXml(subtitle)}</text>`,
    heading(provincesTop - 6, ctx.t.chart.byProvince),
    ...barRows(provinces, provincesTop, barX),
    heading(phasesHeadingY, ctx.t.chart.byPhase),
    ...barRows(phases, phasesTop, barX),
    '</svg>',
  ];
  return { svg: parts.join('\n'), width, height };
}
