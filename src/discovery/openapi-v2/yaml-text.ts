// The YAML text gnostic stores in an `Any` (compiler.Marshal): yaml.v3's Marshal of the node with
// every style cleared. So block mappings and sequences indented by 4 (a collection inside a
// sequence item only by the 2 of "- "), `{}` and `[]` for empty ones, no line wrapping, and each
// scalar plain when yaml.v3's emitter allows it, else single- or double-quoted; a string that would
// read back as another type ("", "true", "12") is double-quoted, a multi-line one is a literal
// block. The emitter state (column, whitespace, indention) follows libyaml's, so the spacing does.
import type { YamlNode } from './json-nodes.js';
import { analyzeScalar, resolvesAsString, writeDoubleQuoted } from './yaml-scalar.js';

const BEST_INDENT = 4;

type Parent = 'root' | 'map' | 'seq';

class Emitter {
  out = '';
  #column = 0;
  #whitespace = true;
  #indention = true;
  #indent = -1;
  /** libyaml's open_ended == 2: a kept-trailing-newline literal asks for a "..." document end. */
  openEnded = false;

  node(node: YamlNode, parent: Parent, simpleKey = false): void {
    if (node.kind === 'scalar') return this.#scalar(node.tag === '!!str', node.value, parent, simpleKey);
    const empty = node.kind === 'map' ? node.entries.length === 0 : node.items.length === 0;
    if (empty) return this.#indicator(node.kind === 'map' ? '{}' : '[]', true, false, false);
    const saved = this.#indent;
    this.#indent = this.#childIndent(parent, false);
    if (node.kind === 'map') {
      for (const [key, value] of node.entries) {
        this.#writeIndent();
        this.node({ kind: 'scalar', tag: '!!str', value: key }, 'map', true);
        this.#indicator(':', false, false, false);
        this.node(value, 'map');
      }
    } else {
      for (const item of node.items) {
        this.#writeIndent();
        this.#indicator('-', true, false, true);
        this.node(item, 'seq');
      }
    }
    this.#indent = saved;
  }

  end(): void {
    this.#writeIndent();
    if (this.openEnded) this.out += '...\n';
  }

  /** libyaml's increase_indent as yaml.v3 changed it. */
  #childIndent(parent: Parent, flow: boolean): number {
    if (this.#indent < 0) return flow ? BEST_INDENT : 0;
    if (parent === 'seq') return this.#indent + 2;
    return BEST_INDENT * Math.floor((this.#indent + BEST_INDENT) / BEST_INDENT);
  }

  #scalar(isString: boolean, value: string, parent: Parent, simpleKey: boolean): void {
    const forceQuote = isString && !resolvesAsString(value);
    const a = analyzeScalar(value);
    let style: 'plain' | 'single' | 'double' | 'literal' = 'plain';
    if (value.includes('\n')) style = 'literal';
    else if (forceQuote) style = 'double';
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain' && (!a.blockPlainAllowed || (value === '' && simpleKey))) style = 'single';
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    const saved = this.#indent;
    this.#indent = this.#childIndent(parent, true);
    if (style === 'plain') this.#plain(value);
    else if (style === 'single') this.#quoted("'", value.replaceAll("'", "''"));
    else if (style === 'double') this.#quoted('"', writeDoubleQuoted(value));
    else this.#literal(value);
    this.#indent = saved;
  }

  #plain(value: string): void {
    if (value.length > 0 && !this.#whitespace) this.#put(' ');
    this.#put(value);
    if (value.length > 0) this.#whitespace = false;
    this.#indention = false;
  }

  #quoted(quote: string, body: string): void {
    this.#indicator(quote, true, false, false);
    this.#put(body);
    this.#indicator(quote, false, false, false);
  }

  #literal(value: string): void {
    this.#indicator('|', true, false, false);
    if (value[0] === ' ' || value[0] === '\n') this.#indicator(String(BEST_INDENT), false, false, false);
    const keep = value.endsWith('\n\n') || value === '\n';
    if (!value.endsWith('\n')) this.#indicator('-', false, false, false);
    else if (keep) this.#indicator('+', false, false, false);
    this.openEnded = keep;
    this.#break();
    this.#whitespace = true;
    let breaks = true;
    for (const line of value.split(/(\n)/)) {
      if (line === '\n') {
        this.#break();
        breaks = true;
      } else if (line !== '') {
        if (breaks) this.#writeIndent();
        breaks = false;
        this.#put(line);
        this.#indention = false;
      }
    }
  }

  #indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.#whitespace) this.#put(' ');
    this.#put(text);
    this.#whitespace = isWhitespace;
    this.#indention = this.#indention && isIndention;
    this.openEnded = false;
  }

  #writeIndent(): void {
    const indent = Math.max(this.#indent, 0);
    if (!this.#indention || this.#column > indent || (this.#column === indent && !this.#whitespace)) this.#break();
    while (this.#column < indent) this.#put(' ');
    this.#whitespace = true;
  }

  #break(): void {
    this.out += '\n';
    this.#column = 0;
    this.#indention = true;
  }

  #put(text: string): void {
    this.out += text;
    this.#column += [...text].length;
  }
}

/** yaml.v3's Marshal of `node` (styles cleared), as gnostic puts it in Any.yaml. */
export function yamlText(node: YamlNode): string {
  const e = new Emitter();
  e.node(node, 'root');
  e.end();
  return e.out;
}
