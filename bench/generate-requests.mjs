// Deterministic generator of varied, valid requests of the calculation contract
// (shared/spec/CALCULATION.md) for the benchmark: every fact, history and other-policy awards,
// and facts left out where a rule needs them (results `incomplete`).
import { creditCodeCheckCharacter, ENTERPRISE_MEASURE_IDS, MILESTONE_TIERS, measures } from '@ftai/policy-fengtai';

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same requests. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const RECOGNITION_TYPES = [
  'little-giant',
  'high-tech',
  'beijing-srdi-sme',
  'key-lab',
  'engineering-research-center',
  'technology-innovation-center',
  'enterprise-technology-center',
  'proof-of-concept-platform',
  'pilot-base',
  'future-industry-base',
];
const FIXED_LEVEL = { 'little-giant': 'national', 'high-tech': 'national', 'beijing-srdi-sme': 'municipal' };
const LEVELS = ['national', 'municipal'];
const STANDARD_LEVELS = ['international', 'national', 'industry'];
const EVENT_KINDS = ['contest', 'conference', 'forum', 'training'];
const FIELDS = ['robot', 'smart-hardware', 'high-end-equipment', 'core-parts', 'simulation-software', 'control-system'];
/** Enterprise-level measures whose history names no subject (5.1 names its tier instead). */
const ENTERPRISE_MEASURES = ENTERPRISE_MEASURE_IDS.filter((id) => !MILESTONE_TIERS.has(id));
/** Measures paid by milestone tiers (5.1) and their tiers: history names the tier as subject. */
const TIERED = [...MILESTONE_TIERS];
/** Support in kind (5.4): its history carries amount 0. */
const IN_KIND = new Set(measures.filter((m) => m.rule.kind === 'in-kind').map((m) => m.id));
/** Per-subject measures and the fact list whose ids are their subjects. */
const SUBJECT_MEASURES = {
  2.1: 'modelFilings',
  3.4: 'trustedDataSpaces',
  4.2: 'challengeProjects',
  4.4: 'keyProjects',
  6.1: 'agentCompetitionPrizes',
  '6.2a': 'scenarioProjects',
  '6.2b': 'scenarioProjects',
  '6.3b': 'firstSetProducts',
  6.4: 'standards',
  7.1: 'servicePlatforms',
  7.2: 'recognitions',
  8.4: 'industrialParks',
  10.4: 'events',
};
const OTHER_POLICIES = ['丰台区高精尖产业发展若干措施', '丰台区科技创新专项', '丰台区数字经济促进办法'];

/**
 * `count` requests from `seed`. Years are mostly 2025–2028, some outside the term (continuing
 * support after 2028, nothing new before 2025); a few enterprises fail the general conditions.
 */
