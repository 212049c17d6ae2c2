"""What a name's own words say of its kind: events, teams, places, bodies and common words.

The shape of a name ("the Vantor Cup", "Orla Bay", "Ann Lowe", an acronym) and the way the
text spells it elsewhere say whether it names a person, a body, a place or no entity at all.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..nlp import Parse, Token
from ..nlp import gazetteer as world_names
from ..nlp.typer import common_word, shipped_word_case
from .entity_candidates import Candidate
from .entity_runs import NAME_PREPOSITIONS, initial_at
from .entity_votes import (
    _KIND_NOUNS,
    _PERSON_AFTER,
    _PERSON_STRONG,
    _given_name_first,
    _in_region,
    document_votes,
)
from .entity_words import (
    COMPANY_ENDINGS,
    INITIAL_SURNAME,
    MEMBERS,
    PLACE_OPENERS,
    PLACE_WORDS,
    POSTNOMINALS,
    gazetteer,
    is_acronym,
    pattern,
)
from .text import LOWER, UPPER

if TYPE_CHECKING:
    from .entity_kinds import Group


#: Last words of the names of events: contests, games, shows and wars ("the Vantor Cup", "the
#: Halden Marathon", "the Orla Festival", "the Gulf War"), which name no body, person or place.
_EVENT_HEADS = frozenset({"Cup", "Olympics", "Paralympics", "Championship", "Championships", "Marathon", "Tournament",
                          "Festival", "Summit", "Expo", "Prix", "War", "Awards", "Bowl", "Regatta", "Jamboree"})
#: Words before "Games" that make it a meeting of sports ("the Commonwealth Games"), not a
#: maker of games ("Orla Games").
_GAMES_OPENERS = frozenset({"Olympic", "Paralympic", "Commonwealth", "Asian", "African", "Pan", "Winter", "Summer",
                            "Youth", "Invictus", "Island", "World", "Mediterranean", "Special"})
#: Roman numerals and counts after an event's name: "World War II", "Super Bowl LVIII".
_EVENT_COUNT = re.compile(r"[IVXLC]+|\d+")


def event_name(words: list[str]) -> bool:
    """A name of two words or more whose head names an event: "the Vantor Cup", "World War II",
    "the Commonwealth Games"; not when a body's word is in it ("the Ministry of War", "the Cup
    Committee") or "of" comes before the head ("the Department of War")."""
    while len(words) > 2 and _EVENT_COUNT.fullmatch(words[-1]):
        words = words[:-1]
    if len(words) < 2 or any(w in gazetteer().org_words for w in words) or words[-2] in ("of", "for", "and"):
        return False
    head = words[-1].removesuffix("’s").removesuffix("'s")
    return head in _EVENT_HEADS or (head == "Games" and words[-2] in _GAMES_OPENERS)



#: A match's score: two small numbers and a dash ("2 – 1", "3-0"), no part of a date or a range.
_SCORE = r"(?<![\d/.:,])\d{1,2}\s*[–—-]\s*\d{1,2}(?![\d%/.:,]\d|\s*(?:%|percent|per cent|years?|days?|months?|weeks?|hours?|minutes?|[ap]\.?m\b))"
#: A name beside a score and another side of the match: "Norway 2 – 1 Chile", "Norway beat Chile
#: 3-0", "beat Chile 3-0 on Sunday", "lost 1 – 2 to Norway"; not a margin of votes ("won Ohio 52-48").
_SCORE_AFTER = re.compile(rf"\s+{_SCORE}\s+[{UPPER}]")
_BEAT_BY_SCORE = re.compile(rf"\s+(?:(?:beat|defeated|edged|thrashed|routed|drew with|tied with|lost to|fell to)\s+[^.;!?]{{0,40}}?\s"
                            rf"|(?:won|lost|drew|tied)\s+){_SCORE}")
_BEATEN = re.compile(r"\b(?:beat|beating|defeated|defeating|edged|thrashed|routed|drew with|tied with|lost to|fell to|"
                     r"victory over|win over|defeat to|defeat by)\s+(?:[a-z]+\s+)?(?:the\s+)?$")
_SCORE_BEFORE = re.compile(rf"(?:[{UPPER}][\w.’'-]*|\b(?:lost|won|drew|beat|defeated|fell|trailed|led))\s+{_SCORE}\s+(?:(?:to|against|over|with)\s+)?$")


def side_of_a_match(group: Group, text: str) -> bool:
    """A name written right beside a match's score, with the other side's name or a verb of
    winning or losing on the other side ("Norway 2 – 1 Chile", "Norway beat Chile 3-0", "lost
    1 – 2 to Norway"): the team of a country or a town, not the place. Sports news names teams so."""
    for cand in group.cands:
        before = text[max(0, cand.start - 40) : cand.start]
        if (_SCORE_AFTER.match(text, cand.end, cand.end + 40) or _BEAT_BY_SCORE.match(text, cand.end, cand.end + 80)
                or _SCORE_BEFORE.search(before)
                or (_BEATEN.search(before) and re.match(rf"\s+{_SCORE}", text[cand.end : cand.end + 20]))):
            return True
    return False


def _title_before_name(group: Group, text: str) -> bool:
    """Whether a name that ends with a word for a role is written somewhere right before another
    name or with the rest of a title ("Washington Political Editor Matt Boyle", "Editor-in-Chief"): a
    title, not a name."""
    names = {text[c.start : c.end] for c in group.cands}
    return any(pattern(rf"(?<![\w-]){re.escape(name)}(?:-[{LOWER}]|\s[{UPPER}])").search(text) for name in names)


