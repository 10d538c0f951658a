// Runs bpmnlint with the repository's .bpmnlintrc over every processes/*.bpmn (or the files given).
// The CLI resolves rules, plugins and moddle extensions from its working directory, so it runs in lint/ where
// they are installed, with the configuration from the repository root.
//
// Usage: node lint-bpmn.mjs [file.bpmn ...]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const lintDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(lintDir, '..');
const processesDir = join(repoRoot, 'processes');
const configPath = join(repoRoot, '.bpmnlintrc');

const files = process.argv.length > 2
  ? process.argv.slice(2).map(f => resolve(f))
  : (existsSync(processesDir)
    ? readdirSync(processesDir).filter(f => f.endsWith('.bpmn')).sort().map(f => join(processesDir, f))
    : []);

console.log(`BPMN lint: ${files.length} model(s)${process.argv.length > 2 ? '' : ` in ${processesDir}`}, rules from ${configPath}`);

// Resolve every configured rule even when there is nothing to lint yet, so a broken configuration fails early.
const require = createRequire(join(lintDir, 'package.json'));
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const resolver = new NodeResolver({ require });
const active = await new Linter({ config, resolver }).resolveRules(config);
console.log(`BPMN lint: ${active.length} active rule(s)`);
for (const extension of Object.values(config.moddleExtensions || {})) {
  require.resolve(extension);
}

if (files.length === 0) {
  console.log('BPMN lint: no models to check');
  process.exit(0);
}

const cli = require.resolve('bpmnlint/bin/bpmnlint.js');
const result = spawnSync(process.execPath, [ cli, '--config', relative(lintDir, configPath),
  ...files.map(f => relative(lintDir, f)) ], { cwd: lintDir, stdio: 'inherit' });
if (result.status === 0) {
  console.log(`BPMN lint: ${files.length} model(s) without errors`);
}
process.exit(result.status ?? 1);
