// Checks every Camunda Form in forms/ the way Tasklist will meet it: each file is imported into the form-js
// viewer (under jsdom), which rejects unknown field types and duplicate keys or ids. On top of that it enforces
// the project's own rules: schemaVersion at most 16 (Tasklist 7.24 renders form-js 1.8.x), file name = form id
// (user tasks link forms by id), and Chinese labels (the users read Chinese).
//
// Usage: node lint-forms.mjs [file.form ...]   (default: every forms/*.form of the repository)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

const MAX_SCHEMA_VERSION = 16;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

// Field types a user reads a label on; the label must be present and Chinese.
const LABELLED_TYPES = new Set([
  'textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select', 'taglist', 'button'
]);
// Containers and views whose label is optional, but Chinese when given.
const OPTIONALLY_LABELLED_TYPES = new Set([ 'group', 'dynamiclist', 'table', 'iframe' ]);
const STATIC_OPTION_TYPES = new Set([ 'checklist', 'radio', 'select', 'taglist' ]);

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const formsDir = join(repoRoot, 'forms');

const files = process.argv.length > 2
  ? process.argv.slice(2).map(f => resolve(f))
  : (existsSync(formsDir) ? readdirSync(formsDir).filter(f => f.endsWith('.form')).sort().map(f => join(formsDir, f)) : []);

// form-js renders with preact into a DOM: give it one before loading it.
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
for (const name of [ 'window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent',
  'KeyboardEvent', 'MouseEvent', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame',
  'cancelAnimationFrame', 'DOMParser' ]) {
  if (!(name in globalThis) || name === 'navigator') {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
  }
}
// Its ES build imports lodash without file extensions, which Node's ESM loader refuses: load the CommonJS build.
const { Form } = createRequire(import.meta.url)('@bpmn-io/form-js-viewer');

/** JSON.parse keeps the last of duplicate member names silently; a hand-merged form would lose a property. */
function duplicateMembers(text) {
  const problems = [];
  let i = 0;
  const ws = () => { while (/\s/.test(text[i])) i++; };
  const str = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = path => {
    ws();
    if (text[i] === '{') {
      i++;
      const seen = new Set();
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        const name = str();
        if (seen.has(name)) problems.push(`JSON member "${name}" appears twice in ${path || 'the top-level object'}`);
        seen.add(name);
        ws(); i++; // ':'
        value(`${path}/${name}`);
        ws();
        if (text[i++] === '}') return;
      }
    } else if (text[i] === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        ws();
        if (text[i++] === ']') return;
      }
    } else if (text[i] === '"') {
      str();
    } else {
      while (i < text.length && !/[,\]}\s]/.test(text[i])) i++;
    }
  };
  value('');
  return problems;
}

function* allComponents(components, path = '') {
  for (const [ index, component ] of (components || []).entries()) {
    const where = `${path}components[${index}]${component.key ? ` (key "${component.key}")` : component.id ? ` (id "${component.id}")` : ''}`;
    yield [ component, where ];
    yield* allComponents(component.components, `${where}/`);
  }
}

function labelProblems(component, where) {
  const problems = [];
  const requireChinese = (property, text) => {
    if (typeof text !== 'string' || !text.trim()) {
      problems.push(`${where}: ${component.type} has no ${property}`);
    } else if (!CJK.test(text)) {
      problems.push(`${where}: ${property} "${text}" is not Chinese`);
    }
  };

  if (LABELLED_TYPES.has(component.type)) {
    requireChinese('label', component.label);
  } else if (component.type === 'datetime') {
    const subtype = component.subtype || 'date';
    if (subtype !== 'time') requireChinese('dateLabel', component.dateLabel);
    if (subtype !== 'date') requireChinese('timeLabel', component.timeLabel);
  } else if (OPTIONALLY_LABELLED_TYPES.has(component.type) && component.label) {
    requireChinese('label', component.label);
  }

  if (STATIC_OPTION_TYPES.has(component.type) && Array.isArray(component.values)) {
    for (const option of component.values) {
      requireChinese(`option label for value "${option.value}"`, option.label);
    }
  }
  return problems;
}

async function lintForm(file) {
  const problems = [];
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return [ `cannot read: ${error.message}` ];
  }

  let schema;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    return [ `invalid JSON: ${error.message}` ];
  }
  problems.push(...duplicateMembers(text));

  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return [ 'not a form: the file must hold one JSON object' ];
  }
  if (schema.type !== 'default') {
    problems.push(`top-level "type" is ${JSON.stringify(schema.type)}, a form has "default"`);
  }
  const expectedId = basename(file, '.form');
  if (schema.id !== expectedId) {
    problems.push(`form id ${JSON.stringify(schema.id)} differs from the file name "${expectedId}" (camunda:formRef uses the id)`);
  }
  if (!Number.isInteger(schema.schemaVersion)) {
    problems.push('schemaVersion is missing');
  } else if (schema.schemaVersion > MAX_SCHEMA_VERSION) {
    problems.push(`schemaVersion ${schema.schemaVersion} is newer than ${MAX_SCHEMA_VERSION}, which Tasklist 7.24 (form-js 1.8) renders`);
  }
  if (!Array.isArray(schema.components) || schema.components.length === 0) {
    problems.push('the form has no fields');
  }

  for (const [ component, where ] of allComponents(schema.components)) {
    problems.push(...labelProblems(component, where));
  }

  // The viewer is the authority on what Tasklist can render: unknown types, duplicate keys/ids, broken structure.
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new Form({ container });
  try {
    const { warnings } = await form.importSchema(schema, {});
    for (const warning of warnings || []) {
      problems.push(`form-js import warning: ${warning.message || warning}`);
    }
  } catch (error) {
    problems.push(`form-js cannot import it: ${error.message}`);
  } finally {
    try { form.destroy(); } catch { /* the form may not have been set up */ }
    container.remove();
  }
  return problems;
}

console.log(`Form lint: ${files.length} form(s)${process.argv.length > 2 ? '' : ` in ${formsDir}`}`);
let failed = 0;
for (const file of files) {
  const problems = await lintForm(file);
  const name = file.startsWith(repoRoot) ? file.slice(repoRoot.length + 1) : file;
  if (problems.length) {
    failed++;
    console.log(`✖ ${name}`);
    for (const problem of problems) console.log(`    ${problem}`);
  } else {
    console.log(`✔ ${name}`);
  }
}
console.log(`Form lint: ${files.length - failed} form(s) fine, ${failed} with problems`);
process.exit(failed ? 1 : 0);
