/**
 * The API words its field errors in English (CALCULATION.md: "names the field and what was
 * expected"). In the Chinese interface (the web app, the match errors workbook) the frequent ones
 * read in Chinese; anything not recognised is shown as the API wrote it, so nothing is ever hidden.
 * Free of dependencies: the web app imports it (`@ftai/api/issue-text`) without the schemas.
 */
/** What is wrong with one change of a parameter version (checkChanges, @ftai/policy-fengtai), in Chinese. */
const CHANGE_ZH: readonly [RegExp, string][] = [
  [/^the policy has no such parameter/, '本政策没有该参数'],
  [/^the parameter is changed twice/, '同一参数只能修改一次'],
  [/^expected whole yuan/, '应为不小于0的整数金额（元）'],
  [/^expected a rate such as/, '应为百分比，如“25%”'],
  [/^expected a whole number of years/, '应为不小于1的整数（年）'],
  [/^expected true or false/, '应为“是”或“否”'],
  [/^expected a list of tiers/, '应为分档列表，每档有金额、起点或标志，并有中英文名称'],
  [/^every tier needs a label/, '每一档都应有中英文名称'],
  [/^milestone tiers keep their ids/, '达到档位的档次不可增减或改名，只可修改起点和金额'],
  [/^not implemented/, '该取值平台尚未实现，请改用其他取值'],
];

const ZH: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  // A parameter version's change (政策参数版本): the row, the parameter as the form labels it, the problem.
  [
    /^change (\d+), parameter \S+(?: \(([^)]*)\))?: (.*)$/,
    (m) => {
      const zh = CHANGE_ZH.find(([re]) => re.test(m[3] ?? ''))?.[1] ?? '取值不符合要求';
      return `第${m[1]}项修改${m[2] ? `“${m[2]}”` : ''}：${zh}`;
    },
  ],
  [
    /^expected a day from today \((\d{4})-(\d{2})-(\d{2})\) to (\d{4})-(\d{2})-(\d{2})/,
    (m) => `生效日期应在今天（${m[1]}年${Number(m[2])}月${Number(m[3])}日）至${m[4]}年${Number(m[5])}月${Number(m[6])}日之间`,
  ],
  [/^expected the number of an approved version/, () => '应为已批准的政策参数版本编号'],
  [/^missing: expected the reason for the rejection/, () => '请填写驳回理由'],
  // An upload's material (申报材料), before the general rules on "missing" and "one of".
  [/^expected a material of measure \S+ \(one of/, () => '所选申报材料不在该支持事项的材料清单中，请按材料清单选择'],
  [/^expected a general material \(one of/, () => '所选申报材料不在通用材料清单中，请按材料清单选择，或同时指明支持事项'],
  [/^expected a measure id of the catalogue with a list of materials/, () => '所选支持事项没有材料清单，请选择本政策的支持事项'],
  [/^missing: expected the material of the measure given/, () => '指明支持事项时，须同时指明申报材料'],
  [/^missing: expected a file of the /, () => '尚未上传该项必备材料'],
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
  [/^missing\b(?! the column)|got nothing$/, () => '必填项，请填写'],
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
  [/this application claims nothing/, () => '本申报未申报任何支持事项（测算金额为0元）：请勾选申报事项并填写相应数据后再提交'],
  // 免申即享: the batch's deadline, the confirmation, the invitation.
  [
    /^expected a day after today \((\d{4})-(\d{2})-(\d{2})\)/,
    (m) => `确认截止日期应晚于今天（${m[1]}年${Number(m[2])}月${Number(m[3])}日）`,
  ],
  [
    /^expected (\d{4})-(\d{2})-(\d{2}) or earlier, the call's last day/,
    (m) => `确认截止日期不得晚于申报批次的截止日期（${m[1]}年${Number(m[2])}月${Number(m[3])}日）`,
  ],
  [/^expected true: the commitment/, () => '请阅读并勾选承诺事项后再确认申领'],
  [/^missing: expected the bank account \(收款账户\)/, () => '请填写收款账户：支持资金拨付至企业本单位账户'],
  [
    /^expected the invitation code sent to the enterprise/,
    () => '邀请码无效：请核对统一社会信用代码和邀请码；邀请码仅能使用一次，确认截止日期后失效',
  ],
  [/^expected an 11-digit mainland mobile number/, () => '请填写11位手机号码'],
  [/^expected an e-mail address/, () => '请填写正确的电子邮箱地址'],
  // The import of other policies' awards (CSV): the file, its header, its rows.
  [/not readable as CSV/, () => '无法按CSV读取：请检查引号和分隔符'],
  [/the file is empty/, () => '文件为空：应有表头行和至少一行奖励记录'],
  [/expected at least one row of awards after the header/, () => '表头下应至少有一行奖励记录'],
  [/^unknown column "([^"]*)"/, (m) => `未知列“${m[1]}”：请使用模板中的列名`],
  [/^column \S+ \(([^)]+)\) appears twice/, (m) => `列“${m[1]}”重复`],
  [
    /^missing the column subject \(支持对象\) or measure/,
    () => '缺少“支持对象”或“对应本措施事项”列：每条奖励须写明所支持的对象或本措施事项',
  ],
  [/^missing the column \S+ \(([^)]+)\)/, (m) => `缺少“${m[1]}”列`],
  [/^expected (\d+) columns as in the header, got (\d+)/, (m) => `应与表头一样有${m[1]}列，本行有${m[2]}列`],
  [/^expected the policy's name, 1 to (\d+) characters/, (m) => `请填写政策名称（1至${m[1]}个字符）`],
  [/^expected the id of the supported object/, () => '支持对象编号过长'],
  [/^expected either subject \(支持对象\) or measure \(对应本措施事项\), not both/, () => '“支持对象”与“对应本措施事项”只能填写其一'],
  [/^expected a measure of this policy that supports the enterprise as a whole/, () => '应为本政策按企业支持的事项编号'],
  [/^expected an amount in yuan such as/, () => '金额应为元，如450000或450000.00'],
  [/^expected whole yuan/, () => '金额应为整元：奖励台账按整元记录'],
  [/^expected an amount above 0/, () => '金额应大于0'],
  [/: the same award as line (\d+)$/, (m) => `与第${m[1]}行为同一笔奖励`],
  [/: already imported on (\d{4})-(\d{2})-(\d{2})/, (m) => `该笔奖励已于${m[1]}年${Number(m[2])}月${Number(m[3])}日导入`],
  // A registry row's own cells (the matcher, before the contract is asked).
  [/a value in column (\w+), which has no header/, (m) => `${m[1]}列没有表头：该列应为空，或在首行填写所属字段的表头`],
  [/^expected a JSON list/, () => '应为JSON列表，如[{"id": "…"}]'],
  [/^expected a JSON object/, () => '应为JSON对象，如{"…": …}'],
  [/given both as JSON \(column "([^"]+)"\) and in separate columns/, (m) => `已在JSON列“${m[1]}”中填写，又分列填写：两种方式只能选用一种`],
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
