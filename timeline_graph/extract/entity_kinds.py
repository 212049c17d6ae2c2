"""The kind of a named thing: person, organization, place, product, or no entity.

A group of candidates that name one thing takes the pipeline's kind unless the name's words or
the words around its occurrences say otherwise (organization words, place words, initials, a
news outlet's reporters, a speaker); a run the pipeline did not call a name needs such evidence
to become an entity at all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..model import EntityKind
from ..nlp import Parse, Token
from ..nlp import gazetteer as world_names
from ..nlp.typer import common_word, shipped_word_case
from .entity_ailments import names_an_ailment
from .entity_candidates import Candidate
from .entity_runs import NAME_PREPOSITIONS, initial_at, possessive_after, romanized_name
from .entity_words import (
    COMPANY_ENDINGS,
    CREEDS,
    DEMONYM,
    GROUP_ENDINGS,
    INITIAL_SURNAME,
    MEMBERS,
    PLACE_OPENERS,
    PLACE_WORDS,
    POSTNOMINALS,
    STORMS,
    gazetteer,
    is_acronym,
    pattern,
    state_abbreviations,
)
from .text import LOWER, UPPER


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


#: A noun for a work and a verb of naming right before a name: the name is the work's title.
_WORK_NAMED = re.compile(
    r"\b(?:book|novel|film|movie|documentary|album|song|single|report|study|series|show|play|poem|painting|"
    r"memoir|essay|exhibition|episode|opera)s?,?\s+(?:titled|entitled|called|named|dubbed)\s+[\"“‘']?$"
)


#: A noun for someone's office or trade in lower case and a comma right before a name: "its
#: chief executive, Olu Adebayo,", "the group's spokeswoman, Ann Lowe": the name is the holder's.
_ROLE_BEFORE = re.compile(
    r"\b(?:chief executive|executive|president|chairman|chairwoman|chair|founder|co-founder|director|"
    r"spokes(?:man|woman|person)|lawyer|attorney|mayor|governor|minister|secretary|senator|manager|owner|"
    r"professor|researcher|analyst|editor|reporter|coach|captain|detective|officer|sheriff|chief)\s*,\s+$"
)


#: A noun in lower case right before a name, with a compound's first part ("singer-songwriter").
_NOUN_BEFORE = re.compile(rf"(?<![\w'’-])(?:[{LOWER}]+-)?(?P<noun>[{LOWER}]{{3,}})\s$")
#: Endings of nouns for people by what they do: "author", "photographer", "pianist", "historian",
#: "consultant", "student", "auctioneer".
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer")
#: Words with those endings for a thing, a place, a time or a quality, never a person's role
#: (function words are the word lists' stopwords).
_THING_NOUNS = frozenset({
    "computer", "center", "centre", "number", "order", "letter", "chapter", "quarter", "corner", "border", "water",
    "winter", "summer", "weather", "power", "tower", "matter", "paper", "poster", "trailer", "container", "river",
    "register", "sector", "factor", "motor", "tractor", "harbor", "harbour", "floor", "door", "error", "mirror",
    "color", "colour", "flavor", "flavour", "honor", "honour", "favor", "favour", "event", "moment", "government",
    "department", "parliament", "continent", "restaurant", "plant", "giant", "element", "statement", "movement",
    "tournament", "monument", "document", "comment", "argument", "content", "percent", "cent", "semester",
    "september", "october", "november", "december", "theater", "theatre", "super", "other", "ever", "rather",
    "whether", "together", "later", "earlier", "former", "latter", "upper", "lower", "inner", "outer", "further",
    "sooner", "longer", "better", "recent", "current", "present", "different", "silent", "apparent", "frequent",
    "excellent", "efficient", "prominent", "urgent", "absent", "ancient", "important", "significant", "pleasant",
    "distant", "constant", "relevant", "vacant", "brilliant", "elegant", "minor", "poor", "prior",
})


def _role_noun_before(text: str, start: int, end: int) -> bool:
    """A noun in lower case for someone's role or trade right before a name of two or three
    words ("author Ann Lowe", "photographers Nat Finkel, ...", "singer-songwriter Ann Lowe"): an
    agent noun by its ending, or a title the word lists hold in lower case. The name must look
    like a person's: capitalized words only, no body's or place's word, no place of the lists."""
    match = _NOUN_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return False
    noun = match.group("noun")
    singular = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    gaz = gazetteer()
    if (singular in _THING_NOUNS or singular in _KIND_NOUNS or singular in gaz.product_nouns
            or noun.capitalize() in gaz.stopwords):
        return False
    if not (singular.endswith(_AGENT_ENDINGS) or singular in gaz.person_titles
            or singular.capitalize() in gaz.person_titles):
        return False
    words = text[start:end].split()
    lists = world_names.load()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                          and not w.isupper() for w in words)
            and not any(w in gaz.org_words or w in PLACE_WORDS or w in PLACE_OPENERS for w in words)
            and world_names.fold(" ".join(words)) not in lists.places
            and world_names.fold(words[0]) not in lists.places)
