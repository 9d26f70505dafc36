import { plural } from '../../components/plural';
import type { PracticeAppraisalName } from '@scr/shared';
import { formatPartialDate } from '@scr/shared';

/** An episode's period in words: "1 Dec 2021 – 28 Feb 2022", one day alone, or "" when unset. */
export function formatEpisodePeriod(
  startDate: string | null | undefined,
  endDate: string | null | undefined,
): string {
  if (!startDate && !endDate) return '';
  if (startDate && endDate && startDate === endDate) return formatPartialDate(startDate, 'DAY');
  const start = startDate ? formatPartialDate(startDate, 'DAY') : 'start not set';
  const end = endDate ? formatPartialDate(endDate, 'DAY') : 'end not set';
  return `${start} – ${end}`;
}

/** What an episode still lacks before it can carry a finding. */
export function episodeGaps(episode: {
  appraisal: PracticeAppraisalName;
  viewFromTheTunnel?: string | null;
  factors: readonly unknown[];
}): string[] {
  return [
    ...(episode.appraisal === 'NOT_APPRAISED' ? ['not yet appraised'] : []),
    ...(episode.viewFromTheTunnel?.trim() ? [] : ['no view from the tunnel']),
    ...(episode.factors.length === 0 ? ['no contributory factors'] : []),
  ];
}

/** "1 event", "3 events". */
export function countOf(count: number, noun: string): string {
  return plural(count, noun);
}

/** The episode's name as reviewers cite it: "KPE 2". */
export function kpeName(ordinal: number): string {
  return `KPE ${ordinal}`;
}
