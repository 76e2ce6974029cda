#!/usr/bin/env python3
"""Checks the geometry of drawn diagrams from their SVG alone (issue 24): no two nodes overlap, no
link passes through a node it does not join, no link label covers a node, and in sequence diagrams
no two participant boxes overlap.

    scripts/check-diagram-geometry.py                     # every diagram under diagram-corpus/
    scripts/check-diagram-geometry.py FILE.mmd DIR ...    # those files, and the .mmd files under DIR

Each file is drawn with `collective diagram` ($COLLECTIVE, default .build/debug/collective); files
it cannot draw are counted and skipped. The check reads only the SVG: node shapes (`diagram-node`
groups: rect, circle, ellipse, polygon, path), link paths (`diagram-edge`, lines and cubic curves,
sampled finely), link label boxes (`diagram-edge-label`) and participant boxes. It knows nothing of
the layout code, so it checks what a reader sees. Exit status 1 when a problem is found. Before the
corpus it checks itself: a node moved onto another and a link bent through a node must be reported.
"""
import os
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
COLLECTIVE = os.environ.get("COLLECTIVE", str(ROOT / ".build" / "debug" / "collective"))
SVG = "{http://www.w3.org/2000/svg}"
# How far inside a node a link may reach before it counts as passing through (stroke widths, rounding).
TOLERANCE = 1.5
# A link end this close to a node is taken to join it.
JOIN_DISTANCE = 16.0

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
COMMAND = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


class Shape:
    """A node's outline: a bounding box, and a finer inside test for circles, ellipses and polygons."""

    def __init__(self, box, kind="box", data=None):
        self.box = box  # (x0, y0, x1, y1)
        self.kind = kind
        self.data = data

    def contains(self, x, y, margin):
        x0, y0, x1, y1 = self.box
        if not (x0 + margin < x < x1 - margin and y0 + margin < y < y1 - margin):
            return False
        if self.kind == "circle":
            cx, cy, r = self.data
            return (x - cx) ** 2 + (y - cy) ** 2 < (r - margin) ** 2
        if self.kind == "ellipse":
            cx, cy, rx, ry = self.data
            return ((x - cx) / max(rx - margin, 0.1)) ** 2 + ((y - cy) / max(ry - margin, 0.1)) ** 2 < 1
        if self.kind == "polygon":
            return inside_polygon(self.data, x, y) and distance_to_polygon(self.data, x, y) > margin
        return True

    def distance(self, x, y):
        x0, y0, x1, y1 = self.box
        dx = max(x0 - x, 0, x - x1)
        dy = max(y0 - y, 0, y - y1)
        return (dx * dx + dy * dy) ** 0.5


def inside_polygon(points, x, y):
    inside = False
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1]):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def distance_to_polygon(points, x, y):
    best = float("inf")
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1]):
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0 if length == 0 else max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / length))
        px, py = ax + t * dx, ay + t * dy
        best = min(best, ((x - px) ** 2 + (y - py) ** 2) ** 0.5)
    return best


def union(boxes):
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def path_segments(d):
    """A path's pieces as ("line", p0, p1), ("cubic", p0, c1, c2, p1) or ("arc", p0, p1, rx, ry), absolute."""
    tokens = COMMAND.findall(d)
    segments = []
    x = y = start_x = start_y = 0.0
    command = None
    index = 0

    def take(count):
        nonlocal index
        values = [float(t) for t in tokens[index:index + count]]
        index += count
        return values

    while index < len(tokens):
        if re.fullmatch(r"[A-Za-z]", tokens[index]):
            command = tokens[index]
            index += 1
            if command in "Zz":
                segments.append(("line", (x, y), (start_x, start_y)))
                x, y = start_x, start_y
                continue
        relative = command.islower()
        upper = command.upper()
        ox, oy = (x, y) if relative else (0.0, 0.0)
        if upper == "M":
            px, py = take(2)
            x, y = ox + px, oy + py
            start_x, start_y = x, y
            command = "l" if relative else "L"
        elif upper == "L" or upper == "T":
            px, py = take(2)
            segments.append(("line", (x, y), (ox + px, oy + py)))
            x, y = ox + px, oy + py
        elif upper == "H":
            (px,) = take(1)
            segments.append(("line", (x, y), ((x + px) if relative else px, y)))
            x = (x + px) if relative else px
        elif upper == "V":
            (py,) = take(1)
            segments.append(("line", (x, y), (x, (y + py) if relative else py)))
            y = (y + py) if relative else py
        elif upper == "C":
            a, b, c, e, f, g = take(6)
            segments.append(("cubic", (x, y), (ox + a, oy + b), (ox + c, oy + e), (ox + f, oy + g)))
            x, y = ox + f, oy + g
        elif upper == "S" or upper == "Q":
            a, b, f, g = take(4)
            segments.append(("cubic", (x, y), (ox + a, oy + b), (ox + a, oy + b), (ox + f, oy + g)))
            x, y = ox + f, oy + g
        elif upper == "A":
            rx, ry, _, _, _, px, py = take(7)
            segments.append(("arc", (x, y), (ox + px, oy + py), abs(rx), abs(ry)))
            x, y = ox + px, oy + py
        else:
            raise ValueError(f"path command {command!r} in {d!r}")
    return segments