_AFTER_WORD = re.compile(rf"['’]?s?\s+([{LOWER}][{LOWER}-]*)")


def _after_word(text: str, end: int) -> str:
    match = _AFTER_WORD.match(text[end : end + 30])
    return match.group(1) if match else ""


@functools.cache
def _evidence_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A product noun before a name ("the app called"), a title after it (", the city's mayor")."""
    gaz = gazetteer()
    nouns = "|".join(sorted(gaz.product_nouns))
    titles = "|".join(re.escape(t) for t in sorted(gaz.person_titles) if t.islower())
    # Offices written with a capital before a name are written in lower case after it ("Ivo Rask,
    # mayor of Halden,", "Ann Lowe, the province's governor,"); as words that are adjectives too
    # ("the major carmaker", "the general public"), they close the phrase: a preposition or a
    # punctuation mark follows.
    offices = "|".join(sorted({
        re.escape(t.lower()) for t in gaz.person_titles
        if not t.islower() and t.replace(" ", "").isalpha() and not t.isupper()
    }))
    closed = r"(?=\s*(?:[,.;:)]|$)|\s+(?:of|for|at|in|on|to|who|since|from|with)\b)"
    office = rf"(?:{offices}){closed}"
    return (re.compile(rf"\b(?:{nouns})\b,?\s+(?P<called>called\s+|named\s+|dubbed\s+)?$"),
            re.compile(rf",\s+(?:(?:a|an|the)\s+(?:(?!(?:and|or)\s)[{LOWER}-]+(?:['’]s)?\s+){{0,4}}(?:(?:{titles})\b|{office})"
                       rf"|(?:(?:former|acting|interim|deputy|assistant|then|vice|senior)[\s-]+)?{office})"))


#: Words after a name that say it is a news outlet's: "a Courier reporter", "the Courier's poll".
_MEDIA_AFTER = frozenset({
    "reporter", "reporters", "correspondent", "correspondents", "columnist", "columnists", "editor", "editors",
    "anchor", "anchors", "host", "hosts", "poll", "polls", "survey", "analysis", "reporting", "editorial",
    "website", "article", "articles", "headline", "headlines", "coverage", "broadcast", "podcast", "interviewer",
    "journalist", "journalists", "readers", "viewers", "subscribers", "op-ed", "newsroom",
})


#: Words before a name that say it is a news outlet's: "the news site Courier", "a reporter for the Courier".
_MEDIA_BEFORE = re.compile(
    r"\b(?:(?:news|media|fact-checking|website|web site|site|outlet|network|newspaper|magazine|paper|channel|"
    r"publication|blog|tabloid|wire service|broadcaster|station)\s+"
    r"|(?:journalists?|reporters?|correspondents?|columnists?|editors?|anchors?|writers?|contributors?|producers?)"
    r"\s+(?:at|for|with)\s+(?:the\s+)?"
    r"|(?:appeared|appearing|appearance|interviews?|interviewed|speaking|spoke) on\s+(?:the\s+)?)$"
)


#: Words around a name that only a company or another body has: "shares of Acme", "analysts at
#: Acme", "Acme's chief executive", "the board of Acme" (a person has no shares or board, a place
#: no chief executive).
_CORPORATE_BEFORE = re.compile(
    r"\b(?:shares (?:of|in)|(?<!at )stakes? in|analysts? at|economists? at|(?:co-?)?founded|"
    r"(?:workers|employees|staff(?:ers)?) (?:at|of)|(?:venture|investment|lending|research) arm of|"
    r"(?:engineers?|executives?|employees?|managers?|scientists?|researchers?|programmers?|designers?|professors?|"
    r"lecturers?|students?|doctors?|nurses?|teachers?|colleagues?|partners?|fellows?|interns?|directors?|editors?|"
    r"reporters?|traders?|bankers?|lawyers?|coaches?) at|"
    r"(?:profits?|earnings|revenues?|losses|layoffs|job cuts|turmoil|shake-?up) at|"
    r"(?:worked|works|working|employed|jobs?|career|interned|internship) at|"
    r"takeover (?:of|by)|merger (?:with|of)|merge with|merged with|buyout of|acquisition of|bid for|"
    r"(?:chief executive|chief financial officer|CEO|CFO|chairman|chairwoman|co-founder|board|shareholders|"
    r"subsidiary|unit|division|headquarters) of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CORPORATE_AFTER = re.compile(
    r"['’]s\s+(?:shares|stock(?!\s+(?:answer|answers|response|reply|phrase|phrases|line|lines|character|footage|image|images|photo|in trade)\b)|board|shareholders|investors|"
    r"headquarters|subsidiary|chief executive|"
    r"chief financial officer|CEO|CFO|co-founder|earnings|revenue|profits?)\b|\s+stock\b(?!\s+(?:up|the)\b)|\s+(?:chief executive|chief financial officer|chief operating officer|CEO|CFO|COO|shareholders)\s+[A-Z]|\s+(?:shares|stock) (?:fell|rose|jumped|"
    r"dropped|climbed|slid|gained|tumbled|surged)\b"
)


#: Verbs right after a name that take a side or answer for someone ("the White House praised",
#: "Orla declined"): a body acts so, a place does not (a country of the world lists may stand for
#: its government, and stays a place).
_STANCE_VERBS = frozenset({
    "praised", "welcomed", "condemned", "criticized", "criticised", "denounced", "declined", "refused", "denied",
    "confirmed", "acknowledged", "apologized", "apologised", "urged", "vowed", "pledged", "endorsed", "rejected",
})


#: A plural kind noun and the examples it opens: "towns such as X", "companies including X".
_KINDS_SUCH_AS = re.compile(r"\b(?P<nouns>[a-z]+(?:s|es))(?:,)? (?:such as|including|like)\s+(?:the\s+)?$")


def _singular(noun: str) -> str:
    """"cities" -> "city", "churches" -> "church", "towns" -> "town"."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


