import { isAscii } from 'node:buffer';
import type { Readable, Writable } from 'node:stream';

/** Output is handed to the stream in pieces of this many bytes: one write per line would cost more than the check itself. */
const PIECE = 1 << 18;
/** Short text is gathered into a string this long before it is encoded: one encoder call per line costs more than the line. */
const TEXT_AT = 1 << 14;

/** Why a stream of lines stopped early: the reader of our output went away (`| head -1`). */
export class OutputClosed extends Error {}

/**
 * Writes text in large pieces and waits for 'drain' whenever the stream says its buffer is full,
 * so memory stays flat however fast the input comes and however slow the reader is.
 * Text that repeats (a provider's answer) can be given already encoded, so it is copied rather than encoded again.
 */
export class BufferedWriter {
  #piece = Buffer.allocUnsafe(PIECE);
  #used = 0;
  #text = '';
  #closed = false;
  readonly #out: Writable;

  constructor(out: Writable) {
    this.#out = out;
    // EPIPE and friends arrive as 'error' events; without a listener Node would print them and exit 1.
    out.on('error', () => {
      this.#closed = true;
    });
  }

  get closed(): boolean {
    return this.#closed || this.#out.destroyed;
  }

  /** Adds text, and encoded bytes after it; resolves at once unless a full piece had to wait for the reader. */
  write(text: string, bytes?: Uint8Array): Promise<void> | undefined {
    this.#text += text;
    if (bytes === undefined) return this.#text.length < TEXT_AT ? undefined : this.#encodeText();
    const waiting = this.#encodeText();
    return waiting ? waiting.then(() => this.#copy(bytes)) : this.#copy(bytes);
  }

  /** Hands everything written so far to the stream. */
  async flush(): Promise<void> {
    await this.#encodeText();
    await this.#sendPiece();
  }

  #encodeText(): Promise<void> | undefined {
    const text = this.#text;
    if (text.length === 0) return undefined;
    this.#text = '';
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (this.#used + text.length * 3 <= PIECE) {
      this.#used += this.#piece.write(text, this.#used);
      return undefined;
    }
    return this.#sendPiece().then(() => (text.length * 3 <= PIECE ? void (this.#used = this.#piece.write(text)) : this.#send(Buffer.from(text))));
  }

  #copy(bytes: Uint8Array): Promise<void> | undefined {
    if (this.#used + bytes.length <= PIECE) {
      this.#piece.set(bytes, this.#used);
      this.#used += bytes.length;
      return undefined;
    }
    return this.#sendPiece().then(() => this.#send(bytes));
  }

  async #sendPiece(): Promise<void> {
    const piece = this.#piece.subarray(0, this.#used);
    if (this.#used > 0) {
      // The stream keeps what it was given until it is written, so the next piece is a new buffer.
      this.#piece = Buffer.allocUnsafe(PIECE);
      this.#used = 0;
    }
    await this.#send(piece);
  }

  async #send(bytes: Uint8Array): Promise<void> {
    if (this.closed) throw new OutputClosed();
    if (bytes.length === 0 || this.#out.write(bytes)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#out.off('drain', done).off('error', done).off('close', done);
        resolve();
      };
      this.#out.on('drain', done).on('error', done).on('close', done);
    });
    if (this.closed) throw new OutputClosed();
  }
}

/**
 * Calls `onLine` for every line of a byte stream without its "\n" or "\r\n", each line decoded as UTF-8 on its own
 * (invalid bytes become U+FFFD). Blank lines count; a last line without a newline counts; an empty stream has no lines.
 * Reading waits while `onLine` waits, so memory holds one chunk and the longest line.
 */
export async function forEachLine(input: Readable, onLine: (line: string) => Promise<void> | undefined): Promise<void> {
  const line = (text: string) => onLine(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text);
  // Bytes of a line not finished in earlier chunks; only new bytes are searched for newlines.
  let carry: Buffer[] = [];
  for await (const chunk of input) {
    const bytes = chunk as Buffer;
    let newline = bytes.indexOf(10);
    if (newline === -1) {
      if (bytes.length > 0) carry.push(bytes);
      continue;
    }
    // Latin-1 decodes in one copy and keeps string offsets equal to byte offsets; a line with other bytes is decoded again as UTF-8.
    const text = bytes.toString('latin1');
    const ascii = isAscii(bytes);
    const decode = (from: number, to: number) => {
      const latin1 = text.slice(from, to);
      return ascii || !/[\x80-\xff]/.test(latin1) ? latin1 : bytes.toString('utf8', from, to);
    };
    let waiting = line(carry.length > 0 ? Buffer.concat([...carry, bytes.subarray(0, newline)]).toString('utf8') : decode(0, newline));
    carry = [];
    if (waiting) await waiting;
    let start = newline + 1;
    while ((newline = text.indexOf('\n', start)) !== -1) {
      waiting = line(decode(start, newline));
      if (waiting) await waiting;
      start = newline + 1;
    }
    if (start < bytes.length) carry.push(bytes.subarray(start));
  }
  if (carry.length > 0) await line(Buffer.concat(carry).toString('utf8'));
}
