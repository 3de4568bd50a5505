/** Levels an open frame (bracket, `${`, JSX element) adds while it is open. */
const FRAME = 2;

/** An open frame of the pre-scan, and the levels its tokens added. */
export interface Frame {
  kind: number;
  /** Levels since the last sibling boundary (`,`, `;`, a line break that ends a statement). */
  seg: number;
  /** Levels since the last statement boundary, restored by an `else` that continues the statement. */
  stmt: number;
  saved: number;
  /** Open `<` that may be type arguments: `,` does not separate those. */
  lt: number;
  /** The reader's state once the frame closes. */
  close: number;
}

/**
 * The running count of the nesting pre-scan (`nesting-estimate.ts`): the open frames, what each
 * token adds, what a separator takes back, and the highest count met — the estimate.
 */
export class NestingLevels {
  private readonly frames: Frame[];
  top: Frame;
  /** Levels open at this point of the file. */
  private cur = 0;
  /** The highest `cur` met. */
  max = 0;

  constructor(kind: number, close: number) {
    this.top = { kind, seg: 0, stmt: 0, saved: 0, lt: 0, close };
    this.frames = [this.top];
  }

  /** Frames open besides the file itself. */
  get depth(): number {
    return this.frames.length - 1;
  }

  private raise(units: number): void {
    this.cur += units;
    if (this.cur > this.max) this.max = this.cur;
  }

  /** A token (or a closed group) in the innermost frame. */
  add(units: number): void {
    this.top.seg += units;
    this.top.stmt += units;
    this.raise(units);
  }

  /** A `<` that may open type arguments (not separated by `,`). */
  openAngle(): void {
    this.top.lt++;
    this.raise(1);
  }

  /** A `>` that may close type arguments. */
  closeAngle(): void {
    if (this.top.lt === 0) return;
    this.top.lt--;
    this.cur--;
  }

  /** Opens a frame. */
  push(kind: number, close: number): void {
    this.top = { kind, seg: 0, stmt: 0, saved: 0, lt: 0, close };
    this.frames.push(this.top);
    this.raise(FRAME);
  }

  /** Closes the innermost frame; the group counts as one token of the frame around it. */
  pop(): Frame {
    const f = this.frames.pop()!;
    this.cur -= FRAME + f.seg + f.lt;
    this.top = this.frames[this.frames.length - 1];
    this.add(1);
    return f;
  }

  /** A list element starts: what came before it in the list is no ancestor of what follows. */
  sibling(): void {
    this.cur -= this.top.seg;
    this.top.seg = 0;
  }

  /** A statement starts; an `else` may still continue the one before. */
  statement(): void {
    this.cur -= this.top.seg + this.top.lt;
    this.top.saved = this.top.stmt;
    this.top.seg = this.top.stmt = this.top.lt = 0;
  }

  /** An `else` continues the statement before the last `;` (an `if … else if …` chain nests). */
  continueStatement(): void {
    const saved = this.top.saved;
    this.top.seg += saved;
    this.top.stmt += saved;
    this.top.saved = 0;
    this.raise(saved);
  }

  /** The estimate when lexing stops short: every one of the `remaining` characters may open a frame. */
  giveUp(remaining: number): number {
    return Math.max(this.max, this.cur + FRAME * remaining);
  }
}