#: Words before a name that say it is a place's: "the city of", "the province of".
_PLACE_OF = re.compile(r"\b(?:city|town|village|province|state|county|region|district|island|republic|capital|"
                       r"suburb|municipality|port|commune|prefecture|township|borough|islands|cities|towns|villages|"
                       r"provinces|counties|regions|districts|suburbs|municipalities|ports|communes|prefectures|"
                       r"townships|boroughs) of\s+$")


#: The people, officers or parts of a place right before its name: "the mayor of Orla", "police in
#: Orla", "residents of Orla", "the outskirts of Orla", "north of Orla". A verb after the name
#: is theirs ("police in Orla said"), not the place's.
_PEOPLE_OF_A_PLACE = re.compile(
    r"\b(?:(?:mayor|mayors|residents|inhabitants|citizens|outskirts|suburbs|streets|townspeople|villagers|"
    r"(?P<side>(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?(?:\s+part)?)) of|"
    r"(?:police|officials|authorities|residents|villagers|rescuers|firefighters|hospitals|schools|voters) in)\s+$",
    re.IGNORECASE,
)
#: The last words of the patterns of a body's or a place's people and makers before a name
#: (:data:`_CORPORATE_BEFORE`, :data:`_PEOPLE_OF_A_PLACE`, :data:`_PLACE_OF`, :data:`_MADE_BY`,
#: :data:`_TEAM_BEFORE`): searched first, as their few words cost a fifth of those patterns' many,
#: tried at every place before a name. Each of them ends on one of these words or finds nothing.
_OF_A_BODY_OR_PLACE = re.compile(r"(?:of|in|at|founded|with|by|for)\s+(?:the\s+)?$", re.IGNORECASE)
#: Cues of a body's own acts or parts that no preposition before a name hides: shares, readers, the
#: noun of a body before it.
_ACTS_AS_A_BODY = frozenset({"corporate", "outlet", "outlet-of", "body-noun", "addressee", "reporting"})