def _ends_with_role(words: list[str], group: Group) -> bool:
    """A name of two words or more whose last is a word for a role that the word lists write in
    lower case ("Reporter", "Analyst"): no person's name ends so, a body's or an outlet's may."""
    gaz = gazetteer()
    return (len(words) > 1 and words[-1].lower() in gaz.person_titles and words[-1] not in gaz.person_titles
            and not any(c.title for c in group.cands))


#: Openers of the names of areas that a government of their own runs ("the Municipality of
#: Orla", "the Province of Tessa"): the area's name, and its government's when it acts.
_GOVERNED_AREAS = frozenset({"Municipality", "Province", "Prefecture", "Canton"})


#: Last words of the names of streets and squares ("Times Square", "Union Street", "the Vegas
#: Strip"), which no body's or person's name ends with.
_STREET_WORDS = frozenset({"Street", "Road", "Avenue", "Boulevard", "Lane", "Square", "Plaza", "Strip"})


#: Last words of the names of features of the land and water ("Vessan Bay", "Korl River",
#: "Halvey Island"), a place whatever the words around them; not after a given name ("Ann
#: Bay", "Tom Forest" are people's), and not "Park", a surname too.
_NATURAL_FEATURES = frozenset({"Bay", "River", "Lake", "Island", "Islands", "Valley", "Canyon", "Mountains",
                               "Peninsula", "Gulf", "Strait", "Straits", "Desert", "Glacier", "Archipelago", "Sea",
                               "Ocean"})
#: Of those, the words no surname is: "the Ross Sea" is a sea whatever given name opens it.
_NO_SURNAMES = frozenset({"Sea", "Gulf", "Strait", "Straits", "Archipelago", "Peninsula", "Glacier", "Canyon"})


#: Last words of the names of stations, ports and passages, which head the name whatever body's
#: word stands before them ("Harbor Hospital Station", "Union Bus Terminal") and no surname is.
#: What a building called a centre is for, written before "Center" or "Centre": a venue or a
#: site, a place ("the Halvard Convention Centre", "the Vessing Art Center"), unlike a body
#: named for its work ("the Marlo Policy Center", "the Centre for Water Research").
_VENUE_USES = frozenset({"Convention", "Exhibition", "Conference", "Congress", "Art", "Arts", "Shopping",
                         "Visitor", "Visitors", "Visitor's", "Community", "Civic", "Sports", "Aquatic", "Aquatics",
                         "Trade", "Events", "Performing", "Recreation", "Leisure", "Fitness", "Garden", "Space",
                         "Detention", "Transit", "Distribution", "Data"})

_FACILITY_HEADS = frozenset({"Station", "Airport", "Terminal", "Tunnel", "Stadium"})


#: Heads of places' names written before "of" ("Gulf of Aden", "Strait of Hormuz", "City of
#: London"), beside the place words and openers.
_PLACE_HEADS = frozenset({"Strait", "Straits", "Sea", "Gulf", "Bay", "Bays", "Isle", "Isles", "Cape", "City", "Town",
                          "State", "States", "Commonwealth", "Principality", "Duchy", "Sultanate", "Emirate",
                          "Territory", "Territories", "Republic", "Kingdom", "Province", "Provinces", "District",
                          "Borough", "Port", "Mouth", "Coast", "Sound", "Rock", "Isthmus", "Archipelago", "Land",
                          "Lands", "Islands", "Island", "Valley", "Lake", "Lakes", "Seas"})


def _body_of_place(words: list[str]) -> bool:
    """A name "X of Y" with a known place after "of" and no place's head before it: a body of
    the place ("Food Standards of Ohio", "Medical Board of Tessa"), not a place ("Gulf of Aden",
    "United States of America", "Isle of Man")."""
    if "of" not in words[1:-1]:
        return False
    at = words.index("of")
    head, place = words[:at], " ".join(words[at + 1 :])
    lists = world_names.load()
    if world_names.fold(place) not in lists.places or world_names.fold(" ".join(head)) in lists.places:
        return False
    return not any(w in _PLACE_HEADS or w in PLACE_WORDS or w in PLACE_OPENERS or w.lower() in _KIND_NOUNS
                   or world_names.fold(w) in lists.places for w in head)


#: Plural last words of places' names ("Idaho Falls", "Beverly Hills"), which no team's is.
_PLURAL_PLACE_WORDS = frozenset({
    "Falls", "Springs", "Heights", "Hills", "Woods", "Gardens", "Plains", "Rapids", "Keys", "Highlands", "Lakes",
    "Pines", "Islands", "Mountains", "Meadows", "Shores", "Flats", "Downs", "Sands", "Cliffs", "Mills", "Oaks",
    "Isles", "Narrows", "Forks", "Glades", "Banks", "Estates", "Towers", "Acres", "Fields", "Palms", "Bluffs",
})


def _town_of_a_region(name: str, group: Group, text: str) -> bool:
    """A word of the world lists' places that a comma and its state or country follow ("Halden,
    Missouri, has"), with no title before it anywhere, no person's word after it and no other
    capitalized word before it ("Ann Halden"): the town, though its name is a surname too."""
    if (" " in name or not _known_place(name, group) or any(c.title for c in group.cands)
            or not any(_in_region(text, c.end) for c in group.cands)):
        return False
    if any(_PERSON_AFTER.match(text, c.end, c.end + 120) or _PERSON_STRONG.match(text, c.end, c.end + 120)
           for c in group.cands):
        return False
    before = pattern(rf"(?<![\w.])([{UPPER}][^\W\d_]*) +{re.escape(name)}\b")
    return all(m.group(1) in gazetteer().stopwords for m in before.finditer(text))  # "Or Halden" is no given name


