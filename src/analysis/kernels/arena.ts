// One backing store for a kernel's scratch arrays. Every typed array allocated on its own gets a
// malloc'd backing store that the GC has to track and sweep; on a graph of a few dozen nodes that
// bookkeeping costs more CPU than the arithmetic (karate betweenness: ~12 of ~45 µs for 7 arrays).
export class Arena {
  private readonly buffer: ArrayBuffer;
  // Each element type has its own region (widest first, so every array is aligned) and cursor.
  private float64At: number;
  private int32At: number;
  private uint8At: number;
  private readonly float64End: number;
  private readonly int32End: number;
  private readonly uint8End: number;

  // Room for `float64s` Float64Array entries, `int32s` Int32Array entries and `uint8s` Uint8Array
  // entries in all, taken in any order.
  constructor(float64s: number, int32s: number, uint8s = 0) {
    this.float64At = 0;
    this.float64End = this.int32At = 8 * float64s;
    this.int32End = this.uint8At = this.int32At + 4 * int32s;
    this.uint8End = this.uint8At + uint8s;
    this.buffer = new ArrayBuffer(this.uint8End);
  }

  float64(length: number): Float64Array {
    const at = this.float64At;
    this.float64At = take(at, 8 * length, this.float64End);
    return new Float64Array(this.buffer, at, length);
  }

  int32(length: number): Int32Array {
    const at = this.int32At;
    this.int32At = take(at, 4 * length, this.int32End);
    return new Int32Array(this.buffer, at, length);
  }

  uint8(length: number): Uint8Array {
    const at = this.uint8At;
    this.uint8At = take(at, length, this.uint8End);
    return new Uint8Array(this.buffer, at, length);
  }
}

function take(at: number, bytes: number, end: number): number {
  if (at + bytes > end) throw new RangeError('arena: more requested than reserved');
  return at + bytes;
}
