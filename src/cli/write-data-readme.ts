import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayUtc } from '../core/dates';
import { renderDataReadme } from '../node/data-readme';
import { DATA_DIR, loadDatasetIndex } from '../node/read-dataset';

// The clock only validates ("no date in the future"); the file itself depends on the records alone.
writeFileSync(join(DATA_DIR, 'README.md'), renderDataReadme(loadDatasetIndex(todayUtc())));
console.log('wrote src/data/README.md');
