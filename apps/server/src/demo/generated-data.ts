import { creditCodeCheckCharacter } from '@ftai/policy-fengtai';

/**
 * The building blocks of generated enterprises, shared by the demo (seed-demo), the scale seeder
 * (seed-scale) and the allocation's large test calls (seed-allocation).
 */

/** Places of Fengtai and trades, for enterprise names: 北京{place}{trade}有限公司. */
export const PLACES = ['丰泽', '丽泽', '云岗', '南苑', '卢沟', '宛平', '花乡', '长辛', '青塔', '看丹'];
export const TRADES = ['智算科技', '数据智能', '机器人', '工业智能', '大模型科技'];

/** The characters of a unified social credit code's body (GB 32100: no I, O, S, V, Z). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A small deterministic generator of numbers in [0, 1) (mulberry32): the same seed, the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid unified social credit code (check character computed), distinct for every i below
 * 3 billion; seeders that share a database use different `base`s so their codes never meet.
 */
export function creditCodeFor(i: number, base: number): string {
  let body = '91110106MA';
  let n = base + i * 7919;
  for (let k = 0; k < 7; k++) {
    body += ALPHABET[n % 31];
    n = Math.floor(n / 31);
  }
  return body + creditCodeCheckCharacter(body);
}
