import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeTypes, type NoticeModel, type NoticeType } from '../../../../shared/notice';
import { readZip } from '../../../../tests/helpers/files';
import { tempDir } from '../../../../tests/helpers/tmp';
import { createLogger } from '../../log';
import { ChromiumPdfRenderer } from '../../pdf/chromium';
import { fillTemplate, valueAt } from './fill';
import { SERVICE_COLUMNS_MM } from './layout';
import { builtinTemplateText, capitalAmount, noticeAmounts, noticeRenderer, placeholdersFor, yuanText } from './index';
import { sampleNoticeModel } from './samples';
import type { ParsedTemplate } from './types';

const PT_PER_MM = 72 / 25.4;
const mm = (pt: number): number => pt / PT_PER_MM;

/** Writes the PDF to a file and runs a poppler tool on it. */
function poppler(tool: string, pdf: Buffer, ...args: string[]): string {
  const file = join(tempDir(), 'notice.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

interface Word { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string }
interface Line { page: number; yMin: number; text: string; words: Word[] }

/** Every text line of the PDF with its words, positions in millimetres from the top-left corner. */
function textLines(pdf: Buffer): Line[] {
  const xml = poppler('pdftotext', pdf, '-bbox-layout');
  const lines: Line[] = [];
  let page = 0;
  for (const part of xml.split(/(<page |<line |<word [^>]*>[^<]*<\/word>)/)) {
    if (part === '<page ') page++;
    else if (part === '<line ') lines.push({ page, yMin: Number.NaN, text: '', words: [] });
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(part);
    if (w) {
      const word = { page, xMin: mm(Number(w[1])), yMin: mm(Number(w[2])), xMax: mm(Number(w[3])), yMax: mm(Number(w[4])), text: w[5]! };
      const line = lines[lines.length - 1]!;
      line.words.push(word);
      line.text += word.text;
      if (Number.isNaN(line.yMin)) line.yMin = word.yMin;
    }
  }
  return lines;
}

/** Where a page has ink (dark pixels), in millimetres, from a 100 dpi greyscale rendering. */
function ink(pdf: Buffer, page: number, within: (xMm: number, yMm: number) => boolean = () => true) {
  const dir = tempDir();
  const file = join(dir, 'notice.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '100', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'page')]);
  const pgm = readFileSync(join(dir, 'page.pgm'));
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height, offset] = [Number(head[1]), Number(head[2]), head[0].length];
  const px = 25.4 / 100;
  const box = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pgm[offset + y * width + x]! >= 128 || !within(x * px, y * px)) continue;
      box.top = Math.min(box.top, y * px);
      box.bottom = Math.max(box.bottom, (y + 1) * px);
      box.left = Math.min(box.left, x * px);
      box.right = Math.max(box.right, (x + 1) * px);
    }
  }
  return box;
}

const HAN = '清波市场监督管理局依法对辖区洗涤用品经营者开展专项整治行动检查发现问题责令改正';
const squash = (s: string): string => s.replace(/\s+/g, '');

const clean = (values: readonly string[]): string[] =>
  // A value's closing 。 may give way to the template's own punctuation.
  values.flatMap((v) => v.split('\n')).map((v) => squash(v).replace(/[。；，、：]$/, '')).filter(Boolean);

/** The printed values a notice must show (so that nothing is lost in PDF or DOCX), outside the 送达回证 table. */
function printedValues(template: ParsedTemplate, model: NoticeModel): string[] {
  const values = template.placeholders.map((p) => valueAt(p, model)?.text ?? '');
  if (template.blocks.some((b) => b.kind === 'party')) values.push(...Object.values(model.party).map((v) => v ?? ''));
  if (template.blocks.some((b) => b.kind === 'signature')) values.push(model.office.name, model.date);
  return clean(values);
}

