import type { Answer } from '@ftai/api';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { Alert, Card, Col, Empty, Row, Statistic, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tierLabel } from '../../api/policy-ids';
import { useMeasureIndex } from '../../api/use-catalogue';
import { TOPICS, topicsOf } from '../../components/facts-editor/fact-fields';
import { MissingFields } from '../../components/ResultStatus';
import { ResultsView } from '../../components/ResultsView';
import { formatYuan } from '../../lib/format';
import { AmountChart } from './AmountChart';
import { type CalcRequest, failsGeneralConditions, summarizeAnswer } from './calc-state';

/**
 * Step 5: the answer — the total and counts, what needs filling in (each field a link to it), a
 * chart of the amounts, then every result with its steps.
 */
export function ResultsStep({ answer, request, onFill }: { answer: Answer; request: CalcRequest; onFill: (path: string) => void }) {
  const { t, i18n } = useTranslation('calculator');
  const en = i18n.language === 'en';
  const lang = en ? 'en' : 'zh';
  const [showAll, setShowAll] = useState(false);
  const summary = summarizeAnswer(answer);
  const measures = useMeasureIndex(answer.year >= 2025 && answer.year <= 2028 ? answer.year : 2026);
  const unit = en ? 'yuan' : '元';
  return (
    <div data-testid="calc-results">
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {[
          t('results.basis', { year: request.year }),
          [request.enterprise.name, request.enterprise.creditCode].filter((x) => typeof x === 'string').join(' '),
          topicsOf(request.facts ?? {})
            .map((k) => TOPICS.find((tp) => tp.key === k)?.label[en ? 'en' : 'zh'])
            .join(en ? ', ' : '、'),
        ]
          .filter((x) => x)
          .join(' · ')}
      </Typography.Paragraph>
      {failsGeneralConditions(request.enterprise) && (
        <Alert type="error" showIcon title={t('results.generalFail')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <Card size="small" style={{ background: 'linear-gradient(135deg, #e6f4ff 0%, #f0f5ff 100%)', borderColor: '#91caff' }}>
                <Statistic
                  title={t('results.total')}
                  value={formatYuan(summary.total)}
                  suffix={unit}
                  styles={{ content: { color: '#0958d9', fontWeight: 600, fontSize: 30 } }}
                  data-testid="calc-total"
                />
              </Card>
            </Col>
            <Col xs={12} sm={6}>
              <Card size="small">
                <Statistic title={t('results.granted')} value={summary.granted.length} suffix={t('results.items')} />
              </Card>
            </Col>
            <Col xs={12} sm={6}>
              <Card size="small">
                <Statistic
                  title={t('results.review')}
                  value={summary.review.length}
                  suffix={t('results.items')}
                  styles={{ content: { color: summary.review.length > 0 ? '#d48806' : undefined } }}
                />
              </Card>
            </Col>
            <Col xs={12} sm={6}>
              <Card size="small">
                <Statistic
                  title={t('results.incomplete')}
                  value={summary.incomplete.length}
                  suffix={t('results.items')}
                  styles={{ content: { color: summary.incomplete.length > 0 ? '#d46b08' : undefined } }}
                  data-testid="calc-incomplete-count"
                />
              </Card>
            </Col>
            <Col xs={12} sm={6}>
              <Card size="small">
                <Statistic title={t('results.refused')} value={summary.refused.length} suffix={t('results.items')} />
              </Card>
            </Col>
          </Row>
          {summary.incomplete.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={t('results.incompleteNote')}
              data-testid="calc-incomplete"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {summary.incomplete.map((r) => (
                    <li key={`${r.measure}|${r.subject ?? ''}`} data-testid={`incomplete-${r.measure}`}>
                      <Typography.Text strong>{measureLabel(measures.get(r.measure), lang, r.citation)}</Typography.Text>
                      {en ? ': ' : '：'}
                      <MissingFields paths={r.missing ?? []} onFill={onFill} />
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {summary.review.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={t('results.reviewNote')}
              description={
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                  {summary.review.map((r) => (
                    <Tag key={`${r.measure}|${r.subject ?? ''}`} color="gold" style={{ whiteSpace: 'normal' }}>
                      {measureLabel(measures.get(r.measure), lang, r.citation)}
                      {r.subject ? ` · ${tierLabel(r.subject, lang)}` : ''}
                      {en ? `: up to ${formatYuan(r.amount)} yuan` : `：最高${formatYuan(r.amount)}元`}
                    </Tag>
                  ))}
                </div>
              }
            />
          )}
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('results.chart')} style={{ height: '100%' }}>
            {summary.granted.length > 0 ? (
              <AmountChart results={summary.granted} unit={unit} label={t('results.chart')} names={measures} lang={lang} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.chartEmpty')} />
            )}
            {summary.granted.length > 0 && (
              <div style={{ fontSize: 12, color: '#666', marginTop: 4 }}>
                {summary.granted.map((r) => {
                  const m = measures.get(r.measure);
                  return (
                    <div
                      key={`${r.measure}|${r.subject ?? ''}`}
                      style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                      title={m ? (en ? m.summaryEn : m.summaryZh) : undefined}
                    >
                      <b>{m?.name ?? r.citation}</b> {m?.citation ?? ''}
                      {r.subject ? ` · ${tierLabel(r.subject, lang)}` : ''}
                      {m ? ` · ${en ? m.summaryEn : m.summaryZh}` : ''}
                    </div>
                  );
                })}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <div
        style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8, margin: '16px 0 8px' }}
      >
        <Typography.Text type="secondary">{t('results.explainHint')}</Typography.Text>
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Switch
            size="small"
            checked={showAll}
            onChange={setShowAll}
            id="calc-show-all"
            aria-labelledby="calc-show-all-label"
            data-testid="calc-show-all"
          />
          <label htmlFor="calc-show-all" id="calc-show-all-label">
            {t('results.showAll')}
          </label>
        </span>
      </div>
      <ResultsView answer={answer} onlyRelevant={!showAll} onFill={onFill} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('results.policyVersion')}
        {en ? ': ' : '：'}
        {answer.policy.id} {answer.policy.version} · {t('disclaimer')}
      </Typography.Paragraph>
    </div>
  );
}
