import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Offer } from '@ftai/api';
import { describeConditions, describeFacts } from '@ftai/policy-fengtai/report';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { Card, Col, Collapse, Descriptions, Flex, Grid, Result, Row, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { OFFER_STATUS_COLORS, OFFER_STATUS_LABELS } from '../../api/offer-words';
import { tierLabel } from '../../api/policy-ids';
import { useMeasureIndex } from '../../api/use-catalogue';
import { LoadFailed } from '../../components/LoadFailed';
import { Money } from '../../components/Money';
import { ExplanationStep } from '../../components/ResultsView';
import { beijingDate } from '../../lib/beijing-date';
import { formatAmount, formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { OfferDecision } from './OfferDecision';
import { daysLeft, offerStanding } from './offer-logic';
import { useOffer } from './offer-queries';

type Item = Offer['items'][number];

/**
 * 免申即享 (/portal/offers/:id): what the bureau offers the enterprise under a call — each item by
 * its clause with its amount (最高 … 需评审 where an expert review decides) and the steps that
 * give it, the facts it rests on, the total — and the one step to take: confirm (with the
 * commitment, and the bank account if none is on record) or decline with a reason.
 */
export function OfferPage() {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  usePageTitle('offer.heading', 'portal');
  const { id } = useParams();
  const offer = useOffer(id);
  const screens = Grid.useBreakpoint();

  if (offer.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (offer.error instanceof ApiError && (offer.error.status === 404 || offer.error.status === 403)) {
    return (
      <Result
        status="404"
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('offer.notFound')}</h1>}
        extra={<Link to="/portal">{t('offer.back')}</Link>}
      />
    );
  }
  if (offer.isError) return <LoadFailed error={offer.error} onRetry={() => void offer.refetch()} />;
  if (!offer.data) return null;
  const o = offer.data;
  const today = beijingDate();
  const standing = offerStanding(o, today);

  return (
    <div data-testid="offer-page">
      <Link to="/portal" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('offer.back')}
      </Link>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 4 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('offer.heading')}
        </Typography.Title>
        <Tag color={OFFER_STATUS_COLORS[standing]} data-testid="offer-status">
          {OFFER_STATUS_LABELS[standing][lang]}
        </Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 880 }}>
        {t('offer.intro')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {/* Decided: on a phone, what was decided (and the way to the application) comes first. */}
        <Col xs={{ span: 24, order: standing === 'pending' ? 1 : 2 }} xl={{ span: 16, order: 1 }}>
          <Flex vertical gap={16}>
            <OfferSummary offer={o} today={today} />
            <OfferItems offer={o} />
            <OfferFacts offer={o} />
          </Flex>
        </Col>
        <Col xs={{ span: 24, order: standing === 'pending' ? 2 : 1 }} xl={{ span: 8, order: 2 }}>
          <div style={screens.xl ? { position: 'sticky', top: 80 } : undefined}>
            <OfferDecision offer={o} standing={standing} />
          </div>
        </Col>
      </Row>
    </div>
  );
}

function OfferSummary({ offer, today }: { offer: Offer; today: string }) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const left = offer.status === 'pending' ? daysLeft(offer.deadline, today) : null;
  const open = (s: string) => (lang === 'en' ? ` (${s})` : `（${s}）`);
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'call', label: t('offer.call'), children: offer.callTitle, span: { xs: 1, sm: 1, md: 2 } },
          {
            key: 'enterprise',
            label: t('offer.enterprise'),
            children: (
              <span>
                {offer.enterpriseName ?? offer.creditCode}{' '}
                <Typography.Text type="secondary" translate="no">
                  {offer.creditCode}
                </Typography.Text>
              </span>
            ),
            span: { xs: 1, sm: 1, md: 2 },
          },
          { key: 'year', label: t('offer.year'), children: t('offer.yearOf', { year: offer.year }) },
          {
            key: 'deadline',
            label: t('offer.deadline'),
            children: (
              <span data-testid="offer-deadline">
                <Typography.Text strong>{formatDate(offer.deadline, lang)}</Typography.Text>
                {left !== null && (
                  <Typography.Text type={left <= 3 ? 'warning' : 'secondary'}>
                    {open(left === 0 ? t('offer.lastDay') : t('offer.daysLeft', { count: left }))}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          { key: 'sent', label: t('offer.sentAt'), children: formatDateTime(offer.createdAt, lang) },
          { key: 'version', label: t('offer.policyVersion'), children: <span translate="no">{offer.policyVersion}</span> },
        ]}
      />
    </Card>
  );
}

