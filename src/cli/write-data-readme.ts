import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayUtc } from '../core/dates';
import { renderDataReadme } from '../node/data-readme';
import { DATA_DIR, loadDatasetIndex } from '../node/read-dataset';

const today = todayUtc();
writeFileSync(join(DATA_DIR, 'README.md'), renderDataReadme(loadDatasetIndex(today), today));
console.log('wrote src/data/README.md');
