import { CalculatorOutlined } from '@ant-design/icons';
import type { MeasureInfo, PolicyDocument } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Grid,
  Input,
  Result,
  Row,
  Segmented,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { articleHeading } from '../../api/article-label';
import { api } from '../../api/client';
import { useCatalogue } from '../../api/use-catalogue';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { Highlight } from './Highlight';
import { MeasureDetail } from './MeasureDetail';
import { ParameterHistoryTab } from './ParameterHistory';
import { PolicyText } from './PolicyText';
import { byArticle, matchesMeasure, searchTerms } from './search';

const YEARS = [2025, 2026, 2027, 2028];

/**
 * The header of one measure in the list: the clause as the text numbers it and the measure's name,
 * whether an expert review decides (经评审认定) and whether it rests on an assumption, the summary
 * below; the internal id last, small, for search.
 */
function MeasureLabel({ m, terms }: { m: MeasureInfo; terms: readonly string[] }) {
  const { t } = useTranslation('policy');
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 8px' }}>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          <Highlight text={m.citation} terms={terms} />
        </Tag>
        <Typography.Text strong style={{ flex: '1 1 200px' }}>
          <Highlight text={m.name} terms={terms} />
        </Typography.Text>
        <span style={{ display: 'inline-flex', gap: 4, alignItems: 'baseline' }}>
          {m.review && (
            <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid={`review-${m.id}`}>
              {t('review')}
            </Tag>
          )}
          {m.assumptions.length > 0 && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('assumption')}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }} title={t('idTitle')}>
            <Highlight text={m.id} terms={terms} />
          </Typography.Text>
        </span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        <Highlight text={m.summary} terms={terms} />
      </Typography.Text>
    </div>
  );
}

/**
 * 政策条款: every article of the policy and its measures (from the catalogue) — original clause,
 * summary, rule, caps with industrial variants, limits, review flags, assumptions and dated
 * parameters — searchable; and the full text of the policy.
 */
