"""The word lists the entity reader reads names by, and small tests of a name's words.

The lists of ``data/gazetteer.yaml`` (stopwords, organization words, titles, outlets, places,
furniture patterns) as a :class:`Gazetteer`, and the lists that live beside the code: titles
of office, words that make a name a place's, letters after a person's name, storms. Shared by
the modules that find candidates (:mod:`.entity_candidates`), cut runs (:mod:`.entity_runs`),
give kinds (:mod:`.entity_kinds`) and join mentions (:mod:`.entity_mentions`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import yaml

from .text import UPPER, Intervals, lines


@dataclass(frozen=True)
class Gazetteer:
    """The word lists of ``data/gazetteer.yaml``, as sets and alias maps."""

    stopwords: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    seasons: frozenset[str]
    org_words: frozenset[str]
    connectors: frozenset[str]
    non_entity_acronyms: frozenset[str]
    honorifics: frozenset[str]
    person_titles: frozenset[str]
    product_nouns: frozenset[str]
    org_context_nouns: frozenset[str]
    place_context_nouns: frozenset[str]
    furniture: tuple[re.Pattern[str], ...]
    outlets: dict[str, str]  # any form -> canonical name
    places: dict[str, str]  # any form -> canonical name
    first_names: frozenset[str]

    def is_time_word(self, word: str) -> bool:
        """Month, weekday or season names."""
        return word in self.months or word in self.weekdays or word in self.seasons


def _alias_map(entries: Iterable[dict[str, list[str]]]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for entry in entries:
        for canonical, aliases in entry.items():
            mapping[canonical] = canonical
            for alias in aliases or ():
                mapping.setdefault(str(alias), canonical)
    return mapping


@functools.cache
def gazetteer() -> Gazetteer:
    """Load the bundled word lists once."""
    # read by libyaml where it is built in: the same values, ten times faster than in Python
    raw = yaml.load((resources.files("timeline_graph") / "data" / "gazetteer.yaml").read_text("utf-8"),
                    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in raw[key])

    return Gazetteer(
        stopwords=words("stopwords"),
        months=words("months"),
        weekdays=words("weekdays"),
        seasons=words("seasons"),
        org_words=words("org_words"),
        connectors=words("connectors"),
        non_entity_acronyms=words("non_entity_acronyms"),
        honorifics=words("honorifics"),
        person_titles=words("person_titles"),
        product_nouns=words("product_nouns"),
        org_context_nouns=words("org_context_nouns"),
        place_context_nouns=words("place_context_nouns"),
        furniture=tuple(re.compile(p, re.MULTILINE) for p in raw["furniture"]),
        outlets=_alias_map(raw["news_outlets"]),
        places=_alias_map(raw["places"]),
        first_names=words("first_names"),
    )


@functools.lru_cache(maxsize=2048)
def pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern made with words of the text in it ("(?<!\\w)Lowe(?!\\w)"), compiled once: re's own
    cache keeps 512 patterns, first in first out, and a document's names would push out the rest."""
    return re.compile(source, flags)


_UPPER_LETTER = re.compile(f"[{UPPER}]")
_WORD_CHARS = {True: re.compile(r"[\w.’'-]"), False: re.compile(r"[\w’'-]")}


