import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../api/use-catalogue';
import { MoneyInput } from '../../components/facts-editor/MoneyInput';
import type { HistoryRow, OtherAwardRow } from './calc-state';

export interface HistoryValues {
  history: HistoryRow[];
  otherPolicyAwards: OtherAwardRow[];
}

const rowStyle = { border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', marginBottom: 8, background: '#fafafa' } as const;

/** Step 4: earlier grants of this policy and other district policies' awards, and why they matter. */
export function HistoryStep({ form }: { form: FormInstance<HistoryValues> }) {
  const { t } = useTranslation('calculator');
  const catalogue = useCatalogue();
  const measures = (catalogue.data?.measures ?? []).map((m) => ({ value: m.id, label: `${m.id} · ${m.summary}` }));
  const required = (what: string) => [{ required: true, message: t('history.required', { what }) }];
  return (
    <Form form={form} name="history" layout="vertical" initialValues={{ history: [], otherPolicyAwards: [] }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('history.heading')}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('history.why')}
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            <li>{t('history.whyOneTime')}</li>
            <li>{t('history.whyConsecutive')}</li>
            <li>{t('history.whyBestOf')}</li>
          </ul>
        }
      />
      <Card size="small" title={t('history.thisPolicy')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('history.thisPolicyHelp')}</Typography.Paragraph>
        <Form.List name="history">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, index) => (
                <div key={row.key} style={rowStyle}>
                  <Row gutter={12} align="top">
                    <Col xs={24} md={9}>
                      <Form.Item name={[row.name, 'measure']} label={t('history.measure')} rules={required(t('history.measure'))}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          options={measures}
                          loading={catalogue.isLoading}
                          placeholder={t('facts.choose')}
                          data-testid={`history-${index}-measure`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[row.name, 'year']} label={t('history.year')} rules={required(t('history.year'))}>
                        <InputNumber<number> precision={0} min={2025} max={2100} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[row.name, 'subject']} label={t('history.subject')} tooltip={t('history.subjectHelp')}>
                        <Input maxLength={200} placeholder={t('history.subjectHelp')} />
                      </Form.Item>
                    </Col>
                    <Col xs={18} md={5}>
                      <Form.Item name={[row.name, 'amount']} label={t('history.amount')} rules={required(t('history.amount'))}>
                        <MoneyInput />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={1} style={{ paddingTop: 30 }}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(row.name)}
                        aria-label={t('facts.removeRow', { what: t('history.measure'), n: index + 1 })}
                      />
                    </Col>
                  </Row>
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
                {t('history.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('history.other')}>
        <Typography.Paragraph type="secondary">{t('history.otherHelp')}</Typography.Paragraph>
        <Form.List name="otherPolicyAwards">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, index) => (
                <div key={row.key} style={rowStyle}>
                  <Row gutter={12} align="top">
                    <Col xs={24} md={9}>
                      <Form.Item name={[row.name, 'policy']} label={t('history.policy')} rules={required(t('history.policy'))}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={9}>
                      <Form.Item name={[row.name, 'subject']} label={t('history.subject')} rules={required(t('history.subject'))}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[row.name, 'amount']} label={t('history.amount')} rules={required(t('history.amount'))}>
                        <MoneyInput />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={1} style={{ paddingTop: 30 }}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(row.name)}
                        aria-label={t('facts.removeRow', { what: t('history.policy'), n: index + 1 })}
                      />
                    </Col>
                  </Row>
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
                {t('history.addOther')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </Form>
  );
}
