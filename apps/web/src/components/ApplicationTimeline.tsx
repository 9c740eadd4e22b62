import { ArrowRightOutlined } from '@ant-design/icons';
import type { ApplicationStatus, Role } from '@ftai/api/statuses';
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/format';
import { ApplicationStatusTag } from './StatusTag';

/** One move of an application, as GET /api/v1/applications/:id/timeline gives it. */
export interface TimelineStep {
  readonly seq: number;
  readonly from: ApplicationStatus | null;
  readonly to: ApplicationStatus;
  readonly actor: string;
  readonly role: Role;
  readonly note: string | null;
  readonly at: string;
}

/** The dot of a move that ends or turns back; the others keep the timeline's own. */
const COLORS: Readonly<Partial<Record<ApplicationStatus, string>>> = {
  returned: 'orange',
  rejected: 'red',
  approved: 'green',
  final: 'green',
  paid: 'green',
};

/**
 * An application's status timeline (办理进度), oldest first: when, who (with role), from → to,
 * and the note (an officer's reason for a return stands out, since the applicant acts on it).
 */
export function ApplicationTimeline({ events }: { events: readonly TimelineStep[] }) {
  const { t } = useTranslation();
  /** The server's markers in words; a withdrawal's reason and an officer's note as given. */
  const noteText = (e: TimelineStep): string => {
    if (e.note === 'resubmitted') return t('timeline.resubmitted');
    if (e.from === 'submitted' && e.to === 'draft')
      return e.note === 'withdrawn' ? t('timeline.withdrawn') : t('timeline.withdrawReason', { reason: e.note });
    return t('timeline.note', { note: e.note });
  };
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  return (
    <Timeline
      data-testid="application-timeline"
      items={events.map((e) => ({
        key: e.seq,
        color: COLORS[e.to] ?? 'blue',
        content: (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
              {formatTime(e.at)}
            </Typography.Text>
            <div style={{ margin: '2px 0' }}>
              {e.from === null ? (
                <span>
                  {t('timeline.created')} <ApplicationStatusTag status={e.to} />
                </span>
              ) : (
                <span>
                  <ApplicationStatusTag status={e.from} />
                  <ArrowRightOutlined style={{ color: '#999', marginInlineEnd: 8 }} aria-label="→" />
                  <ApplicationStatusTag status={e.to} />
                </span>
              )}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {e.actor} · {t(`role.${e.role}`, { defaultValue: e.role })}
            </Typography.Text>
            {e.note && (
              <div
                style={{
                  marginTop: 4,
                  padding: '4px 8px',
                  borderInlineStart: `3px solid ${e.to === 'returned' ? '#fa8c16' : e.to === 'rejected' ? '#ff4d4f' : '#d9d9d9'}`,
                  background: '#fafafa',
                  whiteSpace: 'pre-wrap',
                }}
              >
                {noteText(e)}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