def _initials_and_surname(name: str, words: list[str]) -> bool:
    """Initials before a word that is no body's, place's or common word: "T. S. Marlow", "J.J.
    MacVane", a person's name written so ("N Ireland" is a place, "PC World" a magazine, "U.S.
    Mint" a body of a country the letters name)."""
    gaz = gazetteer()
    initials = " ".join(words[:-1])
    return (INITIAL_SURNAME.fullmatch(name) is not None
            and initials not in gaz.places and initials.replace(".", "").replace(" ", "") not in gaz.places
            and words[-1] not in COMPANY_ENDINGS  # "U.S. Mint", "US Airways": a country's letters open a body's name
            and not any(w in gaz.org_words or w in PLACE_WORDS for w in words)
            and world_names.fold(words[-1]) not in world_names.load().places and not _acronym_then_common_word(words))


def _acronym_then_common_word(words: list[str]) -> bool:
    """Two capitals written together with no period, then a word the treebanks write in lower
    case: "LA Weekly", "PC World", a paper's or a body's name rather than a person's initials
    ("JR Hale" keeps a surname)."""
    return (len(words) == 2 and len(words[0]) == 2 and words[0].isupper() and words[0].isalpha()
            and words[1].isalpha() and common_word(words[1]))


#: An Arabic surname written with its article in lower case joined by a hyphen: "al-Qorwan", "el-Masri".
_ARTICLE_SURNAME = re.compile(rf"(?:al|el)-[{UPPER}][{LOWER}]+")


def _given_and_surname(name: str, words: list[str]) -> bool:
    """Two words, a given name and a surname of the world lists (or a surname after an Arabic
    article in lower case, "Hamid al-Qorwan", a shape no body's or place's name has), with no
    word of a place and no place's name of the lists."""
    lists = world_names.load()
    return (len(words) == 2 and world_names.fold(words[0]) in lists.given
            and (world_names.fold(words[1]) in lists.surnames or _ARTICLE_SURNAME.fullmatch(words[1]) is not None)
            and world_names.fold(name) not in lists.places
            and not any(w in PLACE_WORDS or w in PLACE_OPENERS or w in _PLURAL_PLACE_WORDS or w in _NO_SURNAMES
                        for w in words))


#: Openings of surnames written with a capital inside: "McAdams", "DeLuca", "VanderBerg".
_SURNAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Lo", "Van", "Vande", "Vander", "Von", "Fitz",
                     "St", "Ben", "Abu", "Al", "El", "Bin", "Ibn", "Des", "Del", "Della", "Dos")


def _camel_case(name: str) -> bool:
    """One word with a capital inside after lower case that opens no surname ("BuzzWire",
    "RealClearNews"; not "McAdams", "DeLuca", a surname of the world lists); or a name whose first
    word runs capitals into lower case ("JPMorgan Chase", "CSXpress Lines"), as no given name does."""
    if " " in name:
        return re.fullmatch(r"[A-Z]{3,}[a-z]{3,}", name.split()[0]) is not None  # not a slip of the keys, "HIllary"
    match = re.fullmatch(r"([A-Z][a-z]+)([A-Z][A-Za-z]*)", name)
    if match is None or match.group(1) in _SURNAME_PREFIXES:
        return False
    folded = world_names.fold(name)
    lists = world_names.load()
    return folded not in lists.surnames and folded not in lists.given


def named_with_the(name: str, group: Group, text: str, parse: Parse) -> bool:
    """One word in no list of given names or surnames, after a "the" in lower case wherever it
    is no modifier of a noun after it, and so at least once (a "The" opening a sentence too):
    "the Fed raised rates", "at the Pentagon" name bodies, as no person's name takes an article
    ("the Lowe campaign" and "Fed officials" do not count). Plurals are left alone: "the
    Azores" and "the Mets" alike."""
    lists = world_names.load()
    folded = world_names.fold(name)
    if " " in name:
        if not _several_words_with_the(name):
            return False
    elif (not name.isalpha() or name.endswith("s") or folded in lists.given or folded in lists.surnames
            or name in gazetteer().first_names):
        return False
    if any(c.title for c in group.cands) or _family(name, group, text):
        return False  # "the Pells" of "Ann Pell" are a family
    named = False
    for cand in group.cands:
        head = _span_head(parse, cand)
        modifier = head is None or head.dep in ("compound", "amod")
        if text[max(0, cand.start - 4) : cand.start].casefold() == "the ":
            named = named or not modifier
        elif not modifier:
            return False  # "Fed officials" may go without "the"; a name alone may not
    return named


def _several_words_with_the(name: str) -> bool:
    """A name of two or three capitalized words that "the" may open as a body's name and not as a
    person's ("the Marlow Kessing said"): no given name first, no place of the lists in it, no
    word of places, no title ("the Coast Political Editor") and no plural at its end ("the Orla
    Falls", "the Kessing Brothers")."""
    words = name.split()
    lists = world_names.load()
    return (len(words) <= 3 and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)
            and world_names.fold(words[0]) not in lists.given and words[0] not in gazetteer().first_names
            and not any(world_names.fold(w) in lists.places or w in PLACE_WORDS or w in PLACE_OPENERS for w in words)
            and world_names.fold(name) not in lists.places and not words[-1].endswith("s")
            and not any(w in gazetteer().person_titles or w.lower() in gazetteer().person_titles for w in words))