#: Head nouns of an apposition that say what kind of thing the name before it is: "Orla, a
#: bank," "Orla, the German carmaker," "Orla, a village in the hills".
_KIND_NOUNS: dict[str, EntityKind] = {
    **dict.fromkeys((
        "company", "corporation", "firm", "bank", "lender", "insurer", "agency", "party", "ministry", "department",
        "university", "college", "school", "team", "club", "newspaper", "daily", "tabloid", "magazine", "network",
        "broadcaster", "publisher", "group", "organization", "organisation", "union", "charity", "foundation",
        "institute", "think tank", "airline", "carmaker", "automaker", "retailer", "manufacturer", "maker", "supplier",
        "provider", "distributor", "conglomerate", "startup", "start-up", "nonprofit", "non-profit", "coalition", "alliance",
        "association", "federation", "league", "band", "studio", "label", "chain", "regulator",
        "watchdog", "militia", "court", "council", "committee", "commission", "outlet", "website", "site",
        "consultancy", "utility", "subsidiary", "giant", "hospital", "church", "museum", "brewery", "exchange", "fund", "trust", "lobby", "caucus", "campaign",
        "PAC", "super PAC", "drugmaker", "chipmaker", "planemaker", "steelmaker", "toymaker", "truckmaker",
        "shipbuilder", "refiner", "miner", "telecom", "wholesaler", "grocer", "bookseller", "broker", "brokerage",
    ), "organization"),
    **dict.fromkeys((
        "city", "town", "village", "country", "nation", "province", "county", "region", "district", "river",
        "lake", "island", "mountain", "capital", "suburb", "neighborhood", "neighbourhood", "port", "republic",
        "kingdom", "territory", "peninsula", "valley", "borough", "municipality", "enclave", "emirate",
        "archipelago", "state", "township", "hamlet", "metropolis", "seaport",
    ), "place"),
}
_APPOSITION = re.compile(
    rf",\s+(?:a|an|the)\s+(?:(?!(?:for|of|at|in|with|from|on|by|to|the|a|an|and|or)\s)[\w-]+(?:['’]s?)?\s+){{0,4}}?"
    rf"['\"“‘]*(?P<noun>think tank|super PAC|PAC|[{LOWER}-]+)"
    r"(?=['\"”’]*\s*[,.;:)—–]|\s+(?:that|which|who|whose|based|in|of|with|founded|known|where|headquartered|owned|run|"
    r"near|on|from|outside)\b)"
)
#: A predicate noun after "is" or "was" that says what kind of thing the name is: "Orla is the
#: parent company of Tessa", "Orla was a small bank." (not "Ann Lowe is the company's founder").
_PREDICATE = re.compile(
    rf"\s+(?:is|was)\s+(?:a|an|the)\s+(?:(?!(?:for|of|at|in|with|from|on|by|to|the|a|an|and|or)\s)[\w-]+\s+){{0,3}}?"
    rf"(?P<noun>[{LOWER}-]+)"
    r"(?=\s*[,.;:)—–]|\s+(?:that|which|whose|based|in|of|with|founded|known|where|headquartered|owned|run|near|on|"
    r"from|outside)\b)"
)
#: The kind noun right before a name, as in "the investment bank Orla" or "the rights group Orla".
_KIND_NOUN_BEFORE = re.compile(
    rf"(?<![\w-])(?P<noun>(?:car|auto|chip|drug|steel|toy|phone|game)maker|"
    rf"[{LOWER}-]+(?:giant|company|firm|bank|agency|network|retailer)|"
    r"company|firm|bank|lender|insurer|agency|party|ministry|university|team|club|newspaper|tabloid|magazine|PAC|"
    r"network|broadcaster|publisher|group|charity|foundation|institute|think tank|airline|carmaker|automaker|"
    r"retailer|manufacturer|conglomerate|startup|start-up|nonprofit|non-profit|coalition|alliance|band|studio|"
    r"regulator|watchdog|militia|consultancy|utility|subsidiary|giant|brewery|city|town|village|country|"
    r"province|county|region|district|river|island|suburb|neighborhood|neighbourhood|kingdom|territory)\s+$"
)
#: A kind noun and a verb of naming before a name: "a coalition called", "a village known as".
_KIND_CALLED = re.compile(r"\b(?P<noun>[a-z-]+),? (?:called|named|dubbed|known as)\s+(?:the\s+)?$")
#: Words right after a name that only a person has ("Ann Lowe, who", "Lowe herself", "Ann
#: Lowe, 54,", "Lowe's wife"), and those that only a body has ("Orla, which", "Orla itself",
#: "Orla said its profit"; not "said it", which is as often "said it was time").
_PERSON_STRONG = re.compile(r"\s+(?:himself|herself)\b|,\s+\d{1,3},")
_PERSON_AFTER = re.compile(
    r",\s+who\b|['’]s?\s+(?:wife|husband|son|sons|daughter|daughters|father|mother|brother|sister|widow|"
    r"widower|girlfriend|boyfriend|parents)\b|\s+(?:said|says|told|added|argued|insisted) (?:he|she)\b"
)
#: "Which" after a name and a comma, then a verb: the name is what the relative clause is about
#: ("Orla, which employs 900 people,"), and no person is a "which".
_WHICH_ACTS = re.compile(r",\s+which\s+(?:also\s+|has\s+|had\s+|is\s+|was\s+)?[a-z]+(?:s|ed)\b")
#: A verb of saying, a time or a statement, then "its": what it says is of itself ("Orla said on
#: Monday that its profit rose"); a person's "its" is something else's, so a given name first weighs less.
_SAID_ITS = re.compile(r"\s+(?:said|says|reported|announced|added)\s+(?:(?:on|last|this|in a|in its)\s+[\w-]+\s+)?"
                       r"(?:that\s+)?its\b")
_BODY_AFTER = re.compile(r",\s+which\b|\s+itself\b|\s+(?:said|says) its\b|\s+(?:employees|staffers)\b")


