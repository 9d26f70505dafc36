import { plural } from '../../components/plural';
import { useQuery } from '@apollo/client/react';
import { FACTOR_LEVELS } from '@scr/shared';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { FactorMap } from '../../charts/FactorMap';
import { useReview } from '../../app/review-context';
import { FACTOR_MAP } from './factor-map.graphql';
import { buildFactorMap, FACTOR_MAP_LEGEND, firstSentence } from './factor-map-model';
import './factor-map-page.css';

const count = (n: number, one: string) => plural(n, one);

const COLUMNS = ['Key practice episodes', 'Contributory factors, by level', 'Findings'];
// Episodes stay in their own order, the order of the case; factors and findings move to meet them.
const FIXED_COLUMNS = [0];
// Levels in the framework's order, from the family outwards to the wider context.
const LEVEL_ORDER = [...FACTOR_LEVELS];

/** Which findings rest on which evidence: episodes, their contributory factors, and the findings. */
export function FactorMapPage() {
  const { review: header } = useReview();
  const base = `/reviews/${header.id}`;
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(FACTOR_MAP, { variables: { id: header.id } });
  const review = data?.review;
  const model = useMemo(() => (review ? buildFactorMap(review, base) : null), [review, base]);

  if (loading && !data) return <p role="status">Loading the factor map…</p>;
  if (error || !review || !model) {
    return (
      <p className="notice notice--error" role="alert">
        The factor map could not be loaded: {error?.message ?? 'the review is no longer there.'}
      </p>
    );
  }

  if (!review.episodes.length) {
    return (
      <>
        <h2>Factor map</h2>
        <EmptyState title="No key practice episodes yet">
          <p>
            The map shows the key practice episodes, the contributory factors behind each, and the
            findings that rest on them. It fills in as the review team records{' '}
            <Link to={`${base}/episodes`}>episodes and their factors</Link>.
          </p>
        </EmptyState>
      </>
    );
  }

  const factorCount = model.nodes.filter((node) => node.column === 1).length;
  return (
    <>
      <div className="section-header">
        <h2>Factor map</h2>
      </div>
      <p className="factor-map-page__intro">
        {count(review.episodes.length, 'episode')}, {count(factorCount, 'contributory factor')} and{' '}
        {count(review.findings.length, 'finding')}. Each finding links back to the factors and
        episodes it rests on; a dashed line runs straight to an episode when the finding rests on
        the episode but on none of its factors. Point at or focus a box to follow its paths, and
        open it with a click or Enter; in the map, the arrow keys move between boxes.
      </p>
      {(model.unusedFactors.length > 0 || model.unsupportedFindings.length > 0) && (
        <section className="factor-map-page__notes" aria-labelledby="factor-map-notes">
          <h3 id="factor-map-notes">Loose ends</h3>
          {model.unsupportedFindings.length > 0 && (
            <>
              <p>
                {model.unsupportedFindings.length === 1
                  ? 'One finding rests on no evidence yet:'
                  : `${model.unsupportedFindings.length} findings rest on no evidence yet:`}
              </p>
              <ul>
                {model.unsupportedFindings.map((finding) => (
                  <li key={finding.id}>
                    <Link to={`${base}/findings/${finding.id}`}>
                      Finding {finding.ordinal}: {finding.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {model.unusedFactors.length > 0 && (
            <>
              <p>
                {model.unusedFactors.length === 1
                  ? 'One contributory factor supports no finding yet:'
                  : `${model.unusedFactors.length} contributory factors support no finding yet:`}
              </p>
              <ul>
                {model.unusedFactors.map((factor) => (
                  <li key={factor.id}>
                    <Link to={`${base}/episodes/${factor.episodeId}`}>
                      KPE {factor.episodeOrdinal}: {firstSentence(factor.description, 110)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {review.findings.length === 0 && (
        <p className="hint">
          No findings yet: once the review team writes them on the{' '}
          <Link to={`${base}/findings`}>findings tab</Link>, they appear on the right, linked to
          their evidence.
        </p>
      )}
      <div className="factor-map-page__map">
        <FactorMap
          columns={COLUMNS}
          nodes={model.nodes}
          edges={model.edges}
          groups={model.groups}
          fixedColumns={FIXED_COLUMNS}
          groupOrder={LEVEL_ORDER}
          legend={FACTOR_MAP_LEGEND}
          onNavigate={(href) => void navigate(href)}
        />
      </div>
    </>
  );
}
