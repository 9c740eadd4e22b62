import type { Answer, MeasureResult } from '@ftai/api';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { tierLabel } from '../api/policy-ids';
import { useMeasureIndex } from '../api/use-catalogue';
import { readStep } from '../lib/explanation-step';
import { Money } from './Money';
import { ResultStatus } from './ResultStatus';

/**
 * The engine's answer: one row per measure and subject — the clause and name of the measure, its
 * status with the cause beside it, the amount (最高 … and 需评审 where an expert review decides)
 * and cap; each row opens to the explanation steps, so a reviewer can redo every figure by hand.
 * `onlyRelevant` hides services and not-applicable rows. With `onFill`, the fields an incomplete
 * result needs are links to them.
 */
export function ResultsView({
  answer,
  onlyRelevant = false,
  onFill,
}: {
  answer: Answer;
  onlyRelevant?: boolean;
  onFill?: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const measures = useMeasureIndex(answer.year >= 2025 && answer.year <= 2028 ? answer.year : 2026);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const en = lang === 'en';
  const rows = answer.results.filter((r) => !onlyRelevant || (r.status !== 'service' && r.status !== 'not-applicable'));
  const columns: ColumnsType<MeasureResult> = [
    {
      title: en ? 'Measure' : '支持事项',
      key: 'measure',
      render: (_, r) => {
        const m = measures.get(r.measure);
        return (
          <div data-measure={r.measure}>
            <Typography.Text strong>{measureLabel(m, lang, r.citation)}</Typography.Text>
            {m && <div style={{ fontSize: 12, color: '#666', maxWidth: 420 }}>{en ? m.summaryEn : m.summaryZh}</div>}
          </div>
        );
      },
    },
    {
      title: en ? 'Subject' : '支持对象',
      dataIndex: 'subject',
      key: 'subject',
      render: (s: string | null) => (s === null ? '—' : tierLabel(s, lang)),
      responsive: ['md'],
    },
    {
      title: en ? 'Status' : '结果',
      key: 'status',
      render: (_, r) => <ResultStatus result={r} onFill={onFill} />,
    },
    {
      title: en ? 'Amount (yuan)' : '金额（元）',
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      render: (a: number, r) => {
        const isMaximum = r.review && r.status === 'granted';
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {isMaximum && t('result.upTo')}
            <Money value={a} strong={r.status === 'granted'} />
            {isMaximum && (
              <Tooltip title={t('result.reviewHint')}>
                <Tag color="gold" style={{ marginLeft: 6, marginInlineEnd: 0 }}>
                  {t('result.review')}
                </Tag>
              </Tooltip>
            )}
          </span>
        );
      },
    },
    {
      title: en ? 'Cap' : '最高支持额度',
      dataIndex: 'cap',
      key: 'cap',
      align: 'right',
      render: (c?: number) => (c === undefined ? '—' : <Money value={c} />),
      responsive: ['lg'],
    },
  ];
  return (
    <Table<MeasureResult>
      size="small"
      rowKey={(r) => `${r.measure}|${r.subject ?? ''}`}
      columns={columns}
      dataSource={rows}
      pagination={false}
      expandable={{
        rowExpandable: (r) => (r.explanation?.length ?? 0) > 0,
        expandedRowRender: (r) => (
          <div data-testid={`explanation-${r.measure}-${r.subject ?? ''}`}>
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {(r.explanation ?? []).map((step, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list that never reorders
                <li key={i}>
                  <ExplanationStep text={step} />
                </li>
              ))}
            </ol>
          </div>
        ),
      }}
      footer={() => (
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Text strong>{t('total')}</Typography.Text>
          <span data-testid="answer-total" style={{ fontSize: 16 }}>
            <Money value={answer.total} strong /> {t('yuan')}
          </span>
        </div>
      )}
    />
  );
}

/** One step of an explanation; a "假设：…" step (an assumed reading, MEASURES.md) marked as such. */
export function ExplanationStep({ text }: { text: string }) {
  const step = readStep(text);
  if (step.assumed === null) return <>{text}</>;
  return (
    <span data-assumed="true">
      <Tag color="orange" style={{ marginInlineEnd: 4 }}>
        {step.assumed}
      </Tag>
      {step.text}
    </span>
  );
}