def document_votes(group: Group, text: str, parse: Parse | None = None) -> dict[str, int]:
    """Weighed occurrences of a name whose words right after them show what it names: a person
    (a reflexive pronoun, "Lowe herself"; an age, "Ann Lowe, 54,"; "who"; kin; "said he"), a
    body ("Orla, which"; "Orla itself"; "said it"), or the kind the head noun of an apposition
    says ("Orla, a bank,"; "Orla, a city in the north"), or the noun right before it ("the
    bank Orla", "a coalition called Orla", but not "the district Ann Lowe won", when ``parse``
    shows it). Counted over the
    whole document, so that one name takes one kind."""
    votes = {"person": 0, "body": 0, "organization": 0, "place": 0}  # and "product", once a made thing's noun says so
    for start, end in sorted({(c.start, c.end) for c in group.cands}):  # a pipeline's name and a run may share a span
        made = _MADE_BEFORE.search(text, max(0, start - 40), start)
        if made and not possessive_after(text, end) and not (
                parse is not None and _relative_subject(parse, _noun_phrase_start(text, made.start()), start, end)):
            votes["product"] = votes.get("product", 0) + 2  # "the drug Veltrana", "its new sedan, the Corvane": a made thing's name
            continue
        noun = _KIND_NOUN_BEFORE.search(text, max(0, start - 40), start)
        if noun and not possessive_after(text, end) and not (
                parse is not None and _relative_subject(parse, _noun_phrase_start(text, noun.start()), start, end)):
            votes[_KIND_NOUNS.get(noun.group("noun"), "organization")] += 2  # "the bank Orla", "chipmaker Orla"
            continue
        called = _KIND_CALLED.search(text, max(0, start - 40), start)
        if called and called.group("noun") in _KIND_NOUNS:
            votes[_KIND_NOUNS[called.group("noun")]] += 2  # "a coalition called Renwick Forward"
            continue
        if parse is not None:
            pronoun = _next_subject_pronoun(parse, start, end)
            if pronoun:
                votes[pronoun] += 1  # "Orla cut 300 jobs. It said ..."; "Ann Lowe won. She said ..."
        after = text[end : end + 120]
        if _PERSON_STRONG.match(after):
            votes["person"] += 2
        elif _PERSON_AFTER.match(after):
            votes["person"] += 1
        elif _SAID_ITS.match(after):
            votes["body"] += 1 if _given_name_first(group) else 2  # "Harlow Brock said on Monday that its profit"
        elif _BODY_AFTER.match(after):
            votes["body"] += 2 if _WHICH_ACTS.match(after) and not _given_name_first(group) else 1
        elif _EMPLOYS.match(after):
            votes["body"] += 2  # "Orla employs 900 people": a payroll counted so is a body's
        elif (_SPOKESPERSON_AFTER.match(after) or _SPOKESPERSON_BEFORE.search(text, max(0, start - 40), start)) \
                and not _given_name_first(group):
            votes["body"] += 1  # "Orla's spokeswoman", "a spokesman for Orla": a body's as often as a leader's
        elif _evidence_patterns()[1].match(after):
            votes["person"] += 2  # "Ann Lowe, a spokeswoman for Orla,"
        elif (predicate := _PREDICATE.match(after)) and predicate.group("noun") in _KIND_NOUNS:
            votes[_KIND_NOUNS[predicate.group("noun")]] += 2  # "Orvane is the parent company of Tellix"
        else:
            apposition = _APPOSITION.match(after)
            kind = _KIND_NOUNS.get(apposition.group("noun")) if apposition else None
            if apposition and apposition.group("noun") in _FIRMS_OR_PEOPLE and not _given_name_first(group):
                kind = "organization"  # "Lockwell Hart, the largest defense contractor," (not "Ann Lowe, a contractor")
            if kind:
                votes[kind] += 2
            elif apposition and _singular(apposition.group("noun")) in _MADE_THINGS:
                votes["product"] = votes.get("product", 0) + 2  # "Veltrana, a cholesterol drug,"
    return votes


#: Nouns an apposition gives a firm and a person alike: a firm's after a name that opens with no given name.
_FIRMS_OR_PEOPLE = frozenset({"contractor", "operator", "vendor", "competitor"})


#: A name's payroll: "Orla employs 900 people", "Orla, which employed about 2,000 workers".
_EMPLOYS = re.compile(r"\s+(?:now\s+|still\s+)?(?:employs|employed)\s+(?:about|some|nearly|almost|around|roughly|more than|over|"
                      r"fewer than|less than|close to)?\s*[\d,.]+(?:\s+(?:million|thousand))?\s+(?:people|workers|staff|"
                      r"employees|engineers|staffers)\b")
#: A spokesperson of the name's: a body has one, and so has a leader or a star.
_SPOKESPERSON_AFTER = re.compile(r"['’]s?\s+(?:chief\s+)?spokes(?:man|woman|person|people)\b")
_SPOKESPERSON_BEFORE = re.compile(r"\b(?:a|the|its)\s+spokes(?:man|woman|person)\s+(?:for|at)\s+(?:the\s+)?$")


