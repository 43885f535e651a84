"""Times networkx or igraph on the same graph as bench/analysis.bench.ts and prints JSON.

usage: python3 analysis_peer.py networkx|igraph EDGE_FILE NODE_COUNT OPS SOURCE
EDGE_FILE has one "u v cost" line per edge (node ids 0..NODE_COUNT-1; cost a positive integer, used
only by the weighted operations); OPS is a comma list of betweenness, betweennessWeighted,
pathsWeighted (paths from SOURCE to every node), bfs (hop distances from SOURCE), holes,
clustering (local clustering of every node), diameter (longest shortest path over all components), louvain. Loading the graph is not timed. A library that is not installed
prints {"error": ...} and exits 0, so the benchmark can skip it instead of failing.
"""
import json
import math
import statistics
import sys
import time


def measure(fn, budget_s=1.0, max_samples=7):
    # Same policy as bench/peers/measure.ts: slow runs once; fast is warmed up for a fifth of the
    # budget, batched to >= 5 ms samples, and the median sample per call is reported. Wall-clock
    # time, like the TypeScript side, and beside it the process CPU time per call over the same runs.
    clock = time.perf_counter
    cpu = time.process_time
    cpu_start = cpu()
    start = clock()
    result = fn()
    first = clock() - start
    if first > budget_s / 2:
        return first * 1000, 1, result, (cpu() - cpu_start) * 1000
    start = clock()
    warm_calls = 0
    while clock() - start < budget_s / 5 and warm_calls < 100_000:
        result = fn()
        warm_calls += 1
    per_call = (clock() - start) / max(1, warm_calls)
    batch = max(1, math.ceil(0.005 / max(per_call, 1e-7)))
    samples = []
    spent = 0.0
    cpu_start = cpu()
    while len(samples) < max_samples and spent < budget_s:
        start = clock()
        for _ in range(batch):
            result = fn()
        elapsed = clock() - start
        samples.append(elapsed / batch)
        spent += elapsed
    runs = len(samples) * batch
    return statistics.median(samples) * 1000, runs, result, (cpu() - cpu_start) * 1000 / runs


def finite(values):
    # JSON has no NaN: isolated nodes' constraint becomes null.
    return [None if v != v else v for v in values]


def read_edges(path):
    with open(path) as handle:
        return [tuple(map(int, line.split())) for line in handle if line.strip()]


def path_costs(paths, cost, n):
    # The length of each returned path, recomputed from the edge costs (outside the timing), so the
    # agreement column checks the paths themselves; None where a node is unreachable.
    out = []
    for target in range(n):
        path = paths[target] if isinstance(paths, list) else paths.get(target)
        if not path:
            out.append(None)
            continue
        out.append(sum(cost[(min(a, b), max(a, b))] for a, b in zip(path, path[1:])))
    return out


def run_networkx(edges, n, ops, source, cost):
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    # The cost attribute is not called "weight", so the unweighted operations (Louvain defaults to
    # weight="weight") cannot pick it up.
    graph.add_edges_from((u, v, {"cost": c}) for u, v, c in edges)
    out = {"version": nx.__version__}
    if "betweenness" in ops:
        ms, runs, b, cpu_ms = measure(lambda: nx.betweenness_centrality(graph, normalized=False))
        out["betweenness"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": [b[i] for i in range(n)]}
    if "betweennessWeighted" in ops:
        ms, runs, b, cpu_ms = measure(lambda: nx.betweenness_centrality(graph, normalized=False, weight="cost"))
        out["betweennessWeighted"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": [b[i] for i in range(n)]}
    if "pathsWeighted" in ops:
        ms, runs, (_, paths), cpu_ms = measure(lambda: nx.single_source_dijkstra(graph, source, weight="cost"))
        out["pathsWeighted"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": path_costs(paths, cost, n)}
    if "bfs" in ops:
        ms, runs, d, cpu_ms = measure(lambda: nx.single_source_shortest_path_length(graph, source))
        out["bfs"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": [d.get(i) for i in range(n)]}
    if "clustering" in ops:
        ms, runs, c, cpu_ms = measure(lambda: nx.clustering(graph))
        out["clustering"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": [c[i] for i in range(n)]}
    if "diameter" in ops:
        ms, runs, d, cpu_ms = measure(lambda: max(nx.diameter(graph.subgraph(c)) for c in nx.connected_components(graph)))
        out["diameter"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "value": d}
    if "holes" in ops:
        ms, runs, c, cpu_ms = measure(lambda: (nx.constraint(graph), nx.effective_size(graph)))
        out["holes"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": finite([c[0][i] for i in range(n)]), "note": "constraint + effective_size"}
    if "louvain" in ops:
        ms, runs, parts, cpu_ms = measure(lambda: nx.community.louvain_communities(graph, seed=1))
        q = nx.community.modularity(graph, parts)
        out["louvain"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "q": q, "communities": len(parts)}
    return out


def run_igraph(edges, n, ops, source, cost):
    import igraph as ig

    graph = ig.Graph(n=n, edges=[(u, v) for u, v, _ in edges], directed=False)
    # A plain list rather than a "weight" edge attribute, which some igraph methods would use unasked.
    weights = [c for _, _, c in edges]
    out = {"version": ig.__version__}
    if "betweenness" in ops:
        ms, runs, b, cpu_ms = measure(lambda: graph.betweenness(directed=False))
        out["betweenness"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": b}
    if "betweennessWeighted" in ops:
        ms, runs, b, cpu_ms = measure(lambda: graph.betweenness(directed=False, weights=weights))
        out["betweennessWeighted"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": b}
    if "pathsWeighted" in ops:
        ms, runs, paths, cpu_ms = measure(lambda: graph.get_shortest_paths(source, weights=weights, output="vpath"))
        out["pathsWeighted"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": path_costs(paths, cost, n)}
    if "bfs" in ops:
        ms, runs, d, cpu_ms = measure(lambda: graph.distances(source=[source])[0])
        out["bfs"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": [None if x == math.inf else x for x in d]}
    if "clustering" in ops:
        ms, runs, c, cpu_ms = measure(lambda: graph.transitivity_local_undirected(mode="zero"))
        out["clustering"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": c}
    if "diameter" in ops:
        ms, runs, d, cpu_ms = measure(lambda: graph.diameter(directed=False, unconn=True))
        out["diameter"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "value": d}
    if "holes" in ops:
        ms, runs, c, cpu_ms = measure(lambda: graph.constraint())
        out["holes"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "values": finite(c), "note": "constraint only (igraph has no effective size)"}
    if "louvain" in ops:
        ms, runs, parts, cpu_ms = measure(lambda: graph.community_multilevel())
        out["louvain"] = {"ms": ms, "runs": runs, "cpuMs": cpu_ms, "q": parts.modularity, "communities": len(parts)}
    return out


def main():
    lib, path, n, ops, source = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(","), int(sys.argv[5])
    runner = {"networkx": run_networkx, "igraph": run_igraph}[lib]
    edges = read_edges(path)
    cost = {(min(u, v), max(u, v)): c for u, v, c in edges}
    try:
        result = runner(edges, n, ops, source, cost)
    except ImportError as error:
        result = {"error": f"{lib} is not installed ({error})"}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