export function generateRequests(count, seed) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p) => rand() < p;
  const pick = (items) => items[Math.floor(rand() * items.length)];

  /** Yuan as an integer, a number with fen, or a decimal string, as clients send them. */
  const money = (max) => {
    const roll = rand();
    const yuan = Math.floor(rand() * max);
    if (roll < 0.7) return yuan;
    const fen = int(0, 99);
    if (roll < 0.9) return (yuan * 100 + fen) / 100;
    return `${yuan}.${String(fen).padStart(2, '0')}`;
  };
  const date = (year) => {
    const month = int(1, 12);
    const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
      month - 1
    ];
    return `${year}-${String(month).padStart(2, '0')}-${String(int(1, days)).padStart(2, '0')}`;
  };
  /** Mostly inside the assessment year; sometimes the year before (ineligible). */
  const eventDate = (year) => date(chance(0.9) ? year : year - 1);
  const list = (prefix, max, make) => {
    const n = int(1, max);
    const items = [];
    for (let k = 0; k < n; k++) items.push(make(`${prefix}-${k + 1}`));
    return items;
  };
  const creditCode = (i) => {
    let body = '';
    for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / 31)) body = CODE_ALPHABET[n % 31] + body;
    const first17 = `91110106M${body}`;
    return first17 + creditCodeCheckCharacter(first17);
  };

  const requests = new Array(count);
  for (let i = 0; i < count; i++) {
    const roll = rand();
    const year = roll < 0.03 ? int(2020, 2024) : roll < 0.1 ? int(2029, 2031) : int(2025, 2028);
    const full = chance(0.1);
    const has = (p) => full || chance(p);

    const enterprise = { creditCode: creditCode(i) };
    if (chance(0.8)) enterprise.name = `北京基准${i}智能科技有限公司`;
    enterprise.registeredInFengtai = chance(0.97);
    if (chance(0.9)) enterprise.taxResidentInFengtai = chance(0.98);
    if (chance(0.7)) enterprise.seriousDishonesty = chance(0.02);
    enterprise.aiPartnerProgram = chance(0.6);
    if (chance(0.8)) enterprise.industrialAI = chance(0.35);
    if (chance(0.3)) enterprise.startup = chance(0.6);

    const facts = {};
    if (has(0.4)) facts.computeSpend = money(20_000_000);
    if (has(0.25)) facts.modelFilings = list('MF', 3, (id) => ({ id, date: eventDate(year), industrial: chance(0.3) }));
    if (has(0.25)) facts.generalModelPurchase = money(1_200_000);
    if (has(0.15)) facts.openDatasets = list('DS', 2, (id) => ({ id, date: eventDate(year) }));
    if (has(0.2)) facts.dataAssetRegistrationFees = money(500_000);
    if (has(0.2)) facts.dataProductSales = money(30_000_000);
    if (has(0.15)) {
      facts.trustedDataSpaces = list('TDS', 2, (id) => {
        const s = { id, investment: money(12_000_000) };
        if (chance(0.5)) s.industrial = chance(0.5);
        return s;
      });
    }
    if (has(0.15)) facts.jointFundContribution = chance(0.1) ? 0 : money(3_000_000);
    if (has(0.15)) {
      facts.challengeProjects = list('JB', 2, (id) =>
        chance(0.7) ? { id, field: pick(FIELDS), totalInvestment: money(10_000_000) } : { id, totalInvestment: money(10_000_000) },
      );
    }
    if (has(0.3)) {
      facts.rdSpend = money(40_000_000);
      // Left out now and then: 4.3 is then incomplete, never read as 0.
      if (chance(0.85)) facts.previousRdSpend = money(30_000_000);
    }
    if (has(0.15)) facts.keyProjects = list('KP', 2, (id) => ({ id, level: pick(LEVELS), funding: money(25_000_000) }));
    if (has(0.4)) {
      const previous = Math.floor(rand() ** 2 * 1_200_000_000);
      facts.revenue = Math.floor(previous * (0.8 + rand() * 1.2) + rand() * 200_000_000);
      // Left out now and then: 5.2 (and 5.1, without priorMaxRevenue) is then incomplete.
      if (chance(0.85)) facts.previousRevenue = previous;
      if (chance(0.5)) facts.priorMaxRevenue = previous + (chance(0.3) ? int(0, 300_000_000) : 0);
      if (chance(0.8)) facts.industryAverageGrowthRate = chance(0.2) ? `0.${String(int(0, 999_999)).padStart(6, '0')}` : int(-20, 60) / 100;
    }
    if (has(0.1)) facts.firstAboveDesignatedSize = chance(0.6);
    if (has(0.25)) {
      facts.recognitions = list('R', 3, (id) => {
        const type = pick(RECOGNITION_TYPES);
        const r = { id, type };
        const fixed = FIXED_LEVEL[type];
        if (!fixed || chance(0.5)) r.level = fixed ?? pick(LEVELS);
        r.date = eventDate(year);
        if (chance(0.5)) r.renewal = chance(0.2);
        return r;
      });
    }
    if (has(0.1)) {
      facts.agentCompetitionPrizes = list('AC', 2, (id) => {
        const p = { id, industrial: chance(0.3) };
        if (chance(0.8)) p.prize = money(4_000_000);
        // The award date is optional (6.1); given, it must fall in the term and the year.
        if (chance(0.5)) p.date = eventDate(year);
        return p;
      });
    }
    if (has(0.2)) {
      facts.scenarioProjects = list('SC', 3, (id) => {
        const p = { id };
        const roll2 = rand();
        if (roll2 < 0.8) p.totalInvestment = money(8_000_000);
        if (chance(0.5)) p.industrial = chance(0.4);
        if (roll2 >= 0.5) p.municipalSubsidy = chance(0.1) ? 0 : money(5_000_000);
        return p;
      });
    }
    if (has(0.1)) facts.benchmarkCases = list('BC', 2, (id) => ({ id, level: pick(LEVELS), date: eventDate(year) }));
    if (has(0.15)) {
      facts.firstSetProducts = list('FS', 2, (id) => {
        const p = { id };
        if (chance(0.8)) p.inBeijingCatalogue = chance(0.7);
        // The catalogue date is optional (6.3a); given, it must fall in the term and the year.
        if (p.inBeijingCatalogue && chance(0.6)) p.catalogueDate = eventDate(year);
        if (chance(0.7)) p.municipalSubsidy = money(8_000_000);
        if (chance(0.5)) p.industrial = chance(0.4);
        return p;
      });
    }
    if (has(0.15)) facts.standards = list('STD', 3, (id) => ({ id: `GB/T ${id}`, level: pick(STANDARD_LEVELS), date: eventDate(year) }));
    if (has(0.1)) facts.servicePlatforms = list('SP', 2, (id) => ({ id, investment: money(25_000_000) }));
    if (has(0.12)) {
      const inc = {};
      if (chance(0.8)) inc.rating = pick(['ministry-excellent', 'municipal-benchmark']);
      // A rating without the investment: 8.1 is incomplete.
      if (chance(0.8)) inc.investment = money(20_000_000);
      if (chance(0.8)) inc.incubatedAIEnterprises = int(0, 15);
      if (chance(0.7)) inc.investedAIEnterprises = int(0, 12);
      facts.incubator = inc;
    }
    if (has(0.08)) facts.industrialParks = list('PK', 2, (id) => ({ id, investment: money(50_000_000) }));
    if (has(0.1)) facts.ventureFund = { aiInvestment: money(80_000_000) };
    if (has(0.1)) facts.industryEducationBase = { interns: int(0, 60), hires: chance(0.1) ? 0 : int(0, 15) };
    if (has(0.1)) facts.events = list('EV', 3, (id) => ({ id, kind: pick(EVENT_KINDS), date: eventDate(year) }));

    const request = { year, enterprise };
    if (Object.keys(facts).length > 0 || chance(0.5)) request.facts = facts;

    // What this policy granted in earlier years: enterprise measures (in kind with amount 0),
    // 5.1 by tier, and the subjects above.
    if (year >= 2025 && has(0.3)) {
      const history = [];
      const n = int(1, 4);
      for (let k = 0; k < n; k++) {
        const hYear = int(2025, Math.min(year, 2028 + (year > 2028 ? 1 : 0)));
        const kind = rand();
        if (kind < 0.4) {
          const measure = pick(ENTERPRISE_MEASURES);
          history.push({ measure, year: hYear, subject: null, amount: IN_KIND.has(measure) ? 0 : money(2_000_000) });
        } else if (kind < 0.55) {
          const [measure, tiers] = pick(TIERED);
          history.push({ measure, year: hYear, subject: pick(tiers), amount: money(1_100_000) });
        } else {
          const measure = pick(Object.keys(SUBJECT_MEASURES));
          const items = facts[SUBJECT_MEASURES[measure]];
          const subject = items && chance(0.8) ? pick(items).id : `OLD-${int(1, 9)}`;
          history.push({ measure, year: hYear, subject, amount: money(2_000_000) });
        }
      }
      request.history = history;
    }
    // Other district policies' awards (从优不重复): on the same subjects, or overlapping an
    // enterprise-level measure of this policy.
    if (has(0.15)) {
      const subjects = Object.values(SUBJECT_MEASURES).flatMap((name) => (facts[name] ?? []).map((x) => x.id));
      request.otherPolicyAwards = list('OP', 3, () => {
        const award = { policy: pick(OTHER_POLICIES) };
        if (subjects.length > 0 && chance(0.6)) award.subject = pick(subjects);
        else award.measure = pick(ENTERPRISE_MEASURE_IDS);
        award.amount = money(2_500_000);
        return award;
      });
    }
    requests[i] = request;
  }
  return requests;
}
