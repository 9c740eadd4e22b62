import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { MeasureInfo } from '@ftai/api';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import type { FormListFieldData } from 'antd';
import { Alert, Button, Card, Col, Form, type FormInstance, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_MEASURE_IDS, IN_KIND_MEASURE_IDS, MILESTONE_TIERS } from '../../api/policy-ids';
import { useCatalogue } from '../../api/use-catalogue';
import { MoneyInput } from '../../components/facts-editor/MoneyInput';
import type { HistoryRow, OtherAwardRow } from './calc-state';

export interface HistoryValues {
  history: HistoryRow[];
  otherPolicyAwards: OtherAwardRow[];
}

type Option = { value: string; label: string };

const rowStyle = { border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', marginBottom: 8, background: '#fafafa' } as const;

/** Step 4: earlier grants of this policy and other district policies' awards, and why they matter. */
export function HistoryStep({ form }: { form: FormInstance<HistoryValues> }) {
  const { t, i18n } = useTranslation('calculator');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const catalogue = useCatalogue();
  const list = catalogue.data?.measures ?? [];
  const byId = new Map(list.map((m) => [m.id, m]));
  const measures: Option[] = list.map((m) => ({ value: m.id, label: measureLabel(m, lang) }));
  // 对应本措施事项: the measures whose support goes to the enterprise as a whole.
  const enterpriseMeasures: Option[] = ENTERPRISE_MEASURE_IDS.map((id) => ({ value: id, label: measureLabel(byId.get(id), lang, id) }));
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
                <HistoryEntry
                  key={row.key}
                  form={form}
                  row={row}
                  index={index}
                  measures={measures}
                  byId={byId}
                  loading={catalogue.isLoading}
                  onRemove={() => remove(row.name)}
                />
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} data-testid="history-add">
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
                <OtherAwardEntry
                  key={row.key}
                  form={form}
                  row={row}
                  index={index}
                  measures={enterpriseMeasures}
                  loading={catalogue.isLoading}
                  onRemove={() => remove(row.name)}
                />
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ target: 'subject' })} data-testid="other-add">
                {t('history.addOther')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </Form>
  );
}

/**
 * One earlier grant of this policy. What the subject is depends on the measure: 5.1's tier (chosen
 * from its tiers), an object's id for per-subject measures, nothing for the others; support in kind
 * (5.4) has amount 0.
 */
function HistoryEntry(props: {
  form: FormInstance<HistoryValues>;
  row: FormListFieldData;
  index: number;
  measures: readonly Option[];
  byId: ReadonlyMap<string, MeasureInfo>;
  loading: boolean;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation('calculator');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { form, row, index } = props;
  const measure = Form.useWatch(['history', row.name, 'measure'], form) as string | undefined;
  const tiers = measure === undefined ? undefined : MILESTONE_TIERS.get(measure);
  const isInKind = measure !== undefined && IN_KIND_MEASURE_IDS.includes(measure);
  const perSubject = measure === undefined ? true : (props.byId.get(measure)?.perSubject ?? true);
  const required = (what: string) => [{ required: true, message: t('history.required', { what }) }];
  const onMeasure = (next: string) => {
    // A new measure: what was its subject no longer fits; support in kind has amount 0.
    form.setFieldValue(['history', row.name, 'subject'], undefined);
    if (IN_KIND_MEASURE_IDS.includes(next)) form.setFieldValue(['history', row.name, 'amount'], 0);
  };
  return (
    <div style={rowStyle} data-testid={`history-${index}`}>
      <Row gutter={12} align="top">
        <Col xs={24} md={9}>
          <Form.Item name={[row.name, 'measure']} label={t('history.measure')} rules={required(t('history.measure'))}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={[...props.measures]}
              loading={props.loading}
              placeholder={t('facts.choose')}
              onChange={onMeasure}
              data-testid={`history-${index}-measure`}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[row.name, 'year']} label={t('history.year')} rules={required(t('history.year'))}>
            <InputNumber<number> precision={0} min={2025} max={2100} style={{ width: '100%' }} data-testid={`history-${index}-year`} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          {tiers ? (
            <Form.Item
              name={[row.name, 'subject']}
              label={t('history.tier')}
              tooltip={t('history.tierHelp')}
              rules={required(t('history.tier'))}
            >
              <Select
                options={tiers.map((tier) => ({ value: tier.id, label: tier.label[lang] }))}
                placeholder={t('facts.choose')}
                data-testid={`history-${index}-tier`}
              />
            </Form.Item>
          ) : perSubject ? (
            <Form.Item
              name={[row.name, 'subject']}
              label={t('history.subject')}
              tooltip={t('history.subjectHelp')}
              rules={measure === undefined ? [] : required(t('history.subject'))}
            >
              <Input maxLength={200} data-testid={`history-${index}-subject`} />
            </Form.Item>
          ) : (
            <Form.Item name={[row.name, 'subject']} label={t('history.subject')}>
              <Input disabled placeholder={t('history.subjectNone')} data-testid={`history-${index}-subject`} />
            </Form.Item>
          )}
        </Col>
        <Col xs={18} md={5}>
          <Form.Item
            name={[row.name, 'amount']}
            label={t('history.amount')}
            rules={isInKind ? [] : required(t('history.amount'))}
            extra={isInKind ? t('history.inKind') : undefined}
          >
            <MoneyInput disabled={isInKind} data-testid={`history-${index}-amount`} />
          </Form.Item>
        </Col>
        <Col xs={6} md={1} style={{ paddingTop: 30 }}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={props.onRemove}
            aria-label={t('facts.removeRow', { what: t('history.measure'), n: index + 1 })}
          />
        </Col>
      </Row>
    </div>
  );
}

