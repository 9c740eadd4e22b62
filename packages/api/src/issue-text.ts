/**
 * The API words its field errors in English (CALCULATION.md: "names the field and what was
 * expected"). In the Chinese interface the frequent ones read in Chinese; anything not recognised is
 * shown as the API wrote it, so nothing is ever hidden.
 */
const ZH: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /unified social credit code: check character is (\S+), expected (\S+)/,
    (m) => `统一社会信用代码校验位错误：第18位为${m[1]}，应为${m[2]}`,
  ],
  [/unified social credit code: expected 18 characters/, () => '统一社会信用代码应为18位'],
  [
    /unified social credit code: expected digits and capital letters/,
    () => '统一社会信用代码格式不正确：应为数字和大写字母（不含I、O、S、V、Z）',
  ],
  [/^missing: expected national or municipal for (\S+)/, () => '请选择级别（国家级或北京市级）'],
  [/^missing\b|got nothing$/, () => '必填项，请填写'],
  [/expected a date that exists/, () => '日期不存在，请按YYYY-MM-DD填写'],
  [/expected a date YYYY-MM-DD/, () => '请按YYYY-MM-DD填写日期'],
  [/expected a non-negative amount in yuan, got/, () => '金额不能为负数'],
  [/expected an amount of at most ([\d,.]+) yuan/, (m) => `金额不能超过${m[1]}元`],
  [/expected a non-negative amount in yuan with at most 2 decimals \(fen\)/, () => '金额最多两位小数（精确到分）'],
  [/expected a non-negative amount in yuan/, () => '金额应为不小于0的数，最多两位小数'],
  [/expected a growth rate/, () => '增幅应在-100%至1000%之间，最多四位小数'],
  [/expected a whole number of at least 0/, () => '应为不小于0的整数'],
  [/expected a whole number|expected a whole year/, () => '应为整数'],
  [/expected a year from (\d+) to (\d+)/, (m) => `年度应在${m[1]}至${m[2]}之间`],
  [/expected a year from 2025/, () => '年度应不早于2025年（政策施行年度）'],
  [/expected a year not after the assessment year (\d+)/, (m) => `年度不应晚于评估年度（${m[1]}年）`],
  [/expected one of/, () => '请从列表中选择'],
  [/expected a measure id of the catalogue/, () => '请选择本政策的支持事项'],
  [/expected the tier measure \S+ granted/, () => '请选择已获支持的档位'],
  [/expected 0: measure \S+ is support in kind/, () => '实物支持，金额应为0'],
  [/expected either subject .* or measure/, () => '请填写支持对象或对应本措施事项，二者选一'],
  [/expected the subject's id: measure (\S+) is granted per subject/, () => '请填写支持对象编号：该事项按对象支持'],
  [/expected null: measure (\S+) is granted per enterprise/, () => '支持对象编号应留空：该事项按企业支持'],
  [/expected a unique id in (\S+), got (.+) twice/, (m) => `编号重复：${m[2]}`],
  [/expected (\S+) for (\S+), got/, (m) => `该认定类型的级别应为${m[1] === 'national' ? '国家级' : '北京市级'}`],
  [/expected a non-empty text/, () => '请填写'],
  [/expected at most (\d+) characters/, (m) => `最多${m[1]}个字符`],
  [/expected at most ([\d,]+) items/, (m) => `最多${m[1]}项`],
  [/expected true or false/, () => '请选择是或否'],
  [/^unknown field ([^\s:]+)/, (m) => `未知字段${m[1]}：不属于计算请求格式`],
];

/** An API field message in the interface's language (Chinese where known, else as given). */
export function issueText(message: string, lang: 'zh' | 'en'): string {
  if (lang === 'en') return message;
  for (const [re, text] of ZH) {
    const m = re.exec(message);
    if (m) return text(m);
  }
  return message;
}
