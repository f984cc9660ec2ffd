const BAR_WIDTH = 10;

/** `▓▓▓▓░░░░░░ 40 %`: text every platform shows the same way. */
export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * width);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(ratio * 100)} %`;
}