#: Nouns for made things: right before a name in a noun phrase ("the drug Veltrana", "its new
#: sedan, the Corvane"; not "by plane Dixam", a way of travel) or
#: heading an apposition after it ("Veltrana, a cholesterol drug,"), they say the name is a
#: product's, whatever body or person it sounds like. Not "model" (a person) or "brand" (a body).
_MADE_THINGS = frozenset({
    "drug", "medicine", "medication", "vaccine", "pill", "painkiller", "antibiotic", "antidepressant", "opioid",
    "pesticide", "herbicide", "supplement", "phone", "smartphone", "handset", "tablet", "laptop", "console",
    "device", "gadget", "headset", "smartwatch", "browser", "app", "software", "chatbot", "game", "car", "sedan",
    "hatchback", "coupe", "truck", "pickup", "minivan", "vehicle", "motorcycle", "jet", "jetliner", "airliner",
    "aircraft", "plane", "helicopter", "drone", "rifle", "pistol", "handgun", "missile", "rocket", "chip",
    "processor", "beer", "whisky", "whiskey", "vodka", "cereal", "toy", "doll", "camera", "printer",
    "operating system", "video game", "sport utility vehicle", "electric car",
})
_MADE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Tt]his|[Tt]hat|\w+['’]s?)\s+(?:[\w-]+\s+){0,3}?(?:"
    + "|".join(sorted((re.escape(n) for n in _MADE_THINGS), key=len, reverse=True))
    + r")s?,?\s+(?:(?:called|named|dubbed|known as)\s+)?(?:the\s+)?$"
)
#: A made thing's noun and the verb of making before a name: "a cholesterol drug made by Orlin",
#: "phones built by Tessaro and Vantor": the maker is a firm.
_MADE_BY = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted((re.escape(n) for n in _MADE_THINGS), key=len, reverse=True))
    + r")s?,?\s+(?:(?:that|which)\s+(?:is|are|was|were)\s+)?(?:made|manufactured|produced|developed|built|designed|"
      r"sold|marketed|supplied)\s+by\s+(?:the\s+)?$"
)


def _given_name_first(group: Group) -> bool:
    """A name that opens with a given name of the lists ("Ann Lowe"): a "which" after it is more
    likely about the sentence before ("Ann Lowe, which surprised many,") than about her."""
    lists = world_names.load()
    return any(world_names.fold(name.split()[0]) in lists.given or name.split()[0] in gazetteer().first_names
               for name in group.names)


def _relative_subject(parse: Parse, noun_phrase: int, start: int, end: int) -> bool:
    """The name is the subject of a verb after it inside a sentence: "she lost the district Ann
    Lowe won", where the noun before the name is what the clause is about, not the name's kind
    (a sentence that opens with the noun, "The bank Orla cut jobs", names its subject)."""
    tokens = parse.tokens_in(start, end)
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head not in inside or t.head == t.i), None)
    if head is None or not head.dep.startswith("nsubj") or parse.tokens[head.head].start < end:
        return False
    sentence = parse.sentence_of(start)
    return sentence is None or not initial_at(parse.text, sentence.start, noun_phrase)


#: "It" opening the next sentence before a verb that only an agent's subject "it" takes.
_IT_ACTS = re.compile(
    r"It (?:said|says|added|announced|reported|expects|expected|plans|planned|employs|employed|sells|sold|makes|"
    r"owns|operates|declined|hired|raised|cut|cuts|denied|denies|agreed|warned|insisted|claimed|argued)\b"
)
_HE_OR_SHE = re.compile(r"(?:He|She) [a-z]")


def _next_subject_pronoun(parse: Parse, start: int, end: int) -> str | None:
    """"body" or "person" when the name is the subject of its sentence and the next sentence
    opens with "It" and an agent's verb, or with "He" or "She": the subject pronoun of the next
    sentence most often takes up the subject of the one before."""
    sentence = parse.sentence_of(start)
    if sentence is None:
        return None
    following = parse.sentence_of(len(parse.text) - len(parse.text[sentence.end : sentence.end + 20].lstrip())
                                  - len(parse.text[sentence.end + 20 :]))
    if following is None:
        return None
    opening = parse.text[following.start : following.start + 40]
    kind = "body" if _IT_ACTS.match(opening) else "person" if _HE_OR_SHE.match(opening) else None
    if kind is None:
        return None
    tokens = parse.tokens_in(start, end)
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head not in inside or t.head == t.i), None)
    if head is None or head.dep != "nsubj" or parse.tokens[head.head].dep != "ROOT":
        return None
    return kind


def _noun_phrase_start(text: str, noun: int) -> int:
    """Where the noun phrase of a kind noun opens: its article and the words between."""
    match = re.search(r"(?:\b(?:[Tt]he|[Aa]n?)\s+)(?:[\w-]+\s+){0,3}$", text[max(0, noun - 60) : noun])
    return max(0, noun - 60) + match.start() if match else noun


