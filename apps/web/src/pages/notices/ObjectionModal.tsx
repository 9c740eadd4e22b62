import type { Notice, NoticeSummary, ObjectionReceipt } from '@ftai/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { applicationOptions } from './application-options';

interface ObjectionValues {
  name: string;
  contact: string;
  text: string;
  applicationId?: string;
}

/** The objection form (异议): POST /api/v1/notices/:id/objections, open to anyone while the window is. */
export function ObjectionModal({ notice, onClose }: { notice: NoticeSummary; onClose: () => void }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const [form] = Form.useForm<ObjectionValues>();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The applications are found by the server as the visitor types a name: a notice may list a hundred thousand.
  const [search, setSearch] = useState('');
  const detail = useQuery({
    queryKey: ['notice', notice.id, 'objection-options', search],
    queryFn: () => api.get<Notice>(`/api/v1/notices/${encodeURIComponent(notice.id)}?limit=50&q=${encodeURIComponent(search)}`),
    placeholderData: keepPreviousData,
  });
  const required = (what: string) => [{ required: true, whitespace: true, message: t('notices.required', { what }) }];

  const send = async () => {
    let values: ObjectionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      const body = {
        name: values.name,
        contact: values.contact,
        text: values.text,
        ...(values.applicationId ? { applicationId: values.applicationId } : {}),
      };
      const receipt = await api.post<ObjectionReceipt>(`/api/v1/notices/${encodeURIComponent(notice.id)}/objections`, body);
      message.success(t('notices.sent', { id: receipt.id }));
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      if (e instanceof ApiError && e.status === 409) setProblem(t('notices.closedNow'));
      else if (rest.length > 0) setProblem(rest.map((i) => `${i.path}: ${i.message}`).join(';'));
      else if (!(e instanceof ApiError) || e.issues.length === 0) setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={t('notices.objectTitle')}
      onCancel={onClose}
      onOk={() => void send()}
      okText={t('notices.send')}
      confirmLoading={sending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={notice.title}
        description={t('notices.objectHelp', { d: formatDate(notice.objectionsUntil, lang) })}
      />
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} />}
      <Form form={form} name="objection" layout="vertical">
        <Form.Item name="name" label={t('notices.name')} rules={required(t('notices.name'))}>
          <Input maxLength={100} autoComplete="name" />
        </Form.Item>
        <Form.Item name="contact" label={t('notices.contact')} rules={required(t('notices.contact'))}>
          <Input maxLength={200} autoComplete="tel" />
        </Form.Item>
        <Form.Item name="applicationId" label={t('notices.application')} extra={t('notices.applicationHelp')}>
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
            loading={detail.isFetching}
            options={applicationOptions(detail.data?.lines ?? [])}
          />
        </Form.Item>
        <Form.Item name="text" label={t('notices.text')} rules={required(t('notices.text'))}>
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
