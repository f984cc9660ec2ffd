/** Why YouTube refused a link, in the reader's words; an unknown code is shown as it is. */
export function refusalReason(
  t: { youtube: { problems: Record<string, string> } },
  problem: string | null | undefined,
): string {
  return (problem ? t.youtube.problems[problem] : undefined) ?? problem ?? '';
}
