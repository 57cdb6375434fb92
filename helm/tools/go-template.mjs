// A renderer for the Go text/template + Sprig subset Helm charts use, with Node built-ins only, for checking the
// chart where no helm binary can be installed. It behaves like `helm lint --strict`: reading a missing map key,
// printing a nil or a whole collection, or calling an unknown function is an error, not an empty string.

import { createHash } from 'node:crypto';
import { parseYaml, stringifyYaml } from './yaml.mjs';

/** A template that could not be parsed or executed (includes `fail` and `required`). */
export class TemplateError extends Error {
  constructor(message, where) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'TemplateError';
  }
}

// ---- lexing: text and {{ actions }}, with Go's whitespace trim markers -------------------------------------------

function findActionEnd(source, from, where) {
  let index = from;
  while (index < source.length) {
    const char = source[index];
    if (char === '"' || char === '`') {
      const close = char;
      index += 1;
      while (index < source.length && source[index] !== close)
        index += char === '"' && source[index] === '\\' ? 2 : 1;
      index += 1;
      continue;
    }
    if (source.startsWith('/*', index)) {
      const close = source.indexOf('*/', index + 2);
      if (close === -1) throw new TemplateError('unclosed comment', where);
      index = close + 2;
      continue;
    }
    if (source.startsWith('}}', index)) return index;
    index += 1;
  }
  throw new TemplateError('unclosed action', where);
}

function lineAt(source, index) {
  return source.slice(0, index).split('\n').length;
}

function lex(source, name) {
  const items = [];
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{{', index);
    if (open === -1) {
      items.push({ type: 'text', value: source.slice(index) });
      break;
    }
    items.push({ type: 'text', value: source.slice(index, open) });
    const where = `${name}:${lineAt(source, open)}`;
    let bodyStart = open + 2;
    const trimLeft = /^-[ \t\r\n]/.test(source.slice(bodyStart, bodyStart + 2));
    if (trimLeft) bodyStart += 1;
    const close = findActionEnd(source, bodyStart, where);
    let body = source.slice(bodyStart, close);
    const trimRight = /[ \t\r\n]-$/.test(body);
    if (trimRight) body = body.slice(0, -1);
    items.push({ type: 'action', body: body.trim(), trimLeft, trimRight, where });
    index = close + 2;
  }
  for (let position = 0; position < items.length; position += 1) {
    const item = items[position];
    if (item.type !== 'action') continue;
    const before = items[position - 1];
    const after = items[position + 1];
    if (item.trimLeft && before?.type === 'text') before.value = before.value.replace(/[ \t\r\n]+$/, '');
    if (item.trimRight && after?.type === 'text') after.value = after.value.replace(/^[ \t\r\n]+/, '');
  }
  return items.filter(
    (item) => !(item.type === 'action' && item.body.startsWith('/*') && item.body.endsWith('*/')),
  );
}

// ---- expressions -------------------------------------------------------------------------------------------------

const GO_ESCAPES = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'", 0: '\0' };

function tokenize(body, where) {
  const tokens = [];
  let index = 0;
  while (index < body.length) {
    const rest = body.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    if (rest[0] === '"') {
      let value = '';
      let position = 1;
      while (position < rest.length && rest[position] !== '"') {
        if (rest[position] === '\\') {
          const escaped = GO_ESCAPES[rest[position + 1]];
          if (escaped === undefined) throw new TemplateError(`unsupported escape in ${rest}`, where);
          value += escaped;
          position += 2;
        } else {
          value += rest[position];
          position += 1;
        }
      }
      tokens.push({ kind: 'literal', value });
      index += position + 1;
      continue;
    }
    if (rest[0] === '`') {
      const close = rest.indexOf('`', 1);
      tokens.push({ kind: 'literal', value: rest.slice(1, close) });
      index += close + 1;
      continue;
    }
    const number = /^-?[0-9]+(\.[0-9]+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'literal', value: Number(number[0]) });
      index += number[0].length;
      continue;
    }
    const declare = /^:?=/.exec(rest);
    if (declare) {
      tokens.push({ kind: 'assign', value: declare[0] });
      index += declare[0].length;
      continue;
    }
    if ('()|,'.includes(rest[0])) {
      tokens.push({ kind: rest[0] });
      index += 1;
      continue;
    }
    const variable = /^\$([A-Za-z0-9_]*)((\.[A-Za-z0-9_]+)*)/.exec(rest);
    if (variable) {
      tokens.push({ kind: 'variable', name: variable[1], fields: variable[2].split('.').filter(Boolean) });
      index += variable[0].length;
      continue;
    }
    const field = /^(\.[A-Za-z0-9_]+)+|^\./.exec(rest);
    if (field) {
      tokens.push({ kind: 'field', fields: field[0].split('.').filter(Boolean) });
      index += field[0].length;
      continue;
    }
    const identifier = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (identifier) {
      const word = identifier[0];
      if (word === 'true' || word === 'false') tokens.push({ kind: 'literal', value: word === 'true' });
      else if (word === 'nil') tokens.push({ kind: 'literal', value: null });
      else tokens.push({ kind: 'identifier', name: word });
      index += word.length;
      continue;
    }
    throw new TemplateError(`cannot read "${rest}"`, where);
  }
  return tokens;
}

