import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { type AppContext, createContext } from '../context.js';
import type { Role } from '../db/schema.js';
import { attachRequiredMaterials } from '../http/attach-materials.js';
import { InjectClient } from '../http/inject-client.js';
import { createUser } from '../users/create-user.js';
import { creditCodeFor, mulberry32, PLACES, TRADES } from './generated-data.js';

/** The password of every demo account (README lists them). Demo data only: never in production. */
export const DEMO_PASSWORD = 'ftai-demo-2026';

/** The demo's enterprises' codes: apart from the scale seeder's (9,000,000). */
const CODE_BASE = 7_000_000;

function ok(res: LightMyRequestResponse, what: string) {
  if (res.statusCode >= 300) throw new Error(`demo: ${what} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Facts of assessment year `year` for demo enterprise `i`: varied, touching most measures. */
function factsFor(i: number, year: number, rnd: () => number) {
  return variedFacts(i, year, rnd, year === 2025 ? 11 : 3 + (i % 9));
}

/**
 * Facts of assessment year `year` for enterprise `i`, varied over most measures, with the dated
 * events (filings, recognitions, standards, events) in `eventMonth`: the demo's and the scale
 * bench's enterprises (seed-scale.ts).
 */
export function variedFacts(i: number, year: number, rnd: () => number, eventMonth: number): Record<string, unknown> {
  const day = (m: number) => `${year}-${m < 10 ? '0' : ''}${m}-${String(10 + (i % 15)).padStart(2, '0')}`;
  const wan = (lo: number, hi: number) => Math.round((lo + rnd() * (hi - lo)) * 100) * 100;
  const facts: Record<string, unknown> = {};
  if (i % 2 === 0) facts.computeSpend = wan(200, 1500);
  if (i % 3 === 0) facts.modelFilings = [{ id: `Beijing-FT${year}-${100 + i}`, date: day(eventMonth), industrial: i % 6 === 0 }];
  if (i % 4 === 1) facts.generalModelPurchase = wan(20, 90);
  if (i % 5 === 2) facts.dataProductSales = wan(300, 3000);
  if (i % 5 === 3) facts.dataAssetRegistrationFees = wan(5, 40);
  if (i % 7 === 1) facts.trustedDataSpaces = [{ id: `TDS-${i}`, investment: wan(300, 900), industrial: i % 2 === 1 }];
  if (i % 4 === 2) facts.challengeProjects = [{ id: `JB-${i}`, field: 'robot', totalInvestment: wan(400, 900) }];
  if (i % 3 === 1) {
    facts.rdSpend = wan(1500, 4000);
    facts.previousRdSpend = wan(800, 1400);
  }
  if (i % 6 === 4) facts.keyProjects = [{ id: `KP-${i}`, level: i % 4 === 0 ? 'national' : 'municipal', funding: wan(500, 2000) }];
  if (i % 5 === 0) {
    facts.revenue = wan(8000, 15000);
    facts.previousRevenue = wan(3000, 7000);
    facts.industryAverageGrowthRate = 0.12;
  }
  if (i % 8 === 3) facts.recognitions = [{ id: `HT-${i}`, type: 'high-tech', level: 'national', date: day(eventMonth), renewal: false }];
  if (i % 4 === 3)
    facts.scenarioProjects = [{ id: `SC-${i}`, totalInvestment: wan(150, 600), industrial: i % 8 === 7, municipalSubsidy: wan(0, 80) }];
  if (i % 9 === 5) facts.standards = [{ id: `T/FT ${i}-${year}`, level: 'industry', date: day(eventMonth) }];
  if (i % 10 === 6)
    facts.incubator = {
      rating: 'municipal-benchmark',
      investment: wan(200, 500),
      incubatedAIEnterprises: 3 + (i % 9),
      investedAIEnterprises: i % 4,
    };
  if (i % 11 === 7) facts.events = [{ id: `EV-${i}`, kind: 'forum', date: day(eventMonth) }];
  return facts;
}

/**
 * A believable demo, made through the API itself so that every rule applies: accounts of every
 * role, 30 enterprises with profiles, one annual call over budget, applications in every state
 * (draft to paid), reviews and scores, a committed allocation, a published notice with an
 * objection, and other-policy awards. The clock is moved back for the steps that must lie in the
 * past (the notice's objection window has already closed).
 */
export async function seedDemo(base: AppContext): Promise<string> {
  const existing = await base.db.selectFrom('users').select('id').where('username', '=', 'officer').executeTakeFirst();
  if (existing) return 'the demo is already there (user officer exists): nothing done';

  let offsetDays = -12;
  const config = {
    ...base.config,
    now: () => new Date(base.config.now().getTime() + offsetDays * 86_400_000),
    // Its own app, its own limits: the seeder signs in some 35 times in a minute from one address.
    loginAttemptsPerAddressPerMinute: 1_000,
    loginAttemptsTotalPerMinute: 1_000,
  };
  const ctx = createContext(base.db, base.dialect, config);
  const app = await buildApp(ctx);
  const rnd = mulberry32(20251030);
  try {
    const staff = async (username: string, displayName: string, role: Exclude<Role, 'applicant'>) =>
      createUser(ctx, { username, displayName, role, password: DEMO_PASSWORD, actorId: null });
    await staff('admin', '系统管理员', 'admin');
    await staff('officer', '科信局 王科长', 'officer');
    // A second officer: a parameter version is approved by someone other than its author.
    await staff('officer2', '科信局 李科员', 'officer');
    const reviewers = [
      await staff('reviewer1', '评审专家 李教授', 'reviewer'),
      await staff('reviewer2', '评审专家 赵研究员', 'reviewer'),
      await staff('reviewer3', '评审专家 陈工', 'reviewer'),
    ];

    const today = ctx.today();
    const year = Number(base.config.now().toISOString().slice(0, 4)) - 1;
    const enterprises: { code: string; name: string; user: string }[] = [];
    for (let i = 0; i < 30; i++) {
      const name = `北京${PLACES[i % 10]}${TRADES[Math.floor(i / 10) + (i % 2)]}有限公司`;
      const code = creditCodeFor(i, CODE_BASE);
      const user = `ent${String(i + 1).padStart(2, '0')}`;
      await createUser(ctx, {
        username: user,
        displayName: `${name} 申报专员`,
        role: 'applicant',
        creditCode: code,
        enterpriseName: name,
        password: DEMO_PASSWORD,
        actorId: null,
      });
      enterprises.push({ code, name, user });
    }

    let officer = await new InjectClient(app).login('officer', DEMO_PASSWORD);
    const call = ok(
      await officer.post('/api/v1/calls', {
        year,
        title: `${year + 1}年度丰台区人工智能产业支持措施申报（评估${year}年度）`,
        opensOn: addDays(today, -20),
        closesOn: addDays(today, 60),
        totalBudget: 12_000_000,
        articleBudgets: { '1': 2_000_000, '8': 1_500_000 },
        // Demo contacts (not the bureau's real ones): the notice page shows where to object.
        noticePhone: '010-00000000',
        noticeAddress: '北京市丰台区（示例地址）',
      }),
      'open the call',
    );
    ok(
      await officer.post(`/api/v1/users/${reviewers[2]?.id}/links`, { creditCode: enterprises[0]?.code, relation: '曾任该企业技术顾问' }),
      'link a reviewer',
    );
    // Other policies' awards name the object they supported, or (support to the enterprise as a
    // whole) the measure of this policy they overlap: enterprise 11 is a new high-tech enterprise (5.3b).
    const csv = [
      'creditCode,policy,subject,measure,amount,year',
      `${enterprises[3]?.code},丰台区促进高精尖产业发展若干措施,SC-3,,900000,${year}`,
      `${enterprises[7]?.code},丰台区促进高精尖产业发展若干措施,SC-7,,50000,${year}`,
      `${enterprises[11]?.code},丰台区高新技术企业认定奖励,,5.3b,200000,${year}`,
    ].join('\n');
    ok(await officer.post('/api/v1/other-policy-awards/import', { csv }), 'import other-policy awards');

    // Every enterprise fills its profile and a draft.
    const apps: string[] = [];
    for (const [i, e] of enterprises.entries()) {
      const c = await new InjectClient(app).login(e.user, DEMO_PASSWORD);
      ok(
        await c.put('/api/v1/enterprises/me', {
          name: e.name,
          registeredInFengtai: true,
          taxResidentInFengtai: true,
          seriousDishonesty: false,
          aiPartnerProgram: i % 2 === 0,
          industrialAI: i % 5 === 1,
          startup: i % 9 === 8,
        }),
        `profile of ${e.name}`,
      );
      // The bank account for payments (收款账户): the first three (drafts) have not given one yet.
      if (i >= 3)
        ok(
          await c.put('/api/v1/enterprises/me/bank-account', {
            accountName: e.name,
            bankName: '北京银行丰台支行',
            accountNo: `0109${String(100_000_000 + i * 7_919).padStart(12, '0')}`,
          }),
          `bank account of ${e.name}`,
        );
      const a = ok(await c.post('/api/v1/applications', { callId: call.id, facts: factsFor(i, year, rnd) }), `draft of ${e.name}`);
      apps.push(a.id);
      if (i >= 3) {
        // Submitted with its materials, as the rules require: a stand-in PDF for each.
        await attachRequiredMaterials(c, a.id);
        ok(await c.post(`/api/v1/applications/${a.id}/submit`), `submit for ${e.name}`);
      }
    }

    const move = async (id: string, to: string, note?: string) =>
      ok(await officer.post(`/api/v1/applications/${id}/transitions`, { to, ...(note && { note }) }), `${to} ${id}`);
    // 0–2 drafts, 3–5 submitted; the rest go on.
    for (const id of apps.slice(6)) await move(id, 'formal_check');
    for (const id of apps.slice(9)) await move(id, 'under_review');
    for (const id of apps.slice(9, 12)) await move(id, 'returned', '请补充算力采购合同及发票扫描件');
    for (const id of apps.slice(12, 15)) await move(id, 'rejected', '申报事项不属于本措施支持范围');

    const rv = await Promise.all(reviewers.slice(0, 2).map((r) => new InjectClient(app).login(r.username, DEMO_PASSWORD)));
    const underReview = apps.slice(15);
    for (const id of underReview) {
      for (const r of reviewers.slice(0, 2))
        ok(await officer.post(`/api/v1/applications/${id}/assignments`, { reviewerId: r.id }), 'assign a reviewer');
    }
    for (const c of rv) {
      const { assignments } = ok(await c.get('/api/v1/reviews?limit=500'), 'list reviews') as {
        assignments: { id: string; applicationId: string }[];
      };
      for (const a of assignments) {
        ok(await c.post(`/api/v1/assignments/${a.id}/declaration`, { noConflict: true }), 'declare no conflict');
        const s = Math.floor(rnd() * 10);
        ok(
          await c.post(`/api/v1/assignments/${a.id}/score`, {
            scores: { innovation: 18 + s, feasibility: 17 + (s % 7), impact: 14 + (s % 9), compliance: 10 + (s % 5) },
            comment: '材料齐全，技术路线清晰。',
          }),
          'score',
        );
      }
    }

    // 15–26 approved (27–29 stay under review); review-flagged items are trimmed by 10%.
    const approve = async (id: string) => {
      const view = ok(await officer.get(`/api/v1/applications/${id}`), 'read application') as {
        items: { measure: string; subject: string | null; review: boolean; engineAmount: number }[];
      };
      const items = view.items.map((it) => ({
        measure: it.measure,
        subject: it.subject,
        amount: it.review ? Math.floor((it.engineAmount * 9) / 10) : it.engineAmount,
      }));
      ok(await officer.post(`/api/v1/applications/${id}/approve`, { items, note: '经专家评审通过' }), 'approve');
    };
    for (const id of apps.slice(15, 24)) await approve(id);
    ok(await officer.post(`/api/v1/calls/${call.id}/allocation/commit`, { method: 'proportional' }), 'allocate');
    const notice = ok(await officer.post(`/api/v1/calls/${call.id}/notice`, { objectionDays: 5 }), 'publish the notice');
    offsetDays = -9;
    ok(
      await new InjectClient(app).post(`/api/v1/notices/${notice.id}/objections`, {
        name: '张先生',
        contact: '010-6380xxxx',
        text: '对公示名单中某项目的投入金额有疑问，请核实。',
        applicationId: apps[15],
      }),
      'record an objection',
    );
    offsetDays = 0;
    officer = await new InjectClient(app).login('officer', DEMO_PASSWORD); // sessions last 8 hours
    for (const [k, id] of apps.slice(15, 21).entries()) {
      ok(
        await officer.post(`/api/v1/applications/${id}/finalize`, {
          objectionsReviewed: true,
          note: k === 0 ? '异议已核实，维持原结果' : undefined,
        }),
        'finalize',
      );
    }
    for (const id of apps.slice(15, 18))
      ok(await officer.post(`/api/v1/applications/${id}/pay`, { paidOn: ctx.today(), reference: '丰财拨〔示例〕号' }), 'pay');
    for (const id of apps.slice(24, 27)) await approve(id);

    return [
      `demo ready: call "${call.title}" with 30 enterprises and applications in every state`,
      `sign in with password ${DEMO_PASSWORD} as: admin, officer, officer2, reviewer1, reviewer2, reviewer3, ent01 … ent30`,
    ].join('\n');
  } finally {
    await app.close();
  }
}
