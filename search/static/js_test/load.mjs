// load.mjs loads the browser client (a classic script) into this process.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../../..');
createRequire(import.meta.url)(path.join(repo, 'themes/default/static/js/search.js'));
export const G = globalThis.GongkaiSearch;