/** The 送达回证 table's values, column by column (案由 and 受送达人 sit in the first two rows, across columns 2–6). */
function tableValues(template: ParsedTemplate, model: NoticeModel): string[][] {
  const table = fillTemplate(template, model).find((b) => b.kind === 'serviceTable');
  if (table?.kind !== 'serviceTable') return [];
  const columns = [0, 1, 2, 3, 4].map((i) => table.rows.map((r) => [r.document, r.place, r.method, r.servedOn, r.server][i] ?? ''));
  return [...columns, [table.caseName ?? '', table.recipient ?? '']].map(clean);
}

describe('notice templates', () => {
  it('parses every shipped template, and each uses only its own placeholders', () => {
    for (const type of noticeTypes) {
      const t = noticeRenderer.parse(type, builtinTemplateText(type));
      expect(t.blocks.filter((b) => b.kind === 'title').length, type).toBeGreaterThan(0);
      const allowed = placeholdersFor(type).map((p) => p.path);
      expect(t.placeholders.filter((p) => !allowed.includes(p)), type).toEqual([]);
    }
    expect(noticeRenderer.parse('serviceReceipt', builtinTemplateText('serviceReceipt')).blocks.some((b) => b.kind === 'serviceTable')).toBe(true);
    expect(noticeRenderer.parse('penaltyDecision', builtinTemplateText('penaltyDecision')).placeholders).toContain('amounts.fineCapital');
  });

  it('refuses a broken template, naming the line and what is wrong', () => {
    const refused = (type: NoticeType, text: string) => {
      try {
        noticeRenderer.parse(type, text);
      } catch (err) {
        return err as { code: string; message: string; details: Record<string, unknown> };
      }
      throw new Error('accepted');
    };
    const unknown = refused('correctionOrder', '# {{title}}\n\n经查，{{fields.finding}}，{{fields.foo}}。');
    expect(unknown).toMatchObject({ code: 'VALIDATION', details: { field: 'text', line: 3, placeholder: 'fields.foo' } });
    expect(unknown.message).toMatch(/^模板第 3 行：未知的占位符「\{\{fields\.foo\}\}」/);
    // Amounts belong to a 行政处罚决定书, the fine to its fields.
    expect(refused('correctionOrder', '{{amounts.fineCapital}}').details).toMatchObject({ line: 1, placeholder: 'amounts.fineCapital' });
    expect(refused('riskReminder', '{{fields.fineFen}}').details).toMatchObject({ placeholder: 'fields.fineFen' });
    const directive = refused('correctionOrder', '# 标题\n@签章');
    expect(directive).toMatchObject({ details: { line: 2, directive: '@签章' } });
    expect(directive.message).toContain('模板第 2 行：未知的指令「@签章」');
    expect(refused('correctionOrder', '依据{{fields.legalBasis的规定').message).toBe('模板第 1 行：「{{」没有对应的「}}」，占位符要写成 {{名称}}。');
    expect(refused('correctionOrder', '正文\n[[于{{fields.deadlineOn}}前').message).toMatch(/^模板第 2 行：「\[\[」没有对应的「\]\]」/);
    expect(refused('correctionOrder', '改正]]').message).toMatch(/^模板第 1 行：多余的「\]\]」/);
    expect(refused('correctionOrder', '[[a[[b]]]]').message).toContain('不能套在');
    expect(refused('correctionOrder', '@送达表').message).toContain('只能用于送达回证');
    expect(refused('correctionOrder', '@文号 第12号').message).toContain('不能再写其他文字');
    expect(refused('correctionOrder', '### 三级').message).toContain('两级');
    expect(refused('correctionOrder', ' \n\u3000\n').message).toContain('没有任何内容');
  });

  it('offers every placeholder with its Chinese label', () => {
    const help = placeholdersFor('correctionOrder');
    expect(help).toContainEqual({ path: 'fields.finding', label: '经查明的违法事实' });
    expect(help).toContainEqual({ path: 'fields.deadlineOn', label: '改正期限' });
    expect(help).toContainEqual({ path: 'party.code', label: '统一社会信用代码（注册号）' });
    expect(help.some((p) => p.path.startsWith('amounts.'))).toBe(false);
    expect(placeholdersFor('penaltyDecision')).toContainEqual({ path: 'amounts.fineCapital', label: '罚款金额（大写）' });
    expect(placeholdersFor('penaltyDecision')).toContainEqual({ path: 'fields.fineFen', label: '罚款（打印为元，如 1250.50）' });
    expect(help.find((p) => p.path === 'fields.immediately')?.label).toMatch(/^立即改正（是\/否：本身不打印/);
  });
});

