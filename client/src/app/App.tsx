import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../features/auth/session-context';
import { BriefingsPage } from '../features/briefings/BriefingsPage';
import { CorpusPage } from '../features/corpus/CorpusPage';
import { ReviewPage } from '../features/reviews/ReviewPage';
import { ReviewsPage } from '../features/reviews/ReviewsPage';
import { NotFoundPage } from '../features/shell/NotFoundPage';
import { Shell } from '../features/shell/Shell';

export function App() {
  const { session } = useSession();
  if (!session) return <SignInPage />;
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to="/reviews" replace />} />
        <Route path="reviews" element={<ReviewsPage />} />
        <Route path="reviews/:reviewId" element={<ReviewPage />} />
        <Route path="corpus" element={<CorpusPage />} />
        <Route path="briefings" element={<BriefingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
