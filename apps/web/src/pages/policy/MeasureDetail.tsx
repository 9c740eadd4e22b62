import type { MeasureInfo } from '@ftai/api';
import { Alert, Descriptions, Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { Highlight } from './Highlight';
import { asMaximum, splitVariants } from './search';

type Parameter = MeasureInfo['parameters'][number];

/** A rule, cap or scope with its industrial variant shown apart ("工业" tag); caps as maxima (最高 …). */
function Variants({ text, terms, upTo = false }: { text: string; terms: readonly string[]; upTo?: boolean }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const parts = splitVariants(text).map((p) => (upTo ? { ...p, text: asMaximum(p.text, lang) } : p));
  if (parts.length === 0) return <span>{t('noCaps')}</span>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {parts.map((p) => (
        <div key={`${p.variant ?? ''}${p.text}`}>
          {p.variant ? (
            <Tag color="geekblue" style={{ marginInlineEnd: 6 }}>
              {t('industrial')}
            </Tag>
          ) : parts.some((q) => q.variant) ? (
            <Tag style={{ marginInlineEnd: 6 }}>{t('base')}</Tag>
          ) : null}
          <Highlight text={p.text} terms={terms} />
        </div>
      ))}
    </div>
  );
}

/** One measure in full: the original clause, what it means, its rule and limits, assumptions, parameters. */
export function MeasureDetail({ m, terms }: { m: MeasureInfo; terms: readonly string[] }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const screens = Grid.useBreakpoint();
  const isWide = screens.md ?? true;
  const assumed = m.parameters.filter((p) => p.assumed);
  return (
    <div data-testid={`measure-${m.id}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('clause')} · {m.citationZh}
      </Typography.Text>
      <blockquote
        lang="zh-CN"
        style={{
          margin: '4px 0 16px',
          padding: '10px 14px',
          borderLeft: '4px solid #1677ff',
          background: '#f5f8ff',
          fontFamily: '"Songti SC", "SimSun", "Noto Serif CJK SC", serif',
          fontSize: 15,
          lineHeight: 1.8,
        }}
      >
        <Highlight text={m.clause} terms={terms} />
      </blockquote>
      <Descriptions
        size="small"
        bordered
        column={1}
        layout={isWide ? 'horizontal' : 'vertical'}
        styles={isWide ? { label: { width: 140, whiteSpace: 'nowrap' } } : undefined}
        items={[
          { key: 'summary', label: t('summary'), children: <Highlight text={m.summary} terms={terms} /> },
          { key: 'rule', label: t('rule'), children: <Variants text={m.rule} terms={terms} /> },
          { key: 'caps', label: t('caps'), children: <Variants text={m.caps} terms={[]} upTo /> },
          {
            key: 'scope',
            label: t('scope'),
            children: (
              <div>
                <Variants text={m.scope} terms={[]} />
                <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                  <Tag style={{ whiteSpace: 'normal' }}>
                    {m.perSubject ? `${t('perSubject')}${t('colon')}${t('perSubjectNote')}` : t('perEnterprise')}
                  </Tag>
                  {m.review && (
                    <Tag color="gold" style={{ whiteSpace: 'normal' }} data-testid={`review-note-${m.id}`}>
                      {t('review')}
                      {t('colon')}
                      {t('reviewNote')}
                    </Tag>
                  )}
                  {m.alternativeGroup && <Tag color="purple">{t('alternative', { group: m.alternativeGroup })}</Tag>}
                </div>
              </div>
            ),
          },
        ]}
      />
      {m.assumptions.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('assumptions')}
          data-testid={`assumption-${m.id}`}
          description={
            <div>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {m.assumptions.map((a) => (
                  <li key={a}>
                    <Tag color="orange">{t('assumption')}</Tag>
                    {a}
                  </li>
                ))}
              </ul>
              {assumed.length > 0 && (
                <div style={{ marginTop: 6 }}>
                  {t('fromParameters')}{' '}
                  {assumed.map((p) => (
                    <Tag key={p.id} color="orange" style={{ marginTop: 2, whiteSpace: 'normal', maxWidth: '100%' }}>
                      <code>{p.id}</code> {p.label}
                    </Tag>
                  ))}
                </div>
              )}
            </div>
          }
        />
      )}
      {m.parameters.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('parameters')}</Typography.Text>
          {isWide ? (
            <Table<Parameter>
              size="small"
              style={{ marginTop: 6 }}
              rowKey="id"
              pagination={false}
              dataSource={[...m.parameters]}
              columns={[
                {
                  title: t('param.label'),
                  key: 'label',
                  render: (_, p) => (
                    <span>
                      {p.label}{' '}
                      <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                        {p.id}
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  title: t('param.value'),
                  dataIndex: 'value',
                  key: 'value',
                  render: (v: string, p) => (
                    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {v} {p.assumed && <Tag color="orange">{t('assumption')}</Tag>}
                    </span>
                  ),
                },
                {
                  title: t('param.from'),
                  dataIndex: 'from',
                  key: 'from',
                  width: 130,
                  render: (d: string) => formatDate(d, lang),
                },
                { title: t('param.reference'), dataIndex: 'reference', key: 'reference', width: 140 },
              ]}
            />
          ) : (
            <div style={{ marginTop: 6, display: 'flex', flexDirection: 'column', gap: 6 }}>
              {m.parameters.map((p) => (
                <div key={p.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 10px' }}>
                  <div>
                    {p.label} {p.assumed && <Tag color="orange">{t('assumption')}</Tag>}
                  </div>
                  <div style={{ fontWeight: 500 }}>{p.value}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(p.from, lang)} · {p.reference} · <code>{p.id}</code>
                  </Typography.Text>
                </div>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
