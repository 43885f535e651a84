"""Times networkx or igraph on the same graph as bench/analysis.bench.ts and prints JSON.

usage: python3 analysis_peer.py networkx|igraph EDGE_FILE NODE_COUNT OPS
EDGE_FILE has one "u v" pair per line (node ids 0..NODE_COUNT-1); OPS is a comma list of
betweenness, holes, louvain. Loading the graph is not timed. A library that is not installed
prints {"error": ...} and exits 0, so the benchmark can skip it instead of failing.
"""
import json
import math
import statistics
import sys
import time


def measure(fn, budget_s=1.0, max_samples=7):
    # Same policy as bench/peers/measure.ts: slow runs once; fast is warmed up for a fifth of the
    # budget, batched to >= 5 ms samples, and the median sample per call is reported. CPU time of
    # this process, like the TypeScript side, so other work on the machine does not skew it.
    start = time.process_time()
    result = fn()
    first = time.process_time() - start
    if first > budget_s / 2:
        return first * 1000, 1, result
    start = time.process_time()
    warm_calls = 0
    while time.process_time() - start < budget_s / 5 and warm_calls < 100_000:
        result = fn()
        warm_calls += 1
    per_call = (time.process_time() - start) / max(1, warm_calls)
    batch = max(1, math.ceil(0.005 / max(per_call, 1e-7)))
    samples = []
    spent = 0.0
    while len(samples) < max_samples and spent < budget_s:
        start = time.process_time()
        for _ in range(batch):
            result = fn()
        elapsed = time.process_time() - start
        samples.append(elapsed / batch)
        spent += elapsed
    return statistics.median(samples) * 1000, len(samples) * batch, result


def finite(values):
    # JSON has no NaN: isolated nodes' constraint becomes null.
    return [None if v != v else v for v in values]


def read_edges(path):
    with open(path) as handle:
        return [tuple(map(int, line.split())) for line in handle if line.strip()]


def run_networkx(edges, n, ops):
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    out = {"version": nx.__version__}
    if "betweenness" in ops:
        ms, runs, b = measure(lambda: nx.betweenness_centrality(graph, normalized=False))
        out["betweenness"] = {"ms": ms, "runs": runs, "values": [b[i] for i in range(n)]}
    if "holes" in ops:
        ms, runs, c = measure(lambda: (nx.constraint(graph), nx.effective_size(graph)))
        out["holes"] = {"ms": ms, "runs": runs, "values": finite([c[0][i] for i in range(n)]), "note": "constraint + effective_size"}
    if "louvain" in ops:
        ms, runs, parts = measure(lambda: nx.community.louvain_communities(graph, seed=1))
        q = nx.community.modularity(graph, parts)
        out["louvain"] = {"ms": ms, "runs": runs, "q": q, "communities": len(parts)}
    return out


def run_igraph(edges, n, ops):
    import igraph as ig

    graph = ig.Graph(n=n, edges=edges, directed=False)
    out = {"version": ig.__version__}
    if "betweenness" in ops:
        ms, runs, b = measure(lambda: graph.betweenness(directed=False))
        out["betweenness"] = {"ms": ms, "runs": runs, "values": b}
    if "holes" in ops:
        ms, runs, c = measure(lambda: graph.constraint())
        out["holes"] = {"ms": ms, "runs": runs, "values": finite(c), "note": "constraint only (igraph has no effective size)"}
    if "louvain" in ops:
        ms, runs, parts = measure(lambda: graph.community_multilevel())
        out["louvain"] = {"ms": ms, "runs": runs, "q": parts.modularity, "communities": len(parts)}
    return out


def main():
    lib, path, n, ops = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")
    runner = {"networkx": run_networkx, "igraph": run_igraph}[lib]
    try:
        result = runner(read_edges(path), n, ops)
    except ImportError as error:
        result = {"error": f"{lib} is not installed ({error})"}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
