import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Highlight } from './Highlight';

const ARTICLE = /^(第[一二三四五六七八九十]+条)\s*(.*)$/;

/**
 * The policy's full text (a small Markdown file: headings, list items, paragraphs) as a page, each
 * article's number set in bold and search terms marked.
 */
export function PolicyText({ text, terms }: { text: string; terms: readonly string[] }) {
  const blocks: ReactNode[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length === 0) return;
    const list = items;
    items = [];
    blocks.push(
      <ul key={`ul-${blocks.length}`} style={{ color: '#555' }}>
        {list.map((li) => (
          <li key={li}>
            <Highlight text={li} terms={terms} />
          </li>
        ))}
      </ul>,
    );
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('- ')) {
      items.push(line.slice(2));
      continue;
    }
    flush();
    if (line === '') continue;
    const key = `b-${blocks.length}`;
    if (line.startsWith('# ')) {
      blocks.push(
        <Typography.Title key={key} level={3} style={{ textAlign: 'center' }}>
          {line.slice(2)}
        </Typography.Title>,
      );
    } else if (line.startsWith('## ')) {
      blocks.push(
        <Typography.Title key={key} level={4}>
          {line.slice(3)}
        </Typography.Title>,
      );
    } else {
      const m = ARTICLE.exec(line);
      blocks.push(
        <Typography.Paragraph key={key} style={{ fontSize: 15, lineHeight: 1.9, textIndent: m ? '2em' : undefined }}>
          {m ? (
            <>
              <b>{m[1]}</b> <Highlight text={m[2] ?? ''} terms={terms} />
            </>
          ) : (
            <Highlight text={line} terms={terms} />
          )}
        </Typography.Paragraph>,
      );
    }
  }
  flush();
  return (
    <div lang="zh-CN" style={{ maxWidth: 860, margin: '0 auto' }} data-testid="policy-text">
      {blocks}
    </div>
  );
}
