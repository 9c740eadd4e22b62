import { Alert, Checkbox, Col, Form, type FormInstance, Input, InputNumber, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type EnterpriseState, FIRST_YEAR, failsGeneralConditions, LAST_YEAR } from './calc-state';

export interface EnterpriseValues {
  year: number;
  enterprise: EnterpriseState;
}

const GENERAL = ['registeredInFengtai', 'taxResidentInFengtai', 'seriousDishonesty'] as const;
const STATUS = ['aiPartnerProgram', 'industrialAI', 'startup'] as const;

/** Step 1: the assessment year, who the enterprise is, the general conditions and its status. */
export function EnterpriseStep({
  form,
  initial,
  openCall,
}: {
  form: FormInstance<EnterpriseValues>;
  initial: EnterpriseValues;
  /** The call open today, whose assessment year the step starts with. */
  openCall?: { year: number; title: string } | undefined;
}) {
  const { t } = useTranslation('calculator');
  const enterprise = Form.useWatch('enterprise', form) as EnterpriseState | undefined;
  const year = Form.useWatch('year', form) as number | undefined;
  // Any year may be assessed; outside the policy's years of support the result is only indicative.
  const outside = typeof year === 'number' && (year < FIRST_YEAR || year > LAST_YEAR);
  const fails = failsGeneralConditions(enterprise ?? {});
  return (
    <Form form={form} name="enterprise" layout="vertical" initialValues={initial} requiredMark="optional">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('enterprise.heading')}
      </Typography.Title>
      <Row gutter={24}>
        <Col xs={24} md={6}>
          <Form.Item
            name="year"
            label={t('enterprise.year')}
            rules={[
              { required: true, message: t('enterprise.yearRequired') },
              { type: 'number', min: 2000, max: 2100, message: t('enterprise.yearRange') },
            ]}
            required
          >
            <InputNumber<number> precision={0} style={{ width: '100%' }} data-testid="calc-year" />
          </Form.Item>
          {openCall && openCall.year === year && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -16, fontSize: 13 }} data-testid="calc-year-call">
              {t('enterprise.openCallYear', { title: openCall.title, year: openCall.year })}
            </Typography.Paragraph>
          )}
          {outside && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: -8, marginBottom: 16 }}
              message={t('enterprise.yearOutside', { year, first: FIRST_YEAR, last: LAST_YEAR })}
              data-testid="calc-year-outside"
            />
          )}
        </Col>
        <Col xs={24} md={9}>
          <Form.Item
            name={['enterprise', 'creditCode']}
            label={t('enterprise.creditCode')}
            extra={t('enterprise.creditCodeHelp')}
            rules={[{ pattern: /^\s*[0-9A-Za-z]{18}\s*$/, message: t('enterprise.creditCodeLength') }]}
          >
            <Input maxLength={20} autoComplete="off" data-testid="calc-credit-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name={['enterprise', 'name']} label={t('enterprise.name')}>
            <Input maxLength={200} data-testid="calc-name" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('enterprise.yearHelp')}
      </Typography.Paragraph>

      <Typography.Title level={5}>{t('enterprise.general')}</Typography.Title>
      <Alert type="info" showIcon title={t('enterprise.generalHelp')} style={{ marginBottom: 16 }} />
      <Row gutter={24}>
        {GENERAL.map((key) => (
          <Col xs={24} md={8} key={key}>
            <Form.Item name={['enterprise', key]} label={t(`enterprise.${key}`)}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: true, label: t('enterprise.yes') },
                  { value: false, label: t('enterprise.no') },
                ]}
                data-testid={`calc-${key}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {fails && <Alert type="error" showIcon title={t('enterprise.generalFail')} style={{ marginBottom: 16 }} data-testid="general-fail" />}

      <Typography.Title level={5}>{t('enterprise.status')}</Typography.Title>
      <Row gutter={24}>
        {STATUS.map((key) => (
          <Col xs={24} md={8} key={key}>
            <Form.Item name={['enterprise', key]} valuePropName="checked" extra={t(`enterprise.${key}Help`)}>
              <Checkbox data-testid={`calc-${key}`}>{t(`enterprise.${key}`)}</Checkbox>
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  );
}