/** Parses `[$a[, $b] :=|=] command | command ...` from tokens[start..end). */
function parsePipeline(tokens, where) {
  let position = 0;
  let declaration = null;
  const assignAt = tokens.findIndex((token) => token.kind === 'assign');
  if (assignAt !== -1) {
    const names = tokens
      .slice(0, assignAt)
      .filter((token) => token.kind !== ',')
      .map((token) => {
        if (token.kind !== 'variable' || token.fields.length > 0)
          throw new TemplateError('bad variable declaration', where);
        return token.name;
      });
    declaration = { names, operator: tokens[assignAt].value };
    position = assignAt + 1;
  }
  const commands = [[]];
  let depth = 0;
  let group = null;
  for (; position < tokens.length; position += 1) {
    const token = tokens[position];
    if (token.kind === '(') {
      if (depth === 0) group = [];
      else group.push(token);
      depth += 1;
      continue;
    }
    if (token.kind === ')') {
      depth -= 1;
      if (depth < 0) throw new TemplateError('unbalanced )', where);
      if (depth === 0)
        commands[commands.length - 1].push({ kind: 'group', pipeline: parsePipeline(group, where) });
      else group.push(token);
      continue;
    }
    if (depth > 0) {
      group.push(token);
      continue;
    }
    if (token.kind === '|') {
      commands.push([]);
      continue;
    }
    commands[commands.length - 1].push(token);
  }
  if (depth !== 0) throw new TemplateError('unbalanced (', where);
  if (commands.some((command) => command.length === 0))
    throw new TemplateError('empty command in pipeline', where);
  return { declaration, commands };
}

// ---- parsing actions into a tree ---------------------------------------------------------------------------------

function parseTree(items, defines) {
  let position = 0;
  const parseList = (terminators) => {
    const nodes = [];
    while (position < items.length) {
      const item = items[position];
      position += 1;
      if (item.type === 'text') {
        if (item.value) nodes.push({ type: 'text', value: item.value });
        continue;
      }
      const [keyword] = item.body.split(/\s+/, 1);
      const rest = item.body.slice(keyword.length).trim();
      if (terminators.includes(keyword)) return { nodes, terminator: keyword, rest, where: item.where };
      if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
        const branches = [{ pipeline: parsePipeline(tokenize(rest, item.where), item.where), body: null }];
        let elseBody = null;
        for (;;) {
          const part = parseList(['else', 'end']);
          branches[branches.length - 1].body = part.nodes;
          if (part.terminator === 'end') break;
          if (part.terminator === undefined) throw new TemplateError(`unclosed ${keyword}`, item.where);
          if (keyword === 'if' && part.rest.startsWith('if ')) {
            branches.push({
              pipeline: parsePipeline(tokenize(part.rest.slice(3), part.where), part.where),
              body: null,
            });
            continue;
          }
          if (part.rest !== '') throw new TemplateError(`unsupported "else ${part.rest}"`, part.where);
          const last = parseList(['end']);
          if (last.terminator !== 'end') throw new TemplateError(`unclosed ${keyword}`, item.where);
          elseBody = last.nodes;
          break;
        }
        nodes.push({ type: keyword, branches, elseBody, where: item.where });
        continue;
      }
      if (keyword === 'define') {
        const [name] = tokenize(rest, item.where);
        if (name?.kind !== 'literal') throw new TemplateError('define needs a quoted name', item.where);
        const body = parseList(['end']);
        if (body.terminator !== 'end') throw new TemplateError(`unclosed define ${name.value}`, item.where);
        defines.set(name.value, body.nodes);
        continue;
      }
      if (['end', 'else', 'template', 'block', 'break', 'continue'].includes(keyword)) {
        throw new TemplateError(`unexpected or unsupported "${keyword}"`, item.where);
      }
      nodes.push({
        type: 'action',
        pipeline: parsePipeline(tokenize(item.body, item.where), item.where),
        where: item.where,
      });
    }
    return { nodes, terminator: undefined };
  };
  const result = parseList([]);
  return result.nodes;
}

