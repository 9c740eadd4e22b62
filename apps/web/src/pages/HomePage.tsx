import { CalculatorOutlined, FileSearchOutlined, NotificationOutlined, SolutionOutlined } from '@ant-design/icons';
import type { CallList } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import { Col, Flex, Row, Spin, Tag, Typography, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { Money } from '../components/Money';
import { usePageTitle } from '../lib/use-page-title';

/**
 * A box in the look of antd's Card, without it: Card brings its tabs, which the first page every
 * visitor loads has no use for (about 10 KB compressed).
 */
function Box({ title, children, style }: { title?: ReactNode; children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return (
    <section
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {title !== undefined && (
        <Typography.Title
          level={2}
          style={{
            fontSize: token.fontSizeLG,
            margin: 0,
            padding: `${token.paddingSM}px ${token.paddingLG}px`,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {title}
        </Typography.Title>
      )}
      <div style={{ padding: token.paddingLG }}>{children}</div>
    </section>
  );
}

/** The landing page: what ftai does, the way in for each kind of user, the open calls. */
export function HomePage() {
  usePageTitle();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const calls = useQuery({ queryKey: ['calls'], queryFn: () => api.get<CallList>('/api/v1/calls') });
  const tiles = [
    {
      to: '/calculator',
      icon: <CalculatorOutlined />,
      title: t('nav.calculator'),
      text: en ? 'What can your enterprise get, and why? Every figure explained.' : '我的企业能享受哪些支持？每一笔金额都有计算依据。',
    },
    {
      to: '/policy',
      icon: <FileSearchOutlined />,
      title: t('nav.policy'),
      // The policy's shape is the catalogue's: no count of articles or measures written here.
      text: en
        ? 'Every article and measure of the policy with its clause, caps and limits.'
        : '政策各条措施、各支持事项的原文、比例、上限和限制。',
    },
    {
      to: '/portal',
      icon: <SolutionOutlined />,
      title: t('nav.portal'),
      text: en ? 'Apply in the annual call and follow your application.' : '在线申报年度项目，跟踪审核进度。',
    },
    {
      to: '/notices',
      icon: <NotificationOutlined />,
      title: t('nav.notices'),
      text: en ? 'Published award lists and objections.' : '拟支持名单公示与异议反馈。',
    },
  ];
  return (
    <div>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 30 }}>
        {t('appName')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('appSubtitle')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {tiles.map((tile) => (
          <Col xs={24} sm={12} lg={6} key={tile.to}>
            <Link to={tile.to}>
              <Box style={{ height: '100%' }}>
                <div style={{ fontSize: 28, color: '#0958d9' }}>{tile.icon}</div>
                <Typography.Title level={2} style={{ fontSize: 20 }}>
                  {tile.title}
                </Typography.Title>
                <Typography.Text type="secondary">{tile.text}</Typography.Text>
              </Box>
            </Link>
          </Col>
        ))}
      </Row>
      <Box title={en ? 'Annual calls' : '年度申报'} style={{ marginTop: 24 }}>
        {/* A plain list, not antd's List: that one brings its pagination (and the select under it) to every visitor. */}
        {calls.isLoading ? (
          <Spin />
        ) : (calls.data?.calls ?? []).length === 0 ? (
          <Typography.Text type="secondary">{t('empty')}</Typography.Text>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {(calls.data?.calls ?? []).map((c, i) => (
              <li key={c.id} style={{ padding: '12px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }}>
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <div>
                    <Typography.Text strong>{c.title}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{`${c.opensOn} ~ ${c.closesOn} · ${en ? 'budget' : '年度预算'}`}</Typography.Text>
                  </div>
                  <span>
                    <Money value={c.totalBudget} /> {t('yuan')}
                    <Tag color={c.isAccepting ? 'green' : 'default'} style={{ marginLeft: 8 }}>
                      {c.isAccepting ? (en ? 'accepting' : '受理中') : en ? 'closed' : '未在受理期'}
                    </Tag>
                  </span>
                </Flex>
              </li>
            ))}
          </ul>
        )}
      </Box>
    </div>
  );
}
