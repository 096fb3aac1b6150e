// ExcelJS, with its streaming reader's XML decoding mended. Its parse-sax turns every zip chunk
// into a string on its own, so a Chinese character whose UTF-8 bytes straddle two chunks comes
// out as "��" (exceljs/exceljs#2063, #2316; about one row in two thousand). The replacement
// below keeps the decoder's state between chunks. It must be installed before ExcelJS loads its
// readers, so every module of ours takes ExcelJS from here, never from 'exceljs' directly. (The
// import reads .xlsx with worksheet.ts; ExcelJS's reader is what the tests read written files with.)
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSModule from 'exceljs';

const requireCjs = createRequire(import.meta.url);
const parseSaxPath = requireCjs.resolve('exceljs/lib/utils/parse-sax.js');
const saxes = () =>
  createRequire(parseSaxPath)('saxes') as {
    SaxesParser: new () => { on(event: string, fn: (v: unknown) => void): void; write(s: string): void };
  };

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

async function* parseSax(source: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new (saxes().SaxesParser)();
  const decoder = new StringDecoder('utf8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => (error = err));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) parser.write(rest);
  if (error) throw error;
  if (events.length) yield events;
}

let loaded: typeof ExcelJSModule | null = null;

/**
 * ExcelJS, loaded on first use (with its zip and stream libraries it is a seventh of a second of
 * every start, and most commands never write a spreadsheet).
 */
export function excelJs(): typeof ExcelJSModule {
  if (loaded) return loaded;
  // Load the original first so that the cache entry exists, then replace what it exports.
  requireCjs(parseSaxPath);
  const cached = requireCjs.cache[parseSaxPath];
  if (!cached) throw new Error('exceljs parse-sax module not in the require cache');
  cached.exports = parseSax;
  loaded = requireCjs('exceljs') as typeof ExcelJSModule;
  return loaded;
}

export type ExcelJS = typeof ExcelJSModule;
export type { CellValue, Style } from 'exceljs';
