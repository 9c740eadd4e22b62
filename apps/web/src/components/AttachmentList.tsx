import { DownloadOutlined, FileImageOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/format';

/** One attached file, as the applications API lists it. */
export interface AttachmentEntry {
  readonly id: string;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
  readonly uploadedBy: string;
  readonly at: string;
  readonly url: string;
  /** What the file is given as (the material's name, 其他材料), shown beside it. */
  readonly note?: string;
}

/** 1536 → "1.5 KB"; files are at most a few MiB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** The files of an application with download links (plain links: the session cookie is enough). */
export function AttachmentList({ attachments }: { attachments: readonly AttachmentEntry[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="attachment-list">
      {attachments.map((a) => (
        <li key={a.id} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <span style={{ fontSize: 20, color: a.mime === 'application/pdf' ? '#cf1322' : '#1677ff' }} aria-hidden>
            {a.mime === 'application/pdf' ? (
              <FilePdfOutlined />
            ) : a.mime.startsWith('image/') ? (
              <FileImageOutlined />
            ) : (
              <FileTextOutlined />
            )}
          </span>
          <div style={{ flex: 1, minWidth: 0 }}>
            <a href={a.url} download={a.filename} style={{ wordBreak: 'break-all' }} title={t('attachments.download')}>
              {a.filename} <DownloadOutlined aria-label={t('attachments.download')} />
            </a>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.note && `${a.note} · `}
                {formatBytes(a.size)} · {t('attachments.uploadedBy')} {a.uploadedBy} · {formatTime(a.at)}
              </Typography.Text>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
