import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ApplicationView } from '@ftai/api';
import { measureLabel } from '@ftai/policy-fengtai/report';
import { Button, Result, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMeasureIndex } from '../../api/use-catalogue';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDate, formatTime, formatYuan } from '../../lib/format';
import { latestMoveTo } from './portal-logic';
import { useApplication } from './portal-queries';

/** The authority that receives applications: the policy's issuer (发文机构), as the notice names it. */
const ISSUER = '北京市丰台区科学技术和信息化局';

/** Printed as a sheet of paper: the app's frame and the buttons stay off the print. */
const PRINT_CSS = `
@media print {
  .ant-layout-header, .ant-layout-footer, .ftai-no-print { display: none !important; }
  .ftai-receipt { border: none !important; box-shadow: none !important; margin: 0 !important; }
}
.ftai-receipt table { border-collapse: collapse; width: 100%; }
.ftai-receipt th, .ftai-receipt td { border: 1px solid #595959; padding: 6px 8px; text-align: left; vertical-align: top; }
.ftai-receipt th { width: 26%; font-weight: 600; background: #fafafa; }
.ftai-receipt td.num { text-align: right; font-variant-numeric: tabular-nums; }
`;

/**
 * 受理回执: what the enterprise keeps once its application is in — the number, the enterprise, the
 * call, when it was received (Beijing time), each measure claimed with the engine's figure, the
 * materials attached, and what the receipt does and does not mean. A page made to be printed (or
 * saved as PDF from the browser's print dialog), official style (CHINESE.md); in Chinese, the
 * language of the bureau's records, whatever the interface's language.
 */
export function ReceiptPage() {
  const { t } = useTranslation('portal');
  const { id } = useParams();
  const app = useApplication(id);
  if (app.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (app.isError) return <LoadFailed error={app.error} onRetry={() => void app.refetch()} />;
  if (!app.data) return null;
  if (app.data.number === null || app.data.submittedAt === null) {
    return (
      <Result
        status="info"
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('receipt.notYet')}</h1>}
        extra={<Link to={`/portal/applications/${app.data.id}`}>{t('receipt.back')}</Link>}
      />
    );
  }
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <Space className="ftai-no-print" style={{ marginBottom: 16 }} wrap>
        <Link to={`/portal/applications/${app.data.id}`}>
          <ArrowLeftOutlined /> {t('receipt.back')}
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">
          {t('receipt.print')}
        </Button>
      </Space>
      <Receipt app={app.data} />
    </div>
  );
}

function Receipt({ app }: { app: ApplicationView }) {
  const measures = useMeasureIndex(app.call?.year);
  // Received: the first submission; a resubmission after a return is named too.
  const first = app.timeline.find((e) => e.to === 'submitted');
  const received = first?.at ?? app.submittedAt;
  const resubmitted = latestMoveTo(app.timeline, 'submitted');
  return (
    <article
      className="ftai-receipt"
      data-testid="receipt"
      lang="zh-CN"
      style={{ maxWidth: 760, margin: '0 auto', background: '#fff', padding: '32px 40px', border: '1px solid #d9d9d9', color: '#000' }}
    >
      <h1 style={{ textAlign: 'center', fontSize: 24, letterSpacing: 8, margin: '0 0 4px' }}>受理回执</h1>
      <p style={{ textAlign: 'center', margin: '0 0 24px' }} data-testid="receipt-number">
        {app.number}
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">申报企业</th>
            <td>{app.enterpriseName ?? app.creditCode}</td>
          </tr>
          <tr>
            <th scope="row">统一社会信用代码</th>
            <td>{app.creditCode}</td>
          </tr>
          <tr>
            <th scope="row">申报批次</th>
            <td>{app.call?.title ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">评估年度</th>
            <td>{app.call ? `${app.call.year}年度` : '—'}</td>
          </tr>
          <tr>
            <th scope="row">受理时间</th>
            <td>
              {formatDate(received)} {formatTime(received).slice(11)}（北京时间）
              {resubmitted &&
                resubmitted.at !== received &&
                `；补正后重新提交于${formatDate(resubmitted.at)} ${formatTime(resubmitted.at).slice(11)}`}
            </td>
          </tr>
          <tr>
            <th scope="row">政策依据</th>
            <td>《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》（政策版本{app.policyVersion ?? '—'}）</td>
          </tr>
        </tbody>
      </table>
      <h2 style={{ fontSize: 16, margin: '24px 0 8px' }}>申报事项</h2>
      <table data-testid="receipt-items">
        <thead>
          <tr>
            <th scope="col">支持事项</th>
            <th scope="col">支持对象</th>
            <th scope="col" style={{ textAlign: 'right' }}>
              测算金额（元）
            </th>
          </tr>
        </thead>
        <tbody>
          {app.items.map((i) => {
            const m = measures.get(i.measure);
            // The catalogue comes in the interface's language; the receipt's words are Chinese.
            return (
              <tr key={`${i.measure}|${i.subject ?? ''}`}>
                <td>{measureLabel(m, 'zh', i.measure)}</td>
                <td>{i.subject ?? '—'}</td>
                <td className="num">
                  {i.review ? '最高' : ''}
                  {formatYuan(i.engineAmount)}
                </td>
              </tr>
            );
          })}
          <tr>
            <th scope="row" colSpan={2}>
              合计
            </th>
            <td className="num">{formatYuan(app.engineTotal)}</td>
          </tr>
        </tbody>
      </table>
      <h2 style={{ fontSize: 16, margin: '24px 0 8px' }}>附件材料</h2>
      {app.attachments.length === 0 ? (
        <p>无</p>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 24 }} data-testid="receipt-attachments">
          {app.attachments.map((a) => (
            <li key={a.id}>{a.filename}</li>
          ))}
        </ol>
      )}
      <p style={{ marginTop: 24, lineHeight: 1.8 }}>
        说明：本回执证明上述申报材料已于受理时间提交。测算金额为按申报信息和政策条款计算的结果，不代表最终支持金额；标“最高”的事项以专家评审认定为准，支持金额以主管部门审定并经公示的结果为准，相关支持额度受年度总额控制。
      </p>
      <p style={{ textAlign: 'right', marginTop: 40 }}>
        {ISSUER}
        <br />
        {formatDate(received)}
      </p>
    </article>
  );
}
