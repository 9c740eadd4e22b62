import type { Answer } from '@ftai/api';
import { describeConditions, describeFacts, describeHistory, describeOtherAward, reportResult } from '@ftai/policy-fengtai/report';
import { useTranslation } from 'react-i18next';
import { useMeasureIndex } from '../../api/use-catalogue';
import { ExplanationStep } from '../../components/ResultsView';
import { formatDate, formatYuan } from '../../lib/format';
import type { CalcRequest } from './calc-state';

const cell = { border: '1px solid #bbb', padding: '4px 6px', verticalAlign: 'top', textAlign: 'left' } as const;
const table = { width: '100%', borderCollapse: 'collapse', fontSize: 12, marginBottom: 12 } as const;

/**
 * The printed report (shown only when printing): what the calculation was based on, every result
 * with its status and cause, its amount (最高 … with the 需评审 flag where an expert review decides)
 * and all its explanation steps (假设 marked), the total, the policy version and the date.
 */
export function PrintReport({ answer, request, computedOn }: { answer: Answer; request: CalcRequest; computedOn: string }) {
  const { t, i18n } = useTranslation('calculator');
  const { t: tc } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const measures = useMeasureIndex(answer.year >= 2025 && answer.year <= 2028 ? answer.year : 2026);
  const e = request.enterprise;
  const facts = describeFacts(request.facts, lang);
  const en = lang === 'en';
  const sep = en ? '; ' : '；';
  const statusWord = (status: string) => tc(`resultStatus.${status}`, { defaultValue: status });
  const hasReview = answer.results.some((r) => r.review && r.status === 'granted');
  return (
    <div className="ftai-print-only" data-testid="print-report" style={{ color: '#000', fontSize: 12 }}>
      <h1 style={{ fontSize: 20, margin: '0 0 4px', textAlign: 'center' }}>{t('report.title')}</h1>
      <p style={{ textAlign: 'center', margin: '0 0 12px' }}>
        {t('report.policy')} · {t('results.policyVersion')}
        {en ? ': ' : '：'}
        {answer.policy.version} · {t('results.computedOn')}
        {en ? ': ' : '：'}
        {en ? computedOn : formatDate(computedOn.slice(0, 10), 'zh')}
      </p>

      <h2 style={{ fontSize: 14 }}>{t('report.request')}</h2>
      <table style={table}>
        <tbody>
          <tr>
            <th style={cell}>{t('report.enterprise')}</th>
            <td style={cell}>
              {typeof e.name === 'string' ? e.name : '—'}
              {typeof e.creditCode === 'string' ? (en ? ` (${e.creditCode})` : `（${e.creditCode}）`) : ''}
            </td>
            <th style={cell}>{t('report.year')}</th>
            <td style={cell}>{request.year}</td>
          </tr>
          <tr>
            <th style={cell}>{t('report.conditions')}</th>
            <td style={cell} colSpan={3}>
              {describeConditions(e, lang)}
            </td>
          </tr>
          {facts.map((f) => (
            <tr key={f.label}>
              <th style={cell}>{f.label}</th>
              <td style={cell} colSpan={3}>
                {f.values.length === 1 ? (
                  f.values[0]
                ) : (
                  <ol style={{ margin: 0, paddingLeft: 18 }}>
                    {f.values.map((v, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: rows of a list in the order given
                      <li key={i}>{v}</li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
          ))}
          <tr>
            <th style={cell}>{t('report.history')}</th>
            <td style={cell} colSpan={3}>
              {request.history?.length ? request.history.map((h) => describeHistory(h, measures, lang)).join(sep) : t('report.none')}
            </td>
          </tr>
          <tr>
            <th style={cell}>{t('report.otherAwards')}</th>
            <td style={cell} colSpan={3}>
              {request.otherPolicyAwards?.length
                ? request.otherPolicyAwards.map((o) => describeOtherAward(o, measures, lang)).join(sep)
                : t('report.none')}
            </td>
          </tr>
        </tbody>
      </table>

      <h2 style={{ fontSize: 14 }}>{t('report.results')}</h2>
      <table style={table}>
        <thead>
          <tr>
            <th style={cell}>{t('report.measure')}</th>
            <th style={cell}>{t('report.subject')}</th>
            <th style={cell}>{t('report.status')}</th>
            <th style={{ ...cell, textAlign: 'right' }}>{t('report.amount')}</th>
            <th style={cell}>{t('report.steps')}</th>
          </tr>
        </thead>
        <tbody>
          {answer.results.map((r) => {
            const m = measures.get(r.measure);
            const line = reportResult(r, measures, lang, statusWord);
            return (
              <tr
                key={`${r.measure}|${r.subject ?? ''}`}
                style={{ breakInside: 'avoid' }}
                data-testid={`print-${r.measure}-${r.subject ?? ''}`}
              >
                <td style={{ ...cell, width: '24%' }}>
                  <b>{line.measure}</b>
                  {m && <div>{en ? m.summaryEn : m.summaryZh}</div>}
                </td>
                <td style={cell}>{line.subject}</td>
                <td style={{ ...cell, width: '16%' }}>{line.status}</td>
                <td style={{ ...cell, textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {line.amount}
                  {line.review && (
                    <div style={{ fontWeight: 600 }} data-testid="print-review">
                      {t('report.review')}
                    </div>
                  )}
                </td>
                <td style={cell}>
                  {r.explanation && (
                    <ol style={{ margin: 0, paddingLeft: 18 }}>
                      {r.explanation.map((s, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list that never reorders
                        <li key={i}>
                          <ExplanationStep text={s} />
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th style={cell} colSpan={3}>
              {tc('total')}
            </th>
            <th style={{ ...cell, textAlign: 'right' }} data-testid="print-total">
              {formatYuan(answer.total)}
            </th>
            <td style={cell} />
          </tr>
        </tfoot>
      </table>
      {hasReview && <p data-testid="print-review-legend">{t('report.reviewLegend')}</p>}
      <p>{t('disclaimer')}</p>
    </div>
  );
}
