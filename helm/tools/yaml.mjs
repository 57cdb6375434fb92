// A strict YAML subset parser and a serializer, with Node built-ins only, for checking the chart and compose files
// on machines without helm or a YAML package. The subset is what Kubernetes manifests and compose files use: block
// mappings and sequences (indented or not), plain and quoted scalars, one-line flow collections, block scalars
// (| and >), anchors, aliases and merge keys (<<). Anything else throws, naming the line, so a file never parses to
// something other than what helm or docker compose would read.

/** A parse error carrying the 1-based line number. */
export class YamlError extends Error {
  constructor(message, line) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = 'YamlError';
  }
}

const YAML11_BOOLEANS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** Resolves a plain scalar with the YAML 1.2 core schema; refuses YAML 1.1 booleans (helm and compose disagree). */
function resolvePlain(text, line) {
  if (text === '' || text === '~' || /^(null|Null|NULL)$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (YAML11_BOOLEANS.test(text)) {
    throw new YamlError(`"${text}" is a boolean in YAML 1.1 and a string in YAML 1.2: quote it`, line);
  }
  if (/^[-+]?[0-9]+$/.test(text)) return Number.parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0o[0-7]+$/.test(text)) return Number.parseInt(text.slice(2), 8);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number.parseFloat(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return Number.NaN;
  if (/^[!%@`]/.test(text)) throw new YamlError(`unsupported plain scalar start: ${text}`, line);
  return text;
}

const DOUBLE_ESCAPES = {
  n: '\n',
  t: '\t',
  r: '\r',
  0: '\0',
  '"': '"',
  '\\': '\\',
  '/': '/',
  ' ': ' ',
  b: '\b',
  e: '\x1b',
};

/** Reads a quoted scalar starting at text[start]; returns its value and the index after the closing quote. */
function readQuoted(text, start, line) {
  const quote = text[start];
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (quote === "'" && char === "'") {
      if (text[index + 1] === "'") {
        value += "'";
        index += 2;
        continue;
      }
      return { value, end: index + 1 };
    }
    if (quote === '"' && char === '"') return { value, end: index + 1 };
    if (quote === '"' && char === '\\') {
      const next = text[index + 1];
      if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = text.slice(index + 2, index + 2 + length);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length)
          throw new YamlError(`bad escape \\${next}${hex}`, line);
        value += String.fromCodePoint(Number.parseInt(hex, 16));
        index += 2 + length;
        continue;
      }
      if (!(next in DOUBLE_ESCAPES)) throw new YamlError(`unsupported escape \\${next}`, line);
      value += DOUBLE_ESCAPES[next];
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  throw new YamlError('unterminated quoted scalar (multi-line quoted scalars are not supported)', line);
}

/** Index of a comment start (" #" or "#" at 0) outside quotes, or -1. */
function commentIndex(text) {
  let quote = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = null;
      continue;
    }
    if ((char === '"' || char === "'") && (index === 0 || /[\s[{,:-]/.test(text[index - 1]))) quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]))) return index;
  }
  return -1;
}

function stripComment(text) {
  const index = commentIndex(text);
  return (index === -1 ? text : text.slice(0, index)).trimEnd();
}

/** Parses a one-line flow collection or scalar: [a, "b"], {a: 1}, {}. */
function parseFlow(text, line, anchors) {
  let index = 0;
  const skip = () => {
    while (index < text.length && /\s/.test(text[index])) index += 1;
  };
  const scalar = (terminators) => {
    skip();
    const char = text[index];
    if (char === '"' || char === "'") {
      const { value, end } = readQuoted(text, index, line);
      index = end;
      return value;
    }
    if (char === '*') {
      const match = /^\*([^\s,\]}]+)/.exec(text.slice(index));
      index += match[0].length;
      if (!anchors.has(match[1])) throw new YamlError(`unknown alias *${match[1]}`, line);
      return anchors.get(match[1]);
    }
    let end = index;
    while (end < text.length && !terminators.includes(text[end])) {
      if (text[end] === ':' && terminators.includes(':') && /[\s,\]}]/.test(text[end + 1] ?? ' ')) break;
      end += 1;
    }
    const raw = text.slice(index, end).trim();
    index = end;
    return resolvePlain(raw, line);
  };
  const node = () => {
    skip();
    if (text[index] === '[') {
      index += 1;
      const items = [];
      skip();
      if (text[index] === ']') {
        index += 1;
        return items;
      }
      for (;;) {
        items.push(text[index] === '[' || text[index] === '{' ? node() : scalar(',]'));
        skip();
        if (text[index] === ',') {
          index += 1;
          skip();
          if (text[index] === ']') {
            index += 1;
            return items;
          }
          continue;
        }
        if (text[index] === ']') {
          index += 1;
          return items;
        }
        throw new YamlError(`bad flow sequence: ${text}`, line);
      }
    }
    if (text[index] === '{') {
      index += 1;
      const map = {};
      skip();
      if (text[index] === '}') {
        index += 1;
        return map;
      }
      for (;;) {
        const key = scalar(':,}');
        skip();
        if (text[index] !== ':') throw new YamlError(`bad flow mapping: ${text}`, line);
        index += 1;
        skip();
        const value = text[index] === '[' || text[index] === '{' ? node() : scalar(',}');
        if (Object.hasOwn(map, String(key))) throw new YamlError(`duplicate key "${key}"`, line);
        map[String(key)] = value;
        skip();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        if (text[index] === '}') {
          index += 1;
          return map;
        }
        throw new YamlError(`bad flow mapping: ${text}`, line);
      }
    }
    return scalar('');
  };
  const value = node();
  skip();
  if (index !== text.length)
    throw new YamlError(`unexpected text after flow value: ${text.slice(index)}`, line);
  return value;
}

/** Splits "key: rest" at the mapping colon; null when the line is not a mapping entry. */
function splitKey(text, line) {
  if (text.startsWith('"') || text.startsWith("'")) {
    const { value, end } = readQuoted(text, 0, line);
    const after = text.slice(end);
    const match = /^\s*:(\s|$)/.exec(after);
    if (!match) return null;
    return { key: value, rest: after.slice(match[0].length).trim() };
  }
  if (/^[[{]/.test(text)) return null;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === ':' && (index + 1 === text.length || /\s/.test(text[index + 1]))) {
      const key = text.slice(0, index).trim();
      if (key === '' || key.includes(' #')) return null;
      return { key, rest: text.slice(index + 1).trim() };
    }
    if (text[index] === '#' && index > 0 && /\s/.test(text[index - 1])) return null;
  }
  return null;
}

class Parser {
  constructor(lines, firstLine) {
    this.lines = lines.map((raw, offset) => ({ raw, number: firstLine + offset }));
    this.index = 0;
    this.anchors = new Map();
  }

  /** The next meaningful line (skipping blanks and comments) with its indent and text, or null at the end. */
  peek() {
    while (this.index < this.lines.length) {
      const entry = this.lines[this.index];
      if (entry.override) return entry.override;
      const raw = entry.raw;
      if (raw.includes('\t') && /^\s*\t/.test(raw)) throw new YamlError('tab in indentation', entry.number);
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) {
        this.index += 1;
        continue;
      }
      return { indent: raw.length - raw.trimStart().length, text, number: entry.number };
    }
    return null;
  }

  /** Replaces the current line's view (compact "- key: value" entries continue as a mapping further right). */
  override(indent, text, number) {
    this.lines[this.index].override = { indent, text, number };
  }

  advance() {
    this.lines[this.index].override = undefined;
    this.index += 1;
  }

  parseDocument() {
    const first = this.peek();
    if (!first) return null;
    const value = this.parseNode(first.indent);
    const rest = this.peek();
    if (rest) throw new YamlError(`unexpected content (indentation?): ${rest.text}`, rest.number);
    return value;
  }

  /** Parses the block node whose lines start at exactly `indent` (or deeper, for the first line). */
  parseNode(indent) {
    const line = this.peek();
    if (!line || line.indent < indent) return null;
    if (line.text === '-' || line.text.startsWith('- ')) return this.parseSequence(line.indent);
    if (splitKey(line.text, line.number)) return this.parseMapping(line.indent);
    this.advance();
    return this.parseInline(stripComment(line.text), line.number, line.indent);
  }

  parseSequence(indent) {
    const items = [];
    for (;;) {
      const line = this.peek();
      if (!line || line.indent !== indent || !(line.text === '-' || line.text.startsWith('- '))) break;
      const content = line.text === '-' ? '' : line.text.slice(2);
      const contentIndent = indent + 2 + (content.length - content.trimStart().length);
      const trimmed = content.trim();
      if (trimmed === '' || trimmed.startsWith('#')) {
        this.advance();
        items.push(this.parseChild(indent));
        continue;
      }
      const anchor = /^&([^\s]+)\s*(.*)$/.exec(trimmed);
      if (anchor && (anchor[2] === '' || anchor[2].startsWith('#'))) {
        this.advance();
        const value = this.parseChild(indent);
        this.anchors.set(anchor[1], value);
        items.push(value);
        continue;
      }
      if (trimmed.startsWith('- ') || trimmed === '-' || splitKey(trimmed, line.number)) {
        this.override(contentIndent, trimmed, line.number);
        items.push(this.parseNode(contentIndent));
        continue;
      }
      this.advance();
      items.push(this.parseInline(stripComment(trimmed), line.number, contentIndent));
    }
    return items;
  }

  /** A value on the following lines: deeper-indented, or an indentless sequence at the parent's indent. */
  parseChild(parentIndent, allowIndentlessSequence = false) {
    const next = this.peek();
    if (!next) return null;
    if (next.indent > parentIndent) return this.parseNode(next.indent);
    if (
      allowIndentlessSequence &&
      next.indent === parentIndent &&
      (next.text === '-' || next.text.startsWith('- '))
    ) {
      return this.parseSequence(parentIndent);
    }
    return null;
  }

  parseMapping(indent) {
    const map = {};
    const merges = [];
    for (;;) {
      const line = this.peek();
      if (!line || line.indent !== indent) break;
      const entry = splitKey(line.text, line.number);
      if (!entry) throw new YamlError(`expected "key: value", got: ${line.text}`, line.number);
      this.advance();
      let rest = stripComment(entry.rest);
      let anchor = null;
      const anchorMatch = /^&([^\s]+)\s*(.*)$/.exec(rest);
      if (anchorMatch) {
        anchor = anchorMatch[1];
        rest = anchorMatch[2];
      }
      let value;
      if (rest === '') value = this.parseChild(indent, true);
      else value = this.parseInline(rest, line.number, indent);
      if (anchor) this.anchors.set(anchor, value);
      if (entry.key === '<<') {
        const sources = Array.isArray(value) ? value : [value];
        for (const source of sources) {
          if (!source || typeof source !== 'object' || Array.isArray(source)) {
            throw new YamlError('merge key << needs a mapping alias', line.number);
          }
          merges.push(source);
        }
        continue;
      }
      if (Object.hasOwn(map, entry.key)) throw new YamlError(`duplicate key "${entry.key}"`, line.number);
      map[entry.key] = value;
    }
    for (const source of merges) {
      for (const [key, value] of Object.entries(source)) if (!Object.hasOwn(map, key)) map[key] = value;
    }
    return map;
  }

  /** A value written on the key's own line: scalar, flow collection, alias or block scalar header. */
  parseInline(text, number, parentIndent) {
    if (/^[|>]/.test(text)) return this.parseBlockScalar(text, number, parentIndent);
    if (text.startsWith('*')) {
      const name = text.slice(1);
      if (!this.anchors.has(name)) throw new YamlError(`unknown alias *${name}`, number);
      return this.anchors.get(name);
    }
    if (text.startsWith('!')) throw new YamlError(`tags are not supported: ${text}`, number);
    if (text.startsWith('"') || text.startsWith("'")) {
      const { value, end } = readQuoted(text, 0, number);
      if (text.slice(end).trim() !== '') throw new YamlError(`text after quoted scalar: ${text}`, number);
      this.refuseContinuation(parentIndent);
      return value;
    }
    if (text.startsWith('[') || text.startsWith('{')) return parseFlow(text, number, this.anchors);
    this.refuseContinuation(parentIndent);
    return resolvePlain(text, number);
  }

  /** Multi-line plain scalars are legal YAML but easy to misread; this subset refuses them. */
  refuseContinuation(parentIndent) {
    const next = this.peek();
    if (
      next &&
      next.indent > parentIndent &&
      !splitKey(next.text, next.number) &&
      !next.text.startsWith('- ')
    ) {
      throw new YamlError(`multi-line plain scalars are not supported: ${next.text}`, next.number);
    }
  }

  parseBlockScalar(header, number, parentIndent) {
    const match = /^([|>])([-+]?)$/.exec(header);
    if (!match) throw new YamlError(`unsupported block scalar header: ${header}`, number);
    const [, style, chomping] = match;
    const body = [];
    let contentIndent = null;
    while (this.index < this.lines.length) {
      const raw = this.lines[this.index].raw;
      if (raw.trim() === '') {
        body.push('');
        this.index += 1;
        continue;
      }
      const indent = raw.length - raw.trimStart().length;
      if (contentIndent === null) {
        if (indent <= parentIndent) break;
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      body.push(raw.slice(contentIndent));
      this.index += 1;
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    let text;
    if (style === '|') text = body.join('\n');
    else {
      text = '';
      for (let index = 0; index < body.length; index += 1) {
        const current = body[index];
        if (index === 0) text = current;
        else if (current === '') text += '\n';
        else text += body[index - 1] === '' || /^\s/.test(current) ? current : ` ${current}`;
      }
    }
    if (chomping === '-') return text;
    return text === '' ? '' : `${text}\n`;
  }
}

/** Parses every document of a multi-document stream; empty documents are dropped. */
export function parseAllDocuments(source) {
  if (source.includes('\t') && /^\t/m.test(source)) throw new YamlError('tab in indentation');
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const documents = [];
  let start = 0;
  const flush = (end) => {
    const chunk = lines.slice(start, end);
    if (chunk.some((line) => line.trim() !== '' && !line.trim().startsWith('#'))) {
      const value = new Parser(chunk, start + 1).parseDocument();
      if (value !== null) documents.push(value);
    }
  };
  for (let index = 0; index < lines.length; index += 1) {
    if (/^---(\s|$)/.test(lines[index])) {
      if (lines[index].slice(3).trim() !== '' && !lines[index].slice(3).trim().startsWith('#')) {
        throw new YamlError('content after --- is not supported', index + 1);
      }
      flush(index);
      start = index + 1;
    } else if (/^%/.test(lines[index])) throw new YamlError('directives are not supported', index + 1);
  }
  flush(lines.length);
  return documents;
}

/** Parses a single-document file. */
export function parseYaml(source) {
  const documents = parseAllDocuments(source);
  if (documents.length > 1) throw new YamlError(`expected one document, found ${documents.length}`);
  return documents[0] ?? null;
}

/** True when a string must be quoted to read back as the same string. */
function needsQuotes(text) {
  if (text === '' || text.trim() !== text || text.includes('\n')) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /: |:$| #/.test(text)) return true;
  try {
    return resolvePlain(text, 0) !== text;
  } catch {
    return true;
  }
}

function scalarText(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  const text = String(value);
  return needsQuotes(text) ? JSON.stringify(text) : text;
}

const isMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Serialises like Helm's toYaml (sigs.k8s.io/yaml): keys sorted, two-space indent, sequences not indented under
 * their key, no trailing newline.
 */
export function stringifyYaml(value) {
  const lines = [];
  const write = (node, indent) => {
    const pad = ' '.repeat(indent);
    if (isMap(node)) {
      for (const key of Object.keys(node).sort()) {
        const child = node[key];
        const keyText = scalarText(key);
        if (isMap(child) && Object.keys(child).length > 0) {
          lines.push(`${pad}${keyText}:`);
          write(child, indent + 2);
        } else if (Array.isArray(child) && child.length > 0) {
          lines.push(`${pad}${keyText}:`);
          write(child, indent);
        } else lines.push(`${pad}${keyText}: ${inline(child)}`);
      }
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) {
        if ((isMap(item) && Object.keys(item).length > 0) || (Array.isArray(item) && item.length > 0)) {
          const start = lines.length;
          write(item, indent + 2);
          lines[start] = `${pad}- ${lines[start].slice(indent + 2)}`;
        } else lines.push(`${pad}- ${inline(item)}`);
      }
      return;
    }
    lines.push(`${pad}${inline(node)}`);
  };
  const inline = (node) => {
    if (isMap(node)) return '{}';
    if (Array.isArray(node)) return '[]';
    return scalarText(node);
  };
  write(value, 0);
  return lines.join('\n');
}