/**
 * One award of another district policy, for 从优不重复: it names either the object it supported
 * (支持对象) or, for support to the enterprise as a whole, the measure of this policy it overlaps
 * (对应本措施事项) — one of the two, never both.
 */
function OtherAwardEntry(props: {
  form: FormInstance<HistoryValues>;
  row: FormListFieldData;
  index: number;
  measures: readonly Option[];
  loading: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation('calculator');
  const { form, row, index } = props;
  const target = (Form.useWatch(['otherPolicyAwards', row.name, 'target'], form) as string | undefined) ?? 'subject';
  const required = (what: string) => [{ required: true, message: t('history.required', { what }) }];
  return (
    <div style={rowStyle} data-testid={`other-${index}`}>
      <Row gutter={12} align="top">
        <Col xs={24} md={6}>
          <Form.Item name={[row.name, 'policy']} label={t('history.policy')} rules={required(t('history.policy'))}>
            <Input maxLength={200} data-testid={`other-${index}-policy`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item name={[row.name, 'target']} label={t('history.target')} initialValue="subject">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'subject', label: t('history.targetSubject') },
                { value: 'measure', label: t('history.targetMeasure') },
              ]}
              data-testid={`other-${index}-target`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {target === 'measure' ? (
            <Form.Item
              name={[row.name, 'measure']}
              label={t('history.targetMeasure')}
              tooltip={t('history.measureHelp')}
              rules={required(t('history.targetMeasure'))}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={[...props.measures]}
                loading={props.loading}
                placeholder={t('facts.choose')}
                popupMatchSelectWidth={false}
                data-testid={`other-${index}-measure`}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name={[row.name, 'subject']}
              label={t('history.targetSubject')}
              tooltip={t('history.subjectIdHelp')}
              rules={required(t('history.targetSubject'))}
            >
              <Input maxLength={200} data-testid={`other-${index}-subject`} />
            </Form.Item>
          )}
        </Col>
        <Col xs={18} md={4}>
          <Form.Item name={[row.name, 'amount']} label={t('history.amount')} rules={required(t('history.amount'))}>
            <MoneyInput data-testid={`other-${index}-amount`} />
          </Form.Item>
        </Col>
        <Col xs={6} md={1} style={{ paddingTop: 30 }}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={props.onRemove}
            aria-label={t('facts.removeRow', { what: t('history.policy'), n: index + 1 })}
          />
        </Col>
      </Row>
    </div>
  );
}
