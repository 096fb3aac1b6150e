// The notice render layer: templates parsed and checked, then laid out to GB/T 9704 as HTML for
// Chromium's PDF printer and as DOCX for Word and WPS. The issuing code uses `noticeRenderer`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeType } from '../../../../shared/notice';
import { resourcesDir } from '../../paths';
import { noticeDocx } from './docx';
import { noticeFooter, noticeHtml } from './html';
import { parseTemplate } from './template';
import type { NoticeRenderer } from './types';

export { capitalAmount, noticeAmounts, yuanText } from './capital';
export { fillTemplate, plainText, PREVIEW_NUMBER, printedDate } from './fill';
export { noticeStyle } from './html';
export { sampleNoticeModel } from './samples';
export { AMOUNT_LABELS, PARTY_LABELS, placeholdersFor } from './template';
export { noticeDocx, noticeFooter, noticeHtml, parseTemplate };
export type { NoticeRenderer, ParsedTemplate, TemplateBlock } from './types';

/** The renderer the issuing code calls: parse once, then HTML (for the PDF service) and DOCX. */
export const noticeRenderer: NoticeRenderer = {
  parse: parseTemplate,
  html: noticeHtml,
  footer: noticeFooter,
  docx: noticeDocx,
};

/** Where the shipped template of a type lives: resources/notices/<type>.txt. */
export const builtinTemplatePath = (type: NoticeType): string => join(resourcesDir(), 'notices', `${type}.txt`);

/** The shipped template text of a type (UTF-8). */
export function builtinTemplateText(type: NoticeType): string {
  return readFileSync(builtinTemplatePath(type), 'utf8');
}
