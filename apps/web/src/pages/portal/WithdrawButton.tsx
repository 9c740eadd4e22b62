import { RollbackOutlined } from '@ant-design/icons';
import type { ApplicationView } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

/**
 * 撤回: a submitted application the formal check has not yet taken goes back to draft, with an
 * optional reason, after the applicant confirms what it means (same number, the receipt void, and
 * no resubmission once the call has closed).
 */
export function WithdrawButton({ app }: { app: ApplicationView }) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () =>
      api.post<ApplicationView>(`/api/v1/applications/${encodeURIComponent(app.id)}/withdraw`, {
        ...(reason.trim() && { reason: reason.trim() }),
      }),
    onSuccess: async (view) => {
      setOpen(false);
      queryClient.setQueryData(['application', app.id], view);
      await queryClient.invalidateQueries({ queryKey: ['portal', 'applications'] });
      message.success(t('withdraw.done'));
      window.scrollTo({ top: 0 });
    },
    onError: async (e) => {
      message.error(`${t('withdraw.failed')}${e.message}`);
      // Taken into the formal check meanwhile: the page shows where it is now.
      await queryClient.invalidateQueries({ queryKey: ['application', app.id] });
      setOpen(false);
    },
  });
  const closed = !(app.call?.isAccepting ?? false);
  return (
    <>
      <Button icon={<RollbackOutlined />} onClick={() => setOpen(true)} data-testid="withdraw-button">
        {t('withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('withdraw.title')}
        okText={t('withdraw.ok')}
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText={t('cancel', { ns: 'common' })}
        onOk={() => withdraw.mutate()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('withdraw.body')}</Typography.Paragraph>
        {closed && <Alert type="warning" showIcon title={t('withdraw.closed')} style={{ marginBottom: 12 }} />}
        <label htmlFor="withdraw-reason" style={{ display: 'block', marginBottom: 4 }}>
          {t('withdraw.reason')}
        </label>
        <Input.TextArea
          id="withdraw-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('withdraw.reasonPlaceholder')}
        />
      </Modal>
    </>
  );
}