/** Each item by its clause, with its amount and, opened, the steps that give it; the total beneath. */
function OfferItems({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation('portal');
  const { t: tc } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const measures = useMeasureIndex(offer.year >= 2025 && offer.year <= 2028 ? offer.year : 2026);
  const hasReview = offer.items.some((i) => i.review);
  const columns: ColumnsType<Item> = [
    {
      title: t('offer.measure'),
      key: 'measure',
      render: (_, i) => (
        <div data-measure={i.measure}>
          <Typography.Text strong>{measureLabel(measures.get(i.measure), lang, i.citation)}</Typography.Text>
          {i.subject !== null && (
            <div style={{ fontSize: 13 }}>
              <Typography.Text type="secondary">
                {t('offer.subject')}
                {lang === 'en' ? ': ' : '：'}
                {tierLabel(i.subject, lang)}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('offer.amount'),
      key: 'amount',
      align: 'right',
      render: (_, i) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {i.review && tc('result.upTo')}
          <Money value={i.amount} strong />
          {i.review && (
            <Tooltip title={tc('result.reviewHint')}>
              <Tag color="gold" style={{ marginLeft: 6, marginInlineEnd: 0 }}>
                {tc('result.review')}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
  ];
  return (
    <Card
      title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('offer.items')}</h2>}
      size="small"
      data-testid="offer-items"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
        {t('offer.itemsHint')}
      </Typography.Paragraph>
      <Table<Item>
        size="small"
        rowKey={(i) => `${i.measure}|${i.subject ?? ''}`}
        columns={columns}
        dataSource={offer.items}
        pagination={false}
        expandable={{
          rowExpandable: (i) => i.explanation.length > 0,
          expandedRowRender: (i) => (
            <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`offer-explanation-${i.measure}`}>
              {i.explanation.map((step, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list that never reorders
                <li key={n}>
                  <ExplanationStep text={step} />
                </li>
              ))}
            </ol>
          ),
        }}
        footer={() => (
          <Flex justify="space-between" align="baseline" wrap gap={8}>
            <Typography.Text strong>{t('offer.total')}</Typography.Text>
            <Typography.Text
              strong
              style={{ fontSize: 18, color: '#cf1322', fontVariantNumeric: 'tabular-nums' }}
              data-testid="offer-total"
            >
              {hasReview ? tc('result.upTo') : ''}
              {formatAmount(offer.total, lang)}
            </Typography.Text>
          </Flex>
        )}
      />
      {hasReview && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('offer.reviewNote')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The registry row the offer rests on: the general conditions and the facts, as the report words them. */
function OfferFacts({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const facts = describeFacts(offer.request.facts, lang);
  const rows = [
    { key: 'conditions', label: t('offer.conditions'), values: [describeConditions(offer.request.enterprise, lang)] },
    ...facts.map((f) => ({ key: f.label, ...f })),
  ];
  return (
    <Collapse
      data-testid="offer-facts"
      items={[
        {
          key: 'facts',
          label: <Typography.Text strong>{t('offer.facts')}</Typography.Text>,
          children: (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('offer.factsHint', { year: offer.year })}
              </Typography.Paragraph>
              <Descriptions
                size="small"
                bordered
                column={1}
                items={rows.map((r) => ({
                  key: r.key,
                  label: r.label,
                  children:
                    r.values.length === 0 ? (
                      '—'
                    ) : r.values.length === 1 ? (
                      r.values[0]
                    ) : (
                      <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                        {r.values.map((v, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a list in the order given
                          <li key={i}>{v}</li>
                        ))}
                      </ol>
                    ),
                }))}
              />
              {facts.length === 0 && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {t('offer.noFacts')}
                </Typography.Paragraph>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
