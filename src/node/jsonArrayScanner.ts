/**
 * Splits the text of one JSON array, fed in chunks, into the text of its top-level elements, without
 * holding more than one element in memory. Strings and escapes are tracked so `,` and `]` inside them
 * do not split. Anything after the closing `]` is reported through `onTrailing`.
 *
 * @example
 * const s = new JsonArrayScanner((el) => out.push(JSON.parse(el)));
 * s.push('[{"a":1},'); s.push('{"b":2}]'); s.end();
 */
export class JsonArrayScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private closed = false;
  private parts: string[] = [];
  private trailing = '';

  constructor(
    private readonly onElement: (text: string) => void,
    private readonly onTrailing: (text: string) => void = () => {},
  ) {}

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (this.closed) {
        this.trailing += chunk.slice(i);
        if (this.trailing.length > 1024) this.trailing = this.trailing.slice(0, 1024);
        return;
      }
      if (!this.started) {
        if (ch === 0x5b /* [ */) {
          this.started = true;
          this.depth = 1;
          start = i + 1;
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 0x5c /* \ */) this.escaped = true;
        else if (ch === 0x22 /* " */) this.inString = false;
        continue;
      }
      if (ch === 0x22) this.inString = true;
      else if (ch === 0x5b || ch === 0x7b) this.depth += 1;
      else if (ch === 0x5d || ch === 0x7d) {
        this.depth -= 1;
        if (this.depth === 0) {
          this.parts.push(chunk.slice(start, i));
          this.flush();
          this.closed = true;
          start = i + 1;
        }
      } else if (ch === 0x2c /* , */ && this.depth === 1) {
        this.parts.push(chunk.slice(start, i));
        this.flush();
        start = i + 1;
      }
    }
    if (this.started && !this.closed) this.parts.push(chunk.slice(start));
  }

  /** Ends the input: an unterminated last element is still reported (and will fail to parse). */
  end(): void {
    if (!this.closed) this.flush();
    const rest = this.trailing.trim();
    if (rest !== '') this.onTrailing(rest);
  }

  private flush(): void {
    const text = this.parts.join('');
    this.parts = [];
    if (text.trim() !== '') this.onElement(text);
  }
}
