import { CheckCircleFilled, ExclamationCircleFilled, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApplicationView, Attachment, MaterialList } from '@ftai/api';
import { claimedMeasures } from '@ftai/policy-fengtai/materials';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useMeasureIndex } from '../../api/use-catalogue';
import { AttachmentList } from '../../components/AttachmentList';

/** The server's limit (config uploadLimitBytes, 10 MiB): checked here first to spare the upload. */
const LIMIT = 10 << 20;
/** What the server takes (it reads the type from the bytes): PDF, OFD, images, Word, Excel. */
const ACCEPT = '.pdf,.ofd,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx';

/** The materials of every measure (申报材料清单), in the page's language, from the server's one list. */
export function useMaterials() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return useQuery({
    queryKey: ['materials', lang],
    queryFn: () => api.get<MaterialList>(`/api/v1/materials?lang=${lang}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One upload button: the file goes to the application, tied to a material (of a measure, or a general one) when given. */
function UploadButton(props: {
  appId: string;
  tie?: { measure: string | null; material: string };
  label: string;
  primary?: boolean;
  testId: string;
}) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(0);
  // A material of a measure names both; a general one its key alone; 其他材料 neither.
  const query = props.tie
    ? `?${props.tie.measure ? `measure=${encodeURIComponent(props.tie.measure)}&` : ''}material=${encodeURIComponent(props.tie.material)}`
    : '';
  return (
    <span data-testid={props.testId}>
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
            const stored = await api.post<Attachment>(`/api/v1/applications/${encodeURIComponent(props.appId)}/attachments${query}`, form);
            onSuccess?.(stored);
            message.success(t('files.uploaded', { name: stored.filename }));
            await queryClient.invalidateQueries({ queryKey: ['application', props.appId] });
          } catch (e) {
            onError?.(e as Error);
            const detail = e instanceof Error ? e.message : String(e);
            message.error(
              e instanceof ApiError && e.status === 413
                ? t('files.tooLarge', { name: (file as File).name })
                : `${t('files.failed')}${detail}`,
            );
          } finally {
            setUploading((n) => n - 1);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0} size="small" type={props.primary ? 'primary' : 'default'}>
          {props.label}
        </Button>
      </Upload>
    </span>
  );
}

/** One material of a checklist: 必备 or 可选, its hint, how many files it has, and its upload button. */
function MaterialRow(props: {
  app: ApplicationView;
  measure: string | null;
  material: MaterialList['general'][number];
  editable: boolean;
}) {
  const { t, i18n } = useTranslation('portal');
  const { app, measure, material: m } = props;
  const n = props.app.attachments.filter((a) => a.measure === measure && a.material === m.key).length;
  const id = `${measure ?? 'general'}-${m.key}`;
  return (
    <li
      data-testid={`material-${id}`}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <Tag color={m.required ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
        {m.required ? t('files.required') : t('files.optional')}
      </Tag>
      <span style={{ flex: '1 1 180px', minWidth: 0 }}>
        {m.name}
        {/* The hint is the calls' own wording, in Chinese whatever the page's language. */}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} lang={i18n.language === 'en' ? 'zh-CN' : undefined}>
          {m.hint}
        </Typography.Text>
      </span>
      {n > 0 ? (
        <Typography.Text type="success" style={{ fontSize: 13 }}>
          <CheckCircleFilled /> {t('files.uploadedCount', { n })}
        </Typography.Text>
      ) : m.required ? (
        <Typography.Text type="danger" style={{ fontSize: 13 }}>
          <ExclamationCircleFilled /> {t('files.missing')}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('files.none')}
        </Typography.Text>
      )}
      {props.editable && (
        <UploadButton
          appId={app.id}
          tie={{ measure, material: m.key }}
          label={t('files.uploadThis')}
          primary={m.required && n === 0}
          testId={`upload-${id}`}
        />
      )}
    </li>
  );
}

/**
 * The files of an application: per measure claimed (a result of the engine's answer to its
 * facts, services aside: what submission checks), its materials (申报材料清单: 必备 or 可选, how
 * many files each has, an upload button per material while the application is with the
 * applicant); the general materials (通用材料); then 其他材料, and every file with its download
 * link. The lists come from the server (GET /api/v1/materials); the server reads each file's type
 * from its bytes and refuses submission while a required material has no file.
 */
export function AttachmentsCard({
  app,
  editable,
  results,
  measures = [],
}: {
  app: ApplicationView;
  editable: boolean;
  /** The engine's results for the application (the live estimate, or the stored answer): the measures claimed. */
  results?: readonly { readonly measure: string; readonly status: string }[];
  /** Measures to list beside those of `results`. */
  measures?: readonly string[];
}) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const materials = useMaterials();
  const index = useMeasureIndex(app.call?.year && app.call.year >= 2025 && app.call.year <= 2028 ? app.call.year : 2026);
  const claimed = [...new Set([...claimedMeasures(results ?? []), ...measures])].filter(
    (m) => (materials.data?.measures[m]?.length ?? 0) > 0,
  );
  const general = materials.data?.general ?? [];
  const materialName = (measure: string | null, key: string | null) =>
    key ? (measure ? materials.data?.measures[measure] : general)?.find((m) => m.key === key)?.name : undefined;

  return (
    <Card
      title={
        <span>
          <PaperClipOutlined /> {t('files.title')}
        </span>
      }
      data-testid="attachments-card"
    >
      {editable && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('files.hint')}
        </Typography.Paragraph>
      )}
      {(claimed.length > 0 || (editable && general.length > 0)) && (
        <div data-testid="materials-checklist" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('files.checklist')}
          </Typography.Title>
          {claimed.map((measure) => (
            <div key={measure} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{measureLabel(index.get(measure), lang, measure)}</Typography.Text>
              <ul style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }}>
                {(materials.data?.measures[measure] ?? []).map((m) => (
                  <MaterialRow key={m.key} app={app} measure={measure} material={m} editable={editable} />
                ))}
              </ul>
            </div>
          ))}
          {general.length > 0 && (editable || app.attachments.some((a) => a.measure === null && a.material !== null)) && (
            <div style={{ marginBottom: 12 }} data-testid="materials-general">
              <Typography.Text strong>{t('files.general')}</Typography.Text>
              <ul style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }}>
                {general.map((m) => (
                  <MaterialRow key={m.key} app={app} measure={null} material={m} editable={editable} />
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {editable && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>{t('files.other')}</Typography.Text>
          <UploadButton appId={app.id} label={t('files.upload')} testId="upload-button" />
        </Space>
      )}
      <AttachmentList
        attachments={app.attachments.map((a) => ({
          ...a,
          note: materialName(a.measure, a.material) ?? (a.material ? undefined : t('files.other')),
        }))}
      />
    </Card>
  );
}
