// ExcelJS, with its streaming reader's XML decoding mended. Its parse-sax turns every zip chunk
// into a string on its own, so a Chinese character whose UTF-8 bytes straddle two chunks comes
// out as "��" (exceljs/exceljs#2063, #2316; about one row in two thousand). The replacement
// below keeps the decoder's state between chunks. It must be installed before ExcelJS loads its
// readers, so every module of ours takes ExcelJS from here, never from 'exceljs' directly.
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSModule from 'exceljs';

const requireCjs = createRequire(import.meta.url);
const parseSaxPath = requireCjs.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = createRequire(parseSaxPath)('saxes') as {
  SaxesParser: new () => { on(event: string, fn: (v: unknown) => void): void; write(s: string): void };
};

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

async function* parseSax(source: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
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

// Load the original first so that the cache entry exists, then replace what it exports.
requireCjs(parseSaxPath);
const cached = requireCjs.cache[parseSaxPath];
if (!cached) throw new Error('exceljs parse-sax module not in the require cache');
cached.exports = parseSax;

const ExcelJS = requireCjs('exceljs') as typeof ExcelJSModule;
export default ExcelJS;
export type { CellValue, Style } from 'exceljs';
