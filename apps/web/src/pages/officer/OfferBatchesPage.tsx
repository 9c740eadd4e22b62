import { ContactsOutlined, PlusOutlined } from '@ant-design/icons';
import type { OfferBatch } from '@ftai/api';
import { Button, Card, Grid, Progress, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Money } from '../../components/Money';
import { formatDate, formatTime } from '../../lib/format';
import { ContactsImport } from './ContactsImport';
import { useOfferBatches } from './offer-api';
import { useCalls } from './officer-api';
import { CallSelect, PageHeader, QueryState } from './parts';

/**
 * 免申即享批次 (/officer/offer-batches): every batch (of the call in `?call=` if one is chosen),
 * how far each has come (confirmed of sent, and the amounts), a new batch from a match job, and
 * the import of the enterprises' contacts the messages go to.
 */
export function OfferBatchesPage() {
  const { t, i18n } = useTranslation('officer');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const callId = params.get('call') ?? undefined;
  const calls = useCalls();
  const batches = useOfferBatches(callId);
  const [contactsOpen, setContactsOpen] = useState(false);
  const callTitle = new Map((calls.data ?? []).map((c) => [c.id, c.title]));
  const list = batches.data ?? [];

  const setCall = (id: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('call', id);
        else next.delete('call');
        return next;
      },
      { replace: true },
    );

  const progress = (b: OfferBatch) => (
    <div style={{ minWidth: 150, maxWidth: 240 }}>
      <Progress
        size="small"
        percent={b.counts.offers === 0 ? 0 : Math.floor((b.counts.confirmed * 100) / b.counts.offers)}
        aria-label={t('offers.confirmedOf', { confirmed: b.counts.confirmed, offers: b.counts.offers })}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('offers.confirmedOf', { confirmed: b.counts.confirmed, offers: b.counts.offers })}
      </Typography.Text>
    </div>
  );

  const columns: ColumnsType<OfferBatch> = [
    {
      title: t('offers.title'),
      key: 'title',
      render: (_, b) => (
        <div>
          <Link to={`/officer/offer-batches/${b.id}`} data-testid={`batch-${b.id}`}>
            {b.title}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {callTitle.get(b.callId) ?? ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('offers.deadline'), dataIndex: 'deadline', render: (d: string) => formatDate(d, lang) },
    { title: t('offers.offers'), key: 'offers', align: 'right', render: (_, b) => b.counts.offers },
    { title: t('offers.progress'), key: 'progress', render: (_, b) => progress(b) },
    { title: t('offers.total'), key: 'total', align: 'right', render: (_, b) => <Money value={b.counts.total} strong /> },
    { title: t('offers.confirmedTotal'), key: 'confirmed', align: 'right', render: (_, b) => <Money value={b.counts.confirmedTotal} /> },
    { title: t('offers.createdAt'), dataIndex: 'createdAt', responsive: ['xl'], render: (v: string) => formatTime(v) },
  ];

  return (
    <div>
      <PageHeader
        title={t('offers.heading')}
        subtitle={t('offers.subtitle')}
        extra={
          <>
            <CallSelect calls={calls.data ?? []} value={callId} onChange={setCall} allowAll loading={calls.isLoading} />
            <Button icon={<ContactsOutlined />} onClick={() => setContactsOpen(true)} data-testid="contacts-open">
              {t('offers.contacts')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/officer/offer-batches/new')}>
              {t('offers.create')}
            </Button>
          </>
        }
      />
      <QueryState
        isLoading={batches.isLoading}
        error={batches.error}
        isEmpty={list.length === 0}
        empty={t('offers.none')}
        onRetry={() => void batches.refetch()}
      >
        {screens.md ? (
          <Card size="small">
            <Table<OfferBatch> rowKey="id" size="middle" columns={columns} dataSource={list} pagination={false} data-testid="batches" />
          </Card>
        ) : (
          <div data-testid="batches">
            {list.map((b) => (
              <Card
                key={b.id}
                size="small"
                style={{ marginBottom: 12 }}
                title={<Link to={`/officer/offer-batches/${b.id}`}>{b.title}</Link>}
              >
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{callTitle.get(b.callId) ?? ''}</Typography.Text>
                  <span>
                    {t('offers.deadline')}
                    {lang === 'en' ? ': ' : '：'}
                    {formatDate(b.deadline, lang)}
                  </span>
                  {progress(b)}
                  <span>
                    {t('offers.total')}
                    {lang === 'en' ? ': ' : '：'}
                    <Money value={b.counts.total} strong />
                  </span>
                </Space>
              </Card>
            ))}
          </div>
        )}
      </QueryState>
      <ContactsImport open={contactsOpen} onClose={() => setContactsOpen(false)} />
    </div>
  );
}
