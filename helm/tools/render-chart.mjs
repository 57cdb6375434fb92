// Loads a chart directory and renders it like `helm template`: values merged over values.yaml, checked against
// values.schema.json, every non-partial template rendered and split into YAML documents.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ChartTemplates } from './go-template.mjs';
import { validateAgainstSchema } from './json-schema.mjs';
import { parseAllDocuments, parseYaml } from './yaml.mjs';

const isMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Helm's coalescing: maps merge recursively, anything else replaces, null deletes the key. */
export function mergeValues(base, overrides) {
  const result = structuredClone(base);
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === null) delete result[key];
    else if (isMap(value) && isMap(result[key])) result[key] = mergeValues(result[key], value);
    else result[key] = structuredClone(value);
  }
  return result;
}

/** Thrown when merged values break values.schema.json (helm refuses to render them). */
export class SchemaError extends Error {
  constructor(problems) {
    super(`values don't meet the specifications of the schema:\n  ${problems.join('\n  ')}`);
    this.name = 'SchemaError';
    this.problems = problems;
  }
}

/** A chart on disk, parsed once. */
export class Chart {
  constructor(directory) {
    this.directory = directory;
    this.metadata = parseYaml(readFileSync(path.join(directory, 'Chart.yaml'), 'utf8'));
    this.valuesSource = readFileSync(path.join(directory, 'values.yaml'), 'utf8');
    this.defaults = parseYaml(this.valuesSource);
    this.schema = JSON.parse(readFileSync(path.join(directory, 'values.schema.json'), 'utf8'));
    const templatesDirectory = path.join(directory, 'templates');
    this.templateFiles = Object.fromEntries(
      readdirSync(templatesDirectory)
        .sort()
        .map((name) => [name, readFileSync(path.join(templatesDirectory, name), 'utf8')]),
    );
    this.templates = new ChartTemplates(this.templateFiles);
  }

  /**
   * Renders with `overrides` merged over values.yaml. Returns the manifests (file, document) and the NOTES.txt text.
   * Throws SchemaError or TemplateError exactly where helm would refuse.
   */
  render(overrides = {}, release = {}) {
    const values = mergeValues(this.defaults, overrides);
    const problems = validateAgainstSchema(values, this.schema);
    if (problems.length > 0) throw new SchemaError(problems);
    const meta = this.metadata;
    const data = {
      Values: values,
      Release: {
        Name: 'wp',
        Namespace: 'referrals',
        Service: 'Helm',
        IsInstall: true,
        IsUpgrade: false,
        Revision: 1,
        ...release,
      },
      Chart: {
        Name: meta.name,
        Version: meta.version,
        AppVersion: meta.appVersion,
        Description: meta.description,
      },
      Capabilities: { KubeVersion: { Version: 'v1.31.0', Major: '1', Minor: '31' }, APIVersions: [] },
      Template: { BasePath: `${meta.name}/templates` },
    };
    const manifests = [];
    let notes = '';
    for (const name of Object.keys(this.templateFiles)) {
      if (name.startsWith('_')) continue;
      const output = this.templates.render(name, { ...data, Template: { ...data.Template, Name: name } });
      if (name === 'NOTES.txt') {
        notes = output;
        continue;
      }
      for (const document of parseAllDocuments(output)) manifests.push({ file: name, document });
    }
    return { values, manifests, notes };
  }
}
