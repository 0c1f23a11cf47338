#!/usr/bin/python3
"""Who calls whom in dpf, from the symbols of the built objects.

Usage: scripts/layers.py BUILD [--graph]

Each object's undefined symbols are matched to the object that defines them: that is an
arrow "file A calls file B". The check fails (exit 1) on
  - a circle: files that reach each other through arrows (a strongly connected set), and
  - an arrow that runs up a floor (a file calling a folder on a higher floor of LAYERS) or
    sideways (a folder calling a neighbour on its own floor of the core), and
  - a folder of src/core that LAYERS does not place: a new module takes a floor first.
--graph prints every arrow between folders and the number of arrows between files.
"""
import os
import subprocess
import sys

# Floors, lowest first: a folder may call itself and any folder on a lower floor, never a
# neighbour on its own floor (they meet through the registries in base). Front ends sit on
# top and may call each other (cli's main runs the screens).
LAYERS = [
    ["src/core/base"],
    ["src/core/register"],
    ["src/core/subsidy", "src/core/insurance"],
    ["src/core/rehab"],
    ["src/core/report", "src/core/demo", "src/core/app"],
    ["src/tui", "src/cli"],
]


def floor_of(folder):
    for i, floor in enumerate(LAYERS):
        if folder in floor:
            return i
    return None


def symbols(obj):
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    defined, wanted = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "U":
            wanted.add(parts[1])
        elif len(parts) == 3 and parts[1] in "TDBRV":
            defined.add(parts[2])
    return defined, wanted


def objects(build):
    found = []
    for top in ("src",):
        for root, _, files in os.walk(os.path.join(build, top)):
            for f in files:
                # Only objects of sources that exist: a moved file's old object is stale.
                src = os.path.relpath(os.path.join(root, f), build)[:-2] + ".c"
                if f.endswith(".o") and os.path.exists(src):
                    found.append(os.path.join(root, f))
    return sorted(found)


def arrows(build):
    objs = objects(build)
    owner, wants = {}, {}
    for o in objs:
        src = os.path.relpath(o, build)[:-2] + ".c"
        d, w = symbols(o)
        for s in d:
            owner[s] = src
        wants[src] = w
    edges = {}
    for src, w in wants.items():
        edges[src] = sorted({owner[s] for s in w if s in owner and owner[s] != src})
    return edges


def circles(edges):
    """Tarjan's strongly connected components of more than one file."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, []):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    edges = arrows(sys.argv[1])
    bad = 0
    for comp in circles(edges):
        print("circle: " + " <-> ".join(comp))
        bad += 1
    folders = {}
    for src, tos in edges.items():
        for to in tos:
            a, b = os.path.dirname(src), os.path.dirname(to)
            fa, fb = floor_of(a), floor_of(b)
            if a != b:
                folders.setdefault((a, b), []).append((src, to))
            if fa is None or fb is None:
                continue
            if fb > fa:
                print("upward: %s -> %s" % (src, to))
                bad += 1
            elif fb == fa and a != b and not a.startswith(("src/tui", "src/cli")):
                print("sideways: %s -> %s" % (src, to))
                bad += 1
    for folder in sorted({os.path.dirname(f) for f in edges}):
        if folder.startswith("src/core/") and floor_of(folder) is None:
            print("unplaced: %s (give it a floor in LAYERS, scripts/layers.py)" % folder)
            bad += 1
    if "--graph" in sys.argv:
        for (a, b), pairs in sorted(folders.items()):
            print("%-24s -> %-24s %d" % (a, b, len(pairs)))
    n = sum(len(t) for t in edges.values())
    print("layers: %d files, %d arrows, %d problems" % (len(edges), n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
