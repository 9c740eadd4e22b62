import type { ApplicationView } from '@ftai/api';
import { Breadcrumb, Button, Result, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { LoadFailed } from '../../components/LoadFailed';
import { ApplicationStatusTag } from '../../components/StatusTag';
import { ApplicationEditor } from './ApplicationEditor';
import { ApplicationSubmittedView } from './ApplicationSubmittedView';
import { isEditable } from './portal-logic';
import { useApplication } from './portal-queries';

/** /portal/applications/:id — the editor while it is a draft or returned, else the read-only record. */
export function ApplicationPage() {
  const { t } = useTranslation('portal');
  const { id } = useParams();
  const navigate = useNavigate();
  const app = useApplication(id);

  if (app.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (app.isError) {
    const status = app.error instanceof ApiError ? app.error.status : 0;
    if (status === 404 || status === 403) {
      return (
        <Result
          status={status === 404 ? '404' : '403'}
          title={status}
          subTitle={status === 404 ? t('app.notFound') : t('app.notYours')}
          extra={
            <Button type="primary" onClick={() => navigate('/portal')}>
              {t('nav.dashboard')}
            </Button>
          }
        />
      );
    }
    return <LoadFailed error={app.error} onRetry={() => void app.refetch()} />;
  }
  if (!app.data) return null;
  return (
    <div>
      <ApplicationHeader app={app.data} />
      {isEditable(app.data.status) ? <ApplicationEditor key={app.data.id} app={app.data} /> : <ApplicationSubmittedView app={app.data} />}
    </div>
  );
}

function ApplicationHeader({ app }: { app: ApplicationView }) {
  const { t } = useTranslation('portal');
  return (
    <div style={{ marginBottom: 16 }}>
      <Breadcrumb
        items={[{ title: <Link to="/portal">{t('nav.dashboard')}</Link> }, { title: t('app.breadcrumb') }]}
        style={{ marginBottom: 8 }}
      />
      <Space wrap align="center" size={[12, 4]}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {app.call?.title ?? t('app.breadcrumb')}
        </Typography.Title>
        <span data-testid="application-status">
          <ApplicationStatusTag status={app.status} />
        </span>
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {app.enterpriseName ?? app.creditCode} · {t('app.year', { year: app.call?.year ?? '—' })} · {t('app.number')}{' '}
          {app.number ? (
            <Typography.Text type="secondary" copyable={{ text: app.number }} style={{ fontSize: 13 }} data-testid="application-number">
              {app.number}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('app.numberAtSubmit')}
            </Typography.Text>
          )}
        </Typography.Text>
      </div>
    </div>
  );
}
