// 计算式: a small arithmetic grammar over field keys (+ - * / × ÷, parentheses, numbers), parsed
// by hand into a tree and evaluated over a row. Never eval. Division by zero gives null (an empty
// cell), as does any empty operand.
import { AppError } from '../../../shared/errors';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'field'; key: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

type Token = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const s = src.replace(/×/g, '*').replace(/÷/g, '/');
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9.]/.test(ch)) {
      const m = /^\d+(\.\d+)?|^\.\d+/.exec(s.slice(i));
      if (!m) throw new AppError('VALIDATION', `计算式「${src}」第 ${i + 1} 个字符附近的数字写法有误`);
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i))!;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else if ('+-*/()'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
    } else {
      throw new AppError('VALIDATION', `计算式「${src}」含有不能识别的字符「${ch}」，只能使用字段代号、数字、+ - × ÷ 和括号`);
    }
  }
  return out;
}

/** Parses an expression, or throws VALIDATION saying what is wrong with it. */
export function parseExpr(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (what: string): never => {
    throw new AppError('VALIDATION', `计算式「${src}」${what}`);
  };
  const primary = (): Expr => {
    const tok = tokens[pos++];
    if (!tok) return fail('不完整，结尾缺少数字或字段');
    if (tok.t === 'num') return { kind: 'num', value: tok.v };
    if (tok.t === 'id') return { kind: 'field', key: tok.v };
    if (tok.v === '(') {
      const e = sum();
      const close = tokens[pos++];
      if (!close || close.v !== ')') fail('缺少右括号');
      return e;
    }
    if (tok.v === '-') return { kind: 'neg', arg: primary() };
    return fail(`在「${tok.v}」处写法有误`);
  };
  const product = (): Expr => {
    let left = primary();
    for (let tok = peek(); tok && tok.t === 'op' && (tok.v === '*' || tok.v === '/'); tok = peek()) {
      pos++;
      left = { kind: 'bin', op: tok.v, left, right: primary() };
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    for (let tok = peek(); tok && tok.t === 'op' && (tok.v === '+' || tok.v === '-'); tok = peek()) {
      pos++;
      left = { kind: 'bin', op: tok.v, left, right: product() };
    }
    return left;
  };
  if (tokens.length === 0) fail('是空的');
  const e = sum();
  if (pos < tokens.length) fail(`在「${String(tokens[pos]!.v)}」处多出内容`);
  return e;
}

/** The field keys an expression reads, in order of first use. */
export function exprFields(e: Expr, out: string[] = []): string[] {
  if (e.kind === 'field' && !out.includes(e.key)) out.push(e.key);
  if (e.kind === 'neg') exprFields(e.arg, out);
  if (e.kind === 'bin') {
    exprFields(e.left, out);
    exprFields(e.right, out);
  }
  return out;
}

/** The value over a row; null when an operand is empty or not a number, or on division by zero. */
export function evalExpr(e: Expr, row: Readonly<Record<string, unknown>>): number | null {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'field': {
      const v = row[e.key];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    case 'neg': {
      const v = evalExpr(e.arg, row);
      return v === null ? null : -v;
    }
    case 'bin': {
      const a = evalExpr(e.left, row);
      const b = evalExpr(e.right, row);
      if (a === null || b === null) return null;
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '*') return a * b;
      return b === 0 ? null : a / b;
    }
  }
}
