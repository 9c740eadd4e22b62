import { GiftOutlined, MailOutlined } from '@ant-design/icons';
import type { Message } from '@ftai/api';
import { Badge, Button, Card, Empty, Flex, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadFailed } from '../../components/LoadFailed';
import { ServerPager } from '../../components/ServerPager';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useMessagesPage, useReadMessage } from './offer-queries';

/**
 * 消息中心 (/portal/messages): the bureau's messages to the enterprise (站内信), newest first, a page
 * at a time, the unread ones marked; opening one shows it whole and marks it read, and a message
 * about an offer leads to it.
 */
export function MessagesPage() {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  usePageTitle('messages.title', 'portal');
  const page = useMessagesPage();
  const read = useReadMessage();
  const [open, setOpen] = useState<Message | null>(null);
  const messages = page.data?.messages ?? [];
  const unread = page.data?.unread ?? 0;

  const show = (m: Message) => {
    setOpen(m);
    if (m.readAt === null) read.mutate(m.id);
  };

  return (
    <div data-testid="messages-page">
      <Flex wrap justify="space-between" align="baseline" gap={8}>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
          {t('messages.title')}
        </Typography.Title>
        {page.data && (
          <Typography.Text type={unread > 0 ? 'danger' : 'secondary'} data-testid="messages-unread-count">
            {unread > 0 ? t('messages.unreadCount', { count: unread }) : t('messages.allRead')}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('messages.intro')}</Typography.Paragraph>
      {page.isError && <LoadFailed error={page.error} onRetry={() => void page.refetch()} />}
      <Card size="small">
        {page.isLoading ? (
          <Skeleton active />
        ) : messages.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('messages.none')} />
        ) : (
          <List<Message>
            dataSource={messages}
            renderItem={(m) => {
              const isUnread = m.readAt === null;
              return (
                <List.Item
                  key={m.id}
                  data-testid={`message-${m.id}`}
                  data-unread={isUnread ? 'true' : undefined}
                  style={{ background: isUnread ? '#f0f5ff' : undefined, paddingInline: 8, borderRadius: 6 }}
                  actions={
                    m.offerId
                      ? [
                          <Link key="offer" to={`/portal/offers/${m.offerId}`} onClick={() => isUnread && read.mutate(m.id)}>
                            <GiftOutlined /> {t('messages.openOffer')}
                          </Link>,
                        ]
                      : undefined
                  }
                >
                  <List.Item.Meta
                    avatar={
                      <Badge dot={isUnread} offset={[-2, 2]}>
                        <MailOutlined style={{ fontSize: 20, color: isUnread ? '#0958d9' : '#8c8c8c' }} aria-hidden />
                      </Badge>
                    }
                    title={
                      <Button
                        type="link"
                        onClick={() => show(m)}
                        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', fontWeight: isUnread ? 700 : 400 }}
                      >
                        {m.subject}
                      </Button>
                    }
                    description={
                      <Flex gap={8} wrap align="center">
                        {isUnread && <Tag color="blue">{t('messages.unread')}</Tag>}
                        <span>{formatDateTime(m.createdAt, lang)}</span>
                      </Flex>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
        <ServerPager {...page} hideOnSinglePage />
      </Card>
      <Modal
        open={open !== null}
        title={open?.subject}
        onCancel={() => setOpen(null)}
        destroyOnHidden
        footer={[
          open?.offerId ? (
            <Link key="offer" to={`/portal/offers/${open.offerId}`} style={{ marginInlineEnd: 16 }} data-testid="message-offer-link">
              <GiftOutlined /> {t('messages.openOffer')}
            </Link>
          ) : null,
          <Button key="close" type="primary" onClick={() => setOpen(null)}>
            {t('messages.close')}
          </Button>,
        ]}
      >
        {open && (
          <div data-testid="message-body">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(open.createdAt, lang)}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 8, lineHeight: 1.8, overflowWrap: 'anywhere' }}>
              <MessageText text={open.body} />
            </div>
          </div>
        )}
      </Modal>
    </div>
  );
}

/** A message's plain text, its web addresses as links (an address is not a word to translate). */
function MessageText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s，。；）]+)/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
          <a key={i} href={part} translate="no" style={{ textDecoration: 'underline' }}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