#: Cues of a body's acts or parts around a name: it speaks, is told, reports, has officials, shares or readers.
_BODY_CUES = frozenset({"org", "corporate", "speaker", "addressee", "reporting", "stance", "outlet", "body-noun",
                        "weak-org"})


def _written_in_lower_case(name: str, text: str) -> bool:
    """A word the document itself writes in lower case too ("Aides said" after "two aides"),
    in no list of names or places."""
    lists = world_names.load()
    folded = world_names.fold(name)
    if not name.isalpha() or folded in lists.given or folded in lists.surnames or folded in lists.places:
        return False
    return name.lower() in _lower_case_words(text)


@functools.lru_cache(maxsize=4)
def _lower_case_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(rf"(?<![\w-])[{LOWER}]+(?![\w-])", text))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n:"


def _speaker_label(name: str, group: Group, text: str) -> bool:
    """A name in capitals opening its lines before a colon, every time, whose words are surnames
    or given names of the world lists, or that a given name opens there: a transcript's speaker
    ("LOWE: Thank you.", "ANN LOWE:")."""
    if not name.isupper() or len(name) < 3 or (is_acronym(name) and "." in name):
        return False
    if not all((c.start == 0 or text[c.start - 1] == "\n") and text[c.end : c.end + 1] == ":" for c in group.cands):
        return False
    lists = world_names.load()
    words = name.split()
    if all(world_names.fold(w) in lists.surnames or world_names.fold(w) in lists.given for w in words):
        return True
    if len(words) >= 2:
        return world_names.fold(words[0]) in lists.given  # "ANN VOSKUIJLEN:"
    full = re.search(rf"(?m)^([{UPPER}]+) {re.escape(name)}:", text)  # "VOSKUIJLEN:" after "ANN VOSKUIJLEN:"
    return full is not None and world_names.fold(full.group(1)) in lists.given


def _after_the_once(group: Group, text: str) -> bool:
    """Written after "the" at least once: "the Harbor City Herons", as no person's name is."""
    return any(text[max(0, c.start - 4) : c.start].casefold() == "the " for c in group.cands)


def _known_place(name: str, group: Group) -> bool:
    """A place of the gazetteer or the world lists: "Ohio says" speaks for its people or government."""
    return group.canonical is not None or world_names.fold(name) in world_names.load().places


def _team_name(name: str, words: list[str]) -> bool:
    """A sports team's name: a place of the world lists, then a plural in capitals that is no
    name of a person or a place and no word for members of a people or party ("Harbor City
    Herons"; not "Idaho Falls", "Ohio Democrats", "Dallas Evans")."""
    if len(words) < 2 or world_names.fold(name) in world_names.load().places or name in gazetteer().places:
        return False
    last = words[-1]
    lists = world_names.load()
    folded = world_names.fold(last)
    if (not (last.isalpha() and last[0].isupper() and last[1:].islower() and last.endswith("s"))
            or last.endswith("ss") or last in _PLURAL_PLACE_WORDS or MEMBERS.search(last)
            or folded in lists.surnames or folded in lists.given or folded in lists.places
            or last in gazetteer().org_words or last in COMPANY_ENDINGS):
        return False
    return world_names.fold(" ".join(words[:-1])) in lists.places


def _family(name: str, group: Group, text: str) -> bool:
    """A surname in the plural after "the", every time, whose singular the text names too:
    "the Lowes" of "Ann Lowe" are a family."""
    if " " in name or not name.endswith("s") or name.endswith("ss") or len(name) < 4:
        return False
    if not all(text[max(0, c.start - 4) : c.start].casefold() == "the " for c in group.cands):
        return False
    return re.search(rf"(?<![\w-]){re.escape(name[:-1])}(?![\w’'-])", text) is not None


def _party_member_of(words: list[str]) -> bool:
    """A place and a word for a member of a party: "Ohio Democrat", "New Hampshire Republican"."""
    return (len(words) >= 2 and words[-1] in _PARTY_MEMBERS
            and world_names.fold(" ".join(words[:-1])) in world_names.load().places)


_PARTY_MEMBERS = frozenset({"Democrat", "Republican", "Independent", "Libertarian", "Conservative", "Liberal",
                            "Socialist", "Tory"})

#: Feasts of the year, which the pipeline may read as people's names.
_HOLIDAYS = frozenset({"Christmas", "Xmas", "Easter", "Thanksgiving", "Halloween", "Hanukkah", "Chanukah", "Ramadan",
                       "Passover", "Diwali", "Kwanzaa", "Eid", "Valentine", "Pentecost", "Lent", "Advent"})

#: Initials that say what kind of body something is, not which: "a super PAC", "NGOs".
_KIND_ACRONYMS = frozenset({"PAC", "NGO", "LLC", "LLP", "NPO", "SPAC"})


def no_entity(name: str) -> bool:
    """Words that name nothing whatever the pipeline or the words around them say: a lone letter
    ("(R)" for a party), a pronoun's contraction ("I’ve"), letters after a name or for a seat
    ("QC", "MP"), the plural of a word in capitals that names no body ("CEOs"), a title in the
    plural ("Govs", "Senators"), initials of a kind of body ("PAC", "NGOs"), a word for a
    member of a party ("Republican")."""
    gaz = gazetteer()
    bare = name.replace(".", "")
    if len(bare) == 1 or re.split(r"['’]", name)[0] in gaz.stopwords or bare in POSTNOMINALS:
        return True
    if re.search(r"([a-z])\1\1", name):
        return True  # "Yessss", "Nooo": a drawn-out cry, no name has a letter three times over
    if bare.removesuffix("s") in _KIND_ACRONYMS or name in _PARTY_MEMBERS:
        return True  # "PACs"; "a Republican", who is someone unnamed
    if " " not in bare and len(bare) > 3 and bare.endswith("s") and world_names.fold(bare) not in world_names.load().places and (
            bare[:-1] in gaz.person_titles or f"{bare[:-1]}." in gaz.person_titles):
        return True
    return is_acronym(name) and name.endswith("s") and name[:-1] in gaz.non_entity_acronyms


