"""The kind of a named thing: person, organization, place, product, or no entity.

A group of candidates that name one thing takes the pipeline's kind unless the name's words or
the words around its occurrences say otherwise (organization words, place words, initials, a
news outlet's reporters, a speaker); a run the pipeline did not call a name needs such evidence
to become an entity at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import EntityKind
from ..nlp import gazetteer as world_names
from ..nlp.typer import common_word
from .entity_ailments import names_an_ailment
from .entity_candidates import Candidate
from .entity_runs import romanized_name
from .entity_shapes import (
    _BODY_CUES,
    _FACILITY_HEADS,
    _GOVERNED_AREAS,
    _HOLIDAYS,
    _NATURAL_FEATURES,
    _NO_SURNAMES,
    _STREET_WORDS,
    _VENUE_USES,
    _after_given_name,
    _after_the_once,
    _body_of_place,
    _body_shaped,
    _camel_case,
    _capital_preposition,
    _common_not_name,
    _day_name,
    _ends_with_role,
    _exclaimed,
    _family,
    _full_personal_name,
    _given_and_surname,
    _initials_and_surname,
    _known_place,
    _opens_sentence,
    _outlet_shaped,
    _party_member_of,
    _speaker_label,
    _spelled_in_lower_case,
    _team_name,
    _title_before_name,
    _town_of_a_region,
    _written_in_lower_case,
    capitalized_only_opening,
    demonym,
    event_name,
    no_entity,
    possessive_of_a_name,
    side_of_a_match,
    source_tag,
    state_union,
)
from .entity_votes import (
    _ACTS_AS_A_BODY,
    _evidence,
    _given_name_first,
)
from .entity_words import (
    COMPANY_ENDINGS,
    CREEDS,
    DEMONYM,
    GROUP_ENDINGS,
    PLACE_OPENERS,
    PLACE_WORDS,
    STORMS,
    gazetteer,
    is_acronym,
)


@dataclass
class Group:
    """All candidates that name one entity."""

    names: dict[str, int] = field(default_factory=dict)  # surface name -> count
    kind: EntityKind | None = None
    forced: bool = False  # the kind came from a line's shape, not the pipeline
    canonical: str | None = None  # forced by a gazetteer
    aliases: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # the name with the title the text puts before it
    cands: list[Candidate] = field(default_factory=list)


def titled_form(text: str, cand: Candidate) -> str | None:
    """The name with the capitalized title written right before it ("Senator Baker", "Dr. Ann
    Lowe", "Vice President Ann Lowe"): how the text names the person, kept as an alias."""
    if cand.title is None:
        return None
    start, end = cand.title
    if not text[start : start + 1].isupper() or not re.fullmatch(r"\.? ", text[end : cand.start]):
        return None
    gaz = gazetteer()
    # A title of two words ("Vice President", "Attorney General"): the capitalized word before it.
    before = re.search(r"([A-Z][a-z]+) $", text[max(0, start - 20) : start])
    if before and f"{before.group(1)} {text[start:end]}" in gaz.person_titles:
        start -= len(before.group(0))
    return " ".join(text[start : cand.end].split())


def classify(name: str, group: Group, text: str) -> EntityKind | None:
    gaz = gazetteer()
    words = name.split()
    if no_entity(name) or _exclaimed(name, group, text) or _day_name(name, group, text):
        return None
    if demonym(name) and not _after_given_name(text, name):
        return None  # "an Afghan team", "a New Zealander": a country's people, no one entity ("Ann Cuban" is hers)
    cues: set[str] = set()
    for cand in group.cands:
        cues |= _evidence(text, cand)
    if names_an_ailment(name, group, text, cues):
        return None  # "the Zika virus", "deaths from Alzheimer's": an illness, whatever its name sounds like
    if _speaker_label(name, group, text):
        return "person"  # "HALE: We will..." in a transcript
    if not group.forced and possessive_of_a_name(name, group, text):
        return None  # "Nora's List backed her": the opening of a group's name, no person "Nora"
    if not group.forced and source_tag(group, text):
        return "organization"  # "... on Monday. [Courier]": a digest's credit to the outlet
    if (not group.forced and len(words) == 1 and not any(c.title for c in group.cands)
            and all(_opens_sentence(text, c.start) for c in group.cands)
            and (_common_not_name(name) or _written_in_lower_case(name, text) or capitalized_only_opening(name, text))):
        return None  # "Critics said": a common word opening its sentences, in no list of names
    if not group.forced and len(words) > 1 and words[-1] in ("Center", "Centre") and words[-2] in _VENUE_USES:
        return "place"  # "the Halvard Convention Centre": a building named for what is held in it
    if not group.forced and not group.canonical and event_name(words):
        return None  # "the Vantor Cup", "the Second World War": an event, no body, person or place
    if not group.forced and group.kind != "person" and ("team" in cues or side_of_a_match(group, text)):
        return "organization"  # "Norway 2 – 1 Chile", "scored for Orla": a country's or a town's team, not the place
    if group.kind:
        if group.forced:
            return group.kind
        if "named-product" in cues:
            return "product"  # "an app called Beacon": the words around it say what it is
        if "named-work" in cues:
            return None  # "a report titled Harbor Futures Outlook": a work's title, no person, body or place
        if len(words) > 1 and words[-1] in _STREET_WORDS and words[-1] not in gaz.org_words:
            return "place"  # "Times Square", "Union Street": a body's word opening a street's name
        if len(words) > 1 and words[-1] in _FACILITY_HEADS:
            return "place"  # "Harbor Hospital Station": the last word heads the name, a body's word before it
        if group.kind != "organization" and len(words) > 1 and not state_union(words, group) and (
                any(w in gaz.org_words for w in words) or words[-1] in COMPANY_ENDINGS | GROUP_ENDINGS
                or (words[-1] == "State" and words[0] in CREEDS)):
            return "organization"  # "Brightwell Labs", "the Port Authority of Oakland", "Orla Logistics", "Islamic State"
        if group.kind == "person" and _capital_preposition(words):
            return "organization"  # "Engineers Without Frontiers said": no person's name has one
        if (group.kind == "place" and is_acronym(name) and "." not in name and not _known_place(name, group)
                and not group.canonical):
            return "organization"  # "took on the NRA": initials name bodies far more often than places
        if group.kind == "place" and _body_of_place(words):
            return "organization"  # "Food Standards of Ohio": a body of a place, though read as a place
        if group.kind == "person" and words[0] == "The" and len(words) > 1:
            return "organization"  # "on The Lowe Hour", "told The Courier": no person's name opens with "The"
        if group.kind == "person" and "body-noun" in cues and not any(c.title for c in group.cands):
            return "organization"  # "the super PAC Orla Action": the noun before it says a body
        if group.kind in ("person", "organization") and _ends_with_role(words, group):
            if _title_before_name(group, text):
                return None  # "BuzzFeed Editor-in-Chief Ben Smith": a title before a name, no name
            return "organization"  # "The Hollywood Reporter": a person's name ends with no word for a role
        if group.kind == "person" and "bought" in cues and len(words) == 1 and not _given_name_first(group) \
                and not any(c.title for c in group.cands):
            return "organization"  # "agreed to buy Ostrom for $2 billion": a firm bought whole
        if group.kind == "person" and _camel_case(name):
            return "organization"  # "BuzzWire", "RealClearNews": no person's name has capitals inside like these
        if (group.kind != "organization" and "corporate" in cues and not any(c.title for c in group.cands)
                and (group.kind == "person" or not _known_place(name, group))):  # "shareholders of the U.S. company"
            return "organization"  # "shares of Orla fell", "Orla's chief executive", "the CEO of Hadley" (a town's name too)
        if group.kind == "person" and _family(name, group, text):
            return None  # "the Lowes" after "Ann Lowe": a family, many people
        if group.kind != "organization" and _team_name(name, words) and _after_the_once(group, text):
            return "organization"  # "the Harbor City Herons": a place, then a plural of no name
        if is_acronym(name) and _spelled_in_lower_case(name, text):
            return None  # "gross domestic product (GDP)", whatever the pipeline made of it
        if words[0] in STORMS and len(words) > 1:
            return None  # "Hurricane Ada" is an event, not a person
        if group.kind == "person" and _party_member_of(words):
            return None  # "said a New Hampshire Republican": a description of someone unnamed
        if group.kind == "person" and any(w.removesuffix("’s").removesuffix("'s") in _HOLIDAYS for w in words):
            return None  # "Merry Christmas", "Valentine's": a feast, not a person
        if len(words) == 1 and group.kind == "person" and not any(c.title for c in group.cands) and _common_not_name(name):
            return None  # "Savior", "Energy": a common word capitalized, in no list of names
        if (len(words) == 1 and group.kind == "organization" and name not in gaz.org_words and not is_acronym(name)
                and not cues & _BODY_CUES and _written_in_lower_case(name, text)):
            return None  # "Iodine", "Internet": a thing the text also writes in lower case, no body's sign
        if group.kind in ("organization", "place") and _full_personal_name(words, text):
            return "person"  # "Ann Lowe" read as a body after a dateline, "Lowe" alone elsewhere
        if group.kind == "place" and _given_and_surname(name, words):
            return "person"  # "Ann Lowe" read as a place: a given name, a surname, no place's
        if group.kind != "person" and romanized_name(words):
            return "person"  # "Ho Chi-wai" read as a place: a surname and a hyphenated given name
        if group.kind != "person" and _initials_and_surname(name, words):
            return "person"  # "R Okonjo", "T. S. Marlow": initials before a surname ("N Ireland" is a place)
        if group.kind == "person" and len(words) > 1 and (words[-1] in PLACE_WORDS or words[-1] in _NO_SURNAMES or (
                words[-1] in _NATURAL_FEATURES and world_names.fold(words[0]) not in world_names.load().given)):
            return "place"  # "Castle Road", "Pine Lake", "the Vessan Sea"
        if (group.kind == "organization" and words[0] in _GOVERNED_AREAS and len(words) > 2
                and cues & {"speaker", "stance", "addressee", "agent"}):
            return "organization"  # "the request was made by the Municipality of Orla": its government acts
        if words[0] in PLACE_OPENERS and len(words) > 1 and not any(w in gaz.org_words for w in words):
            return "place"  # "Mount Ardent", "Lake Tessa", "Municipality of Orla"
        if (group.kind == "organization" and "place-of" in cues and len(words) <= 3 and not cues & _ACTS_AS_A_BODY
                and not (cues & {"org", "stance"} and not _known_place(name, group))  # "the province of Twitter", a joke
                and not any(w in gaz.org_words or w in COMPANY_ENDINGS or w in GROUP_ENDINGS for w in words)
                and not is_acronym(name) and not group.canonical):
            return "place"  # "the mayor of Orla said", "police in Orla Vale": a town, whatever "said" follows
        if group.kind == "place" and "place-of" not in cues and (
                (cues & {"speaker", "addressee", "stance"} and not _known_place(name, group)) or (
                "outlet-of" in cues and world_names.fold(name) not in world_names.load().places)):
            return "organization"  # a place does not report or get told: "the Coast Courier reported"
        if group.kind == "person" and _outlet_shaped(words, cues):
            return "organization"  # "a Courier reporter", "told NEWSDESK", "according to BuzzWire"
        if group.kind == "person" and "place-of" in cues and not any(c.title for c in group.cands):
            return "place"  # "the province of Orla" read as a person's name
        if group.kind == "person" and _town_of_a_region(name, group, text):
            return "place"  # "Halden, Missouri, has more crime": a town of the lists, then its state, no one's surname here
        if group.kind == "person" and _body_shaped(name, group, text, cues):
            return "organization"  # "the Kremlin said", "Vantage reported that"
        return group.kind
    if name in gaz.outlets:
        return "organization"
    if name in gaz.places or world_names.fold(name) in world_names.load().countries:
        return "place"  # a country's name ("Philippines") whatever the pipeline made of it
    if _capital_preposition(words):
        return "organization"
    if len(words) > 1 and (words[-1] in _STREET_WORDS or words[-1] in _FACILITY_HEADS) and words[-1] not in gaz.org_words:
        return "place"
    if (len(words) > 1 and words[-1] in _NATURAL_FEATURES and not any(w in gaz.org_words for w in words)
            and world_names.fold(words[0]) not in world_names.load().given):
        return "place"  # "ships left Vessan Bay", "on Halvey Island": the last word heads a feature's name
    if any(w in gaz.org_words for w in words):
        if len(words) == 1 and (all(c.initial for c in group.cands) or name in {"Police", "News"}):
            return None  # a bare "Police" opening a sentence is not a name
        return "organization"
    if len(words) > 1 and words[-1] in COMPANY_ENDINGS | GROUP_ENDINGS and words[0] not in gaz.stopwords:
        return "organization"  # "Kestrel Dynamics agreed", even opening its sentence: a trade ends no other name
    if _team_name(name, words) and _after_the_once(group, text):
        return "organization"
    if is_acronym(name):
        if name.isalpha() and len(name) >= 4 and common_word(name):
            return None  # "ABSTRACT", "UPDATE", "WHEREAS": a common word in capitals, no acronym
        if name.isalpha() and name.capitalize() in gaz.stopwords and not any(
                text[max(0, c.start - 4) : c.start].casefold() == "the " for c in group.cands):
            return None  # "NOW", "HOW", "ALL": a small word in capitals, no acronym ("the WHO" is one)
        if _spelled_in_lower_case(name, text):
            return None  # "gross domestic product (GDP)": a thing's abbreviation, no body's
        return "organization"
    if any(c.title for c in group.cands) and len(words) <= 4:
        return "person"
    if len(words) > 1 and _camel_case(name):
        return "organization"  # "JPMorgan Chase", which no label typed: capitals run into lower case in no given name
    if "." in words[0] and _initials_and_surname(name, words):
        return "person"  # "says J.J. Vardell, an expert": initials with periods before a surname, which no label typed
    if words[0] in gaz.first_names and 2 <= len(words) <= 3:
        return "person"
    if _given_and_surname(name, words) or romanized_name(words):
        return "person"  # "from co-founder Mira Jansen": a given name and a surname of the world lists
    if "named-work" in cues:
        return None
    if "named-product" in cues or ("product" in cues and "org" not in cues):
        return "product"
    if "place" in cues and len(words) <= 3:
        if cues & {"stance", "corporate"} and not _known_place(name, group):
            return "organization"  # "in the province of Quillr" said in jest, where "Quillr praised the law"
        return "place"
    if "org" in cues:
        return "organization"
    if "weak-org" in cues or "weak-place" in cues:
        return "organization" if "weak-org" in cues else "place"
    if ("outlet" in cues and len(words) == 1 and not _common_not_name(name) and name not in gaz.first_names
            and not _written_in_lower_case(name, text)  # "an Internet posting" beside "on the internet"
            and world_names.fold(name) not in world_names.load().given
            and world_names.fold(name) not in world_names.load().places):
        return "organization"  # "a Gallup poll", "Vantor readers": an outlet or a pollster
    if "addressee" in cues or ("speaker" in cues and len(words) == 1 and not DEMONYM.search(name)):
        return "organization"  # "told the Courier", "the Courier reported": an outlet or a body
    if _ends_with_role(words, group):
        return "organization" if cues & _BODY_CUES and not _title_before_name(group, text) else None
    if ("speaker" in cues or "person" in cues) and 2 <= len(words) <= 3:
        return "person"
    return None
