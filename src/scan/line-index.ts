/** Converts UTF-16 offsets (as oxc-parser reports them) to 1-based line and column. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  /** Returns the 1-based line and column of an offset. */
  at(offset: number): { line: number; column: number } {
    if (!this.starts) {
      // Built on first use: most files have no finding and never need it.
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}
