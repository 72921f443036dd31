#!/usr/bin/env node
// remark-language-server 3.0.0's whole program (github.com/remarkjs/remark-language-server,
// index.js, MIT): the npm registry this project installs from does not carry that package, so
// the test runs its one call to unified-language-server (a devDependency) with the same
// settings. vscode-remark and Neovim's remark_ls start exactly this, `--stdio`.
import process from 'node:process';
import { remark } from 'remark';
import { createUnifiedLanguageServer } from 'unified-language-server';

process.title = 'remark-language-server';

createUnifiedLanguageServer({
  configurationSection: 'remark',
  defaultProcessor: remark,
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  processorName: 'remark',
  processorSpecifier: 'remark',
  rcName: '.remarkrc',
});
