// Indexed binary min-heap of node ids keyed by an external Float64Array (the Dijkstra distances).
// Decrease-key keeps the heap at most n entries, unlike a lazy heap that grows with every relaxation.
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  // Position of each node in `heap`, or -1 when absent.
  private readonly position: Int32Array;
  private count = 0;

  constructor(capacity: number, private readonly key: Float64Array) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  has(node: number): boolean {
    return this.position[node]! >= 0;
  }

  // Inserts the node or, when present, restores order after its key decreased.
  push(node: number): void {
    let at = this.position[node]!;
    if (at < 0) {
      at = this.count++;
      this.heap[at] = node;
      this.position[node] = at;
    }
    this.siftUp(at);
  }

  pop(): number {
    const top = this.heap[0]!;
    const last = this.heap[--this.count]!;
    this.position[top] = -1;
    if (this.count > 0) {
      this.heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.position[this.heap[i]!] = -1;
    this.count = 0;
  }

  private siftUp(start: number): void {
    const { heap, position, key } = this;
    const node = heap[start]!;
    const k = key[node]!;
    let at = start;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const p = heap[parent]!;
      if (key[p]! <= k) break;
      heap[at] = p;
      position[p] = at;
      at = parent;
    }
    heap[at] = node;
    position[node] = at;
  }

  private siftDown(start: number): void {
    const { heap, position, key } = this;
    const n = this.count;
    const node = heap[start]!;
    const k = key[node]!;
    let at = start;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && key[heap[right]!]! < key[heap[child]!]!) child = right;
      const c = heap[child]!;
      if (key[c]! >= k) break;
      heap[at] = c;
      position[c] = at;
      at = child;
    }
    heap[at] = node;
    position[node] = at;
  }
}
