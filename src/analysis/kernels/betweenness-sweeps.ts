// The inner loops of Brandes betweenness: one shortest-path sweep per source, its pair dependencies
// added to the source's part of `out`. They run on the calling thread (betweenness) and, as source text,
// in worker threads (betweennessInWorkers), so each function is self-contained: no imports, no
// module-level constants, no helper calls, only typed arrays in and out. Anything they referenced from
// outside would be missing in the worker, which receives `fn.toString()`.
//
// Sources come in parts: part p is sources[bounds[p] .. bounds[p+1]), and its sums go to
// out[(p − partFrom)·n ..]. The caller adds the parts in part order, so the floating-point sums are the
// same bits whichever thread computed which part.
//
// `scratch`, when given and large enough, holds the working arrays instead of a fresh buffer: on a graph of
// a few dozen nodes allocating (and later collecting) it is a noticeable share of the call. Its contents on
// entry do not matter; every array that is read before it is written is initialised here.

// Hops. Each sweep records, per node in BFS order, its successors on the shortest-path DAG (`succ`,
// rows from `start`), so the backward pass reads exactly those arcs, at most half of them, with no
// distance test. Only `dist` needs resetting between sources: sigma is assigned when a node is
// reached, and coefficient is written before it is read (the backward pass meets successors first).
export function hopSweeps(
  offsets: Int32Array,
  neighbours: Int32Array,
  sources: Int32Array,
  bounds: Int32Array,
  partFrom: number,
  partTo: number,
  out: Float64Array,
  scratch: ArrayBuffer | null,
): void {
  const n = offsets.length - 1;
  // One backing store for the scratch arrays: separate typed arrays each cost the GC bookkeeping,
  // which on a graph of a few dozen nodes outweighs the arithmetic.
  const bytes = 16 * n + 4 * (3 * n + 1 + neighbours.length);
  const buffer = scratch !== null && scratch.byteLength >= bytes ? scratch : new ArrayBuffer(bytes);
  const sigma = new Float64Array(buffer, 0, n);
  // coefficient[w] = (1 + δ(w)) / σ(w), so δ(v) = σ(v) · Σ over successors w of coefficient[w].
  const coefficient = new Float64Array(buffer, 8 * n, n);
  const dist = new Int32Array(buffer, 16 * n, n).fill(-1);
  const order = new Int32Array(buffer, 20 * n, n);
  const start = new Int32Array(buffer, 24 * n, n + 1);
  const succ = new Int32Array(buffer, 28 * n + 4, neighbours.length);
  for (let part = partFrom; part < partTo; part++) {
    const base = (part - partFrom) * n;
    for (let i = bounds[part]!, last = bounds[part + 1]!; i < last; i++) {
      const s = sources[i]!;
      dist[s] = 0;
      sigma[s] = 1;
      order[0] = s;
      let head = 0;
      let tail = 1;
      let k = 0;
      while (head < tail) {
        start[head] = k;
        const u = order[head++]!;
        const next = dist[u]! + 1;
        const su = sigma[u]!;
        for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
          const v = neighbours[a]!;
          const dv = dist[v]!;
          if (dv < 0) {
            dist[v] = next;
            sigma[v] = su;
            order[tail++] = v;
            succ[k++] = v;
          } else if (dv === next) {
            sigma[v]! += su;
            succ[k++] = v;
          }
        }
      }
      start[tail] = k;
      for (let j = tail - 1; j > 0; j--) {
        const v = order[j]!;
        let sum = 0;
        for (let e = start[j]!, end = start[j + 1]!; e < end; e++) sum += coefficient[succ[e]!]!;
        const sv = sigma[v]!;
        out[base + v]! += sv * sum;
        coefficient[v] = 1 / sv + sum;
        dist[v] = -1;
      }
      dist[s] = -1;
    }
  }
}

