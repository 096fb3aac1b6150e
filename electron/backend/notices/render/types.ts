// The seam between issuing notices and laying them out: a template parsed once, then filled
// from a model into the HTML Chromium prints (GB/T 9704) and into a DOCX for Word and WPS.
import type { NoticeModel, NoticeType } from '../../../../shared/notice';

/** One block of a parsed template (see NoticeTemplateText in shared/notice.ts). */
export type TemplateBlock =
  | { kind: 'title'; text: string; line: number }
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  /**
   * `@顶格 …` a line set flush left, without the paragraph indent: the addressee (`@顶格
   * {{party.name}}：`, GB/T 9704 7.3.2 主送机关 居左顶格) or a form's label lines (检查地点：…).
   */
  | { kind: 'flush'; text: string; line: number }
  | { kind: 'number'; line: number }
  | { kind: 'party'; line: number }
  | { kind: 'signature'; line: number }
  | { kind: 'serviceTable'; line: number }
  | { kind: 'pageBreak'; line: number };

export interface ParsedTemplate {
  type: NoticeType;
  blocks: TemplateBlock[];
  /** Every placeholder path the template uses. */
  placeholders: string[];
}

/** What the render layer offers the issuing code. */
export interface NoticeRenderer {
  /** Parses and checks a template; throws VALIDATION naming the line and the unknown placeholder. */
  parse(type: NoticeType, text: string): ParsedTemplate;
  /** A complete HTML page (A4, GB/T 9704 margins, fonts) ready for the PDF service. */
  html(template: ParsedTemplate, model: NoticeModel): string;
  /** The PDF service's footer template for the page numbers (— 1 —, 4号宋体). */
  footer(): string;
  /** The same notice as a .docx Word and WPS open correctly. */
  docx(template: ParsedTemplate, model: NoticeModel): Promise<Buffer>;
}