// ---- values ------------------------------------------------------------------------------------------------------

const isMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function truthy(value) {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isMap(value)) return Object.keys(value).length > 0;
  return true;
}

/** Go's fmt %v for the values a chart prints. */
function format(value, where) {
  if (value === null || value === undefined)
    throw new TemplateError('printing a nil value (missing setting?)', where);
  if (Array.isArray(value) || isMap(value)) {
    throw new TemplateError('printing a whole collection (use toYaml or join)', where);
  }
  return String(value);
}

function stringify(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value) || isMap(value)) return JSON.stringify(value);
  return String(value);
}

function goQuote(text) {
  return JSON.stringify(text);
}

function sprintf(pattern, args, where) {
  let next = 0;
  return pattern.replace(/%([%sdvqt])/g, (_match, verb) => {
    if (verb === '%') return '%';
    const value = args[next];
    next += 1;
    if (verb === 'q') return goQuote(stringify(value));
    if (verb === 'd') return String(Math.trunc(Number(value)));
    return format(value, where);
  });
}

function indentLines(width, text) {
  const pad = ' '.repeat(width);
  return pad + String(text).replaceAll('\n', `\n${pad}`);
}

// ---- execution ---------------------------------------------------------------------------------------------------

/** A chart's templates, parsed once; `render` runs one file with one set of values. */
export class ChartTemplates {
  /** @param {Record<string, string>} files path → template source (helpers and manifests together). */
  constructor(files) {
    this.defines = new Map();
    this.trees = new Map();
    for (const [name, source] of Object.entries(files))
      this.trees.set(name, parseTree(lex(source, name), this.defines));
    this.functions = this.createFunctions();
  }

  /** Renders one file with the top-level data (.Values, .Release, .Chart, .Capabilities). */
  render(name, data) {
    const tree = this.trees.get(name);
    if (!tree) throw new TemplateError(`no template ${name}`);
    return this.execute(tree, { dot: data, root: data, variables: [new Map([['', data]])], depth: 0 });
  }

  execute(nodes, scope) {
    let output = '';
    for (const node of nodes) {
      if (node.type === 'text') output += node.value;
      else if (node.type === 'action') {
        const value = this.evaluatePipeline(node.pipeline, scope, node.where);
        if (!node.pipeline.declaration) output += format(value, node.where);
      } else if (node.type === 'if') {
        // Variables declared in an if's pipeline are visible in its body, as in Go.
        let taken = false;
        for (const branch of node.branches) {
          const inner = this.child(scope);
          if (truthy(this.evaluatePipeline(branch.pipeline, inner, node.where))) {
            output += this.execute(branch.body, inner);
            taken = true;
            break;
          }
        }
        if (!taken && node.elseBody) output += this.execute(node.elseBody, this.child(scope));
      } else if (node.type === 'with') {
        const inner = this.child(scope);
        const value = this.evaluatePipeline(node.branches[0].pipeline, inner, node.where);
        if (truthy(value)) output += this.execute(node.branches[0].body, { ...inner, dot: value });
        else if (node.elseBody) output += this.execute(node.elseBody, this.child(scope));
      } else if (node.type === 'range') {
        output += this.executeRange(node, scope);
      }
    }
    return output;
  }

