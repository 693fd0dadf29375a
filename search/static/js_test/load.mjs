// load.mjs loads the browser client (a classic script) into this process: the minified file the
// build publishes when GONGKAI_CLIENT names it (go test does), else the source.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../../..');
createRequire(import.meta.url)(process.env.GONGKAI_CLIENT || path.join(repo, 'themes/default/static/js/search.js'));
export const G = globalThis.GongkaiSearch;
