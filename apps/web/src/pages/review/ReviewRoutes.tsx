import { Navigate, Route, Routes } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { ReviewAssignmentPage } from './ReviewAssignmentPage';
import { ReviewList } from './ReviewList';

/** The reviewer console (评审工作台): nested under /review. */
export function ReviewRoutes() {
  usePageTitle('nav.review');
  return (
    <Routes>
      <Route index element={<ReviewList />} />
      <Route path="assignments/:id" element={<ReviewAssignmentPage />} />
      <Route path="*" element={<Navigate to="/review" replace />} />
    </Routes>
  );
}