describe('amounts and filling', () => {
  it('writes amounts in yuan and in capital numerals', () => {
    expect(capitalAmount(125_050)).toBe('壹仟贰佰伍拾元伍角整');
    expect(capitalAmount(125_000)).toBe('壹仟贰佰伍拾元整');
    expect(capitalAmount(1_001_001)).toBe('壹万零壹拾元零壹分');
    expect(capitalAmount(100_000_000_000)).toBe('壹拾亿元整');
    expect(yuanText(125_050)).toBe('1250.50');
    expect(yuanText(23_600)).toBe('236');
    expect(() => capitalAmount(-1)).toThrow(/不小于 0 的整数分/);
    expect(noticeAmounts('penaltyDecision', { fineFen: 125_050, confiscationFen: 0 })).toEqual({
      fineYuan: '1250.50', fineCapital: '壹仟贰佰伍拾元伍角整', confiscationYuan: '', confiscationCapital: '', totalYuan: '1250.50', totalCapital: '壹仟贰佰伍拾元伍角整',
    });
    expect(noticeAmounts('riskReminder', {})).toEqual({});
  });

  it('fills dates, lists, optional segments, blanks and line breaks as a notice prints them', () => {
    const model = sampleNoticeModel('siteRecord');
    model.fields['present'] = null;
    model.fields['content'] = '第一段。\n　　第二段';
    model.fields['place'] = '建设路18号门店。';
    const t = noticeRenderer.parse('siteRecord', [
      '@文号',
      '执法人员：{{fields.inspectors}}[[，在场：{{fields.present}}]]，日期{{date}}',
      '在场人员：{{fields.present}}。',
      '情况：{{fields.content}}。',
      '地点：{{fields.place}}。',
      '[[{{corrects}}]]',
    ].join('\n'));
    expect(fillTemplate(t, model)).toEqual([
      { kind: 'number', run: { text: '〔预览，未编号〕', style: 'preview' } },
      { kind: 'paragraph', runs: [{ text: '执法人员：' }, { text: '李明、王芳' }, { text: '，日期' }, { text: '2026年11月30日' }] },
      { kind: 'paragraph', runs: [{ text: '在场人员：' }, { text: '', style: 'blank' }, { text: '。' }] },
      { kind: 'paragraph', runs: [{ text: '情况：' }, { text: '第一段。' }] },
      { kind: 'paragraph', runs: [{ text: '第二段' }, { text: '。' }] },
      // The value's own full stop gives way to the template's: no 。。
      { kind: 'paragraph', runs: [{ text: '地点：' }, { text: '建设路18号门店' }, { text: '。' }] },
    ]);
    const order = sampleNoticeModel('correctionOrder');
    const deadline = noticeRenderer.parse('correctionOrder', '责令你（单位）[[{{fields.immediately}}立即]][[于{{fields.deadlineOn}}前]]改正。');
    const text = (m: NoticeModel) => fillTemplate(deadline, m).flatMap((b) => ('runs' in b ? b.runs.map((r) => r.text) : [])).join('');
    expect(text(order)).toBe('责令你（单位）于2026年12月15日前改正。');
    expect(text({ ...order, fields: { ...order.fields, immediately: true, deadlineOn: null } })).toBe('责令你（单位）立即改正。');

    // @分页 starts a new page in both outputs.
    const paged = noticeRenderer.parse('correctionOrder', '第一页\n@分页\n第二页');
    expect(noticeRenderer.html(paged, order)).toMatch(/第一页<\/p>\s*<div class="page-break"><\/div>\s*<p class="para">第二页/);
  });
});

