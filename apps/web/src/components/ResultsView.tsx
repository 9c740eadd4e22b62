import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Answer, MeasureResult } from '../api/types';
import { useMeasureIndex } from '../api/use-catalogue';
import { Money } from './Money';
import { ResultStatusTag } from './StatusTag';

/**
 * The engine's answer: one row per measure and subject with status, amount, cap and clause; each
 * row opens to the explanation steps (and the reasons when not granted), so a reviewer can redo
 * every figure by hand. `onlyRelevant` hides services and not-applicable rows.
 */
export function ResultsView({ answer, onlyRelevant = false }: { answer: Answer; onlyRelevant?: boolean }) {
  const { t, i18n } = useTranslation();
  const measures = useMeasureIndex(answer.year >= 2025 && answer.year <= 2028 ? answer.year : 2026);
  const en = i18n.language === 'en';
  const rows = answer.results.filter((r) => !onlyRelevant || (r.status !== 'service' && r.status !== 'not-applicable'));
  const columns: ColumnsType<MeasureResult> = [
    {
      title: en ? 'Measure' : '支持事项',
      key: 'measure',
      render: (_, r) => {
        const m = measures.get(r.measure);
        return (
          <div>
            <Typography.Text strong>{r.measure}</Typography.Text>{' '}
            <Typography.Text type="secondary">{en && m ? m.citationEn : r.citation}</Typography.Text>
            {m && <div style={{ fontSize: 12, color: '#666', maxWidth: 420 }}>{en ? m.summaryEn : m.summaryZh}</div>}
          </div>
        );
      },
    },
    {
      title: en ? 'Subject' : '支持对象',
      dataIndex: 'subject',
      key: 'subject',
      render: (s: string | null) => s ?? '—',
      responsive: ['md'],
    },
    { title: en ? 'Status' : '结果', dataIndex: 'status', key: 'status', render: (s: string) => <ResultStatusTag status={s} /> },
    {
      title: en ? 'Amount (yuan)' : '金额(元)',
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      render: (a: number, r) => (
        <span>
          <Money value={a} strong={r.status === 'granted'} />
          {r.review && r.status === 'granted' && (
            <Tooltip title={en ? 'The most the text allows; an expert review may award less' : '为政策允许的最高额,经评审可能调减'}>
              <Tag color="gold" style={{ marginLeft: 6 }}>
                {en ? 'review' : '需评审'}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: en ? 'Cap' : '上限',
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
        expandedRowRender: (r) => (
          <div data-testid={`explanation-${r.measure}-${r.subject ?? ''}`}>
            {r.reasons && r.reasons.length > 0 && (
              <div style={{ marginBottom: 6 }}>
                <Typography.Text type="warning">{en ? 'Why: ' : '原因:'}</Typography.Text>
                {r.reasons.join(';')}
              </div>
            )}
            {r.explanation && (
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {r.explanation.map((step, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list that never reorders
                  <li key={i}>{step}</li>
                ))}
              </ol>
            )}
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