def path_box(d):
    boxes = []
    for segment in path_segments(d):
        if segment[0] == "arc":
            (ax, ay), (bx, by), rx, ry = segment[1:]
            mx, my = (ax + bx) / 2, (ay + by) / 2
            # The arc bulges at most its radii from the chord's middle.
            boxes.append((min(ax, bx, mx - rx), min(ay, by, my - ry), max(ax, bx, mx + rx), max(ay, by, my + ry)))
        else:
            xs = [p[0] for p in segment[1:]]
            ys = [p[1] for p in segment[1:]]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return union(boxes)


def samples(d, step=1.0):
    """Points along a link path, about `step` apart."""
    points = []
    for segment in path_segments(d):
        if segment[0] == "line":
            (ax, ay), (bx, by) = segment[1:]
            count = max(1, int(((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 / step))
            points += [(ax + (bx - ax) * i / count, ay + (by - ay) * i / count) for i in range(count + 1)]
        elif segment[0] == "cubic":
            p0, p1, p2, p3 = segment[1:]
            rough = sum(((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2) ** 0.5 for p, q in ((p0, p1), (p1, p2), (p2, p3)))
            count = max(2, int(rough / step))
            for i in range(count + 1):
                t = i / count
                u = 1 - t
                points.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                               u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return points


def translate(element):
    match = re.search(r"translate\(\s*([-\d.eE+]+)[ ,]+([-\d.eE+]+)\s*\)", element.get("transform", ""))
    return (float(match.group(1)), float(match.group(2))) if match else (0.0, 0.0)


def element_shape(element, dx, dy):
    tag = element.tag.replace(SVG, "")
    number = lambda name: float(element.get(name, "0"))
    if tag == "rect":
        x, y = number("x") + dx, number("y") + dy
        return Shape((x, y, x + number("width"), y + number("height")))
    if tag == "circle":
        cx, cy, r = number("cx") + dx, number("cy") + dy, number("r")
        return Shape((cx - r, cy - r, cx + r, cy + r), "circle", (cx, cy, r))
    if tag == "ellipse":
        cx, cy, rx, ry = number("cx") + dx, number("cy") + dy, number("rx"), number("ry")
        return Shape((cx - rx, cy - ry, cx + rx, cy + ry), "ellipse", (cx, cy, rx, ry))
    if tag == "polygon":
        values = [float(v) for v in NUMBER.findall(element.get("points", ""))]
        points = [(values[i] + dx, values[i + 1] + dy) for i in range(0, len(values) - 1, 2)]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return Shape((min(xs), min(ys), max(xs), max(ys)), "polygon", points)
    if tag == "path" and element.get("d"):
        box = path_box(element.get("d"))
        return Shape((box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)) if box else None
    return None


def node_shape(group, dx, dy):
    """The outline of a node group: its one filled shape, or the bounding box of all its shapes."""
    shapes = [element_shape(child, dx, dy) for child in group
              if child.tag.replace(SVG, "") in ("rect", "circle", "ellipse", "polygon", "path")]
    shapes = [s for s in shapes if s]
    if not shapes:
        return None
    if len(shapes) == 1:
        return shapes[0]
    return Shape(union([s.box for s in shapes]))


def collect(svg_text):
    """Nodes, links (path data with their offset), link label boxes and participant boxes of an SVG."""
    root = ET.fromstring(svg_text)
    found = {"nodes": [], "edges": [], "labels": [], "participants": []}

    def walk(element, dx, dy):
        tx, ty = translate(element)
        dx, dy = dx + tx, dy + ty
        classes = element.get("class", "").split()
        if "diagram-node" in classes:
            shape = node_shape(element, dx, dy)
            if shape:
                found["nodes"].append(shape)
            return
        if "diagram-edge" in classes and element.get("d"):
            found["edges"].append((element.get("d"), dx, dy, element.findtext(f"{SVG}title") or ""))
            return
        if "diagram-edge-label" in classes:
            rect = element.find(f"{SVG}rect")
            if rect is not None:
                found["labels"].append(element_shape(rect, dx, dy))
            return
        if "diagram-participant" in classes or "diagram-actor" in classes:
            shape = node_shape(element, dx, dy)
            if shape:
                found["participants"].append(shape)
            return
        for child in element:
            walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return found


def overlap(a, b, margin=1.0):
    return min(a[2], b[2]) - max(a[0], b[0]) > margin and min(a[3], b[3]) - max(a[1], b[1]) > margin


def problems(found):
    result = []
    nodes = found["nodes"]
    for i, a in enumerate(nodes):
        for j in range(i + 1, len(nodes)):
            if overlap(a.box, nodes[j].box):
                result.append(f"nodes {i} and {j} overlap: {fmt(a.box)} and {fmt(nodes[j].box)}")
    for d, dx, dy, title in found["edges"]:
        points = [(x + dx, y + dy) for x, y in samples(d)]
        if not points:
            continue
        joined = set()
        for end in (points[0], points[-1]):
            distances = [(node.distance(*end), index) for index, node in enumerate(nodes)]
            if distances:
                distance, index = min(distances)
                if distance <= JOIN_DISTANCE:
                    joined.add(index)
        for index, node in enumerate(nodes):
            if index in joined:
                continue
            hit = next((p for p in points if node.contains(p[0], p[1], TOLERANCE)), None)
            if hit:
                result.append(f"link “{title}” passes through node {index} {fmt(node.box)} at {hit[0]:.1f},{hit[1]:.1f}")
    for label in found["labels"]:
        for index, node in enumerate(nodes):
            if label and overlap(label.box, node.box):
                result.append(f"a link label {fmt(label.box)} covers node {index} {fmt(node.box)}")
    boxes = found["participants"]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if overlap(a.box, b.box):
                result.append(f"participants {fmt(a.box)} and {fmt(b.box)} overlap")
    return result


def fmt(box):
    return "(" + ", ".join(f"{v:.1f}" for v in box) + ")"


def kind(source):
    lines = source.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1:]
    for line in lines:
        text = line.strip()
        if text and not text.startswith("%%"):
            return text.split()[0]
    return ""


def self_test():
    """The checks must fail on a drawing made wrong on purpose."""
    chart = "flowchart LR\n  A[one] --> B[two] --> C[three]\n  A --> C\n"
    svg = render_text(chart)
    found = collect(svg)
    assert not problems(found), problems(found)
    moved = dict(found)
    moved["nodes"] = found["nodes"][:1] + [Shape(found["nodes"][0].box)] + found["nodes"][2:]
    assert any("overlap" in p for p in problems(moved)), "a node moved onto another was not reported"
    a, _, c = found["nodes"]
    straight = f"M{a.box[2]} {(a.box[1] + a.box[3]) / 2}L{c.box[0]} {(c.box[1] + c.box[3]) / 2}"
    through = dict(found)
    through["edges"] = [(straight, 0.0, 0.0, "A → C")]
    assert any("passes through node 1" in p for p in problems(through)), "a link through a node was not reported"


def render_text(source):
    result = subprocess.run([COLLECTIVE, "diagram", "-"], input=source, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"collective diagram -: {result.stderr}")
    return result.stdout


def main():
    arguments = sys.argv[1:] or [str(ROOT / "diagram-corpus")]
    files = []
    for argument in arguments:
        path = pathlib.Path(argument)
        files += sorted(path.rglob("*.mmd")) if path.is_dir() else [path]
    self_test()
    counts = {}
    failures = 0
    totals = {"nodes": 0, "edges": 0, "labels": 0, "participants": 0}
    for file in files:
        source = file.read_text()
        name = kind(source)
        result = subprocess.run([COLLECTIVE, "diagram", str(file)], capture_output=True, text=True)
        count = counts.setdefault(name, [0, 0, 0])
        if result.returncode != 0 or not result.stdout.strip():
            count[2] += 1
            continue
        count[0] += 1
        parts = collect(result.stdout)
        for key in totals:
            totals[key] += len(parts[key])
        found = problems(parts)
        if found:
            count[1] += 1
            failures += 1
            print(f"{file}: " + "; ".join(found[:3]) + (f" (and {len(found) - 3} more)" if len(found) > 3 else ""))
    for name, (drawn, wrong, skipped) in sorted(counts.items(), key=lambda item: -item[1][0]):
        print(f"{name or '(empty)'}: {drawn} drawn, {drawn - wrong} with sound geometry" + (f", {skipped} not drawn" if skipped else ""))
    print(f"checked {totals['nodes']} nodes, {totals['edges']} links, {totals['labels']} link labels and "
          f"{totals['participants']} participant boxes; {failures} diagrams with a problem")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