describe('the PDF (Chromium print engine, measured with poppler)', () => {
  let renderer: ChromiumPdfRenderer;
  beforeAll(() => {
    renderer = new ChromiumPdfRenderer({ log: createLogger(null, 'silent') });
  });
  afterAll(() => renderer.close());
  const print = (type: NoticeType, template: string | ParsedTemplate, model: NoticeModel) => {
    const t = typeof template === 'string' ? noticeRenderer.parse(type, template) : template;
    return renderer.render(noticeRenderer.html(t, model), { footerTemplate: noticeRenderer.footer() });
  };

  it('is A4 with the 版心 of GB/T 9704: 37 mm from the top, 28 mm from the left, 22 lines × 28 characters, page numbers 7 mm below', async () => {
    const lines = [HAN.slice(0, 28), HAN.slice(0, 29), ...Array.from({ length: 28 }, (_, i) => `第${i + 3}行`)];
    const pdf = await print('correctionOrder', lines.map((l) => `@顶格 ${l}`).join('\n'), sampleNoticeModel('correctionOrder'));
    expect(poppler('pdfinfo', pdf)).toMatch(/Pages:\s+2\n/);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(poppler('pdfinfo', pdf))!;
    expect(Math.abs(mm(Number(size[1])) - 210)).toBeLessThan(1);
    expect(Math.abs(mm(Number(size[2])) - 297)).toBeLessThan(1);

    const text = textLines(pdf);
    const isNumber = (l: Line) => /^—\d+—$/.test(l.text);
    const body = (page: number) => text.filter((l) => l.page === page && !isNumber(l));
    // 28 characters fill one line exactly; the 29th wraps onto the next.
    expect(body(1).slice(0, 3).map((l) => l.text)).toEqual([HAN.slice(0, 28), HAN.slice(0, 28), HAN.slice(28, 29)]);
    const full = body(1)[0]!.words;
    expect(Math.abs(full[0]!.xMin - 28)).toBeLessThan(1);
    expect(Math.abs(full[full.length - 1]!.xMax - (28 + 156))).toBeLessThan(1);
    // 22 lines on a full page, one grid line (225 mm / 22) apart; the rest on page 2.
    expect(body(1)).toHaveLength(22);
    expect(body(1)[21]!.text).toBe('第21行');
    expect(body(2).map((l) => l.text)).toEqual(lines.slice(21));
    expect(Math.abs((body(1)[21]!.yMin - body(1)[0]!.yMin) / 21 - 225 / 22)).toBeLessThan(0.05);

    // Ink: the first line sits in the first grid line (its half-leading above it), nothing leaves the 版心.
    const page1 = ink(pdf, 1, (_, y) => y < 264);
    const halfLeading = (225 / 22 - 16 / PT_PER_MM) / 2;
    expect(Math.abs(page1.top - (37 + halfLeading))).toBeLessThan(1);
    expect(page1.bottom).toBeLessThanOrEqual(37 + 225 + 1);
    expect(page1.left).toBeGreaterThanOrEqual(28 - 1);
    expect(page1.right).toBeLessThanOrEqual(28 + 156 + 1);

    // — 1 — on the right of page 1, — 2 — on the left of page 2, one character (4号, 14 pt) in, 7 mm below the 版心.
    const numbers = text.filter(isNumber);
    expect(numbers.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['— 1 —', '— 2 —']);
    const oneChar = 14 / PT_PER_MM;
    expect(Math.abs(numbers[0]!.words[2]!.xMax - (28 + 156 - oneChar))).toBeLessThan(1);
    expect(Math.abs(numbers[1]!.words[0]!.xMin - (28 + oneChar))).toBeLessThan(1);
    const dash = numbers[0]!.words[0]!;
    const dashInk = ink(pdf, 1, (x, y) => y > 262 && x > dash.xMin && x < dash.xMax);
    expect(Math.abs((dashInk.top + dashInk.bottom) / 2 - (37 + 225 + 7))).toBeLessThan(1);
  });

  it('prints a real notice whose Chinese text extracts, with hostile text literal and a 500-character address wrapped inside the 版心', async () => {
    const model = sampleNoticeModel('correctionOrder', '岳君市监责改〔2026〕12号');
    model.party.name = '<script>alert("x")</script>洁亮&amp;日化<b>商行</b>';
    // 450 Chinese characters, then 50 letters without a space (a pasted code or URL).
    const address = `湖南省岳阳市君山区柳林洲街道${'建设路十八号附九号门面'.repeat(40)}`.slice(0, 450) + `Building${'ABCDEFGHIJ0123456789'.repeat(3)}`.slice(0, 50);
    expect(address).toHaveLength(500);
    model.party.address = address;
    const template = builtinTemplateText('correctionOrder').replace('@顶格 {{party.name}}：', '@顶格 {{party.name}}：\n@当事人');
    const html = noticeRenderer.html(noticeRenderer.parse('correctionOrder', template), model);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;洁亮&amp;amp;日化&lt;b&gt;');
    expect(html).not.toMatch(/<script|<b>/);
    const pdf = await print('correctionOrder', template, model);
    // Without the page numbers, which poppler reads in the middle of a paragraph that runs across pages.
    const text = squash(poppler('pdftotext', pdf)).replace(/—\d+—/g, '');
    expect(text).toContain('<script>alert("x")</script>洁亮&amp;日化<b>商行</b>');
    expect(text).toContain('岳君市监责改〔2026〕12号');
    expect(text).toContain(address);
    expect(text).toContain('责令改正通知书');
    expect(text).toContain('于2026年12月15日前改正上述违法行为');
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))![1]);
    for (let page = 1; page <= pages; page++) {
      const box = ink(pdf, page, (_, y) => y < 264);
      expect(box.right, `page ${page}`).toBeLessThanOrEqual(28 + 156 + 1);
      expect(box.left, `page ${page}`).toBeGreaterThanOrEqual(28 - 1);
      expect(box.top, `page ${page}`).toBeGreaterThanOrEqual(37 - 1);
    }
    for (const w of textLines(pdf).flatMap((l) => l.words)) expect(w.xMax, w.text).toBeLessThanOrEqual(28 + 156 + 1);
  });

  it('prints every shipped template with every value, inside the 版心', async () => {
    for (const type of noticeTypes) {
      const template = noticeRenderer.parse(type, builtinTemplateText(type));
      const model = sampleNoticeModel(type, `岳君市监〔2026〕${noticeTypes.indexOf(type) + 1}号`);
      const pdf = await print(type, template, model);
      const text = squash(poppler('pdftotext', pdf));
      for (const value of printedValues(template, model)) expect(text, `${type}: ${value}`).toContain(value);
      const words = textLines(pdf).flatMap((l) => l.words);
      // Table cells are read column by column: poppler reads a row's cells side by side.
      const edges = [28, ...SERVICE_COLUMNS_MM.map((_, i) => 28 + SERVICE_COLUMNS_MM.slice(0, i + 1).reduce((a, b) => a + b, 0))];
      const column = (from: number, to: number) => words.filter((w) => w.xMin >= from && w.xMax <= to).map((w) => w.text).join('');
      tableValues(template, model).forEach((values, i) => {
        const text = i < 5 ? column(edges[i]!, edges[i + 1]!) : column(edges[1]!, edges[6]!);
        for (const value of values) expect(text, `${type} column ${i + 1}: ${value}`).toContain(value);
      });
      expect(words.filter((w) => w.xMin < 28 - 1 || w.xMax > 28 + 156 + 1).map((w) => w.text), type).toEqual([]);
      expect(ink(pdf, 1, (_, y) => y < 264).bottom, type).toBeLessThanOrEqual(37 + 225 + 1);
    }
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('the DOCX', () => {
  // Its XML is checked everywhere (page, grid, fonts, every value); where LibreOffice is installed
  // (not on the CI machine, whose packages are listed in .ci/run) it is also opened and printed.
  it.skipIf(!soffice)('opens in LibreOffice with 28 characters a line inside the 版心 (skipped without LibreOffice)', async () => {
    const dir = tempDir();
    const file = join(dir, 'notice.docx');
    writeFileSync(file, await noticeRenderer.docx(noticeRenderer.parse('correctionOrder', builtinTemplateText('correctionOrder')), sampleNoticeModel('correctionOrder')));
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
    const lines = textLines(readFileSync(join(dir, 'notice.pdf'))).filter((l) => l.page === 1);
    // Full lines of Chinese text (no half-width digits) hold 28 characters, as the PDF's do.
    const full = lines.filter((l) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”《》]+$/.test(l.text) && l.words[0]!.xMin < 28 + 1 && l.text.length >= 20);
    expect(full.length).toBeGreaterThan(0);
    for (const l of full) expect(l.text.length, l.text).toBe(28);
    for (const l of lines) expect(l.words[0]!.xMin, l.text).toBeGreaterThanOrEqual(28 - 1);
  });

  it('has the A4 page, GB/T 9704 margins and grid, the fonts and page numbers, and every value of every type', async () => {
    for (const type of noticeTypes) {
      const template = noticeRenderer.parse(type, builtinTemplateText(type));
      const model = sampleNoticeModel(type, `岳君市监〔2026〕${noticeTypes.indexOf(type) + 1}号`);
      if (type === 'correctionOrder') model.party.name = '<script>洁亮&日化</script>';
      const file = join(tempDir(), `${type}.docx`);
      writeFileSync(file, await noticeRenderer.docx(template, model));
      const zip = await readZip(file);
      const doc = zip.get('word/document.xml')!.toString('utf8');
      expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="\d+" w:footer="1447" w:gutter="0"\/>/);
      expect(doc).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
      // 3号 characters narrowed by 0.25 pt: 28 of them in the 156 mm line.
      expect(zip.get('word/styles.xml')!.toString('utf8')).toMatch(/<w:rPrDefault><w:rPr>.*<w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
      expect(doc).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
      expect(doc).toContain('<w:pStyle w:val="NoticeTitle"/>');
      const text = squash(
        [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
          .map((m) => m[1]!)
          .join('')
          .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
      );
      for (const value of [...printedValues(template, model), ...tableValues(template, model).flat()]) expect(text, `${type}: ${value}`).toContain(value);
      if (type === 'correctionOrder') expect(doc).toContain('&lt;script&gt;洁亮&amp;日化&lt;/script&gt;');
    }
  });

  it('uses 仿宋_GB2312 3号 for the body, 方正小标宋简体 2号 for the title and — 1 — in 4号宋体 on both sides', async () => {
    const file = join(tempDir(), 'notice.docx');
    writeFileSync(file, await noticeRenderer.docx(noticeRenderer.parse('penaltyDecision', builtinTemplateText('penaltyDecision')), sampleNoticeModel('penaltyDecision')));
    const zip = await readZip(file);
    const styles = zip.get('word/styles.xml')!.toString('utf8');
    expect(styles).toContain('<w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:spacing w:val="-5"/><w:sz w:val="32"/>');
    expect(styles).toMatch(/w:styleId="NoticeTitle".*?<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(styles).toMatch(/w:styleId="NoticeHeading".*?w:eastAsia="黑体"/);
    expect(zip.get('word/settings.xml')!.toString('utf8')).toContain('<w:evenAndOddHeaders/>');
    const footers = [...zip.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => zip.get(k)!.toString('utf8'));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);

    const paged = join(tempDir(), 'paged.docx');
    writeFileSync(paged, await noticeRenderer.docx(noticeRenderer.parse('correctionOrder', '第一页\n@分页\n第二页'), sampleNoticeModel('correctionOrder')));
    expect((await readZip(paged)).get('word/document.xml')!.toString('utf8')).toMatch(/<w:pageBreakBefore\/>.*第二页/);
  });
});
