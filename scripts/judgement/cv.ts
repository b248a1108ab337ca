/**
 * The whole engine measured by cross-validation over train + dev (issue #12):
 *   npx vite-node scripts/judgement/cv.ts [--folds 5]
 * Dev alone (404 exchanges, 9 asks labelled "not addressed") is too small to tell a rule change from
 * noise; this judges all ~1,290 exchanges of train and dev, each by models trained without its
 * conversation (scripts/lib/cross-validate.ts), and prints the tables of `npm run evaluate -- --split dev`.
 * The rules were written while reading train and dev, so these figures flatter the rules a little.
 */
import { crossValidate } from '../lib/cross-validate';
import { countRows, formatTables, tables } from '../lib/report-cli';

const folds = Number(process.argv[process.argv.indexOf('--folds') + 1]) || 5;
process.stdout.write(formatTables(tables(crossValidate(folds, countRows), `${folds}-fold CV over train + dev`)));
