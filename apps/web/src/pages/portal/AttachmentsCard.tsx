import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApplicationView, Attachment } from '@ftai/api';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { AttachmentList } from '../../components/AttachmentList';

/** The server's limit (config uploadLimitBytes, 10 MiB): checked here first to spare the upload. */
const LIMIT = 10 << 20;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp';

/**
 * The files of an application: upload (PDF, PNG, JPEG, WebP — the server reads the type from the
 * bytes) while it is a draft or returned, and download links. The upload goes through the API
 * client, which sends the session's CSRF token (x-csrf-token) with the multipart form.
 */
export function AttachmentsCard({ app, editable }: { app: ApplicationView; editable: boolean }) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(0);

  return (
    <Card
      title={
        <span>
          <PaperClipOutlined /> {t('files.title')}
        </span>
      }
      extra={
        editable && (
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > LIMIT) {
                message.error(t('files.tooLarge', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={async ({ file, onSuccess, onError }) => {
              const form = new FormData();
              form.append('file', file as File);
              setUploading((n) => n + 1);
              try {
                const stored = await api.post<Attachment>(`/api/v1/applications/${encodeURIComponent(app.id)}/attachments`, form);
                onSuccess?.(stored);
                message.success(t('files.uploaded', { name: stored.filename }));
                await queryClient.invalidateQueries({ queryKey: ['application', app.id] });
              } catch (e) {
                onError?.(e as Error);
                const detail = e instanceof Error ? e.message : String(e);
                message.error(
                  e instanceof ApiError && e.status === 415
                    ? `${t('files.wrongType')}${detail}`
                    : e instanceof ApiError && e.status === 413
                      ? `${t('files.tooLarge', { name: (file as File).name })}`
                      : `${t('files.failed')}${detail}`,
                );
              } finally {
                setUploading((n) => n - 1);
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading > 0} data-testid="upload-button">
              {t('files.upload')}
            </Button>
          </Upload>
        )
      }
      data-testid="attachments-card"
    >
      {editable && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('files.hint')}
        </Typography.Paragraph>
      )}
      <AttachmentList attachments={app.attachments} />
    </Card>
  );
}
