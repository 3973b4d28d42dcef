import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BufferedWriter, forEachLine, OutputClosed } from '../../src/node/line-stream';

async function linesOf(chunks: Buffer[]): Promise<string[]> {
  const lines: string[] = [];
  await forEachLine(Readable.from(chunks), (line) => {
    lines.push(line);
    return undefined;
  });
  return lines;
}

/** The same bytes cut into chunks at every position, so characters and line ends straddle chunk boundaries. */
function cuts(bytes: Buffer): Buffer[][] {
  return Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]);
}

describe('forEachLine', () => {
  it('gives every line, blank ones too, without LF or CRLF, and a last line without its newline', async () => {
    expect(await linesOf([Buffer.from('a\n\nb\r\n\r\nc')])).toEqual(['a', '', 'b', '', 'c']);
    expect(await linesOf([Buffer.from('a\n')])).toEqual(['a']);
    expect(await linesOf([Buffer.from('\n')])).toEqual(['']);
    expect(await linesOf([])).toEqual([]);
  });

  it('decodes each line as UTF-8 on its own, wherever the chunks are cut', async () => {
    const bytes = Buffer.concat([Buffer.from('阿里云\nhttps://x.example/\r\n'), Buffer.from([0xff, 0xc0, 0x0a, 0xe9, 0x98]), Buffer.from('\nÅ\n')]);
    const expected = bytes.toString('utf8').split('\n').slice(0, -1).map((line) => line.replace(/\r$/, ''));
    expect(expected[2]).toBe('\uFFFD\uFFFD');
    for (const chunks of cuts(bytes)) expect(await linesOf(chunks)).toEqual(expected);
  });

  it('joins a line spread over many chunks', async () => {
    const long = 'x'.repeat(100_000);
    const chunks = Array.from({ length: 100 }, (_, i) => Buffer.from(long.slice(i * 1000, (i + 1) * 1000)));
    expect(await linesOf([...chunks, Buffer.from('\nend')])).toEqual([long, 'end']);
  });

  it('waits while the callback waits, so a slow writer holds back the reader', async () => {
    const events: string[] = [];
    await forEachLine(Readable.from([Buffer.from('a\nb\n')]), async (line) => {
      events.push(`start ${line}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${line}`);
    });
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});

describe('BufferedWriter', () => {
  it('writes text and encoded tails in order, in large pieces', async () => {
    const pieces: Buffer[] = [];
    const out = new Writable({ write: (chunk: Buffer, _encoding, done) => (pieces.push(chunk), done()) });
    const writer = new BufferedWriter(out);
    const tail = Buffer.from(',"tail":"é"}\n');
    for (let i = 0; i < 20_000; i++) await writer.write(`{"n":${i}`, tail);
    await writer.write('last\n');
    await writer.flush();
    const text = Buffer.concat(pieces).toString('utf8');
    expect(text.split('\n')).toHaveLength(20_002);
    expect(text.startsWith('{"n":0,"tail":"é"}\n{"n":1,')).toBe(true);
    expect(text.endsWith('{"n":19999,"tail":"é"}\nlast\n')).toBe(true);
    expect(pieces.length).toBeLessThan(10);
  });

  it('waits for drain: what the stream holds unwritten stays bounded however much is written', async () => {
    let held = 0;
    const out = new Writable({
      highWaterMark: 1024,
      write: (chunk: Buffer, _encoding, done) => setTimeout(done, 1),
    });
    const writer = new BufferedWriter(out);
    const line = `${'x'.repeat(1000)}\n`;
    for (let i = 0; i < 3000; i++) {
      await writer.write(line);
      held = Math.max(held, out.writableLength);
    }
    await writer.flush();
    // One piece in flight at most: 3 MB written through a stream that never held more than one piece.
    expect(held).toBeLessThanOrEqual(1 << 18);
  });

  it('reports a closed reader as OutputClosed, not as an error event', async () => {
    const out = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error('EPIPE'), { code: 'EPIPE' })) });
    const writer = new BufferedWriter(out);
    await writer.write('x'.repeat(100));
    await expect(async () => {
      for (let i = 0; i < 10; i++) {
        await writer.write('y'.repeat(1 << 17));
        await writer.flush();
      }
    }).rejects.toBeInstanceOf(OutputClosed);
  });
});
