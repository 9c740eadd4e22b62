import { Button, Checkbox, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TOPICS, type Topic } from '../../components/facts-editor/fact-fields';
import type { EnterpriseState } from './calc-state';

const ORDER = new Map(TOPICS.map((tp, i) => [tp.key, i]));
const inOrder = (topics: readonly Topic[]): Topic[] => [...topics].sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));

/** Step 2: "what did your enterprise do in this year?" — the topics whose questions come next. */
export function TopicsStep({
  value,
  onChange,
  enterprise,
}: {
  value: readonly Topic[];
  onChange: (next: Topic[]) => void;
  enterprise: EnterpriseState;
}) {
  const { t, i18n } = useTranslation('calculator');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const chosen = new Set(value);
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('topics.heading')}
      </Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('topics.help')}</Typography.Text>
        <Space>
          <Typography.Text>{t('topics.chosen', { n: value.length })}</Typography.Text>
          <Button size="small" onClick={() => onChange(TOPICS.map((tp) => tp.key))}>
            {t('topics.all')}
          </Button>
          <Button size="small" onClick={() => onChange([])}>
            {t('topics.none')}
          </Button>
        </Space>
      </div>
      <Checkbox.Group value={[...value]} onChange={(v) => onChange(inOrder(v as Topic[]))} style={{ width: '100%', display: 'block' }}>
        <Row gutter={[12, 12]}>
          {TOPICS.map((tp) => {
            const on = chosen.has(tp.key);
            const needsPartner = tp.key === 'compute' && enterprise.aiPartnerProgram !== true;
            const industrialUp = (tp.key === 'compute' || tp.key === 'revenue') && enterprise.industrialAI === true;
            return (
              <Col xs={24} sm={12} lg={8} xl={6} key={tp.key}>
                <Checkbox
                  value={tp.key}
                  data-testid={`topic-${tp.key}`}
                  style={{
                    width: '100%',
                    height: '100%',
                    alignItems: 'flex-start',
                    border: `1px solid ${on ? '#1677ff' : '#d9d9d9'}`,
                    background: on ? '#e6f4ff' : '#fff',
                    borderRadius: 8,
                    padding: '10px 12px',
                    transition: 'all .2s',
                  }}
                >
                  <div style={{ fontWeight: 500 }}>{tp.label[lang]}</div>
                  <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                    <Tag style={{ marginInlineEnd: 0 }}>{tp.citation[lang]}</Tag>
                    {needsPartner && (
                      <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                        {t('topics.needsPartner')}
                      </Tag>
                    )}
                    {industrialUp && (
                      <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
                        {t('topics.industrialUp')}
                      </Tag>
                    )}
                  </div>
                </Checkbox>
              </Col>
            );
          })}
        </Row>
      </Checkbox.Group>
    </div>
  );
}
