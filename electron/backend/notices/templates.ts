// Notice templates: the shipped defaults in resources/notices/<type>.txt and an office's own copy
// in <data>/notices/<type>.txt, which replaces the default until it is reset. A template is
// checked by the render layer's parse before it is kept (an unknown placeholder is refused, named).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { noticeTypeInfo, noticeTypes, type NoticeTemplateInfo, type NoticeType } from '../../../shared/notice';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { builtinTemplatePath, noticeRenderer, placeholdersFor, type ParsedTemplate } from './render/index';

export interface LoadedTemplate {
  type: NoticeType;
  source: 'builtin' | 'office';
  text: string;
  sha256: string;
  parsed: ParsedTemplate;
}

const officeDir = (core: Core) => join(core.dataDir, 'notices');
const officePath = (core: Core, type: NoticeType) => join(officeDir(core), `${type}.txt`);
const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// Parsing is pure: a template is parsed once per content.
const parsedCache = new Map<string, ParsedTemplate>();
function parseCached(type: NoticeType, text: string, sha256: string): ParsedTemplate {
  const key = `${type}:${sha256}`;
  let parsed = parsedCache.get(key);
  if (!parsed) {
    parsed = noticeRenderer.parse(type, text);
    parsedCache.set(key, parsed);
  }
  return parsed;
}

/** The text in force for `type` (the office's copy if there is one), not parsed. */
function readTemplate(core: Core, type: NoticeType): Omit<LoadedTemplate, 'parsed'> {
  const own = officePath(core, type);
  const source = existsSync(own) ? 'office' : 'builtin';
  const path = source === 'office' ? own : builtinTemplatePath(type);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到「${noticeTypeInfo[type].title}」的模板文件（${path}），请重新安装清波`);
  const text = readFileSync(path, 'utf8');
  return { type, source, text, sha256: sha256Of(text) };
}

/** The template in force for `type` (the office's copy if there is one), parsed. */
export function loadTemplate(core: Core, type: NoticeType): LoadedTemplate {
  const t = readTemplate(core, type);
  return { ...t, parsed: parseCached(type, t.text, t.sha256) };
}

function infoOf(t: Pick<LoadedTemplate, 'type' | 'source' | 'text' | 'sha256'>): NoticeTemplateInfo {
  return { type: t.type, title: noticeTypeInfo[t.type].title, source: t.source, text: t.text, sha256: t.sha256, placeholders: placeholdersFor(t.type) };
}

/** Every type's template in force, with the placeholders it may use. */
export function listNoticeTemplates(core: Core): NoticeTemplateInfo[] {
  // Not parsed: an office copy the current rules refuse is still listed, so it can be corrected.
  return noticeTypes.map((type) => infoOf(readTemplate(core, type)));
}

/** Keeps the office's own template for `type` after checking it; audited with the before and after hashes. */
export function saveNoticeTemplate(core: Core, ctx: RequestContext, type: NoticeType, text: string): NoticeTemplateInfo {
  const normalized = text.replace(/\r\n?/g, '\n');
  // Refuses with the line and the unknown placeholder named.
  noticeRenderer.parse(type, normalized);
  const before = readTemplate(core, type);
  const sha256 = sha256Of(normalized);
  mkdirSync(officeDir(core), { recursive: true });
  const tmp = join(officeDir(core), `.tmp-${randomUUID()}`);
  writeFileSync(tmp, normalized, 'utf8');
  try {
    write(core, ctx, 'notices.saveTemplate', (scope) => {
      scope.audit({
        entity: 'notice_template',
        entityId: type,
        before: { source: before.source, sha256: before.sha256 },
        after: { source: 'office', sha256, text: normalized },
      });
      // Last, so that a failed audit leaves the template in force untouched.
      renameSync(tmp, officePath(core, type));
    });
  } finally {
    rmSync(tmp, { force: true });
  }
  return infoOf({ type, source: 'office', text: normalized, sha256 });
}

/** Removes the office's own template for `type`, so the shipped default is in force again. */
export function resetNoticeTemplate(core: Core, ctx: RequestContext, type: NoticeType): NoticeTemplateInfo {
  const own = officePath(core, type);
  if (existsSync(own)) {
    const before = readTemplate(core, type);
    const builtin = readFileSync(builtinTemplatePath(type), 'utf8');
    write(core, ctx, 'notices.resetTemplate', (scope) => {
      scope.audit({
        entity: 'notice_template',
        entityId: type,
        before: { source: 'office', sha256: before.sha256, text: before.text },
        after: { source: 'builtin', sha256: sha256Of(builtin) },
      });
      rmSync(own);
    });
  }
  return infoOf(readTemplate(core, type));
}
