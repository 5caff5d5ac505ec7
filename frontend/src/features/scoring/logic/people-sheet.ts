/**
 * People to score, pasted from a spreadsheet (Excel and LibreOffice copy rows as tab-separated text)
 * or read from a .csv file: one person a line, "identifier, full name, unit code[, cluster]". A first
 * line naming the columns is skipped. Each line is checked as scoring-api checks it, so that only
 * well-formed rows are sent and every other one is reported by its line number.
 */
export interface PersonRow {
  subject_id: string;
  subject_name: string;
  unit_code: string;
  cluster?: string;
}

export interface SheetProblem {
  line: number;
  problem: 'columns' | 'identifier' | 'name' | 'unit' | 'cluster' | 'repeated';
}

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const UNIT = /^[A-Za-z0-9._-]{1,32}$/;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const HEADER = /^(mã|ma|id|identifier|subject)/i;

function cells(line: string): string[] {
  const separator = line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',';
  return line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
}

export function parsePeopleSheet(text: string): { rows: PersonRow[]; problems: SheetProblem[] } {
  const rows: PersonRow[] = [];
  const problems: SheetProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r\n|\n|\r/).forEach((raw, index): void => {
    const refuse = (problem: SheetProblem['problem']) => { problems.push({ line: index + 1, problem }); };
    if (raw.trim() === '') return;
    const [subjectId = '', name = '', unit = '', cluster = '', ...rest] = cells(raw);
    if (index === 0 && HEADER.test(subjectId) && !(IDENTIFIER.test(subjectId) && UNIT.test(unit))) return;
    if (rest.some((cell) => cell !== '') || unit === '') { refuse('columns'); return; }
    if (!IDENTIFIER.test(subjectId)) { refuse('identifier'); return; }
    if (name === '' || name.length > 300 || CONTROL.test(name)) { refuse('name'); return; }
    if (!UNIT.test(unit)) { refuse('unit'); return; }
    if (cluster.length > 100 || CONTROL.test(cluster)) { refuse('cluster'); return; }
    if (seen.has(subjectId)) { refuse('repeated'); return; }
    seen.add(subjectId);
    rows.push({ subject_id: subjectId, subject_name: name, unit_code: unit, ...(cluster ? { cluster } : {}) });
  });
  return { rows, problems };
}
