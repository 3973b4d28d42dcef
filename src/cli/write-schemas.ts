import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../node/read-dataset';
import { renderSchemas } from '../node/schemas';

const dir = join(DATA_DIR, 'schemas');
mkdirSync(dir, { recursive: true });
const schemas = renderSchemas();
for (const [name, text] of Object.entries(schemas)) writeFileSync(join(dir, name), text);
console.log(`wrote ${Object.keys(schemas).length} schemas to src/data/schemas/`);
