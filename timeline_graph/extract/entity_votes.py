"""What the words around a name's occurrences say of its kind: votes and cues.

Each occurrence of a name is read with the words before and after it ("a spokesman for",
"shares of", "he said"); the cues of all occurrences vote for a person, a body or a place.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..model import EntityKind
from ..nlp import Parse
from ..nlp import gazetteer as world_names
from .entity_candidates import Candidate
from .entity_runs import initial_at, possessive_after
from .entity_words import (
    PLACE_OPENERS,
    PLACE_WORDS,
    gazetteer,
    state_abbreviations,
)
from .text import LOWER, UPPER

if TYPE_CHECKING:
    from .entity_kinds import Group


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
#: A firm's staff or owners in the plural right after a name: "two Orla Hart executives", "Orla
#: Hart bankers declined to comment"; no one's name is put so before the people who work for it.
_STAFF_AFTER = re.compile(r"\s+(?:executives|bankers|analysts|traders|shareholders|stockholders)\b")
_BODY_AFTER = re.compile(r",\s+which\b|\s+itself\b|\s+(?:said|says) its\b|\s+(?:employees|staffers)\b")


def document_votes(group: Group, text: str, parse: Parse | None = None) -> dict[str, int]:
    """Weighed occurrences of a name whose words right after them show what it names: a person
    (a reflexive pronoun, "Lowe herself"; an age, "Ann Lowe, 54,"; "who"; kin; "said he"), a
    body ("Orla, which"; "Orla itself"; "said it"), or the kind the head noun of an apposition
    says ("Orla, a bank,"; "Orla, a city in the north"), or the noun right before it ("the
    bank Orla", "a coalition called Orla", but not "the district Ann Lowe won", when ``parse``
    shows it). Counted over the
    whole document, so that one name takes one kind."""
    # and "product", once a made thing's noun says so; "named-body", once a body's noun right before it does
    votes = {"person": 0, "body": 0, "organization": 0, "place": 0}
    for start, end in sorted({(c.start, c.end) for c in group.cands}):  # a pipeline's name and a run may share a span
        made = _MADE_BEFORE.search(text, max(0, start - 40), start)
        if made and not possessive_after(text, end) and not (
                parse is not None and _relative_subject(parse, _noun_phrase_start(text, made.start()), start, end)):
            votes["product"] = votes.get("product", 0) + 2  # "the drug Veltrana", "its new sedan, the Corvane": a made thing's name
            continue
        noun = _KIND_NOUN_BEFORE.search(text, max(0, start - 40), start)
        if noun and not possessive_after(text, end) and not (
                parse is not None and _relative_subject(parse, _noun_phrase_start(text, noun.start()), start, end)):
            kind_before = _KIND_NOUNS.get(noun.group("noun"), "organization")
            votes[kind_before] += 2  # "the bank Orla", "chipmaker Orla"
            if kind_before == "organization":
                votes["named-body"] = votes.get("named-body", 0) + 2  # the noun right before, no apposition's "site"
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
        elif _STAFF_AFTER.match(after):
            votes["body"] += 2  # "Orla Hart executives": whose staff they are, a firm, given name or not
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
        if votes.get("named-body", 0) >= 2 and not (votes["place"] or votes["person"] or votes["body"]):
            return "organization"  # "the seed firm Larrin", "Larrin, a chemical company,": a firm named like a town
        return kind  # "the alliance Europe's parties", "Orla, which lies...": a place of the world lists stays one
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