// Per-arc costs. Dijkstra with the predecessors recorded as each node settles (pulled from settled
// neighbours, so near-equal float lengths are judged once, by the same predicate), then the backward
// pass pushes each node's coefficient to exactly those predecessors. The queue is an indexed binary
// min-heap written out inline (decrease-key keeps it at most n entries; each entry's key sits beside it,
// so sifting compares adjacent memory).
export function costSweeps(
  offsets: Int32Array,
  neighbours: Int32Array,
  costs: Float64Array,
  sources: Int32Array,
  bounds: Int32Array,
  partFrom: number,
  partTo: number,
  out: Float64Array,
  scratch: ArrayBuffer | null,
): void {
  const n = offsets.length - 1;
  // Weighted path lengths are sums of floats; lengths this close (relative) count as equal, as igraph does.
  const epsilon = 1e-10;
  const bytes = 32 * n + 4 * (4 * n + 1 + neighbours.length);
  const buffer = scratch !== null && scratch.byteLength >= bytes ? scratch : new ArrayBuffer(bytes);
  const dist = new Float64Array(buffer, 0, n).fill(Infinity);
  const sigma = new Float64Array(buffer, 8 * n, n);
  // Σ over successors w of (1 + δ(w)) / σ(w), so δ(v) = σ(v) · acc(v).
  const acc = new Float64Array(buffer, 16 * n, n).fill(0);
  const heapKeys = new Float64Array(buffer, 24 * n, n);
  const heap = new Int32Array(buffer, 32 * n, n);
  const position = new Int32Array(buffer, 36 * n, n).fill(-1);
  const order = new Int32Array(buffer, 40 * n, n);
  const start = new Int32Array(buffer, 44 * n, n + 1);
  const pred = new Int32Array(buffer, 48 * n + 4, neighbours.length);
  for (let part = partFrom; part < partTo; part++) {
    const base = (part - partFrom) * n;
    for (let i = bounds[part]!, last = bounds[part + 1]!; i < last; i++) {
      const s = sources[i]!;
      dist[s] = 0;
      heap[0] = s;
      heapKeys[0] = 0;
      position[s] = 0;
      let size = 1;
      let count = 0;
      let k = 0;
      while (size > 0) {
        // Pop the nearest node, then sift the last entry down from the root.
        const u: number = heap[0]!;
        position[u] = -1;
        size--;
        if (size > 0) {
          const node = heap[size]!;
          const key = heapKeys[size]!;
          let at = 0;
          for (;;) {
            let child = 2 * at + 1;
            if (child >= size) break;
            let ck = heapKeys[child]!;
            if (child + 1 < size && heapKeys[child + 1]! < ck) ck = heapKeys[++child]!;
            if (ck >= key) break;
            const c = heap[child]!;
            heap[at] = c;
            heapKeys[at] = ck;
            position[c] = at;
            at = child;
          }
          heap[at] = node;
          heapKeys[at] = key;
          position[node] = at;
        }
        start[count] = k;
        order[count++] = u;
        const du = dist[u]!;
        const tolerance = epsilon * (du > 1 ? du : 1);
        let su = u === s ? 1 : 0;
        for (let a: number = offsets[u]!, end: number = offsets[u + 1]!; a < end; a++) {
          const v = neighbours[a]!;
          const c = costs[a]!;
          const dv = dist[v]!;
          // Every node still queued is at least as far as u, so a shorter neighbour is settled: no
          // `settled` array is needed. A predecessor is one whose length plus the arc is u's length.
          if (dv < du) {
            const gap = dv + c - du;
            if (gap <= tolerance && gap >= -tolerance) {
              su += sigma[v]!;
              pred[k++] = v;
            }
          } else {
            const through = du + c;
            if (through < dv) {
              dist[v] = through;
              // Insert v, or sift it up after its key decreased.
              let at = position[v]!;
              if (at < 0) at = size++;
              while (at > 0) {
                const parent = (at - 1) >> 1;
                const pk = heapKeys[parent]!;
                if (pk <= through) break;
                const p = heap[parent]!;
                heap[at] = p;
                heapKeys[at] = pk;
                position[p] = at;
                at = parent;
              }
              heap[at] = v;
              heapKeys[at] = through;
              position[v] = at;
            }
          }
        }
        sigma[u] = su;
      }
      start[count] = k;
      for (let j = count - 1; j > 0; j--) {
        const w = order[j]!;
        const sw = sigma[w]!;
        const aw = acc[w]!;
        out[base + w]! += sw * aw;
        const coefficient = 1 / sw + aw;
        for (let e = start[j]!, end = start[j + 1]!; e < end; e++) acc[pred[e]!]! += coefficient;
      }
      for (let j = 0; j < count; j++) {
        const u = order[j]!;
        dist[u] = Infinity;
        acc[u] = 0;
      }
    }
  }
}
