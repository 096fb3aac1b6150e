// Field builders shared by the domain schemas: texts are cleaned of control characters and
// zero-width marks (pasted text), empty optional text becomes null, and every field carries its
// Chinese label for error messages.
import { z } from 'zod';
import { isoDate } from './dates';

// Control characters and zero-width marks come from pasted text; line breaks are kept in long text.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g;

/** A short text (one line); empty becomes null. */
export const line = (label: string, max = 100) =>
  z
    .string()
    .transform((s) => s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max))
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null))
    .describe(label);

/** A required short text. */
export const required = (label: string, max = 100) =>
  z
    .string()
    .transform((s) => s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, `请填写${label}`).max(max))
    .describe(label);

/** A long text (line breaks kept); empty becomes null. */
export const prose = (label: string, max = 5000) =>
  z
    .string()
    .transform((s) => s.replace(CONTROL, ' ').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(max))
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null))
    .describe(label);

/** A required long text (line breaks kept, as in 1. …；2. … lists). */
export const requiredProse = (label: string, max = 5000) =>
  z
    .string()
    .transform((s) => s.replace(CONTROL, ' ').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, `请填写${label}`).max(max))
    .describe(label);

export const date = (label: string) => isoDate.describe(label);
export const optionalDate = (label: string) => isoDate.nullable().default(null).describe(label);
/** Money is an integer number of fen (分). */
export const fen = (label: string) => z.number().int().min(0).max(100_000_000_000).default(0).describe(label);
export const names = (label: string, min = 0) => z.array(required('姓名', 20)).min(min).max(10).default([]).describe(label);

