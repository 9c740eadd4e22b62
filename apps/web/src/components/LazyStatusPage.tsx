import { lazy } from 'react';

/** StatusPage, fetched when shown (under the app's Suspense). */
export const LazyStatusPage = lazy(() => import('./StatusPage'));
