import { describe, expect, it } from 'vitest';
import { parsePeopleSheet } from '../logic/people-sheet';

describe('people pasted from a sheet', () => {
  it('reads tab-separated rows copied from Excel, skipping the header line', () => {
    const text = 'Mã\tHọ và tên\tMã đơn vị\tCụm\ncb-0042\tNguyễn Văn An\t66-SKHCN\tKhối Sở\ncb-0043\tTrần Thị Bình\t66-SYT\t\n';
    expect(parsePeopleSheet('id-1\tLê Hoa\t66-SYT').rows).toHaveLength(1); // a first row that is a person is kept
    expect(parsePeopleSheet(text)).toEqual({
      rows: [
        { subject_id: 'cb-0042', subject_name: 'Nguyễn Văn An', unit_code: '66-SKHCN', cluster: 'Khối Sở' },
        { subject_id: 'cb-0043', subject_name: 'Trần Thị Bình', unit_code: '66-SYT' },
      ],
      problems: [],
    });
  });

  it('reads semicolon and comma CSV, and reports each bad line by its number', () => {
    const text = ['cb-1;Lê Hoa;66-SYT', 'cb 2,Ngô Lan,66-SYT', 'cb-3,,66-SYT', 'cb-4,Vũ Nam', 'cb-1;Lê Hoa;66-SYT', 'cb-5,Đỗ Minh,66 SYT'].join('\n');
    const { rows, problems } = parsePeopleSheet(text);
    expect(rows.map((row) => row.subject_id)).toEqual(['cb-1']);
    expect(problems).toEqual([
      { line: 2, problem: 'identifier' },
      { line: 3, problem: 'name' },
      { line: 4, problem: 'columns' },
      { line: 5, problem: 'repeated' },
      { line: 6, problem: 'unit' },
    ]);
  });
});