#: Endings that make a country's name into its people's word, and what they replace.
_DEMONYM_ENDINGS = (("ers", ("",)), ("er", ("",)), ("ians", ("ia", "", "a", "y", "e")), ("ian", ("ia", "", "a", "y", "e")),
                    ("ans", ("a", "", "o", "y", "anistan")), ("an", ("a", "", "o", "y", "istan", "anistan")),
                    ("ese", ("", "a")), ("is", ("", "istan")), ("i", ("", "istan")), ("", ("istan", "stan")))


def _after_given_name(text: str, name: str) -> bool:
    """Whether the document writes ``name`` after a given name of the lists, as a surname."""
    lists = world_names.load()
    return any(world_names.fold(m.group(1)) in lists.given or m.group(1) in gazetteer().first_names
               for m in pattern(rf"\b([{UPPER}][{LOWER}]+) {re.escape(name)}\b").finditer(text))


def demonym(name: str) -> bool:
    """A word for the people of a country, made from the country's name by an ending: "Kenyan"
    (Kenya), "Austrians", "New Zealander", "Afghan" (Afghanistan), "Pakistani". A given name,
    surname or place of the world lists ("Jordan", "Adrian") is taken for a name."""
    if name.endswith("s") and not name.endswith(("ers", "ians", "ans")):
        name = name[:-1]  # "Afghans", "Pakistanis"
    words = name.split()
    last = words[-1] if words else ""
    if not (1 <= len(words) <= 2 and last.isalpha() and last[:1].isupper() and last[1:].islower() and len(last) > 3):
        return False
    lists = world_names.load()
    folded = world_names.fold(name)
    if folded in lists.places or folded in lists.given or folded in lists.surnames:
        return False
    for ending, bases in _DEMONYM_ENDINGS:
        if not folded.endswith(ending):
            continue
        stem = folded[: len(folded) - len(ending)]
        if len(stem) >= 3 and any(stem + base in lists.countries for base in bases):
            return True
    return False


#: Names said in exclamations ("oh my God", "thank Heaven", "Jesus, no"), which call on no one.
_EXCLAIMED = frozenset({"God", "Lord", "Jesus", "Christ", "Heaven", "Heavens", "Gosh"})
_EXCLAIMED_BEFORE = re.compile(r"(?i)\b(?:oh|my|thank|swear to|good)[\s,]+$")
_EXCLAIMED_AFTER = re.compile(r"(?i)['’]s sake|\s+(?:knows|bless|forbid|willing|damn)\b|\s*[,!]")


#: First words of the names of days ("Super Tuesday", "Black Friday", "Good Friday"), which name
#: a day, not a body or a person.
_DAY_NAME_OPENERS = frozenset({"Super", "Black", "Cyber", "Good", "Holy", "Ash", "Fat", "Shrove", "Maundy", "Palm",
                               "Easter", "Bloody", "Giving", "Whit", "Mad"})


def _day_name(name: str, group: Group, text: str) -> bool:
    """A word that only ever opens the name of a day: "Super" of "on Super Tuesday"."""
    weekdays = gazetteer().weekdays
    return name in _DAY_NAME_OPENERS and all(
        (m := re.match(r"[ -]([A-Z][a-z]+)", text[c.end : c.end + 12])) is not None and m.group(1) in weekdays
        for c in group.cands)


def _exclaimed(name: str, group: Group, text: str) -> bool:
    """A name that only ever stands in an exclamation: "oh my God", "thank God", "God knows",
    "God, I was tired" (a sentence opening with the name and a comma or "!")."""
    if name not in _EXCLAIMED:
        return False
    for cand in group.cands:
        before = text[max(0, cand.start - 12) : cand.start]
        after = _EXCLAIMED_AFTER.match(text, cand.end)
        opening = not before.rstrip(" \"“‘'") or before.rstrip(" \"“‘'")[-1] in ".!?\n"
        said = after is not None and (opening or bool(after.group().strip(" ,!")))  # "God, I", "God knows"
        if not (_EXCLAIMED_BEFORE.search(before) or said):
            return False
    return True


def _spelled_in_lower_case(acronym: str, text: str) -> bool:
    """An acronym given in parentheses after the words in lower case it abbreviates: "iodine
    deficiency disorders (IDD)", "post-traumatic stress disorder (PTSD)"."""
    letters = acronym.replace(".", "").removesuffix("s")
    for match in pattern(rf"\(\s*{re.escape(acronym)}\s*\)").finditer(text):
        words = re.findall(r"[\w]+", text[max(0, match.start() - 120) : match.start()].replace("-", " "))
        words = words[-len(letters) :]
        if (len(words) == len(letters) and all(w.islower() for w in words)
                and "".join(w[0] for w in words).upper() == letters.upper()):
            return True
    return False


