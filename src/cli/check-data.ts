import { formatProblem, parseDataset } from '../core/dataset';
import { todayUtc } from '../core/dates';
import { readDatasetFiles } from '../node/read-dataset';

const result = parseDataset(readDatasetFiles(), todayUtc());
if (result.ok) {
  const { providers, actions, entities } = result.dataset;
  console.log(`dataset ok: ${providers.length} providers, ${entities.length} entities, ${actions.length} actions`);
} else {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`${result.problems.length} problem(s)`);
  process.exitCode = 1;
}