  executeRange(node, scope) {
    const { pipeline } = node.branches[0];
    const collection = this.evaluatePipeline(
      { declaration: null, commands: pipeline.commands },
      scope,
      node.where,
    );
    let entries;
    if (Array.isArray(collection)) entries = collection.map((value, index) => [index, value]);
    else if (isMap(collection))
      entries = Object.keys(collection)
        .sort()
        .map((key) => [key, collection[key]]);
    else if (collection === null || collection === undefined) entries = [];
    else throw new TemplateError('range over a value that is not a list or map', node.where);
    if (entries.length === 0) return node.elseBody ? this.execute(node.elseBody, this.child(scope)) : '';
    let output = '';
    for (const [key, value] of entries) {
      const inner = this.child(scope);
      const names = pipeline.declaration?.names ?? [];
      if (names.length === 1) inner.variables[0].set(names[0], value);
      if (names.length === 2) {
        inner.variables[0].set(names[0], key);
        inner.variables[0].set(names[1], value);
      }
      output += this.execute(node.branches[0].body, { ...inner, dot: value });
    }
    return output;
  }

  child(scope) {
    return { ...scope, variables: [new Map(), ...scope.variables] };
  }

  lookupVariable(scope, name, where) {
    for (const frame of scope.variables) if (frame.has(name)) return frame.get(name);
    throw new TemplateError(`undefined variable $${name}`, where);
  }

  evaluatePipeline(pipeline, scope, where) {
    let value;
    pipeline.commands.forEach((command, index) => {
      value = this.evaluateCommand(command, scope, where, index === 0 ? NO_PIPE : value);
    });
    const { declaration } = pipeline;
    if (declaration) {
      if (declaration.names.length !== 1) throw new TemplateError('only range declares two variables', where);
      const [name] = declaration.names;
      if (declaration.operator === ':=') scope.variables[0].set(name, value);
      else {
        const frame = scope.variables.find((candidate) => candidate.has(name));
        if (!frame) throw new TemplateError(`assignment to undeclared $${name}`, where);
        frame.set(name, value);
      }
    }
    return value;
  }

  evaluateCommand(command, scope, where, piped) {
    const [head, ...args] = command;
    if (head.kind === 'identifier') return this.call(head.name, args, scope, where, piped);
    if (args.length > 0) throw new TemplateError('arguments given to a value that is not a function', where);
    if (piped !== NO_PIPE) throw new TemplateError('piping into a value that is not a function', where);
    return this.evaluateOperand(head, scope, where);
  }

  evaluateOperand(token, scope, where) {
    if (token.kind === 'literal') return token.value;
    if (token.kind === 'group') return this.evaluatePipeline(token.pipeline, scope, where);
    if (token.kind === 'field') return this.walk(scope.dot, token.fields, where, '.');
    if (token.kind === 'variable') {
      const base = token.name === '' ? scope.root : this.lookupVariable(scope, token.name, where);
      return this.walk(base, token.fields, where, `$${token.name}`);
    }
    if (token.kind === 'identifier') return this.call(token.name, [], scope, where, NO_PIPE);
    throw new TemplateError(`unexpected ${token.kind}`, where);
  }

  walk(base, fields, where, label) {
    let value = base;
    let path = label;
    for (const field of fields) {
      if (!isMap(value)) throw new TemplateError(`nil pointer evaluating ${path}.${field}`, where);
      if (!Object.hasOwn(value, field))
        throw new TemplateError(`map has no entry for key "${field}" (${path}.${field})`, where);
      value = value[field];
      path = `${path}.${field}`;
    }
    return value;
  }

  call(name, argTokens, scope, where, piped) {
    if (name === 'and' || name === 'or') {
      const operands = [...argTokens.map((token) => () => this.evaluateOperand(token, scope, where))];
      if (piped !== NO_PIPE) operands.push(() => piped);
      let last;
      for (const operand of operands) {
        last = operand();
        if (name === 'and' ? !truthy(last) : truthy(last)) return last;
      }
      return last;
    }
    const fn = this.functions[name];
    if (!fn) throw new TemplateError(`function "${name}" not defined`, where);
    const args = argTokens.map((token) => this.evaluateOperand(token, scope, where));
    if (piped !== NO_PIPE) args.push(piped);
    return fn(args, scope, where);
  }

