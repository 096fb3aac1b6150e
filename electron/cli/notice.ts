// `qingbo notice render|issue`: a notice for one enterprise (by its credit code), filled from the
// enterprise's latest matching dossier record (or the usual wording) and an optional JSON file of
// fields; `render` prints a preview (no number used), `issue` issues it under the next number.
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { EnterpriseSearchResult } from '../../shared/enterprise';
import { AppError } from '../../shared/errors';
import type { StoredFileRef } from '../../shared/import';
import { noticeTypeByTitle, noticeTypeInfo, noticeTypes, type Notice, type NoticeDraft, type NoticeType } from '../../shared/notice';
import { normalizeCode } from '../../shared/uscc';
import type { Backend } from '../backend/backend';
import { latestSourceRecord } from '../backend/notices/prefill';
import { callApi } from './jobs';
import { UsageError } from './usage';

const TITLES = noticeTypes.map((t) => noticeTypeInfo[t].title).join('、');

export const NOTICE_HELP = `  notice render --data 目录 --type 文书名称 --code 统一社会信用代码 --out 文件.pdf [--fields 文件.json] [--json]
          预览一份执法文书（不占用文号）：内容取自该企业最近一条相应的档案记录，--fields 可补充或改写。
          文书名称：${noticeTypes.slice(0, 4).map((t) => noticeTypeInfo[t].title).join('、')}、
          ${noticeTypes.slice(4).map((t) => noticeTypeInfo[t].title).join('、')}。
  notice issue --data 目录 --type 文书名称 --code 统一社会信用代码 [--fields 文件.json] [--out 文件.pdf] [--json]
          出具文书：编发文号，PDF 和 DOCX 存入文件库和企业档案；--out 另存一份 PDF（DOCX 存在同名 .docx）。`;

export interface NoticeOptions {
  type: string | undefined;
  code: string | undefined;
  fields: string | undefined;
  out: string | undefined;
  json: boolean;
}

function typeOption(v: string | undefined): NoticeType {
  if (!v) throw new UsageError(`缺少 --type 文书名称，例如：--type 责令改正通知书（可选：${TITLES}）`);
  const type = noticeTypeByTitle(v) ?? noticeTypes.find((t) => t === v);
  if (!type) throw new UsageError(`不认识的文书名称「${v}」。可选：${TITLES}`);
  return type;
}

function fieldsOption(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  if (!existsSync(path)) throw new UsageError(`找不到 --fields 文件「${path}」`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`--fields 文件「${path}」不是有效的 JSON：${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`--fields 文件「${path}」应为一个 JSON 对象，例如 {"finding": "…"}`);
  return parsed as Record<string, unknown>;
}

function outOption(out: string | undefined, required: boolean): string | null {
  if (!out) {
    if (required) throw new UsageError('缺少 --out 文件，例如：--out 责令改正通知书.pdf');
    return null;
  }
  const path = resolve(out);
  if (extname(path).toLowerCase() !== '.pdf') throw new UsageError(`--out 的文件名应以 .pdf 结尾，收到「${out}」`);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`保存位置的文件夹「${folder}」不存在，请先建好或换一个 --out 位置`);
  return path;
}

async function enterpriseByCode(backend: Backend, raw: string | undefined): Promise<{ id: number; name: string }> {
  const code = normalizeCode(raw ?? '');
  if (!code) throw new UsageError('缺少 --code，请写当事人的统一社会信用代码（18 位）或注册号（15 位）');
  const found = await callApi<EnterpriseSearchResult>(backend, 'enterprises.search', { filter: { q: code, archived: 'all' }, limit: 20 });
  const hit = found.rows.find((r) => r.uscc !== null && normalizeCode(r.uscc) === code);
  if (!hit) throw new AppError('NOT_FOUND', `找不到统一社会信用代码为 ${code} 的企业。请核对代码，或先在企业名录中查找这家企业。`, { code });
  return { id: hit.id, name: hit.name };
}

/** Runs `notice render` or `notice issue`; resolves to the exit code. */
export async function noticeCommand(backend: Backend, sub: string | undefined, o: NoticeOptions): Promise<number> {
  if (sub !== 'render' && sub !== 'issue') {
    throw new UsageError('用法：qingbo notice render|issue --data 目录 --type 文书名称 --code 统一社会信用代码 …（运行 qingbo --help 查看详情）');
  }
  const type = typeOption(o.type);
  const out = outOption(o.out, sub === 'render');
  const own = fieldsOption(o.fields);
  const e = await enterpriseByCode(backend, o.code);
  const recordId = latestSourceRecord(backend.core.sqlite, type, e.id);
  const draft = await callApi<NoticeDraft>(backend, 'notices.prepare', { type, enterpriseId: e.id, recordId });
  const input = { type, enterpriseId: e.id, recordId, fields: { ...draft.fields, ...own } };
  const title = noticeTypeInfo[type].title;
  if (sub === 'render') {
    const pdf = await callApi<StoredFileRef>(backend, 'notices.preview', input);
    copyFileSync(backend.core.files.pathOf(pdf.sha256), out!);
    if (o.json) console.log(JSON.stringify({ ok: true, out, sha256: pdf.sha256, bytes: pdf.size, recordId, warnings: draft.warnings }));
    else {
      for (const w of draft.warnings) console.error(`提示：${w}`);
      console.log(`已将「${e.name}」的${title}预览（未编号）保存到 ${out}`);
    }
    return 0;
  }
  const notice = await callApi<Notice>(backend, 'notices.issue', input);
  let pdf = backend.core.files.pathOf(notice.pdf.sha256);
  let docx = backend.core.files.pathOf(notice.docx.sha256);
  if (out) {
    copyFileSync(pdf, out);
    copyFileSync(docx, out.replace(/\.pdf$/i, '.docx'));
    pdf = out;
    docx = out.replace(/\.pdf$/i, '.docx');
  }
  if (o.json) {
    console.log(JSON.stringify({ ok: true, id: notice.id, number: notice.number, sha256: notice.pdf.sha256, docxSha256: notice.docx.sha256, pdf, docx, warnings: draft.warnings }));
  } else {
    for (const w of draft.warnings) console.error(`提示：${w}`);
    console.log(`已出具「${e.name}」的${title}，文号 ${notice.number}`);
    console.log(`PDF：${pdf}（SHA-256 ${notice.pdf.sha256}）`);
    console.log(`DOCX：${docx}`);
  }
  return 0;
}
