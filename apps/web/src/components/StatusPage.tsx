import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../lib/use-page-title';
import { PlainHeading } from './PlainHeading';

/**
 * A page that says no (403) or not found (404), with the way home. Loaded on demand (see
 * LazyStatusPage): antd's Result carries its illustrations, about 10 KB compressed that the
 * pages people do find have no use for.
 */
export default function StatusPage({ status }: { status: 403 | 404 }) {
  usePageTitle(status === 403 ? 'forbidden' : 'notFound');
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={status === 403 ? '403' : '404'}
      title={<PlainHeading>{status}</PlainHeading>}
      subTitle={t(status === 403 ? 'forbidden' : 'notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('backHome')}
        </Button>
      }
    />
  );
}
