import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import type { OfferBatch } from '@ftai/api';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { Card, Col, Descriptions, Flex, Row, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OFFER_STATUS_LABELS, OFFER_STATUSES, type OfferStatus } from '../../api/offer-words';
import { useMeasureIndex } from '../../api/use-catalogue';
import { ServerPager } from '../../components/ServerPager';
import { formatDate, formatDateTime, formatYuan } from '../../lib/format';
import { useBatchOffers, useOfferBatch } from './offer-api';
import { OfferSummaryTable } from './offer-parts';
import { useCalls } from './officer-api';
import { PageHeader, QueryState } from './parts';

/**
 * 免申即享批次 (/officer/offer-batches/:id): the batch's call, deadline, reminder and filters; how
 * its offers stand as figures (sent and delivered, read, confirmed with the amount, declined,
 * expired, failed by channel), asked again every 15 seconds; and its offers a page at a time,
 * by status if asked, with the workbook to download.
 */
export function OfferBatchPage() {
  const { t } = useTranslation('officer');
  const { id = '' } = useParams();
  const batch = useOfferBatch(id);
  const calls = useCalls();
  const [status, setStatus] = useState<OfferStatus | undefined>();
  const offers = useBatchOffers(id, status);
  const b = batch.data;
  const call = (calls.data ?? []).find((c) => c.id === b?.callId);
  const measures = useMeasureIndex(call && call.year >= 2025 && call.year <= 2028 ? call.year : 2026);

  return (
    <div>
      <Link to="/officer/offer-batches" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('offers.back')}
      </Link>
      <QueryState isLoading={batch.isLoading} error={batch.error} onRetry={() => void batch.refetch()}>
        {b && (
          <Flex vertical gap={16}>
            <PageHeader
              title={b.title}
              subtitle={call?.title}
              extra={
                <a href={`/api/v1/offer-batches/${encodeURIComponent(b.id)}/export.xlsx`} download data-testid="batch-export">
                  <DownloadOutlined /> {t('offers.export')}
                </a>
              }
            />
            <BatchFacts batch={b} callTitle={call?.title} />
            <BatchCounts batch={b} />
            <Card
              size="small"
              title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('offers.list')}</h2>}
              extra={<StatusFilter value={status} onChange={setStatus} />}
            >
              <QueryState
                isLoading={offers.isLoading}
                error={offers.error}
                isEmpty={(offers.data?.offers.length ?? 0) === 0 && offers.pageIndex === 0}
                onRetry={() => void offers.refetch()}
              >
                <OfferSummaryTable
                  rows={offers.data?.offers ?? []}
                  measures={measures}
                  withStatus
                  loading={offers.isFetching}
                  testId="batch-offers"
                />
                <ServerPager {...offers} />
              </QueryState>
            </Card>
          </Flex>
        )}
      </QueryState>
    </div>
  );
}

function StatusFilter({ value, onChange }: { value: OfferStatus | undefined; onChange: (s: OfferStatus | undefined) => void }) {
  const { t, i18n } = useTranslation('officer');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <Select<OfferStatus>
      allowClear
      size="small"
      aria-label={t('offers.status')}
      placeholder={t('offers.allStatuses')}
      value={value}
      onChange={onChange}
      options={OFFER_STATUSES.map((s) => ({ value: s, label: OFFER_STATUS_LABELS[s][lang] }))}
      style={{ width: 140 }}
      data-testid="batch-status-filter"
    />
  );
}

/** The call, the deadline, the reminder, the filters, the match job and the policy version. */
function BatchFacts({ batch, callTitle }: { batch: OfferBatch; callTitle: string | undefined }) {
  const { t, i18n } = useTranslation('officer');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const measures = useMeasureIndex();
  const f = batch.filters;
  const sep = lang === 'en' ? '; ' : '；';
  const filters = [
    ...(f.measures?.length
      ? [
          t('offers.filterMeasures', {
            list: f.measures.map((m) => measureLabel(measures.get(m), lang, m)).join(lang === 'en' ? ', ' : '、'),
          }),
        ]
      : []),
    ...(f.minTotal !== undefined ? [t('offers.filterMin', { amount: formatYuan(f.minTotal) })] : []),
    ...(f.maxTotal !== undefined ? [t('offers.filterMax', { amount: formatYuan(f.maxTotal) })] : []),
    ...(f.review === 'without' ? [t('offers.reviewWithout')] : f.review === 'with' ? [t('offers.reviewWith')] : []),
  ];
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          { key: 'call', label: t('offers.call'), children: callTitle ?? '—' },
          { key: 'deadline', label: t('offers.deadline'), children: formatDate(batch.deadline, lang) },
          {
            key: 'reminder',
            label: t('offers.reminderDays'),
            children: batch.reminderDays > 0 ? t('offers.reminder', { days: batch.reminderDays }) : t('offers.noReminder'),
          },
          { key: 'filters', label: t('offers.filters'), children: filters.length > 0 ? filters.join(sep) : t('offers.filterAll') },
          {
            key: 'job',
            label: t('offers.matchJob'),
            children: (
              <Link to="/officer/match">
                <Typography.Text code>{batch.matchJobId}</Typography.Text>
              </Link>
            ),
          },
          { key: 'created', label: t('offers.createdAt'), children: formatDateTime(batch.createdAt, lang) },
          { key: 'version', label: t('offers.policyVersion'), children: <span translate="no">{batch.policyVersion}</span> },
        ]}
      />
    </Card>
  );
}

/** The batch's figures as cards: sent, delivered, read, awaiting, confirmed (with the amount), declined, expired, failed by channel. */
function BatchCounts({ batch }: { batch: OfferBatch }) {
  const { t, i18n } = useTranslation('officer');
  const c = batch.counts;
  const share = (n: number) => (c.offers === 0 ? '' : t('offers.ofOffers', { percent: Math.floor((n * 100) / c.offers) }));
  const card = (key: string, title: string, value: number, note?: string, color?: string) => (
    <Col xs={12} sm={8} xl={6} xxl={3} key={key}>
      <Card size="small" style={{ height: '100%' }} data-testid={`batch-count-${key}`}>
        <Statistic title={title} value={value} styles={{ content: { fontSize: 22, color, fontVariantNumeric: 'tabular-nums' } }} />
        {note && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        )}
      </Card>
    </Col>
  );
  const failed = c.failed.email + c.failed.sms;
  return (
    <section aria-label={t('offers.counts')} data-testid="batch-counts">
      <Row gutter={[12, 12]}>
        {card('offers', t('offers.count.offers'), c.offers, t('offers.ofTotal', { amount: formatYuan(c.total) }))}
        {card('delivered', t('offers.count.delivered'), c.delivered, share(c.delivered))}
        {card('read', t('offers.count.read'), c.read, share(c.read))}
        {card('pending', t('offers.count.pending'), c.pending, share(c.pending))}
        {card(
          'confirmed',
          t('offers.count.confirmed'),
          c.confirmed,
          t('offers.ofTotal', { amount: formatYuan(c.confirmedTotal) }),
          '#237804',
        )}
        {card('declined', t('offers.count.declined'), c.declined, share(c.declined))}
        {card('expired', t('offers.count.expired'), c.expired, share(c.expired))}
        {card(
          'failed',
          t('offers.count.failed'),
          failed,
          `${t('offers.count.failedEmail', { count: c.failed.email })}${i18n.language === 'en' ? ', ' : '，'}${t('offers.count.failedSms', { count: c.failed.sms })}`,
          failed > 0 ? '#cf1322' : undefined,
        )}
      </Row>
    </section>
  );
}
