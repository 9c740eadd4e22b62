import { ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { issueText } from '@ftai/api/issue-text';
import { Alert, Button, Drawer, Flex, Form, Grid, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { CONTACTS_HEADER, type ContactColumn, type ContactProblem, decodeCsv, readContacts } from './lib/contacts-csv';
import { useImportContacts } from './offer-api';
import { errorMessage } from './parts';

/** contacts[3].phone → the line of the fourth row sent, and its column; null when the path names no row. */
function lineOf(path: string, lines: readonly number[]): { line: number; column: ContactColumn | null } | null {
  const m = /^contacts\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m) return null;
  const line = lines[Number(m[1])];
  if (line === undefined) return null;
  const column = m[2] === 'creditCode' || m[2] === 'name' || m[2] === 'email' || m[2] === 'phone' ? m[2] : null;
  return { line, column };
}

/**
 * 导入企业联系方式: the e-mail addresses and mobile numbers 免申即享's messages go to, pasted or
 * read from a CSV file (UTF-8 or GB18030) and checked in the browser, every problem with its line
 * and column; then recorded at once (POST /api/v1/enterprise-contacts), saying how many were
 * updated and how many enterprises are new.
 */
export function ContactsImport({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('officer');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<{ csv: string }>();
  const [problems, setProblems] = useState<string[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<{ updated: number; created: number } | null>(null);
  const importContacts = useImportContacts();

  const describe = (p: ContactProblem) =>
    t('offers.contactLine', {
      line: p.line,
      column: t(`offers.contactColumn.${p.column ?? 'row'}`),
      problem: t(`offers.contactProblem.${p.problem}`, { line: p.first }),
    });

  const onFinish = ({ csv }: { csv: string }) => {
    setDone(null);
    setRefusal(null);
    setProblems(null);
    const { contacts, lines, problems: found } = readContacts(csv);
    if (found.length > 0) {
      setRefusal(t('offers.contactsRefused', { count: found.length }));
      setProblems(found.map(describe));
      return;
    }
    if (contacts.length === 0) {
      setRefusal(t('offers.contactsEmpty'));
      return;
    }
    importContacts.mutate(contacts, {
      onSuccess: (r) => {
        setDone(r);
        form.resetFields();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.issues.length > 0) {
          setRefusal(t('offers.contactsRefused', { count: e.issues.length }));
          setProblems(
            e.issues.map((issue) => {
              const at = lineOf(issue.path, lines);
              const known = issueText(issue.message, lang);
              // A message the API words in English only: the column's own rule, in Chinese.
              const text =
                lang === 'zh' && known === issue.message && at?.column && at.column !== 'name'
                  ? t(`offers.contactProblem.${at.column}`)
                  : known;
              return at
                ? t('offers.contactLine', { line: at.line, column: t(`offers.contactColumn.${at.column ?? 'row'}`), problem: text })
                : text;
            }),
          );
        } else setRefusal(errorMessage(e));
      },
    });
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('offers.contacts')} size={screens.md ? 640 : '100%'} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('offers.contactsHelp')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={() => setDone(null)}>
        <Form.Item
          name="csv"
          label={t('offers.contactsCsv')}
          rules={[{ required: true, whitespace: true, message: t('offers.contactsRule') }]}
        >
          <Input.TextArea
            rows={8}
            placeholder={`${CONTACTS_HEADER[lang]}91110106MA01ABCD2L,北京丰台智联科技有限公司,ai@example.cn,13800000000`}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
            data-testid="contacts-csv"
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void file.arrayBuffer().then((bytes) => {
                form.setFieldsValue({ csv: decodeCsv(bytes) });
                void form.validateFields(['csv']);
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('offers.contactsPick')}</Button>
          </Upload>
          <Button onClick={() => form.setFieldsValue({ csv: CONTACTS_HEADER[lang] })}>{t('offers.contactsTemplate')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<ImportOutlined />}
            loading={importContacts.isPending}
            data-testid="contacts-import"
          >
            {t('offers.contactsImport')}
          </Button>
        </Flex>
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={refusal}
          data-testid="contacts-refused"
          description={
            problems && (
              <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 320, overflowY: 'auto' }}>
                {problems.slice(0, 200).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="contacts-done"
          title={t('offers.contactsDone', { updated: done.updated, created: done.created })}
        />
      )}
    </Drawer>
  );
}
