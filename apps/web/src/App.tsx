import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { RequireRole } from './auth/RequireRole';
import { AppLayout } from './layout/AppLayout';
import { CalculatorPage } from './pages/calculator/CalculatorPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NoticesPage } from './pages/notices/NoticesPage';
import { OfficerRoutes } from './pages/officer/OfficerRoutes';
import { PolicyPage } from './pages/policy/PolicyPage';
import { PortalRoutes } from './pages/portal/PortalRoutes';
import { ReviewRoutes } from './pages/review/ReviewRoutes';

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('backHome')}
        </Button>
      }
    />
  );
}

export function App() {
  return (
    <AppLayout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/policy/*" element={<PolicyPage />} />
        <Route path="/calculator/*" element={<CalculatorPage />} />
        <Route path="/notices/*" element={<NoticesPage />} />
        <Route
          path="/portal/*"
          element={
            <RequireRole roles={['applicant']}>
              <PortalRoutes />
            </RequireRole>
          }
        />
        <Route
          path="/review/*"
          element={
            <RequireRole roles={['reviewer']}>
              <ReviewRoutes />
            </RequireRole>
          }
        />
        <Route
          path="/officer/*"
          element={
            <RequireRole roles={['officer']}>
              <OfficerRoutes />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppLayout>
  );
}
