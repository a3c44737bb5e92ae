// Field selectors (apimachinery pkg/fields/selector.go): `field=value`, `field==value` and
// `field!=value` terms joined by ','. In values, '\' escapes '\', ',' and '='.
import { newBadRequest } from '../api/errors.js';

export type FieldOperator = '=' | '!=';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  readonly value: string;
}

/** Escapes a literal value for use in a field selector (fields.EscapeValue). */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

export class FieldSelector {
  /** Terms in the order the parser sorted them (by their raw text). */
  readonly requirements: readonly FieldRequirement[];

  constructor(requirements: readonly FieldRequirement[]) {
    this.requirements = requirements;
  }

  get empty(): boolean {
    return this.requirements.length === 0;
  }

  /** A field the set lacks matches as "". */
  matches(fields: Record<string, string>): boolean {
    return this.requirements.every((r) => {
      const actual = Object.hasOwn(fields, r.field) ? fields[r.field] : '';
      return r.operator === '=' ? actual === r.value : actual !== r.value;
    });
  }

  /** The value an `=` term demands for this field (RequiresExactMatch), if any. */
  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.operator === '=' && r.field === field)?.value;
  }

  /**
   * Passes every field label through a kind's conversion (FieldSelection.convertLabel), which
   * may rename it and throws the BadRequest for a label the kind does not support.
   */
  withConvertedLabels(convert: (label: string) => string): FieldSelector {
    return new FieldSelector(this.requirements.map((r) => ({ ...r, field: convert(r.field) })));
  }

  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
  }
}

/** Splits on commas that are not escaped; the escapes stay in the terms. */
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    if (selector[i] === '\\') i++;
    else if (selector[i] === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** Splits at the first operator; at one position != and == are tried before =. */
function splitTerm(term: string): { field: string; operator: FieldOperator; raw: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), operator: op === '!=' ? '!=' : '=', raw: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** fields.UnescapeValue; the messages are Kubernetes' (a rune prints as its code point number). */
function unescapeValue(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === ',' || c === '=') throw newBadRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const escaped = raw[++i];
    if (escaped === undefined) throw newBadRequest('invalid field selector: invalid escape sequence: \\');
    if (escaped !== '\\' && escaped !== ',' && escaped !== '=') {
      throw newBadRequest(`invalid field selector: invalid escape sequence: \\${String.fromCodePoint(raw.codePointAt(i)!)}`);
    }
    out += escaped;
  }
  return out;
}

/** `?fieldSelector=` as the apiserver decodes it; a term it cannot read is a 400. */
export function parseFieldSelector(selector: string): FieldSelector {
  const terms = splitTerms(selector).sort();
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const parts = splitTerm(term);
    if (!parts) throw newBadRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    requirements.push({ field: parts.field, operator: parts.operator, value: unescapeValue(parts.raw) });
  }
  return new FieldSelector(requirements);
}
