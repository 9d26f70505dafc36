import { BarSelection, CorpusFilters, drillDownFilter } from './corpus-filters';
import { CorpusReviewList } from './CorpusReviewList';

const EFFECT_WORDS = {
  SUPPORTS_GOOD_PRACTICE: 'findings that support good practice',
  MAKES_PROBLEMS_MORE_LIKELY: 'findings that make problems more likely',
};

/** What the bar stands for, in words: the heading of the list behind it. */
export function selectionWords(bar: BarSelection): string {
  return bar.kind === 'category' ? `${bar.label}, ${EFFECT_WORDS[bar.effect]}` : bar.label;
}

/** The published reviews behind a bar, each opening the review when the reader may open it. */
export function CorpusDrillDown({
  filters,
  selection,
}: {
  filters: CorpusFilters;
  selection: BarSelection;
}) {
  return (
    <CorpusReviewList
      filter={drillDownFilter(filters, selection)}
      words={selectionWords(selection)}
    />
  );
}
