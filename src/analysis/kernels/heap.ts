import type { Arena } from './arena.ts';

// Indexed binary min-heap of node ids keyed by an external Float64Array (the Dijkstra distances).
// Decrease-key keeps the heap at most n entries, unlike a lazy heap that grows with every relaxation.
// Each entry's key is copied beside it when pushed, so sifting compares adjacent memory instead of
// looking every key up through the node id.
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  // keys[i] = key[heap[i]] as of the node's last push.
  private readonly keys: Float64Array;
  // Position of each node in `heap`, or -1 when absent.
  private readonly position: Int32Array;
  private count = 0;

  // With an arena, the heap takes its arrays from it: `capacity` float64s and 2 × `capacity` int32s.
  constructor(capacity: number, private readonly key: Float64Array, arena?: Arena) {
    this.keys = arena === undefined ? new Float64Array(capacity) : arena.float64(capacity);
    this.heap = arena === undefined ? new Int32Array(capacity) : arena.int32(capacity);
    this.position = (arena === undefined ? new Int32Array(capacity) : arena.int32(capacity)).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  has(node: number): boolean {
    return this.position[node]! >= 0;
  }

  // Inserts the node or, when present, restores order after its key decreased.
  push(node: number): void {
    const { heap, keys, position } = this;
    const k = this.key[node]!;
    let at = position[node]!;
    if (at < 0) at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= k) break;
      const p = heap[parent]!;
      heap[at] = p;
      keys[at] = pk;
      position[p] = at;
      at = parent;
    }
    heap[at] = node;
    keys[at] = k;
    position[node] = at;
  }

  pop(): number {
    const { heap, keys, position } = this;
    const top = heap[0]!;
    position[top] = -1;
    const n = --this.count;
    if (n > 0) {
      // Sift the last entry down from the root.
      const node = heap[n]!;
      const k = keys[n]!;
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= n) break;
        let ck = keys[child]!;
        const right = child + 1;
        if (right < n) {
          const rk = keys[right]!;
          if (rk < ck) {
            child = right;
            ck = rk;
          }
        }
        if (ck >= k) break;
        const c = heap[child]!;
        heap[at] = c;
        keys[at] = ck;
        position[c] = at;
        at = child;
      }
      heap[at] = node;
      keys[at] = k;
      position[node] = at;
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.position[this.heap[i]!] = -1;
    this.count = 0;
  }
}