def _full_personal_name(words: list[str], text: str) -> bool:
    """A given name and a surname of the world lists, and the surname alone elsewhere in the
    text ("Ann Lowe ... Lowe said"), with no word of an organization or a place."""
    gaz = gazetteer()
    lists = world_names.load()
    if not 2 <= len(words) <= 3 or any(w in gaz.org_words or w in PLACE_WORDS or w in PLACE_OPENERS or w in _NO_SURNAMES
                                       for w in words):
        return False
    if world_names.fold(words[0]) not in lists.given or world_names.fold(words[-1]) not in lists.surnames:
        return False
    if world_names.fold(" ".join(words)) in lists.places:
        return False
    alone = len(re.findall(rf"(?<!\w){re.escape(words[-1])}(?!\w)", text))
    return alone > len(re.findall(rf"(?<!\w){re.escape(' '.join(words))}(?!\w)", text))


#: Adjectives of a state or a nation that open the names of its bodies ("Federal Mint",
#: "National Reserve", "Royal Guard") as well as of its places ("National Park").
_STATE_ADJECTIVES = frozenset({"Federal", "National", "Central", "Royal", "Imperial", "Provincial", "Municipal"})


def counted_acronym(name: str, group: Group, parse: Parse) -> bool:
    """Initials the document counts like a thing, a title or a currency: "an MVP", "three RBIs",
    "sales of CDs", "500 DKK". Every occurrence is one word the tagger reads as a common noun
    or a symbol (a body's initials are proper nouns: "the FBI said"), and one at least takes
    "a"/"an", a number or the plural's "s"."""
    if not is_acronym(name.removesuffix("s")) or group.forced or group.canonical or group.aliases:
        return False
    counted = False
    for cand in group.cands:
        tokens = parse.tokens_in(cand.start, cand.end)
        if len(tokens) != 1 or tokens[0].pos not in ("NOUN", "SYM"):
            return False
        token = tokens[0]
        if token.tag in ("NNS", "$") or any(
                (c.dep == "det" and c.text.casefold() in ("a", "an")) or c.dep == "nummod"
                for c in parse.children(token)):
            counted = True
    return counted


def acting_state_body(name: str, group: Group, parse: Parse) -> bool:
    """A name read as a place's that is a body of a state: a state's adjective, then a common
    noun (one the treebanks write in lower case somewhere: "reserve", "guard") that is no word
    of places, and the subject of a verb somewhere in the text ("the National Reserve raised
    rates"). Places are what things happen in ("tourists crowded the National Mall"), bodies
    act; the world lists' places and the words of places ("National Park") stay places."""
    return _state_body_name(name, name.split()) and any(_verb_subject(parse, c) for c in group.cands)


def _verb_subject(parse: Parse, cand: Candidate) -> bool:
    token = parse.token_at(cand.end - 1)
    return token is not None and token.dep == "nsubj" and parse.tokens[token.head].pos == "VERB"


def speaks_of_itself(group: Group, text: str, parse: Parse) -> bool:
    """A name read as a person's that the parse shows speaking of itself as "it": the subject of a
    verb whose object is "its" something ("Lorne Ashby cut its forecast"), with no title before
    it and no "he" or "she" after it in its sentences. A person is "he" or "she"; a given name
    first does not change that. A reported "it" ("said it would help") is too often about
    something else to count, and so is an "its" further on."""
    if any(c.title for c in group.cands) or any(_PERSONAL.search(_rest_of_sentence(text, c.end)) for c in group.cands):
        return False
    if _lone_surname(group):
        return False  # "Calder thanked its members": the union's members, a person's surname
    # a name in no list, or of several words that open with no given name ("Ravel Hastings said
    # it would close two plants"), may be a body's that reports of itself
    unlisted = _in_no_list_of_names(group) or (all(" " in name for name in group.names) and not _given_name_first(group))
    return any((_it_of_subject(parse, c) or (unlisted and _reports_of_itself(parse, c)))
               and not _QUOTE_OR_COLON.search(text, c.end, _verb_end(parse, c))
               for c in group.cands)


def no_sign_of_a_person(name: str, group: Group, text: str, parse: Parse) -> bool:
    """A name of one word read as a person's that nothing in the text shows to be one: in no
    list of given names, surnames or places, written neither in capitals nor with a capital
    inside, named twice at least, never beside another capitalized word ("Ann Tellacom", "Tellacom
    Reed"; "Nairobi-based" is no name), no title or honorific before
    it, no "he", "she", "his" or "her" after it in its sentences and no person's word after it
    anywhere ("Tellacom, who", "Tellacom herself"). The pipeline guesses a person for a firm's
    coined name ("Tellacom reported higher profits"); a person named by one unknown word alone
    is rare in news, and the text then shows it by a pronoun, a title or a given name."""
    if (" " in name or not name.isalpha() or not name[1:].islower() or group.forced
            or any(c.title for c in group.cands) or not _in_no_list_of_names(group)):
        return False
    if any(_PERSONAL.search(_rest_of_sentence(text, c.end)) for c in group.cands):
        return False
    if len({c.start for c in group.cands}) < 2 or document_votes(group, text, parse)["person"]:
        return False  # named once, it may be a person the reader knows ("Halenko said")
    return not pattern(rf"(?<![\w.])(?!The |A |An )[{UPPER}][^\W\d_]* +{re.escape(name)}\b"
                       rf"|(?<![\w-]){re.escape(name)} +[{UPPER}]").search(text)


#: What a firm does with what it makes, besides its acts of :data:`_BODY_ACTS`: "Orvane unveiled a phone".
_PRODUCT_ACTS = frozenset({"unveil", "release", "introduce", "ship", "debut", "patent"})