  createFunctions() {
    const one = (f) => (args) => f(...args);
    return {
      include: ([name, data], scope, where) => {
        const body = this.defines.get(name);
        if (!body) throw new TemplateError(`no template "${name}" associated with template`, where);
        if (scope.depth > 100) throw new TemplateError('include nested too deeply', where);
        return this.execute(body, { dot: data, root: data, variables: [new Map()], depth: scope.depth + 1 });
      },
      required: ([message, value]) => {
        if (value === null || value === undefined || value === '') throw new TemplateError(message);
        return value;
      },
      fail: ([message]) => {
        throw new TemplateError(message);
      },
      default: ([fallback, value]) => (truthy(value) ? value : fallback),
      empty: ([value]) => !truthy(value),
      coalesce: (args) => args.find((value) => truthy(value)) ?? null,
      not: ([value]) => !truthy(value),
      eq: ([first, ...others]) => others.some((other) => other === first),
      ne: one((a, b) => a !== b),
      lt: one((a, b) => a < b),
      le: one((a, b) => a <= b),
      gt: one((a, b) => a > b),
      ge: one((a, b) => a >= b),
      len: ([value]) => (isMap(value) ? Object.keys(value).length : (value?.length ?? 0)),
      index: ([collection, ...keys]) => keys.reduce((value, key) => value?.[key] ?? null, collection),
      hasKey: ([map, key]) => isMap(map) && Object.hasOwn(map, key),
      dict: (args) => {
        const map = {};
        for (let position = 0; position < args.length; position += 2)
          map[String(args[position])] = args[position + 1] ?? null;
        return map;
      },
      list: (args) => [...args],
      print: (args) => args.map((value) => stringify(value)).join(''),
      printf: ([pattern, ...args], _scope, where) => sprintf(pattern, args, where),
      toString: ([value]) => stringify(value),
      toYaml: ([value]) => (value === null || value === undefined ? 'null' : stringifyYaml(value)),
      fromYaml: ([text]) => parseYaml(text) ?? {},
      toJson: ([value]) => JSON.stringify(value ?? null),
      quote: (args) =>
        args
          .filter((value) => value !== null && value !== undefined)
          .map((value) => goQuote(stringify(value)))
          .join(' '),
      squote: (args) =>
        args
          .filter((value) => value !== null && value !== undefined)
          .map((value) => `'${stringify(value)}'`)
          .join(' '),
      indent: one((width, text) => indentLines(width, text)),
      nindent: one((width, text) => `\n${indentLines(width, text)}`),
      trim: one((text) => String(text).trim()),
      trimSuffix: one((suffix, text) =>
        String(text).endsWith(suffix) ? String(text).slice(0, -suffix.length || undefined) : String(text),
      ),
      trimPrefix: one((prefix, text) =>
        String(text).startsWith(prefix) ? String(text).slice(prefix.length) : String(text),
      ),
      trunc: one((length, text) =>
        length >= 0 ? String(text).slice(0, length) : String(text).slice(length),
      ),
      replace: one((old, replacement, text) => String(text).replaceAll(old, replacement)),
      contains: one((needle, text) => String(text).includes(needle)),
      hasPrefix: one((prefix, text) => String(text).startsWith(prefix)),
      hasSuffix: one((suffix, text) => String(text).endsWith(suffix)),
      upper: one((text) => String(text).toUpperCase()),
      lower: one((text) => String(text).toLowerCase()),
      join: one((separator, values) => (values ?? []).map((value) => stringify(value)).join(separator)),
      b64enc: one((text) => Buffer.from(String(text), 'utf8').toString('base64')),
      sha256sum: one((text) => createHash('sha256').update(String(text)).digest('hex')),
      int: one((value) => Math.trunc(Number(value))),
      ternary: one((whenTrue, whenFalse, condition) => (truthy(condition) ? whenTrue : whenFalse)),
      kindIs: one((kind, value) => {
        const kinds = {
          map: isMap(value),
          slice: Array.isArray(value),
          string: typeof value === 'string',
          bool: typeof value === 'boolean',
          invalid: value === null,
        };
        return Boolean(kinds[kind]);
      }),
    };
  }
}

const NO_PIPE = Symbol('no piped value');
