import { ComponentType, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AccountsPage } from '../features/accounts';
import { SignInPage, useSession } from '../features/auth';
import { BriefingsPage, PracticeIssueEditor, PracticeSetPage } from '../features/briefings';
import { CollectionPage, CollectionsPage } from '../features/collections';
import { CorpusPage } from '../features/corpus';
import { ReportReader, ReportsPage } from '../features/reports';
import { ReviewLayout, ReviewsPage } from '../features/reviews';
import { NotFoundPage, Shell } from '../features/shell';

/** A screen loaded on first visit, so that the D3 views stay out of the first download. */
function lazyScreen<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  return lazy(async () => {
    const screen: ComponentType = (await load())[name];
    return { default: screen };
  });
}

const ReviewHome = lazyScreen(() => import('../features/reviews/ReviewHome'), 'ReviewHome');
const ChronologyPage = lazyScreen(
  () => import('../features/chronology/ChronologyPage'),
  'ChronologyPage',
);
const EpisodesPage = lazyScreen(() => import('../features/analysis/EpisodesPage'), 'EpisodesPage');
const EpisodeEditor = lazyScreen(
  () => import('../features/analysis/EpisodeEditor'),
  'EpisodeEditor',
);
const FactorMapPage = lazyScreen(
  () => import('../features/analysis/FactorMapPage'),
  'FactorMapPage',
);
const FindingsPage = lazyScreen(() => import('../features/findings/FindingsPage'), 'FindingsPage');
const FindingEditor = lazyScreen(
  () => import('../features/findings/FindingEditor'),
  'FindingEditor',
);
const SetupPage = lazyScreen(() => import('../features/setup/SetupPage'), 'SetupPage');
const RegistersPage = lazyScreen(
  () => import('../features/reviews/RegistersPage'),
  'RegistersPage',
);
const BoardResponsePage = lazyScreen(
  () => import('../features/findings/BoardResponsePage'),
  'BoardResponsePage',
);
const CaseGroupCommentsPage = lazyScreen(
  () => import('../features/comments/CaseGroupCommentsPage'),
  'CaseGroupCommentsPage',
);

const ReviewLearningBriefingPage = lazyScreen(
  () => import('../features/briefings/ReviewLearningBriefingPage'),
  'ReviewLearningBriefingPage',
);
const CollectionLearningBriefingPage = lazyScreen(
  () => import('../features/briefings/CollectionLearningBriefingPage'),
  'CollectionLearningBriefingPage',
);

export function App() {
  const { session, restoring } = useSession();
  if (restoring) {
    return (
      <main className="sign-in">
        <p role="status">Opening SCR Workbench…</p>
      </main>
    );
  }
  if (!session) return <SignInPage />;
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to="/reviews" replace />} />
        <Route path="reviews" element={<ReviewsPage />} />
        <Route path="reviews/:reviewId" element={<ReviewLayout />}>
          <Route index element={<ReviewHome />} />
          <Route path="chronology" element={<ChronologyPage />} />
          <Route path="episodes" element={<EpisodesPage />} />
          <Route path="episodes/:episodeId" element={<EpisodeEditor />} />
          <Route path="factor-map" element={<FactorMapPage />} />
          <Route path="findings" element={<FindingsPage />} />
          <Route path="findings/:findingId" element={<FindingEditor />} />
          <Route path="registers/:tab?" element={<RegistersPage />} />
          <Route path="setup" element={<SetupPage />} />
          <Route path="board" element={<BoardResponsePage />} />
          <Route path="comments" element={<CaseGroupCommentsPage />} />
          <Route path="learning-briefing" element={<ReviewLearningBriefingPage />} />
        </Route>
        <Route path="corpus" element={<CorpusPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="reports/:reportId" element={<ReportReader />} />
        <Route path="briefings" element={<BriefingsPage />} />
        <Route path="collections" element={<CollectionsPage />} />
        <Route path="collections/:collectionId" element={<CollectionPage />} />
        <Route
          path="collections/:collectionId/briefing"
          element={<CollectionLearningBriefingPage />}
        />
        <Route path="briefings/sets/:setId" element={<PracticeSetPage />} />
        <Route path="briefings/issues/:issueId" element={<PracticeIssueEditor />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