def voted_kind(kind: EntityKind, votes: dict[str, int], *, known: bool = False) -> EntityKind:
    """The kind the document's evidence gives a name the pipeline read as ``kind``: another kind
    when at least two weighed occurrences say so and none says ``kind``. A person becomes a body
    by "which", "itself" or an apposition's noun; a body or a place becomes a person by a
    person's words; a body and a place trade kinds only by an apposition's noun ("China, which"
    is a place that acts), and a ``known`` place of the world lists not at all."""
    if votes.get("product", 0) >= 2 and not (votes["person"] or votes["body"] or votes["organization"] or votes["place"]):
        return "product"  # "the drug Veltrana", "Veltrana, a cholesterol drug,": what it is, not who made it
    if kind == "person":
        if votes["person"]:
            return kind
        if votes["place"] >= 2 and not votes["organization"]:
            return "place"
        if votes["body"] + votes["organization"] >= 2:
            return "organization"
        return kind
    if kind == "place" and known:
        return kind  # "the alliance Europe's parties": a place of the world lists stays one
    if kind in ("organization", "place"):
        if votes["person"] >= 2 and not votes["body"] and not votes[kind]:
            return "person"
        other: EntityKind = "place" if kind == "organization" else "organization"
        if votes[other] >= 2 and not votes[kind] and not votes["person"]:
            return other
    return kind


def _evidence(text: str, cand: Candidate) -> frozenset[str]:
    """Context cues around one occurrence: org, place, product, speaker."""
    global _CUES_READ
    read_in, known = _CUES_READ
    if read_in is not text:  # another document: only the last one's cues are kept
        known = {}
        _CUES_READ = (text, known)
    key = (cand.start, cand.end)
    found = known.get(key)
    if found is None:
        found = known[key] = frozenset(_cues_at(text, cand.start, cand.end))
    return found


#: The text last read and the cues of its occurrences by (start, end): an occurrence is a
#: candidate of several groups, and its cues are read once.
_CUES_READ: tuple[str, dict[tuple[int, int], frozenset[str]]] = ("", {})


_REGION_AFTER = re.compile(rf",\s+([{UPPER}][{LOWER}]+(?: [{UPPER}][{LOWER}]+)?)(?=[,.;:)]|$)")


def _in_region(text: str, end: int) -> bool:
    """A comma and the name of a US state or a country right after a name, and then punctuation:
    the name is a town of that region ("Brellham, Massachusetts, said", "near Corvel, Norway.").
    Not before a verb ("at the World Cup, Norway beat Chile": a clause after the comma)."""
    match = _REGION_AFTER.match(text, end, end + 40)
    if match is None:
        return False
    region = match.group(1)
    return region in state_abbreviations()[1].values() or world_names.fold(region) in world_names.load().countries


