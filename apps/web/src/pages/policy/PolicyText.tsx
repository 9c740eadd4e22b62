import { Descriptions, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Highlight } from './Highlight';
import { policyBlocks } from './policy-document';

const BODY = { fontSize: 15, lineHeight: 1.9, textIndent: '2em', marginBottom: 8 } as const;

/**
 * The policy's full text as the bureau published it (policy-document.ts): its title, its
 * particulars, the notice that issued it, then the preamble, each article's heading on its own
 * line, each numbered item on its own line and the closing paragraph, with full-width punctuation;
 * search terms marked. The page's own words (labels, the note on the source) are in the page's
 * language; the text itself is Chinese (`lang="zh-CN"`).
 */
export function PolicyText({
  text,
  headings,
  terms,
}: {
  text: string;
  headings: readonly { article: number; title: string }[];
  terms: readonly string[];
}) {
  const { t, i18n } = useTranslation('policy');
  const english = i18n.language === 'en';
  const blocks = useMemo(() => policyBlocks(text, new Map(headings.map((h) => [h.article, h.title]))), [text, headings]);
  const mark = (s: string) => <Highlight text={s} terms={terms} />;
  const particulars = blocks.flatMap((b) => (b.kind === 'particular' ? [b] : []));
  const out: ReactNode[] = [];
  blocks.forEach((b, i) => {
    const key = `${b.kind}-${i}`;
    switch (b.kind) {
      case 'title':
        out.push(
          <Typography.Title key={key} level={2} style={{ textAlign: 'center', fontSize: 22 }}>
            {mark(b.text)}
          </Typography.Title>,
        );
        break;
      case 'particular':
        // All of them as one table, where the first stands.
        if (b === particulars[0])
          out.push(
            <Descriptions
              key={key}
              size="small"
              bordered
              column={{ xs: 1, sm: 1, md: 2 }}
              style={{ marginBottom: 16 }}
              items={particulars.map((p) => ({
                key: p.label,
                label: english && p.gloss ? `${p.label}（${p.gloss}）` : p.label,
                children: mark(p.value),
              }))}
            />,
          );
        break;
      case 'issuance':
        out.push(
          <div key={key} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Typography.Text strong>{t('fullText.issuance')}</Typography.Text>
              {mark(b.title)}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ ...BODY, marginBottom: 0 }}>{mark(b.quote)}</Typography.Paragraph>
            <Typography.Paragraph style={{ textAlign: 'right' }}>{mark(b.date)}</Typography.Paragraph>
          </div>,
        );
        break;
      case 'source':
        out.push(
          <Typography.Paragraph key={key} type="secondary" lang={english ? 'en' : 'zh-CN'}>
            {t('fullText.source')}
          </Typography.Paragraph>,
        );
        break;
      case 'body':
        out.push(
          <Typography.Title
            key={key}
            level={3}
            style={{ textAlign: 'center', fontSize: 18, marginTop: 24 }}
            lang={english ? 'en' : 'zh-CN'}
          >
            {t('fullText.body')}
          </Typography.Title>,
        );
        break;
      case 'paragraph':
        out.push(
          <Typography.Paragraph key={key} style={BODY}>
            {mark(b.text)}
          </Typography.Paragraph>,
        );
        break;
      case 'article':
        out.push(
          <Typography.Paragraph key={key} style={{ ...BODY, marginTop: 12 }} data-article={b.citation}>
            <Typography.Text strong>
              {mark(b.citation)}
              {b.title && '\u3000'}
              {b.title && mark(b.title)}
            </Typography.Text>
          </Typography.Paragraph>,
        );
        if (b.lead)
          out.push(
            <Typography.Paragraph key={`${key}-lead`} style={BODY}>
              {mark(b.lead)}
            </Typography.Paragraph>,
          );
        break;
      case 'item':
        out.push(
          <Typography.Paragraph key={key} style={BODY}>
            {mark(b.marker)}
            {mark(b.text)}
          </Typography.Paragraph>,
        );
        break;
    }
  });
  return (
    <div lang="zh-CN" style={{ maxWidth: 860, margin: '0 auto' }} data-testid="policy-text">
      {out}
    </div>
  );
}