def after_capitalized(text: str, word: str, *, dots: bool, spaces: bool) -> bool:
    """Whether the word ``word`` comes somewhere in ``text`` after a space (or several, with
    ``spaces``) and a word with a capital letter in it ("Mark Cuban" for "Cuban"): what
    ``re.search(rf"[{UPPER}][\\w.’'-]* +{re.escape(word)}\b", text)`` finds (no "." in the word
    before it unless ``dots``; one space unless ``spaces``), without compiling the capitals'
    class again for every word."""
    if " " in word:  # the occurrences below could overlap
        return bool(pattern(rf"[{UPPER}][\w{'.' if dots else ''}’'-]* {'+' if spaces else ''}{re.escape(word)}\b")
                    .search(text))
    chars = _WORD_CHARS[dots]
    for match in pattern(rf" {'+' if spaces else ''}{re.escape(word)}\b").finditer(text):
        # the capitalized word is the one just before the space (the first, with ``spaces``);
        # its capital may be any of its letters, the rest then being word characters too
        start = match.start()
        while start > 0 and chars.match(text, start - 1):
            start -= 1
        if _UPPER_LETTER.search(text, start, match.start()):
            return True
    return False


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of page furniture: navigation, share buttons, photo credits, comment boxes."""
    found: list[tuple[int, int]] = []
    short: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line_start, line_end in lines(text):
        line = text[line_start:line_end]
        for pattern in gazetteer().furniture:
            for match in pattern.finditer(line):
                if match.end() > match.start():
                    found.append((line_start + match.start(), line_start + match.end()))
        if _CREDIT_LINE.fullmatch(line.strip()):
            short[line.strip()].append((line_start, line_end))
    # A line of a name or two alone, the same three times or more: a credit under each photo ("Getty.").
    found += [span for spans in short.values() if len(spans) >= 3 for span in spans]
    found += [(m.start(), m.end()) for m in _INLINE_CREDIT.finditer(text)]
    return sorted(found)


#: A photo's credit run into the prose after a sentence, as a caption flattened into the text
#: ("... a flooded road. Image: Ann Lowe. The storm ...").
_INLINE_CREDIT = re.compile(
    rf"(?<=[.!?] )(?:Image|Photo|Photograph|Picture|Illustration)s?: [{UPPER}](?:\.|[\w'’&-]*)"
    rf"(?: [{UPPER}](?:\.|[\w'’&-]*)){{0,3}}(?=[.\s]|$)")
_CREDIT_LINE = re.compile(rf"[{UPPER}][\w&'’/-]*(?: [{UPPER}][\w&'’/-]*){{0,2}}\.?")


def inside(ranges: Intervals[None], start: int, end: int) -> bool:
    """Whether text[start:end] overlaps one of ``ranges`` (masked furniture, headline lines)."""
    return ranges.overlaps(start, end)


#: Endings of words for a people ("Kenyan", "Maltese", "Danish"), which say nothing of a speaker.
DEMONYM = re.compile(r"(?:ans?|ese|ish)$")

_ACRONYM = re.compile(rf"(?:[{UPPER}]\.){{2,}}|[{UPPER}][{UPPER}&]{{1,7}}s?")

#: Last words of titles of office or trade written before a name ("Majority Leader", "State
#: Treasurer", "Managing Editor", "Pastor"), beside the gazetteer's titles.
TITLE_HEADS = frozenset({
    "Leader", "Treasurer", "Editor", "Journalist", "Pastor", "Pastors", "Spokesman", "Spokeswoman", "Speaker",
    "Whip", "Comptroller", "Auditor", "Anchor", "Strategist", "Pollster", "Adviser", "Advisor", "Nominee",
    "Candidate", "Chaplain", "Archbishop", "Imam", "Coach", "Manager", "Producer", "Columnist", "Correspondent",
})


#: Words that open a title rather than end a name before it ("Majority Leader", "Managing Editor").
TITLE_MODIFIERS = frozenset({"Majority", "Minority", "Assistant", "Deputy", "Managing", "Executive", "Senior",
                             "Former", "Acting", "Interim", "Democratic", "Republican", "General"})


@functools.cache
def known_names() -> dict[str, tuple[str, ...]]:
    """Gazetteer places and outlets by their first word, for names that open with a stopword."""
    gaz = gazetteer()
    found: dict[str, list[str]] = defaultdict(list)
    for name in (*gaz.places, *gaz.outlets):
        if " " in name:
            found[name.split()[0]].append(name + " ")
            found[name.split()[0]].append(name)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in found.items()}


#: Last words that make a name a place's ("Castle Road", "Pine Lake").
PLACE_WORDS = frozenset(
    ["Road", "Street", "Avenue", "Boulevard", "Lane", "Drive", "Way", "Square", "Park", "Bridge", "River", "Lake", "Mountain", "Mountains", "Island", "Islands", "Bay", "Beach", "Valley", "County", "Province", "Airport", "Station", "Harbor", "Harbour", "Canyon", "Forest"]
)


#: Words after a surname that tell a generation ("Jr.", "III"), no surname themselves.
GENERATIONS = frozenset({"Jr", "Sr", "II", "III", "IV"})


def surname_of(name: str) -> str:
    """The last word of a person's name, before a generation's ("Lowe" of "Ann Lowe III")."""
    words = name.split()
    if len(words) > 2 and words[-1].rstrip(".") in GENERATIONS:
        return words[-2].rstrip(",")
    return words[-1]


#: Initials that say what kind of body a name is, written before it ("the super PAC Orla
#: Action", "the NGO Open Pipes"), never the first word of its name (though "PAC" may end one).
KIND_INITIALS = frozenset({"PAC", "PACs", "NGO", "NGOs", "NPO", "NPOs"})


#: Last words of companies' names beside the gazetteer's organization words: the trade a
#: company is in ("Orla Logistics", "Vantor Pharmaceuticals"), which no person's or place's name
#: ends with.
COMPANY_ENDINGS = frozenset({
    "Logistics", "Motors", "Pharmaceuticals", "Pharma", "Therapeutics", "Biotech", "Airways", "Insurance",
    "Securities", "Investments", "Capital", "Ventures", "Entertainment", "Communications", "Telecom", "Electric",
    "Energy", "Petroleum", "Brands", "Foods", "Stores", "Solutions", "Consulting", "Bancorp", "Financial",
    "Associates", "Railways", "Railroad", "Shipping", "Semiconductor", "Semiconductors", "Robotics", "Aerospace",
    "Automotive", "Chemicals", "Steel", "Mining", "Productions", "Pictures", "Publishing", "Airline", "Software",
    "Microsystems", "Electronics", "Enterprises", "Retail", "Realty", "Hotels", "Resorts", "Restaurants",
    "Research", "Publishers", "Publications", "Strategies", "Analytics", "Marketing", "Advisors", "Advisers",
    "Polling", "PAC", "Dynamics", "Manufacturing", "Construction", "Pharmacies", "Biosciences", "Brewing",
    "Freight", "Trucking", "Outfitters", "Apparel", "Cosmetics", "Beverages", "Textiles", "Health", "Interactive", "Transit",
    "LLP", "PLC", "GmbH", "Auto", "Motor", "Oil", "Utilities", "Gaming",
})

#: Legal forms of partnerships and companies that close a name of partners joined by "and"
#: ("Pell and Marsh LLP"), as no list of two names does.
PARTNERSHIP_FORMS = frozenset({"LLP", "PLC", "GmbH"})


#: Last words of the names of movements and armed groups ("Green Belt Movement", "Martyrs
#: Brigades"), and the creeds that make a "State" one ("Islamic State") rather than a place.
GROUP_ENDINGS = frozenset({"Movement", "Brigade", "Brigades", "Militia", "Militias"})
CREEDS = frozenset({"Islamic", "Islamist", "Jihadist", "Communist", "Socialist", "Fascist", "Nationalist",
                    "Marxist", "Maoist"})


_STATES = ("Alabama Ala AL|Alaska Alaska AK|Arizona Ariz AZ|Arkansas Ark AR|California Calif,Cal CA|Colorado Colo CO|"
           "Connecticut Conn CT|Delaware Del DE|Florida Fla FL|Georgia Ga GA|Hawaii Hawaii HI|Idaho Idaho ID|Illinois Ill IL|"
           "Indiana Ind IN|Iowa Iowa IA|Kansas Kan,Kans KS|Kentucky Ky KY|Louisiana La LA|Maine Maine ME|Maryland Md MD|"
           "Massachusetts Mass MA|Michigan Mich MI|Minnesota Minn MN|Mississippi Miss MS|Missouri Mo MO|Montana Mont MT|"
           "Nebraska Neb,Nebr NE|Nevada Nev NV|New_Hampshire N.H NH|New_Jersey N.J NJ|New_Mexico N.M NM|New_York N.Y NY|"
           "North_Carolina N.C NC|North_Dakota N.D ND|Ohio Ohio OH|Oklahoma Okla OK|Oregon Ore,Oreg OR|Pennsylvania Pa,Penn PA|"
           "Rhode_Island R.I RI|South_Carolina S.C SC|South_Dakota S.D SD|Tennessee Tenn TN|Texas Tex,Texas TX|Utah Utah UT|"
           "Vermont Vt VT|Virginia Va VA|Washington Wash WA|West_Virginia W.Va WV|Wisconsin Wis,Wisc WI|Wyoming Wyo WY")


@functools.cache
def state_abbreviations() -> tuple[dict[str, str], dict[str, str]]:
    """The US states by the abbreviations news writes with a period ("Fla.", "N.Y."; the period
    left out) and by their postal codes ("FL"), which stand for a state only where the text's
    shape says so ("Sen. Ann Lowe (R-FL)"). "Miss." is an honorific more often than a state."""
    written: dict[str, str] = {}
    postal: dict[str, str] = {}
    for entry in _STATES.split("|"):
        name, abbreviations, code = entry.split()
        state = name.replace("_", " ")
        for abbreviation in abbreviations.split(","):
            if abbreviation != "Miss":
                written[abbreviation] = state
        postal[code] = state
    return written, postal


#: Initials before a surname: "R Okonjo", "T. S. Marlow", "J.K. Rowan".
INITIAL_SURNAME = re.compile(r"(?:[A-Z]\.? ?){1,2} ?(?:Mac|Mc|De|La|Di)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?")

#: Letters written after a person's name: ranks, honours, degrees, seats ("Ann Lowe QC", "MP").
POSTNOMINALS = frozenset({"QC", "KC", "SC", "MP", "MPs", "MEP", "MEPs", "MLA", "MSP", "MBE", "OBE", "CBE", "KBE",
                          "DBE", "PhD", "MD", "RN", "DDS", "CPA", "JP"})


#: First words that make a name a place's ("Mount Ardent", "Municipality of Orla").
PLACE_OPENERS = frozenset(["Mount", "Mt.", "Lake", "Cape", "Fort", "Isle", "Gulf", "Municipality", "Province",
                           "Prefecture", "Canton", "Republic", "Kingdom", "Mountains", "Glacier", "Desert"])


#: First words of storms' names: an event's, not a person's ("Hurricane Ada").
STORMS = frozenset(["Hurricane", "Typhoon", "Cyclone", "Tropical", "Storm", "Superstorm", "Tornado"])

#: Small words that may stand in lower case inside a name ("Ibn", "da", "bin"), beside the connectors.
NAME_PARTICLES = frozenset({"the", "upon", "bin", "ibn", "bint", "da", "di", "dos", "das", "des", "le", "y", "e", "van", "den",
                            "ter", "el", "au", "aux"})


#: Plural endings of words for members of a people, party or body ("Americans", "Democrats",
#: "Latinos", "Senators"), unlike plural place names ("Wales", "Athens").
MEMBERS = re.compile(r"(?:an|ese|ino|ina|crat|ist|ite|or|im|ab)s$")


def is_acronym(name: str) -> bool:
    """Capitals (with dots or "&") of two letters or more: "EFF", "U.N.", "AT&T", "NGOs"."""
    return _ACRONYM.fullmatch(name) is not None and sum(c.isupper() for c in name) >= 2


@functools.cache
def gazetteer_forms() -> dict[str, frozenset[str]]:
    """Every form the gazetteer gives a canonical place or outlet name (an outlet's form wins)."""
    forms: dict[str, set[str]] = defaultdict(set)
    gaz = gazetteer()
    for form, canonical in {**gaz.places, **gaz.outlets}.items():
        forms[canonical].add(form)
    return {canonical: frozenset(found) for canonical, found in forms.items()}


def initials(name: str) -> str:
    """The first letters of a name's words without its connectors, to match an acronym."""
    gaz = gazetteer()
    return "".join(
        w[0] for w in name.replace("-", " ").split() if w not in gaz.connectors and w != "the"
    )
