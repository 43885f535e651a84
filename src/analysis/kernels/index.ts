// Public surface of the graph kernels (test-fixtures.ts is test support and stays out).
export { betweenness, type BetweennessOptions } from './betweenness.ts';
export { betweennessInWorkers, type WorkerOptions } from './betweenness-workers.ts';
export { clustering, countTriangles, type ClusteringStats } from './clustering.ts';
export { connectedComponents, largestComponent, type Components } from './components.ts';
export {
  arcCosts,
  buildGraph,
  degree,
  findArc,
  graphFromIds,
  strengths,
  type BuildOptions,
  type CsrGraph,
  type DuplicateMerge,
  type EdgeList,
  type IdEdge,
  type IdGraph,
  type SelfLoops,
} from './csr.ts';
export { diameter } from './diameter.ts';
export { distanceStats, type DistanceStats } from './distances.ts';
export { kShortestPaths, type KShortestPathsOptions } from './k-shortest-paths.ts';
export { louvain, modularity, type LouvainOptions, type LouvainResult, type ModularityOptions } from './louvain.ts';
export {
  allShortestPaths,
  bfsDistances,
  dijkstra,
  shortestPath,
  type AllShortestPathsOptions,
  type ShortestPathTree,
  type WeightedPath,
} from './paths.ts';
export { constraint, effectiveSize, structuralHoles, type StructuralHoles, type StructuralHolesOptions } from './structural-holes.ts';
export { equalCheapestPaths, type EqualPaths, type EqualPathsOptions } from './equal-paths.ts';
