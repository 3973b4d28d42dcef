/**
 * An RFC 4180 reader, as a spreadsheet reads a file: quoted fields may hold commas, doubled quotes and line breaks;
 * records end with LF or CRLF. Test-only: it checks what the project writes.
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      record.push(field), records.push(record), (record = []), (field = '');
      if (c === '\r') i++;
    } else field += c;
  }
  return records;
}