def acts_as_a_firm(name: str, group: Group, text: str, parse: Parse) -> bool:
    """A name nothing else gives a kind that is the subject of a firm's act ("Orvane unveiled a
    phone", "Apple recalled 20,000 laptops"): a firm's name, not a person's (no title before it,
    no given name alone, no "he" or "she" after it). A common word opening its sentence
    ("Nobody recalled ...") names nothing, whatever its verb."""
    words = name.split()
    if (group.forced or any(c.title for c in group.cands) or not all(w[:1].isupper() for w in words)
            or (len(words) == 1 and (name in gazetteer().first_names or world_names.fold(name) in world_names.load().given))):
        return False
    if any(_PERSONAL.search(_rest_of_sentence(text, c.end)) for c in group.cands):
        return False
    for c in group.cands:
        token = parse.token_at(c.end - 1)
        sentence = parse.sentence_of(c.start)
        if token is None or sentence is None or token.dep != "nsubj":
            continue
        if len(words) == 1 and initial_at(text, sentence.start, c.start) and common_word(name):
            continue
        verb = parse.tokens[token.head]
        if verb.pos == "VERB" and verb.lemma in _BODY_ACTS | _PRODUCT_ACTS:
            return True
    return False


def _in_no_list_of_names(group: Group) -> bool:
    """A name of one word that no list of given names, surnames or places holds ("Vellora"): a
    person's name read so is a guess, so what the text says of it weighs more."""
    lists = world_names.load()
    return all(" " not in name and name not in gazetteer().first_names
               and world_names.fold(name) not in lists.given and world_names.fold(name) not in lists.surnames
               and world_names.fold(name) not in lists.places
               for name in group.names)


#: What a firm or a body does and a person does not, said of itself as "it" ("Acme said it would
#: close two plants"); not "help", "need" or "be", which a leader says of a country or a plan.
_BODY_ACTS = frozenset({
    "close", "hire", "lay", "cut", "sell", "buy", "acquire", "invest", "launch", "recall", "expand", "merge",
    "shut", "relocate", "suspend", "halt", "employ", "manufacture", "reopen", "restructure", "outsource",
})


def _reports_of_itself(parse: Parse, cand: Candidate) -> bool:
    """The name is the subject of a verb whose clause has "it" as the subject of a firm's act
    ("Vellora said that it had hired 200 engineers", "Acme announced it would close two plants"),
    which a body says of itself and a person does not."""
    head = _span_head(parse, cand)
    if head is None or head.dep != "nsubj":
        return False
    verb = parse.tokens[head.head]
    for clause in parse.children(verb):
        if clause.dep != "ccomp" or clause.pos != "VERB" or clause.lemma.casefold() not in _BODY_ACTS:
            continue
        if any(c.dep == "nsubj" and c.text.casefold() == "it" for c in parse.children(clause)):
            return True
    return False


def _lone_surname(group: Group) -> bool:
    """A name of one word in the world lists of surnames: how news names a person the second
    time, so an "its" after it is something else's."""
    return all(" " not in name and world_names.fold(name) in world_names.load().surnames for name in group.names)


#: Quotes or a colon between a name and its verb: the parse joined a byline to a quotation.
_QUOTE_OR_COLON = re.compile(r"[\"“”:]")


def _verb_end(parse: Parse, cand: Candidate) -> int:
    head = _span_head(parse, cand)
    return parse.tokens[head.head].end if head is not None else cand.end


def _it_of_subject(parse: Parse, cand: Candidate) -> bool:
    head = _span_head(parse, cand)
    if head is None or head.dep != "nsubj":
        return False
    verb = parse.tokens[head.head]
    return any(child.dep == "obj" and any(g.dep == "nmod:poss" and g.text.lower() == "its" for g in parse.children(child))
               for child in parse.children(verb))


def _span_head(parse: Parse, cand: Candidate) -> Token | None:
    """The token of a name whose head lies outside the name."""
    tokens = parse.tokens_in(cand.start, cand.end)
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head not in inside or t.head == t.i), None)


def _state_body_name(name: str, words: list[str]) -> bool:
    if len(words) < 2 or words[0] not in _STATE_ADJECTIVES:
        return False
    last = words[-1]
    if last in PLACE_WORDS or last in PLACE_OPENERS or last.lower() not in shipped_word_case():
        return False
    return world_names.fold(name) not in world_names.load().places


def _capital_preposition(words: list[str]) -> bool:
    """A preposition in capitals between the name's words ("Citizens Against Waste"), which a
    body's name has and a person's has not (the run was kept whole for it, see
    :func:`.entity_runs.inner_preposition`). A slogan opens with a verb ("Vote For Change",
    "Settle For Less") and names no body."""
    if words and words[0].lower() in _SLOGAN_VERBS:
        return False
    return any(w == w.capitalize() and w.lower() in NAME_PREPOSITIONS for w in words[1:-1])


#: Verbs that open slogans in capitals: "Vote For Change", "Stand With Us", "Fight For Jobs".
_SLOGAN_VERBS = frozenset({
    "vote", "settle", "stand", "fight", "feel", "make", "keep", "choose", "fear", "let", "join", "unite",
    "march", "stop", "say", "bring", "give", "take", "run", "go", "come", "believe", "pray", "hope", "work",
    "live", "act", "rise", "speak", "think", "get", "put", "leave", "reach",
})


#: The rest of a sentence after a name: where a pronoun that refers back to it stands before
#: another name can come in between.
_SENTENCE_REST = re.compile(r".*?(?:[.!?;](?=\s)|\n|$)", re.DOTALL)
_PERSONAL = re.compile(r"(?i)\b(?:he|him|his|himself|she|her|hers|herself)\b")