def _cues_at(text: str, start: int, end: int) -> set[str]:
    gaz = gazetteer()
    cues: set[str] = set()
    after = _after_word(text, end)
    if after in gaz.org_context_nouns:
        cues.add("org")
    if after in gaz.place_context_nouns:
        cues.add("place")
    if after in gaz.product_nouns:
        cues.add("product")
    before = text[max(0, start - 40) : start]
    near = _OF_A_BODY_OR_PLACE.search(before) is not None  # what a body's or a place's people end on
    product_before, title_after = _evidence_patterns()
    product = product_before.search(before)
    if product:
        cues.add("product")
        if product.group("called"):
            cues.add("named-product")
    if _MADE_BEFORE.search(before):
        cues.add("product")  # "the drug Veltrana", "the sedan Corvane"
    if _WORK_NAMED.search(before):
        cues.add("named-work")  # "a film called Pell Street Blues", "the report, titled Harbor Outlook,"
    if title_after.match(text[end : end + 80]) or _ROLE_BEFORE.search(before) or _role_noun_before(text, start, end):
        cues.add("person")  # "Ann Lowe, the city's mayor", "its chief executive, Ann Lowe,", "author Ann Lowe"
    if re.search(
        r"\b(?:partner(?:ed|s|ship)?s? with|agreements? with|company|firm|group)\s+$", before
    ):
        cues.add("org")
    apposition = _APPOSITION.match(text[end : end + 120])
    if apposition and _KIND_NOUNS.get(apposition.group("noun")) == "organization":
        cues.add("org")  # "Orla Action, a super PAC,", "Orla, a venture firm,"
    kind_before = _KIND_NOUN_BEFORE.search(before)
    called = _KIND_CALLED.search(before)
    if (kind_before or called) and not re.match(r"['’]s?\s", text[end : end + 3]):
        # "the charity Tessa", "the village Orla", "a coalition called Fair Share": a name that no
        # list or pattern types yet
        noun = (kind_before or called).group("noun")  # type: ignore[union-attr]
        kind = _KIND_NOUNS.get(noun, "organization" if kind_before else None)
        if kind is not None:
            cues.add("weak-org" if kind == "organization" else "weak-place")
    if (kind_before and kind_before.group("noun") == "PAC") or re.search(
            rf"\bPAC(?:\s+[{LOWER}-]+){{0,3}},\s+$", before):
        cues |= {"org", "body-noun"}  # "the super PAC Orla Action", "the main super PAC backing her, Orla Action,"
    examples = _KINDS_SUCH_AS.search(before)
    kind = _KIND_NOUNS.get(_singular(examples.group("nouns"))) if examples else None
    if kind == "place":
        cues.add("place")  # "coastal towns such as Hammerfest"
    elif kind == "organization":
        cues.add("org")  # "companies including Orla"
    if near and _PLACE_OF.search(before):
        cues |= {"place", "place-of"}  # "the province of Orla", "the city of Tessa"
    people = _PEOPLE_OF_A_PLACE.search(before) if near else None
    if people and not possessive_after(text, end):
        # "the mayor of Orla", "police in Orla said": the one who speaks is not Orla; "north of
        # Orla" says a place too, but of a street or a square as often as of a town
        cues |= {"place-of"} if people.group("side") else {"place", "place-of"}
    if _in_region(text, end):
        cues.add("place")  # "residents of Brellham, Massachusetts, met": a town, then its state or country
    if (((near and (_MADE_BY.search(before) or _CORPORATE_BEFORE.search(before))) and not re.match(r"['’]s?\s", text[end : end + 3]))
            or _CORPORATE_AFTER.match(text, end, end + 40)):  # not "the chairman of Lowe's campaign"
        cues |= {"org", "corporate"}
    if after in {"said", "says", "told", "added", "wrote", "argued", "explained", "reported", "reports"}:
        cues.add("speaker")
    if after in {"reported", "reports"}:
        cues.add("reporting")  # "Vantage reported that"
    if re.search(r"\b[Bb]y\s+(?:the\s+)?$", before):
        cues.add("agent")  # "was made by the Municipality of Orla": the doer of a passive, or "by" a place
    if _BOUGHT_BEFORE.search(before) and _FOR_MONEY.match(text, end, end + 30):
        cues.add("bought")  # "Telvane will buy Ostrom for $2 billion": a firm, or a person's "Picasso"
    if after in _TEAM_AFTER or (near and _TEAM_BEFORE.search(before)):
        cues.add("team")  # "scored twice for Orla", "Orla striker Ann Lowe", "Orla's goalkeeper"
    if after in _STANCE_VERBS:
        cues.add("stance")  # "the White House praised the vote": what a body does, not a place
    if after in _MEDIA_AFTER:
        cues.add("outlet")
    if _MEDIA_BEFORE.search(before):
        cues |= {"outlet", "outlet-of"}  # "a Courier reporter", "the Courier's analysis", "columnist at the Courier"
    if not re.match(r"\s+[A-Z]", text[end : end + 2]) and re.search(
        r"(?i)\b(?:told|reported by|published by|first reported by|interview with|statement to|according to|"
        r"reports? by|articles? (?:in|by)|stor(?:y|ies) (?:in|by)|wrote in|writing in|quoted by|cited by)\s+(?:the\s+)?$",
        before,
    ):
        cues.add("addressee")  # "told the Coast Courier", "reported by the Courier": an outlet
    return cues


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
    if (not group.forced and len(words) == 1 and not any(c.title for c in group.cands)
            and all(_opens_sentence(text, c.start) for c in group.cands)
            and (_common_not_name(name) or _written_in_lower_case(name, text))):
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
        if group.kind != "organization" and len(words) > 1 and (
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


#: A verb of buying before a name and a price after it: "will buy Ostrom for $2 billion".
_BOUGHT_BEFORE = re.compile(r"\b(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchased)\s+$")
_FOR_MONEY = re.compile(r"\s+for\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?(?:[$€£¥]|US\$|\d[\d.,]*\s+(?:million|billion)\b)")


#: Players' and coaches' words right after a name: the name is a team's ("Orla striker Ann
#: Lowe", "Orla's goalkeeper"), whether a town's or a country's.
_TEAM_AFTER = frozenset({"striker", "midfielder", "defender", "goalkeeper", "winger", "quarterback", "pitcher",
                         "outfielder", "coach", "captain", "squad", "teammate", "teammates", "supporters"})
#: A player's verb and "for" before a name: "scored twice for Orla", "played for Orla", "signed for Orla".
_TEAM_BEFORE = re.compile(r"\b(?:scored|scores|scoring|played|plays|playing|signed|signs|signing|starred|starring|"
                          r"debut|appearances|caps)(?:\s+(?:twice|once|again|\w+\s+goals?))?\s+for\s+(?:the\s+)?$")


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
