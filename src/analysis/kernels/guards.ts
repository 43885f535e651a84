// Argument checks shared by the kernels. A node index outside the graph used to send the path searches into
// an endless loop over typed arrays that read `undefined` (a V8 out-of-memory crash), and a sample count of 0
// silently returned all zeros: every public kernel entry checks its arguments first and names the one wrong.

export function checkNodeArgument(name: string, node: number, nodeCount: number): void {
  if (!Number.isInteger(node) || node < 0 || node >= nodeCount) {
    throw new RangeError(`${name} must be a node index in [0, ${nodeCount}), got ${node}`);
  }
}

export function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

export function checkNonNegativeInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

export function checkNonNegativeFinite(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
}