def _rest_of_sentence(text: str, end: int) -> str:
    match = _SENTENCE_REST.match(text, end, min(len(text), end + 300))
    return match.group() if match else ""


def _outlet_shaped(words: list[str], cues: set[str]) -> bool:
    """A name of one word read as a person's that the text treats as a news outlet's: said to
    have reporters, polls or readers ("the Courier's analysis"), or, written in capitals or with a
    capital inside ("NEWSDESK", "BuzzWire"), told something or cited ("according to BuzzWire").
    No given name: "according to Ann" is a person's."""
    if len(words) != 1 or world_names.fold(words[0]) in world_names.load().given or words[0] in gazetteer().first_names:
        return False
    inner_capital = any(c.isupper() and words[0][i] not in "'’-" for i, c in enumerate(words[0][1:]))  # not "O’Dea"
    return "outlet" in cues or (inner_capital and bool(cues & {"addressee", "speaker"}))


def _body_shaped(name: str, group: Group, text: str, cues: set[str]) -> bool:
    """A name of one word read as a person's that the text treats as a body's: in no list of
    given names or surnames, never after another capitalized word ("Ann Vantage"), no title
    before it, and either always after "the" ("the Kremlin", which no person's name takes) and
    saying or told something, or reporting ("Vantage reported that")."""
    lists = world_names.load()
    folded = world_names.fold(name)
    if (" " in name or folded in lists.given or folded in lists.surnames or name in gazetteer().first_names
            or any(c.title for c in group.cands)):
        return False
    after_the = all(text[max(0, c.start - 4) : c.start].casefold() == "the " for c in group.cands)
    if not ((after_the and cues & {"speaker", "addressee", "org"}) or "reporting" in cues):
        return False
    return not re.search(rf"(?<!\w)(?!The |A |An )[{UPPER}][\w’'-]* +{re.escape(name)}\b", text)


def _common_not_name(word: str) -> bool:
    """A word the treebanks write mostly in lower case that no list of names or places holds."""
    lists = world_names.load()
    folded = world_names.fold(word)
    return (word.isalpha() and common_word(word) and folded not in lists.given and folded not in lists.surnames
            and folded not in lists.places and word not in gazetteer().first_names)


#: A name alone in square brackets at the end of a line, after a sentence's end: "... of the
#: year.” [Courier]", how a digest credits the outlet it took the item from.
_SOURCE_TAG = re.compile(r"[.!?][\"”’')]*[ \t]+\[$")


def source_tag(group: Group, text: str) -> bool:
    """Every occurrence of the name is a bracketed credit to a source after a sentence ("...
    said on Monday. [Courier]"): an outlet, not a person; not an editor's word put into a
    quotation ("[Lowe] said"), which runs on into the sentence."""
    return bool(group.cands) and all(
        _SOURCE_TAG.search(text, max(0, c.start - 6), c.start) and re.match(r"\][ \t]*(?:\n|$)", text[c.end : c.end + 4])
        for c in group.cands)


def possessive_of_a_name(name: str, group: Group, text: str) -> bool:
    """Every occurrence of a given name is the possessive opening a name of two words, a
    common word capitalized after it ("Nora's List", "Ann's Kitchen"): the name of a group or a
    shop, no person of that name; a longer title ("Tom's World Tour Diary") may well be about
    the person."""
    if " " in name or not group.cands or (world_names.fold(name) not in world_names.load().given
                                          and name not in gazetteer().first_names):
        return False  # "the Speaker's Lobby", "NBC's Today": the name is another's, whatever follows it
    for cand in group.cands:
        after = re.match(rf"['’]s ([{UPPER}][{LOWER}]+)(?![\w'’-]| [{UPPER}\d])", text[cand.end : cand.end + 30])
        if not after or not common_word(after.group(1)):
            return False
    return True


def capitalized_only_opening(name: str, text: str) -> bool:
    """A word the treebanks' running text writes mostly in lower case, or the document itself
    does, capitalized in the document only where it opens a sentence ("Aides said", "Bombast is
    no plan"): nothing shows it is a name, so it is none, and no firm for acting either; a given
    name or a surname of the lists ("Bill said") is left to the pipeline, and a word capitalized
    elsewhere too ("Ann Young ... Young said") is a name."""
    forms = (name, name[:-1]) if name.endswith("s") else (name,)  # "Aides": the plural of a common word is one too
    lower = _lower_case_words(text)
    if not name.isalpha() or not any(common_word(w) or w.lower() in lower for w in forms):
        return False  # a common word by the treebanks, or by the document's own "an aide"
    folded, lists = world_names.fold(name), world_names.load()
    if folded in lists.given or folded in lists.surnames or name in gazetteer().first_names:
        return False  # "Hope said", "Daily et al.": a person's name as likely as the common word
    return all(_opens_sentence(text, m.start()) for m in re.finditer(rf"(?<![\w'’-]){name}(?![\w-])", text))


#: Adjectives of continents and regions: a union named by one joins states ("the African
#: Union"), a body of its members, not one state.
_REGIONAL = frozenset({"European", "African", "Asian", "Eurasian", "Arab", "American", "Pacific", "Caribbean",
                       "Nordic", "Baltic", "Latin"})


def state_union(words: list[str], group: Group) -> bool:
    """A union that the lists of countries hold and the pipeline reads as a place ("the Soviet
    Union"): one state made of republics, a place, though "Union" is a body's word; not a
    continent's union of states ("the European Union"), which acts as a body."""
    return (group.kind == "place" and bool(group.canonical) and words[-1] == "Union" and len(words) > 1
            and words[0] not in _REGIONAL)
