// A JSON Schema (draft-07) validator for the keywords values.schema.json uses, with Node built-ins only. It throws
// on any keyword it does not implement, so a schema can never be "validated" by silently skipping rules.

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'default',
  'examples',
  '$comment',
  'definitions',
]);
const IMPLEMENTED = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
]);

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value, type) {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function resolveRef(root, ref) {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node = root;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part];
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node;
}

/** Throws when the schema uses a keyword this validator does not implement. */
export function assertSupportedSchema(schema, path = '#') {
  if (typeof schema === 'boolean') return;
  for (const [keyword, value] of Object.entries(schema)) {
    if (!ANNOTATIONS.has(keyword) && !IMPLEMENTED.has(keyword)) {
      throw new Error(`${path}: keyword "${keyword}" is not implemented by this validator`);
    }
    if (keyword === 'properties' || keyword === 'definitions') {
      for (const [name, child] of Object.entries(value))
        assertSupportedSchema(child, `${path}/${keyword}/${name}`);
    } else if (keyword === 'items' || (keyword === 'additionalProperties' && typeof value === 'object')) {
      assertSupportedSchema(value, `${path}/${keyword}`);
    }
  }
}

/**
 * Validates `value` against `schema`; returns a list of problems as "path: message" (empty when valid).
 * @param {unknown} value
 * @param {object} schema
 */
export function validateAgainstSchema(value, schema) {
  assertSupportedSchema(schema);
  const problems = [];
  const visit = (node, rule, path) => {
    if (rule === true) return;
    if (rule === false) {
      problems.push(`${path || '(root)'}: not allowed`);
      return;
    }
    if (rule.$ref) {
      visit(node, resolveRef(schema, rule.$ref), path);
      return;
    }
    if (rule.type) {
      const types = Array.isArray(rule.type) ? rule.type : [rule.type];
      if (!types.some((type) => matchesType(node, type))) {
        problems.push(`${path || '(root)'}: expected ${types.join(' or ')}, got ${typeOf(node)}`);
        return;
      }
    }
    if (rule.enum && !rule.enum.some((option) => JSON.stringify(option) === JSON.stringify(node))) {
      problems.push(
        `${path || '(root)'}: must be one of ${rule.enum.map((option) => JSON.stringify(option)).join(', ')}`,
      );
    }
    if ('const' in rule && JSON.stringify(rule.const) !== JSON.stringify(node)) {
      problems.push(`${path || '(root)'}: must be ${JSON.stringify(rule.const)}`);
    }
    if (typeof node === 'number') {
      if (rule.minimum !== undefined && node < rule.minimum)
        problems.push(`${path || '(root)'}: must be >= ${rule.minimum}`);
      if (rule.maximum !== undefined && node > rule.maximum)
        problems.push(`${path || '(root)'}: must be <= ${rule.maximum}`);
    }
    if (typeof node === 'string') {
      if (rule.minLength !== undefined && node.length < rule.minLength) {
        problems.push(`${path || '(root)'}: must have at least ${rule.minLength} characters`);
      }
      if (rule.maxLength !== undefined && node.length > rule.maxLength) {
        problems.push(`${path || '(root)'}: must have at most ${rule.maxLength} characters`);
      }
      if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(node)) {
        problems.push(`${path || '(root)'}: does not match ${rule.pattern}`);
      }
    }
    if (Array.isArray(node)) {
      if (rule.minItems !== undefined && node.length < rule.minItems)
        problems.push(`${path || '(root)'}: too few items`);
      if (rule.maxItems !== undefined && node.length > rule.maxItems)
        problems.push(`${path || '(root)'}: too many items`);
      if (rule.items) {
        for (const [index, item] of node.entries()) visit(item, rule.items, `${path}[${index}]`);
      }
    }
    if (typeOf(node) === 'object') {
      for (const name of rule.required ?? []) {
        if (!Object.hasOwn(node, name))
          problems.push(`${path || '(root)'}: missing required property "${name}"`);
      }
      for (const [name, child] of Object.entries(node)) {
        const childPath = path === '' ? name : `${path}.${name}`;
        if (rule.properties && Object.hasOwn(rule.properties, name))
          visit(child, rule.properties[name], childPath);
        else if (rule.additionalProperties !== undefined) visit(child, rule.additionalProperties, childPath);
      }
    }
  };
  visit(value, schema, '');
  return problems;
}