export function PolicyPage() {
  usePageTitle('nav.policy');
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isWide = screens.lg ?? true;
  const isPhone = !(screens.sm ?? true);
  const [year, setYear] = useState(2026);
  const [query, setQuery] = useState('');
  const [tab, setTab] = useState('catalogue');
  const deferred = useDeferredValue(query);
  const terms = useMemo(() => searchTerms(deferred), [deferred]);
  const catalogue = useCatalogue(year);
  const doc = useQuery({
    queryKey: ['policy'],
    queryFn: () => api.get<PolicyDocument>('/api/v1/policy'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const measures = useMemo(() => catalogue.data?.measures ?? [], [catalogue.data]);
  const matched = useMemo(() => measures.filter((m) => matchesMeasure(m, terms)), [measures, terms]);
  const articles = useMemo(() => byArticle(matched), [matched]);
  const articleOf = useMemo(() => new Map((catalogue.data?.articles ?? []).map((a) => [a.article, a])), [catalogue.data]);
  const [open, setOpen] = useState<string[]>([]);

  // A search opens what it found; clearing it folds everything again.
  const searched = terms.length > 0 ? matched.map((m) => m.id).join(' ') : '';
  useEffect(() => {
    setOpen(searched ? searched.split(' ') : []);
  }, [searched]);

  const allOpen = matched.length > 0 && open.length >= matched.length;

  const catalogueTab = (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 16 }}>
        <Space wrap>
          <Typography.Text type="secondary">{t('yearLabel')}</Typography.Text>
          <Segmented<number> value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: String(y) }))} />
          <Button onClick={() => setOpen(allOpen ? [] : matched.map((m) => m.id))}>{allOpen ? t('collapseAll') : t('expandAll')}</Button>
        </Space>
      </div>
      {terms.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="policy-found">
          {t('found', { n: matched.length })}
        </Typography.Paragraph>
      )}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('general.title')}
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            <li>
              <Tag color="orange">{t('assumption')}</Tag>
              {t('general.conditions')}
            </li>
            <li>
              <Tag color="orange">{t('assumption')}</Tag>
              {t('general.year')}
            </li>
            <li>{t('general.floor')}</li>
            <li>{t('general.bestOf')}</li>
          </ul>
        }
      />
      {catalogue.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {catalogue.isError && (
        <Result
          status="error"
          title={t('error', { ns: 'common' })}
          extra={<Button onClick={() => void catalogue.refetch()}>{t('retry', { ns: 'common' })}</Button>}
        />
      )}
      {catalogue.data && matched.length === 0 && <Empty description={t('noMatch', { q: deferred.trim() })} />}
      <Row gutter={24}>
        {isWide && articles.size > 0 && (
          <Col lg={5}>
            <Anchor
              offsetTop={80}
              items={[...articles.entries()].map(([n, list]) => ({
                key: `a${n}`,
                href: `#article-${n}`,
                title: (
                  <span>
                    {articleOf.get(n)?.citation ?? n}
                    <Typography.Text type="secondary">{lang === 'en' ? ` (${list.length})` : `（${list.length}）`}</Typography.Text>
                  </span>
                ),
              }))}
            />
          </Col>
        )}
        <Col xs={24} lg={isWide && articles.size > 0 ? 19 : 24}>
          {[...articles.entries()].map(([n, list]) => (
            <Card
              key={n}
              id={`article-${n}`}
              size="small"
              styles={isPhone ? { body: { padding: '4px 12px' } } : undefined}
              title={<span style={{ whiteSpace: 'normal' }}>{articleHeading(articleOf.get(n), lang, String(n))}</span>}
              extra={<Typography.Text type="secondary">{t('measures', { n: list.length })}</Typography.Text>}
              style={{ marginBottom: 16, scrollMarginTop: 72 }}
            >
              <Collapse
                ghost
                activeKey={open}
                styles={isPhone ? { body: { padding: '0 0 12px' }, header: { paddingInline: 0 } } : undefined}
                onChange={(keys) => {
                  const inArticle = new Set(list.map((m) => m.id));
                  setOpen([...open.filter((k) => !inArticle.has(k)), ...(Array.isArray(keys) ? keys : [keys]).map(String)]);
                }}
                items={list.map((m) => ({
                  key: m.id,
                  label: <MeasureLabel m={m} terms={terms} />,
                  children: <MeasureDetail m={m} terms={terms} />,
                }))}
              />
            </Card>
          ))}
        </Col>
      </Row>
    </div>
  );

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 480px' }}>
          <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 4, fontSize: 30 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Paragraph style={{ marginBottom: 8, fontSize: 15 }}>《{t('fullTitle')}》</Typography.Paragraph>
          <Space wrap size={[8, 4]} style={{ marginBottom: 16 }}>
            <Tag color="green">{t('current')}</Tag>
            {doc.data && (
              <Typography.Text type="secondary">
                {t('inForce', { from: formatDate(doc.data.inForce.from, lang), to: formatDate(doc.data.inForce.to, lang) })}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">{t('issuer')}</Typography.Text>
            {catalogue.data && <Typography.Text type="secondary">{t('version', { v: catalogue.data.policy.version })}</Typography.Text>}
          </Space>
        </div>
        <Button type="primary" icon={<CalculatorOutlined />} onClick={() => navigate('/calculator')}>
          {t('toCalculator')}
        </Button>
      </div>
      <Input.Search
        allowClear
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('search')}
        aria-label={t('searchLabel')}
        style={{ maxWidth: 640, marginBottom: 8 }}
        data-testid="policy-search"
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'catalogue',
            label: `${t('tabs.catalogue')}${measures.length ? (lang === 'en' ? ` (${measures.length})` : `（${measures.length}）`) : ''}`,
            children: catalogueTab,
          },
          {
            key: 'parameters',
            label: t('tabs.parameters'),
            children: <ParameterHistoryTab />,
          },
          {
            key: 'text',
            label: t('tabs.text'),
            children: (
              <Card>
                {doc.isLoading && <Skeleton active paragraph={{ rows: 12 }} />}
                {doc.isError && (
                  <Result
                    status="error"
                    title={t('error', { ns: 'common' })}
                    extra={<Button onClick={() => void doc.refetch()}>{t('retry', { ns: 'common' })}</Button>}
                  />
                )}
                {doc.data && <PolicyText text={doc.data.text} headings={doc.data.headings} terms={terms} />}
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}
