"""The sentence constructions by which a document credits a source, read from its parse.

Each construction gives a :class:`Cue`: the words that credit, the head token of the source,
and what the source must be for the cue to count (an outlet, someone who passed the words on,
a work described well enough). :func:`find_citations` in :mod:`.citations` turns cues into
citations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Entity
from ..nlp import Parse, Token
from .citation_names import bare, body, outlet_name, personal

__all__ = [
    "CARRIERS",
    "MEDIA",
    "Cue",
    "author",
    "bare",
    "body",
    "case_of",
    "cues",
    "definite_name",
    "is_work",
    "outlet",
    "outlet_name",
    "outlet_noun",
    "personal",
    "phrase",
    "plain_label",
    "plain_person",
    "titled",
    "unnamed_work",
]

# Nouns of works a document may rely on: "according to a report by X", "X's data shows".
_WORKS = frozenset(
    ["report", "reporting", "polling", "article", "story", "investigation", "analysis", "study", "survey", "poll", "data",
     "figures", "statistics", "numbers", "records", "documents", "document", "filing", "filings", "review", "inquiry",
     "audit", "estimate", "estimates", "findings", "research", "count", "tally", "database", "minutes",
     "transcript", "emails", "email", "memo", "letter", "release", "statement", "interview",
     "broadcast", "newsletter", "podcast", "book", "paper", "column", "editorial", "post", "tweet", "posting",
     "results", "result", "photo", "photos", "footage", "video", "recording", "projection", "projections",
     "finding", "page", "section", "blog", "clippings", "clipping", "diary", "memoir", "archive", "archives",
     "cable", "cables", "testimony", "letters", "autobiography", "biography", "census", "transcript", "transcripts",
     "e-mail", "e-mails", "correspondence", "communications", "dossier", "indictment", "affidavit", "manifesto",
     "returns", "summary", "summaries"]
)
# Verbs of making public: "X reported", "first reported by X", "obtained by X".
_PUBLISH = frozenset(["report", "reveal", "publish", "obtain", "disclose", "air", "broadcast", "leak"])
# Verbs a work does: "X's analysis found", "data from X show".
_WORK_VERBS = frozenset(["show", "find", "reveal", "indicate", "suggest", "say", "state", "estimate", "report",
                         "conclude", "list", "put", "count", "note", "document", "detail", "describe", "explain",
                         "add", "claim", "confirm", "warn", "predict", "theorize", "theorise", "allege", "write",
                         "read", "hint", "imply", "demonstrate", "prove", "mention", "recount", "record",
                         "underscore", "illustrate"])
# Verbs by which a speaker passes words on: "KCNA said", "said in a statement", "stated to X".
_SAY = frozenset(["say", "state", "add", "write", "describe", "note", "claim", "explain", "tell", "announce",
                  "report", "insist", "warn", "argue", "declare", "post", "comment", "observe", "remark",
                  "assert", "find", "conclude", "reveal", "predict", "cite", "quote", "recount", "confirm"])
# Nouns of the means a person's words came through: "in a statement", "writing in a blog post".
_MEDIA = frozenset(["statement", "interview", "post", "posting", "blog", "website", "site", "page", "letter",
                    "column", "tweet", "video", "broadcast", "newsletter", "podcast", "email", "release",
                    "remarks", "op-ed", "essay", "article", "editorial", "message", "study", "paper",
                    "report", "book", "memoir", "autobiography", "documentary", "survey", "filing", "memo"])
MEDIA = _MEDIA
_SPOKEN = frozenset(["statement", "remarks", "remark", "speech", "comments"])
# Nouns naming an outlet ("the magazine X", "X news agency") and the words outlets' names are
# made of ("Weekly", "News"): such an organization publishes, so what it says is a source.
_OUTLET_NOUNS = frozenset(["magazine", "newspaper", "journal", "news", "broadcaster", "channel", "television",
                           "radio", "website", "site", "blog", "outlet", "daily", "weekly", "tabloid", "wire",
                           "publication", "paper", "newsletter", "newswire"])
# "told X", "speaking to X", "in an interview with X": X heard the words and passed them on.
_TELL = frozenset(["tell", "speak", "talk"])
_CALENDAR = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                       "nov", "dec"])
_HEARD_IN = frozenset(["interview", "statement", "remarks", "remark", "comments", "conversation", "call", "appearance",
                       "email", "e-mail", "letter", "message"])
_QUOTES = frozenset(['"', "“", "”", "'", "‘", ":"])
# How the words naming a source hang on the head noun of its phrase.
_NAME_DEPS = frozenset(["compound", "flat", "flat:name", "amod", "det", "nummod", "nmod:poss", "case"])


_DEFINITE = frozenset(["the", "this", "that", "these", "those"])


def unnamed_work(parse: Parse, cue: Cue, start: int) -> bool:
    """Whether a source that names no one is a work described well enough to cite: "court
    documents", "newly released emails", "the report" (one the text has named); not "a study" or
    "an interview" alone."""
    head = parse.tokens[cue.source]
    if not cue.unnamed_work or not (_is_work(head) or (cue.any_work and head.lemma.casefold() in CARRIERS)):
        return False  # a carrier counts where its words are given ("released an ad calling it ...")
    return cue.any_work or any((t.pos not in ("DET", "PRON") or t.text.casefold() in _DEFINITE) and t.text.casefold() not in (
        "one", "another", "some") for t in parse.tokens_in(start, head.start)) or any(  # not "according to one report"
        c.dep in ("nmod", "acl") and c.i > head.i and (c.dep == "acl" or case_of(parse, c) in ("of", "by", "from") or (
            case_of(parse, c) == "in" and _has_name(parse, c) and c.text.casefold() not in _CALENDAR))  # "a report in the Harbor Ledger"
        for c in parse.children(head)) or (  # "a transcript of the show", "a report released Monday"
        head.i + 1 < len(parse.tokens) and parse.tokens[head.i + 1].tag == "VBN"
        and parse.tokens[head.i + 1].lemma.casefold() in _MADE)  # "data released Friday", however the parse hangs it


@dataclass(frozen=True)
class Cue:
    """Words that credit a source: their extent, the head token of the source, and the kind."""

    kind: str
    start: int
    end: int
    source: int  # token index of the source phrase's head
    unnamed_work: bool = False  # the source may be a work with no name ("court documents")
    outlet: bool = False  # the source counts only as an outlet ("KCNA said", not "the ministry said")
    recipient: bool = False  # the source heard the words: no plain person ("told Reuters", not "told Ann")
    any_work: bool = False  # a work with no name or description counts too ("estimates suggest")
    medium: bool = False  # the source is a medium named as such ("wrote on Facebook", "told 'Bay Mornings'")


def cues(parse: Parse) -> Iterator[Cue]:
    """Every source-crediting construction of the parse, in text order."""
    tokens = parse.tokens
    for token in tokens:
        word = token.text.casefold()
        if word == "according" and token.i + 1 < len(tokens) and tokens[token.i + 1].text.casefold() == "to":
            yield from _according(parse, token)
        elif token.pos in ("VERB", "AUX") and token.lemma.casefold() in _PUBLISH:
            yield from _published(parse, token)
        elif token.pos == "VERB" and token.lemma.casefold() in _TELL_OR_SAY:
            yield from _told(parse, token)
        elif token.pos in ("NOUN", "PROPN") and (token.lemma.casefold() in _HEARD_IN_OR_MEDIA or _whole_word(
                parse, token) in _MEDIA):  # "In his Memoir, ...", "in an op-ed" (parsed "op - ed")
            yield from _heard_in(parse, token)
        if (token.pos in ("NOUN", "PROPN") or token.tag in ("NN", "NNS")) and _is_work(token):
            yield from _work_of(parse, token)  # "Figures to be published today show": tagged a noun, if not parsed as one
        if token.pos == "VERB" and token.lemma.casefold() in _ISSUE:
            yield from _issued(parse, token)
        if token.pos in ("NOUN", "PROPN") and token.lemma.casefold() in _FINDINGS and token.dep in ("obl", "nmod"):
            yield from _found_in(parse, token)
        elif token.pos in ("NOUN", "PROPN") and token.lemma.casefold() in _FINDINGS:  # "In a Bay Radio Poll, ..."
            yield from _opening_frame(parse, token)
        if (token.text.casefold() in _WORKS_CARRIERS_OUTLETS or token.lemma.casefold() in _WORKS_OR_CARRIERS) and (
                token.pos != "PROPN" and token.tag.startswith(("NN", "JJ"))):  # a noun, or one the tagger took for an adjective
            yield from _speaks_before(parse, token)
        if token.pos == "VERB" and (token.lemma.casefold() in ("tweet", "post") or token.text.casefold() in (
                "blog", "blogs", "blogged", "blogging")):  # verbs naming their medium
            yield from _tweeted(parse, token)
        if token.pos == "VERB" and token.lemma.casefold() in ("cite", "quote"):
            yield from _citing(parse, token)
        if token.pos == "VERB" and token.lemma.casefold() in ("contact", "reach", "ask", "interview") and token.tag in (
                "VBN", "VBD"):
            for agent in parse.children(token):  # "X, when contacted by Bay Radio, said": the outlet asked and heard
                if agent.dep == "obl:agent" or (agent.dep == "obl" and case_of(parse, agent) == "by"):
                    # "asked by the party to run" is no interview: one asking counts only as an outlet
                    yield Cue("told", token.start, token.end, agent.i, recipient=True,
                              outlet=token.lemma.casefold() == "ask")
        if token.pos == "VERB" and token.lemma.casefold() in _SAY:
            yield from _outlet_says(parse, token)
            yield from _said_on(parse, token)
        elif token.pos == "VERB" and token.lemma.casefold() in ("speak", "talk", "appear", "interview"):
            yield from _said_on(parse, token)  # "Speaking on Bay Radio, X said ...", "interviewed on Bay Mornings"


def _according(parse: Parse, token: Token) -> Iterator[Cue]:
    """ "according to X", "according to a report by X": the phrase after "to", or the author of its work."""
    to = parse.tokens[token.i + 1]
    head = parse.tokens[token.head] if token.dep in ("case", "mark") and token.head > to.i else _next_noun(parse, to)
    if head is None or head.sent != token.sent:
        return
    work = _possessed_work(parse, head)
    if work is not None:  # "according to X's article in Y", however the parse hangs it
        head = work
    joint = next((c for c in parse.children(head) if c.dep == "conj" and _is_work(c) and c.i > head.i
                  and parse.tokens[head.i + 1].text == "/"), None)
    if _namelike(head) and joint is not None:  # "according to a Bay Radio/Harbor Ledger poll": the parse split the work
        head = joint
    named = _apposed_name(parse, head)
    if not _namelike(head) and not _is_work(head) and named.i != head.i:
        # "according to the team's coach, Ann Lowe": the person named, a claimant unless an outlet
        yield Cue("according-to", token.start, to.end, named.i, recipient=True)
        return
    # "according to a Harbor Times report": the name before a work is its maker; not before a
    # person ("according to a senior Ruiz adviser": the adviser speaks)
    source = (None if _namelike(head) else _author(parse, head, named_before=_is_work(head))) or head
    employer = _employer(parse, head) if _namelike(head) else None
    if employer is not None:  # "according to the Harbor Times' Ana Ruiz": the outlet she reports for
        yield Cue("according-to", token.start, to.end, employer.i, recipient=True)
    # a person named alone is a claimant ("according to Ann Lowe"), no source the document cites
    yield Cue("according-to", token.start, to.end, source.i, unnamed_work=source.i == head.i,
               recipient=source.i == head.i)
    if source.i != head.i:  # the author names no one known ("an Internet posting"): the work itself
        yield Cue("according-to", token.start, to.end, head.i, unnamed_work=True)


def _affiliation(parse: Parse, name: Token) -> Token | None:
    """The name a person's name is given with after "of" or "at" ("Ann Lowe of the Harbor Times"):
    where the person works, an outlet only if named like one (the cue says so)."""
    if not _namelike(name):
        return None
    parts = [name, *(c for c in parse.children(name) if c.dep in ("flat", "flat:name"))]  # "Ann Lowe": on either word
    place = next((c for part in parts for c in parse.children(part) if c.dep == "nmod" and c.i > part.i
                  and case_of(parse, c) in ("of", "at") and _has_name(parse, c)), None)
    return _named(parse, place) if place is not None else None


def _employer(parse: Parse, name: Token) -> Token | None:
    """The name a person's name is given with as a possessor ("the Harbor Times' Ana Ruiz",
    "Bay Radio's Morning Desk"): the outlet or organization the person works for, if any; not
    the owner of a common noun that names no one who reports ("Bay College's class": an audience)."""
    if name.pos != "PROPN" and name.text.islower() and name.lemma.casefold() not in _JOURNALISTS | _OUTLET_NOUNS | _ONLINE | {
            "desk", "newsroom"}:
        return None
    return next((c for c in parse.children(name) if c.dep == "nmod:poss" and _namelike(c)), None)


_PICTURES = frozenset(["footage", "video", "photo", "photos", "recording", "broadcast", "podcast"])


# Nouns of things made to carry words besides works ("an ad", "their correspondence", "the e-mail").
CARRIERS = frozenset(["ad", "ads", "advert", "advertisement", "commercial", "e-mail", "e-mails", "mail", "message",
                      "messages", "communication", "communications", "correspondence", "notice", "website", "site",
                      "note", "notes", "brochure", "leaflet", "pamphlet", "flyer", "manifesto", "dossier",
                      "briefing", "bulletin", "indictment", "affidavit", "census", "footage", "recording",
                      "transcript", "voice-over", "caption", "headline", "obituary"])
# The unions :func:`cues` asks of every token, made once.
_TELL_OR_SAY = _TELL | _SAY
_HEARD_IN_OR_MEDIA = _HEARD_IN | _MEDIA
_WORKS_OR_CARRIERS = _WORKS | CARRIERS
_WORKS_CARRIERS_OUTLETS = _WORKS | CARRIERS | _OUTLET_NOUNS


def _whole_word(parse: Parse, token: Token) -> str:
    """The written word a token ends, hyphens and all ("op-ed", parsed "op - ed"), lower-cased."""
    text, start = parse.text, token.start
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    return text[start : token.end].casefold()


def _written(parse: Parse, token: Token) -> bool:
    """Whether a noun names a work made of words ("the emails", "a report", "a batch of emails",
    "their correspondence"), not pictures or sound."""
    if token.lemma.casefold() in CARRIERS and token.lemma.casefold() not in _PICTURES:
        return True
    if not _is_work(token):  # "a string of emails": the work is what the measure is of
        return any(c.dep == "nmod" and case_of(parse, c) == "of" and _written(parse, c) for c in parse.children(token))
    return token.lemma.casefold() not in _PICTURES and token.text.casefold() not in _PICTURES


def _is_work(token: Token) -> bool:
    """Whether a noun names a work ("report", "figures"; "figures" only in the plural)."""
    word = token.text.casefold()
    return token.lemma.casefold() in _WORKS or word in _WORKS or (
        token.pos == "PROPN" and word.endswith("s") and word[:-1] in _WORKS)  # "New Polls Show ...", left unlemmatized


is_work = _is_work


def _possessed_work(parse: Parse, owner: Token) -> Token | None:
    """The work a possessive names right after its owner ("X's March 3 article"), if any."""
    after = range(owner.i + 1, min(parse.sentences[owner.sent].last, owner.i + 10))
    if not any(parse.tokens[i].text in ("'s", "’s") for i in after[:3]):
        return None
    return next((parse.tokens[i] for i in after
                 if parse.tokens[i].pos == "NOUN" and parse.tokens[i].lemma.casefold() in _WORKS), None)


def _published(parse: Parse, verb: Token) -> Iterator[Cue]:
    """ "X reported (that)", "as first reported by X", "documents obtained by X"."""
    for child in parse.children(verb):
        if child.dep == "obl:agent" or (child.dep == "obl" and case_of(parse, child) == "by"):
            # "first reported by X"; not "additional reporting by Ann Lowe" (the paper's own reporter), but
            # "first reported by the Harbor Times' Ann Lowe" (her outlet)
            start = _left_edge(parse, verb, ("advmod", "mark")).start
            employer = _employer(parse, child)
            if employer is not None:
                yield Cue("reported-by", start, verb.end, employer.i, recipient=True)
            yield Cue("reported-by", start, verb.end, child.i, recipient=verb.lemma.casefold() == "report")
        elif (child.dep == "nsubj" or (child.dep == "nsubj:pass" and verb.tag in ("VBD", "VBN") and not any(
                c.dep in ("aux", "aux:pass") for c in parse.children(verb)))) and _namelike(child) and (  # "X reported", however parsed
                verb.lemma.casefold() != "obtain") and not (
                verb.lemma.casefold() != "report" and any(c.dep == "obj" and not _written(parse, c)
                                                          for c in parse.children(verb))):
            # "X reported (that) ...", "X revealed that ...", "X published the emails"; not "X has broadcast
            # footage of him": a thing made public that holds no words; nor a person known by a full name
            # ("Ann Lowe revealed that ...": a claim)
            employer = _employer(parse, child)  # "The Harbor Times' Ana Ruiz reported that ..."
            if employer is not None:
                yield Cue("reported-by", employer.start, verb.end, employer.i, recipient=True)
            works_at = _affiliation(parse, child)  # "Ana Ruiz of the Harbor Times reported that ..."
            if works_at is not None:
                yield Cue("reported-by", child.start, verb.end, works_at.i, outlet=True)
            yield Cue("reported-by", child.start, verb.end, child.i, recipient=True)
        elif child.dep == "obl" and case_of(parse, child) == "in" and verb.lemma.casefold() in ("publish", "report"):
            named = _named(parse, child)  # "published in the journal X": the publication, never a place
            if _has_name(parse, named):
                yield Cue("reported-by", _left_edge(parse, verb, ("advmod", "mark")).start, verb.end, named.i,
                           recipient=True)


def _told(parse: Parse, verb: Token) -> Iterator[Cue]:
    """ "told X" (X an organization that passed the words on), "speaking to X"; "remarked to X",
    "explained to X" when X is an outlet."""
    lemma = verb.lemma.casefold()
    for child in parse.children(verb):
        if child.pos == "NOUN" and child.lemma.casefold() in _JOURNALISTS and (lemma == "tell" and child.dep in ("obj", "iobj")):
            yield from _journalist(parse, verb, child)  # "told a Harbor Ledger reporter"
            continue
        if child.pos != "PROPN" and _employer(parse, child) is None and not (
                child.pos == "NOUN" and (child.text[:1].isupper() or child.lemma.casefold() in _OUTLET_NOUNS)
                and _has_name(parse, child)) and not outlet_noun(parse, child.i):  # "told the newspaper"
            continue  # "told Bay Radio's morning desk", "told the Harbor Daily News" (its head read as a noun)
        if (lemma == "tell" and child.dep in ("obj", "iobj")) or (
                child.dep == "obl" and case_of(parse, child) in (("to", "with") if lemma in _TELL else ("to",))):
            yield from _journalist(parse, verb, child)
            employer = _employer(parse, child)  # "told Bay Radio's Morning Desk"
            start, end = phrase(parse, child.i)
            titled = parse.text[:start].rstrip()[-1:] in ("\"", "“") and parse.text[end:].lstrip()[:1] in ("\"", "”")
            for source in ((employer,) if employer is not None else ()) + (child,):
                yield Cue("told", verb.start, verb.end, source.i, recipient=True,
                          outlet=lemma not in _TELL | {"state", "say"} and not titled, medium=titled)  # told "Bay Mornings": a show


# Nouns of people who work for an outlet: the name they are given with is the outlet's.
_JOURNALISTS = frozenset(["reporter", "reporters", "correspondent", "journalist", "journalists", "host", "anchor",
                          "columnist", "editor", "editors", "interviewer", "producer", "writer", "moderator"])


def _journalist(parse: Parse, verb: Token, told: Token) -> Iterator[Cue]:
    """The outlet of a journalist told: "told a Harbor Ledger reporter", "told Ana Ruiz of Bay
    Radio" (Y counts only as an outlet), "told Ana Ruiz, a Bay Radio host"."""
    people = [told, *(c for c in parse.children(told) if c.dep == "appos")]
    for person in people:
        for child in parse.children(person):
            if person.lemma.casefold() in _JOURNALISTS and child.dep == "compound" and child.i < person.i and child.pos == "PROPN":
                yield Cue("told", verb.start, verb.end, child.i, recipient=True, medium=True)
            elif child.dep == "nmod" and case_of(parse, child) in ("of", "from", "at", "on") and _has_name(parse, child):
                yield Cue("told", verb.start, verb.end, _named(parse, child).i, recipient=True, outlet=True)


def _heard_in(parse: Parse, noun: Token) -> Iterator[Cue]:
    """ "in an interview with X", "in a statement to X", "in remarks to X television"; else, with
    no one named who heard the words, "in a statement, X said" and "writing in a blog post, X ..."
    (the speaker's words, through the medium named)."""
    start = _left_edge(parse, noun, ("case", "det", "amod", "compound")).start
    start = min(start, noun.end - len(_whole_word(parse, noun)))  # "in an op-ed" parsed "op - ed"
    kind = "interview" if noun.lemma.casefold() == "interview" else "told"
    heard = False
    for child in parse.children(noun):
        case = _case_before(parse, child)
        if child.dep in ("nmod", "obl") and (case in ("to", "with") or (
                case == "on" and noun.lemma.casefold() in ("interview", "appearance", "remarks"))):
            named = _named(parse, child)  # "in an interview with X", "during an appearance on Bay Radio"
            if (_has_name(parse, named) or _titled_outlet(parse, named)) and noun.lemma.casefold() in _HEARD_IN:
                heard = True
                employer = _employer(parse, named)  # "in an interview with Bay Radio's Ana Ruiz"
                if employer is not None:
                    yield Cue(kind, start, noun.end, employer.i, recipient=True)
                yield Cue(kind, start, noun.end, named.i, recipient=True)
                if noun.dep == "obl" and case_of(parse, noun) in ("in", "during"):
                    # "in an interview with Ann Lowe, X said": a person heard the words, the interview is the source
                    yield Cue(kind, start, noun.end, noun.i, unnamed_work=True, any_work=True)
    if kind == "interview" and not heard and case_of(parse, noun) in ("in", "during", "as", "on"):
        sentence = parse.sentences[noun.sent]
        hung = parse.tokens[noun.head]
        if any((t.dep == "ROOT" or t.i == hung.i) and (_says(t) or t.lemma.casefold() == "deny")
               for t in parse.tokens[sentence.first : sentence.last]):
            yield from _interview_outlet(parse, noun, start)  # "in a Bay Radio interview, X said"
    yield from _said_in(parse, noun, start, kind, heard)


def _titled_outlet(parse: Parse, noun: Token) -> bool:
    """An outlet noun after a capitalized word the tagger read as a common noun ("Time magazine",
    "Harbor newspaper"): a name, the noun saying what it names."""
    return noun.lemma.casefold() in _OUTLET_NOUNS and any(
        c.dep == "compound" and c.i < noun.i and c.text[:1].isupper() for c in parse.children(noun))


# Media that words are given on ("on his blog", "on the website").
_ONLINE = frozenset(["blog", "website", "site", "page", "post", "posting", "podcast", "broadcast", "show", "program",
                     "programme", "channel", "radio", "television", "video", "feed", "account", "forum", "platform"])


def _said_in(parse: Parse, noun: Token, start: int, kind: str, heard: bool) -> Iterator[Cue]:
    """ "In a statement, X said", "Writing in a blog post, X ...", "In an article for Y, X reported"."""
    hung = parse.tokens[noun.head]  # "discussing the show's success in a radio interview": the medium read on the verb
    on_object = noun.dep == "nmod" and hung.dep in ("obj", "obl") and noun.i > hung.i and (
        noun.lemma.casefold() in _HEARD_IN or noun.lemma.casefold() in ("post", "blog", "column", "op-ed", "essay"))
    if heard or (noun.dep != "obl" and not on_object) or case_of(parse, noun) not in ("in", "on", "through", "via") or (
            case_of(parse, noun) == "on" and noun.lemma.casefold() not in _ONLINE):
        return  # "wrote on his blog"; not "would comment on those reports" (what the words are about)
    if noun.lemma.casefold() == "interview" and not any(c.dep in ("compound", "amod", "nmod:poss", "nmod") and (
            _namelike(c) or c.lemma.casefold() in _OUTLET_NOUNS | _ONLINE) for c in parse.children(noun)):
        return  # "said in an interview", "in a later interview": with the document's own reporter, first-hand
    if noun.lemma.casefold() in ("email", "e-mail") and all(c.dep in ("det", "case") for c in parse.children(noun)) and not any(
            c.dep == "obl" and case_of(parse, c) == "to" for c in parse.children(hung)):
        return  # "wrote in an email": to the document's own reporter, first-hand ("in an email to aides" is cited)
    verb = parse.tokens[hung.head] if on_object else hung
    speaker = _subject(parse, verb)
    said = _says(verb) or any(c.dep in ("advcl", "xcomp") and c.i > verb.i and c.tag == "VBG"
                              and c.lemma.casefold() in ("say", "write") for c in parse.children(verb))  # "criticized it in a radio interview, saying ..."
    while speaker is None and verb.dep in ("advcl", "xcomp", "conj") and verb.head != verb.i:
        verb = parse.tokens[verb.head]  # "Writing in a blog post, X said", "Discussing it in a statement, X said"
        speaker = _subject(parse, verb)
        said = said or _says(verb)
    if speaker is None and _says(verb):  # "“...,” Ann Lowe, the group's director, said in a statement": the speaker
        speaker = _quoted_speaker(parse, verb) or _name_before(parse, verb)  # however the parse hangs the name
    heard_by = any(c.dep in ("obj", "iobj") or (c.dep == "obl" and case_of(parse, c) == "to")
                   for c in parse.children(verb) if verb.lemma.casefold() in _TELL | {"say", "state"})
    author = _author(parse, noun)
    named: Token | None = author if author is not None and _namelike(author) else None
    if named is None and speaker is not None:
        named = _apposed_name(parse, speaker)
    if named is not None and said and not heard_by:  # "In an interview, X told Y": Y is the source
        said_in = "interview" if kind == "interview" else "statement" if noun.lemma.casefold() in _SPOKEN else "according-to"
        yield Cue(said_in, start, noun.end, named.i)
        # "in a blog post", "in a public statement"; not "in a statement" with the speaker named, but
        # "In the video, she stated": the medium is all the sentence names
        yield Cue(said_in, start, noun.end, noun.i, unnamed_work=True, any_work=not _namelike(named))


def _interview_outlet(parse: Parse, noun: Token, start: int) -> Iterator[Cue]:
    """The outlet an interview is named by ("in an October Bay Radio interview", "a Harbor Times
    interview"): it heard the words and passed them on; never a day or month."""
    first = noun.i  # the words before the noun that hang on it, however deep ("in a Bay Radio interview")
    while first > 0 and _under(parse, parse.tokens[first - 1], noun) and parse.tokens[first - 1].dep != "case":
        first -= 1
    start = min(start, parse.tokens[first].start)
    for child in parse.children(noun):
        if child.dep in ("compound", "nmod:poss") and child.i < noun.i and (_namelike(child) or child.tag == "NNP") and (
                child.text.casefold() not in _CALENDAR):
            yield Cue("interview", start, noun.end, child.i, recipient=True, medium=True)


def _under(parse: Parse, token: Token, head: Token) -> bool:
    """Whether a token hangs on ``head``, directly or through a few others."""
    for _ in range(4):
        if token.head == head.i:
            return True
        if token.head == token.i:
            return False
        token = parse.tokens[token.head]
    return False


def _quoted_speaker(parse: Parse, verb: Token) -> Token | None:
    """The name told between a closing quotation mark and its verb of saying ("“...,” Ann Lowe,
    the director, said"), if the words there name one."""
    first = parse.sentences[verb.sent].first
    between: list[Token] = []
    for i in range(verb.i - 1, max(first, verb.i - 12) - 1, -1):
        if parse.tokens[i].text in ("”", '"', "''"):
            break
        between.append(parse.tokens[i])
    else:
        return None
    return next((t for t in reversed(between) if t.pos == "PROPN"), None)


def _name_before(parse: Parse, verb: Token) -> Token | None:
    """A name told right before a verb, after a comma or at the sentence's start ("In a filing,
    Tidewater Mining said"), however the parse hangs it: the verb's subject."""
    first = parse.sentences[verb.sent].first
    at = verb.i - 1
    while at >= first and parse.tokens[at].pos == "PROPN":
        at -= 1
    if at == verb.i - 1 or (at >= first and parse.tokens[at].text != ","):
        return None
    return parse.tokens[verb.i - 1]


def _work_of(parse: Parse, work: Token) -> Iterator[Cue]:
    """A work that speaks, credited to its author: "X's analysis found", "a report by X says",
    "data from X show", "X figures show"."""
    verb = parse.tokens[work.head]
    if work.dep not in ("nsubj", "nsubj:pass"):  # "A Bay Radio poll, taken in May, shows ...": the verb hung on the work
        verb = next((c for c in parse.children(work) if c.dep in ("parataxis", "conj") and c.i > work.i and (
            (c.pos == "VERB" and c.dep == "parataxis") or c.text.casefold() in _SHOWN) and parse.tokens[c.i - 1].text == ","
                     and _subject(parse, c) is None), work)  # "shows" tagged a noun, or hung as a conjunct
    if verb.i == work.i:  # "A survey conducted by X found Lowe ahead": the verb read as a clause on the work
        verb = next((c for c in parse.children(work) if c.dep == "acl" and c.i > work.i and c.tag in ("VBD", "VBZ")
                     and c.text.casefold() in _SHOWN and _subject(parse, c) is None), work)
    if verb.i == work.i or (verb.lemma.casefold() not in _WORK_VERBS and verb.text.casefold() not in _SHOWN and not (
            verb.lemma.casefold() == "make" and any(c.dep == "xcomp" and c.text.casefold() == "clear"
                                                    for c in parse.children(verb)))):  # "the poll makes clear ..."
        return
    if work.dep == "nsubj:pass" and any(c.dep == "aux:pass" for c in parse.children(verb)):
        return  # "her statement was shown to be false": the work is what was shown, it shows nothing
    if any(c.dep == "cop" for c in parse.children(verb)):
        return  # "The result is an 800-page report": a noun said of the work, no verb of its
    said_before = verb.dep in ("parataxis", "ccomp") and verb.head < verb.i and verb.head != work.i  # "..., new emails show."
    if verb.head == work.i and not any(c.i > verb.i and c.dep != "punct" for c in parse.children(verb)):
        return  # hung on the work, what it shows must follow it
    said_before = said_before or verb.head == work.i
    sentence = parse.sentences[work.sent]
    opening = parse.tokens[_left_edge(parse, work, ("det", "amod", "compound", "nmod:poss", "nummod")).i - 1]
    maker = _author(parse, work, named_before=True)
    if opening.text == "," and all(t.pos == "PUNCT" for t in parse.tokens[verb.i + 1 : sentence.last]) and not (
            maker is not None and _namelike(maker)):  # (a named maker's is read from the marks)
        said_before = True  # "..., a new statewide poll has found.": what it found is the clause before, however parsed
    if not said_before and not any(c.dep in ("ccomp", "parataxis", "obj", "xcomp", "dep")
                                   for c in parse.children(verb)) and not any(
            t.text in _QUOTES for t in parse.tokens[max(0, verb.i - 3) : verb.i + 4]):
        return  # what it says must be given: "the statement added that ...", not "added to the confusion"
    author = _author(parse, work, named_before=True)
    if author is not None and _namelike(author):
        yield Cue("according-to", work.start, work.end, author.i)
    bare_first = work.pos == "PROPN" and work.tag == "NNP" and work.i == parse.sentences[work.sent].first and not any(
        c.dep not in ("punct", "cc") for c in parse.children(work))  # "Analysis shows ...": no one work
    generic = bare_first or (work.tag == "NN" and not any(c.dep in ("det", "nmod:poss", "compound", "amod", "nummod") or (
        c.dep == "nmod" and case_of(parse, c) in ("from", "by")) for c in parse.children(work)))
    # "analysis of X reveals": no one work; "footage from the game shows": one
    common = work.pos != "PROPN" or (work.i == parse.sentences[work.sent].first and work.text[1:].islower()) or (
        work.sent == 0 and work.text[1:].islower() and not any(c.dep in ("compound", "flat") and c.pos == "PROPN"
                                                               for c in parse.children(work)))  # "New Polls Show ...": a headline's capitals
    if common and not generic:  # "a recent poll found", "the report says": the work itself ("Footage ...": capitalized first)
        yield Cue("according-to", work.start, work.end, work.i, unnamed_work=True, any_work=True)
    elif not common and any(c.dep in ("compound", "flat") and c.pos == "PROPN" and c.i < work.i
                                     for c in parse.children(work)):  # "A Field Poll put his support at 5 percent": a work by its name
        yield Cue("according-to", phrase(parse, work.i)[0], work.end, work.i, unnamed_work=True, any_work=True)


# Verbs of putting out a statement ("issued a statement saying ...").
_ISSUE = frozenset(["issue", "release", "publish", "put", "send", "post", "distribute", "circulate"])
_ISSUED = frozenset(["statement", "release", "letter", "memo", "report", "notice", "bulletin", "communique",
                     "announcement", "advisory", "video", "post", "tweet", "ad", "advertisement", "commercial"])


def _issued(parse: Parse, verb: Token) -> Iterator[Cue]:
    """ "X issued a statement saying ...", "X released a statement condemning ...", "X put out a
    statement: '...'": the statement given is the medium of what follows."""
    if verb.lemma.casefold() == "put" and not any(c.dep == "compound:prt" and c.text.casefold() == "out"
                                                  for c in parse.children(verb)):
        return
    for work in parse.children(verb):
        if work.dep != "obj" or work.pos != "NOUN" or work.lemma.casefold() not in _ISSUED:
            continue
        # what it says must follow: "a statement saying ...", "a statement that ...", a quotation or a colon
        said = [c for c in (*parse.children(work), *parse.children(verb)) if c.i > work.i and (
            (c.dep in ("acl", "acl:relcl", "advcl", "xcomp") and c.tag == "VBG") or c.dep in ("ccomp", "parataxis")
            or (c.dep == "acl" and any(g.dep == "mark" and g.text.casefold() == "that" for g in parse.children(c))))]
        if work.lemma.casefold() in CARRIERS:  # "an ad calling it ...", not "ads targeting X" (what it did)
            said = [c for c in said if c.lemma.casefold() in _SAY | {"call", "accuse", "urge", "ask"}]
        after = parse.text[work.end : work.end + 3].lstrip()[:1]
        if said or after in (":", "\"", "“"):
            yield Cue("statement", verb.start, work.end, work.i, unnamed_work=True, any_work=True)


# Works that hold findings: what a clause framed by one says is what the work found.
# ("in the final analysis", "in review" are turns of phrase, no work)
_FINDINGS = frozenset(["poll", "survey", "study", "census", "audit", "report"])


# Verbs of being asked in a poll: "the voters surveyed in the X poll" are what it found.
_POLLED = frozenset(["survey", "poll", "question", "interview", "sample", "ask"])


def _finite(verb: str) -> set[str]:
    """The present and past forms of a verb of saying or showing ("shows", "showed"; "says", "said")."""
    irregular = {"say": "said", "find": "found", "write": "wrote", "read": "read", "put": "put", "tell": "told",
                 "show": "showed", "add": "added"}
    third = verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else verb[:-1] + "ies" if re.search(
        "[^aeiou]y$", verb) else verb + "s"
    past = irregular.get(verb) or (verb + "d" if verb.endswith("e") else verb[:-1] + "ied" if re.search(
        "[^aeiou]y$", verb) else verb + "ed")
    return {third, past}


_SPEAKING = frozenset(form for verb in _WORK_VERBS | _SAY for form in _finite(verb))
_SHOWN = frozenset(form for verb in ("show", "indicate", "suggest", "reveal", "find", "confirm", "put", "estimate")
                   for form in _finite(verb))
# Verbs of a work's making, told between the work and what it says ("a poll released Sunday found").
_MADE = frozenset(["release", "publish", "conduct", "commission", "take", "issue", "post", "compile", "obtain"])
# Forms that are plural nouns as often ("the survey estimates were wrong"): a verb only when tagged one.
_NOUNS_TOO = frozenset(["reports", "estimates", "records", "documents", "details", "lists", "counts", "notes",
                        "states", "claims", "shows", "finds", "reads", "quotes", "cites", "warns"])


def _speaks_before(parse: Parse, noun: Token) -> Iterator[Cue]:
    """ "a poll shows ...", "the editorial said", "Gallup's tracking poll puts ...", when the tagger
    took the work or its verb for another part of speech: a work or an outlet noun, pointed to
    ("the", "a", a possessive, a name), told right before a verb of saying or showing, with what it
    says given after the verb or in a quotation before the noun."""
    tokens = parse.tokens
    at, maker_after, described_after = noun.i + 1, None, False
    if at < len(tokens) and tokens[at].text.casefold() in ("from", "by") and tokens[at].sent == noun.sent:
        end = at + 1  # "Figures from the Harbor Statistics Agency show ...": the maker between the work and its verb
        while end < min(len(tokens), at + 7) and tokens[end].pos in ("DET", "PROPN", "ADJ", "NOUN") and (
                tokens[end].text.casefold() not in _SPEAKING) and not (
                noun.tag == "NNS" and tokens[end].text.casefold() in _WORK_VERBS):
            end += 1
        names = [t for t in tokens[at + 1 : end] if _namelike(t)]
        maker_after, described_after, at = (names[-1] if names else None), end > at + 1, end
    skipped = at
    if at + 1 < len(tokens) and tokens[at].lemma.casefold() in _MADE and tokens[at].tag in ("VBN", "VBD") and (
            tokens[at + 1].text.casefold() != "by"):  # "released by X" is read as the credit it is
        end = at + 1  # "A Bay Radio poll released Sunday found ...": the work's making told between it and its verb
        while end < min(len(tokens), at + 6) and tokens[end].pos in ("PROPN", "NOUN", "ADP", "DET", "NUM", "ADJ") and (
                tokens[end].text.casefold() not in _SPEAKING):
            end += 1
        described_after, skipped, at = True, end, end
    if at + 1 >= len(tokens):
        return
    verb, after = tokens[at], tokens[at + 1]
    form = verb.text.casefold()
    plural = noun.tag == "NNS" and form in _WORK_VERBS and form not in ("record", "document", "list", "count", "note")
    if verb.sent != noun.sent or (form not in _SPEAKING and not plural) or (
            form in _NOUNS_TOO and not verb.tag.startswith("VB")):
        return  # "a poll shows", "polls from X show"; not "the survey estimates were ...
    if noun.text.casefold() in ("figure", "figures") and form not in _SHOWN:
        return  # "party figures declared ...": people; "figures show ...": numbers
    if noun.head == verb.i and noun.dep in ("nsubj", "nsubj:pass") and verb.pos == "VERB" and noun.pos == "NOUN":
        return  # parsed right: read by _work_of, _outlet_says or the claims
    subject = _subject(parse, verb) if verb.pos == "VERB" else None
    if subject is not None and subject.i != noun.i and not noun.i < subject.i < skipped:
        return  # "X's analysis of the records found ...": the verb has its own subject
    if after.pos == "AUX" or after.tag == "POS" or (after.pos == "VERB" and not verb.tag.startswith("VB")):
        return  # "the poll shows were ...": a noun after all
    before = parse.tokens[noun.i - 1] if noun.i > parse.sentences[noun.sent].first else None
    if not described_after and (before is None or not (
            before.tag in ("DT", "PRP$", "POS", "NNP", "JJ", "NN") or before.pos == "PROPN")):
        return  # "polls show" alone: polling at large
    if before is not None and before.text.casefold() in ("this", "our"):
        return  # "this report says": the document itself
    quoted = any(t.text in _QUOTES for t in parse.tokens[max(parse.sentences[noun.sent].first, noun.i - 4) : noun.i])
    if not quoted and after.pos == "PUNCT":
        return  # what it says must follow, or come before in a quotation
    start = parse.tokens[_left_edge(parse, noun, ("det", "amod", "compound", "nmod:poss", "case")).i].start
    start = min(start, before.start) if before is not None and before.tag in ("DT", "PRP$") else start
    if noun.text.casefold() in _OUTLET_NOUNS:
        yield Cue("reported-by", start, verb.end, noun.i, medium=True)  # "the newspaper said", however parsed
    else:
        maker = maker_after or _author(parse, noun, named_before=True)
        first = noun.i  # "the Bay Courier's own tracking poll puts": the possessor, however the parse hangs it
        while first > 0 and parse.tokens[first - 1].pos in ("NOUN", "ADJ") and parse.tokens[first - 1].sent == noun.sent:
            first -= 1
        if maker is None and first > 1 and parse.tokens[first - 1].tag == "POS":
            maker = parse.tokens[first - 2]
        if maker is not None and _namelike(maker):
            yield Cue("according-to", start, verb.end, maker.i)
        yield Cue("according-to", start, verb.end, noun.i, unnamed_work=True, any_work=True)


def _tweeted(parse: Parse, verb: Token) -> Iterator[Cue]:
    """ "X tweeted: '...'", "X weighed in, tweeting her thanks. “...”", "X blogged: '...'": the verb names the medium the
    words came through, when the words are given (a clause, a colon or a quotation after it, or a
    quotation opening the next sentence; not "X tweeted support of Y"). The speaker, if named,
    is what the citation names, as with "In a statement, X said"."""
    speaker, clause = _subject(parse, verb), verb
    while speaker is None and clause.dep in ("advcl", "xcomp", "conj", "parataxis", "acl") and clause.head != clause.i:
        clause = parse.tokens[clause.head]
        speaker = _subject(parse, clause)
    if speaker is not None and speaker.pos == "PRON" and clause.dep == "advcl" and clause.head != clause.i:
        speaker = _subject(parse, parse.tokens[clause.head])  # "X said it best when he blogged: ...": X
    if speaker is None or speaker.pos == "PRON":
        return  # "she tweeted": the speaker is read where named
    # "the nominee, Ann Lowe, tweeted": the name; "one Bay Club member tweeted": the medium is named,
    # whoever the speaker
    named = speaker if _namelike(speaker) else _apposed_name(parse, speaker)
    sentence = parse.sentences[verb.sent]
    rest = parse.tokens[verb.i + 1 : sentence.last]
    following = parse.tokens[sentence.last] if sentence.last < len(parse.tokens) else None
    thing = next((c.i for c in parse.children(verb) if c.dep == "obj"), None)  # "tweeted support of X", "tweeted a photo"
    marks = [t for t in rest[:8] if t.text in _QUOTES and (thing is None or t.i < thing)]
    first_word = parse.token_at(phrase(parse, speaker.i)[0])
    at = first_word.i if first_word is not None else speaker.i
    before = at - 1
    while before >= 0 and parse.tokens[before].text == ",":
        before -= 1
    given = any(c.dep in ("ccomp", "parataxis") for c in parse.children(verb)) or bool(marks) or (
        following is not None and following.text in ("“", '"')) or (  # "“...!” one Bay Club member tweeted"
        before >= 0 and speaker.i < verb.i and (parse.tokens[before].text in ("”", '"', "''") or (
            parse.tokens[sentence.first].text in ("“", '"', "``") and any(  # "“...,” the nominee, Ann Lowe, tweeted"
                t.text in ("”", '"', "''") for t in parse.tokens[sentence.first + 1 : at]))))
    if given:
        yield Cue("according-to", verb.start, verb.end, _apposed_name(parse, named).i, medium=not _namelike(named))


def outlet_noun(parse: Parse, index: int) -> bool:
    """Whether a source is an outlet by its common noun, pointed to ("the newspaper", "a Baton Rouge
    paper", "the network"; not "this newspaper", the document itself, nor "news" alone)."""
    token = parse.tokens[index]
    if token.pos == "PROPN" or not token.tag.startswith(("NN", "JJ")) or (
            token.text.casefold() not in _OUTLET_NOUNS and not _editorial_board(parse, token)):
        return False
    if token.i + 1 < len(parse.tokens) and _namelike(parse.tokens[token.i + 1]):
        return False  # "the magazine Brightwater": the name is the source
    if any(c.dep == "nmod" and case_of(parse, c) == "of" for c in parse.children(token)) or (
            token.text.casefold() == "site" and not any(c.dep in ("compound", "amod") for c in parse.children(token))):
        return False  # "the site of the blast": a place
    pointing = [c for c in parse.children(token) if c.dep in ("det", "nmod:poss", "compound", "amod")]
    if token.i > 0 and parse.tokens[token.i - 1].tag in ("DT", "PRP$"):
        pointing.append(parse.tokens[token.i - 1])
    return bool(pointing) and not any(c.text.casefold() in ("this", "our") for c in pointing)


def _editorial_board(parse: Parse, token: Token) -> bool:
    """Whether a noun is an outlet's editorial board ("the editorial board writes"): the voice of a
    publication, as its name is."""
    return token.lemma.casefold() == "board" and any(
        c.text.casefold() == "editorial" and c.dep in ("amod", "compound") for c in parse.children(token))


def _found_in(parse: Parse, work: Token) -> Iterator[Cue]:
    """ "In the latest Harbor Ledger poll, Ruiz led by six points", "Ruiz led in a survey by X": a
    clause framed by a work of findings says what it found (a work, its maker if named)."""
    asked = parse.tokens[work.head].dep == "acl" and parse.tokens[work.head].lemma.casefold() in _POLLED
    following = parse.tokens[work.i + 1 : work.i + 3]
    if case_of(parse, work) != "in" or (not any(
            (c.dep in ("det", "compound", "nmod:poss") and c.text.casefold() not in ("a", "an", "one", "another"))
            or (c.dep == "acl" and c.tag == "VBN") or (c.dep == "amod" and asked)
            for c in parse.children(work)) and not (  # "a survey released Monday", "those surveyed in a new poll"
            len(following) == 2 and following[0].text.casefold() in ("by", "from") and _namelike(following[1]))):
        return  # "in a study" alone, "in one national survey" (no one work a reader could find), or "in a
        # review of the rules" (a process, not a work cited)
    kids = {c.dep for c in parse.children(work)}
    maker = _author(parse, work, named_before=True)
    made = (maker is not None and _namelike(maker) and case_of(parse, maker) in ("by", "from")) or (
        len(following) == 2 and following[0].text.casefold() in ("by", "from") and _namelike(following[1]))
    if work.tag == "NNS" and not (kids & {"det", "nmod:poss"} and kids & {"amod", "compound", "nummod", "acl"}) and not made:
        return  # "leading in the polls", "ahead in Iowa polls": polling at large, no work ("in the latest polls",
        # "in recent polls from Quinnipiac" are)
    verb = parse.tokens[work.head]
    if work.dep == "nmod":  # "finished ahead in matchups in recent polls from X", "rose three points in the X
        # survey", "45 percent support among voters in a new X poll": the clause the framing phrase is on,
        # however many nouns the parse hangs it on first
        for _ in range(3):
            if verb.pos not in ("NOUN", "PROPN", "NUM") or verb.dep not in ("obl", "obj", "nmod") or verb.head == verb.i:
                break
            verb = parse.tokens[verb.head]
        if verb.pos in ("NOUN", "PROPN", "NUM") and not any(c.dep == "cop" for c in parse.children(verb)):
            return  # hung on a noun that heads no clause ("Ruiz was at 25 percent support in the X poll" does)
    if any(c.dep == "det" and c.text.casefold() == "this" for c in parse.children(work)):
        return  # "in this report": the document itself, or a speaker's own
    polled = verb.dep == "acl" and verb.lemma.casefold() in _POLLED  # "the voters surveyed in the X poll"
    if verb.pos not in ("VERB", "AUX", "ADJ", "NOUN") or (_says(verb) and work.lemma.casefold() in _MEDIA) or (verb.dep in (
            "acl", "acl:relcl", "amod", "csubj") and not polled):
        return  # "said in a report": words given through a medium (read by _said_in; "In a poll, 28 percent said
        # ..." is a frame); "the problems found in the report are ...": no clause framed
    start = _left_edge(parse, work, ("case", "det", "amod", "compound", "nmod:poss", "nummod")).start
    if maker is not None and _namelike(maker):
        yield Cue("according-to", start, work.end, maker.i, outlet=True)
    yield Cue("according-to", start, work.end, work.i, unnamed_work=True, any_work=True)


def _opening_frame(parse: Parse, work: Token) -> Iterator[Cue]:
    """ "In the latest Bay Radio/Harbor Ledger survey, 71 percent approved", the parse having missed
    the framing phrase: a sentence opening with "In", a noun phrase of a work of findings pointed
    to (a determiner other than "a", a name or a modifier), and a comma after it."""
    sentence = parse.sentences[work.sent]
    words = parse.tokens[sentence.first : work.i]
    after = parse.tokens[work.i + 1] if work.i + 1 < sentence.last else None
    if not words or words[0].text.casefold() != "in" or after is None or after.text != ",":
        return
    inside = words[1:]
    if not inside or not all(t.pos in ("DET", "ADJ", "ADV", "PROPN", "NOUN", "NUM", "SYM", "CCONJ", "PUNCT") and t.text != ","
                             for t in inside):
        return
    if inside[0].text.casefold() in ("a", "an", "this") and len(inside) == 1:
        return  # "In a survey, ...": no one work; "In this report": the document itself
    if any(t.text.casefold() == "this" for t in inside):
        return
    names = [t for t in inside if _namelike(t)]
    if names:
        yield Cue("according-to", words[0].start, work.end, names[0].i, outlet=True)
    yield Cue("according-to", words[0].start, work.end, work.i, unnamed_work=True, any_work=True)


def _outlet_says(parse: Parse, verb: Token) -> Iterator[Cue]:
    """ "KCNA said", "said the news agency X", "the magazine X describes": an outlet's words are a
    source the document relies on (an organization that is no outlet makes a claim instead)."""
    if verb.lemma.casefold() == "report":  # "X reported" is read by _published
        return
    if verb.lemma.casefold() == "quote" and any(c.dep == "obj" and c.pos == "NOUN" for c in parse.children(verb)):
        return  # "the Times quoted one stanza": what it quoted is a thing named, no words it passed on
    quoted = verb.i > 0 and parse.tokens[verb.i - 1].text in ("”", '"', "''", ",")
    for subject in parse.children(verb):
        if subject.dep in ("nsubj", "nsubj:pass") or (
                quoted and subject.dep == "obj" and subject.i > verb.i and subject.lemma.casefold() in _OUTLET_NOUNS
                and _has_name(parse, subject)):
            # "“...,” wrote Bay magazine": the subject after the verb, read by the parse as its object
            works_at = _affiliation(parse, subject) if subject.dep == "nsubj" else None
            if works_at is not None:  # "Ana Ruiz of the Harbor Times wrote": the outlet she writes for
                yield Cue("reported-by", verb.start, verb.end, works_at.i, outlet=True)
            yield Cue("reported-by", verb.start, verb.end, (subject if subject.dep == "obj" else _named(parse, subject)).i,
                      outlet=True)


# "said Wednesday on Bay Radio's “Morning Tide”", "says on “The Pier Countdown”": a title in quotation
# marks after "on", with the outlet whose it is, read from the words when the parse loses them.
_ON_TITLE = re.compile(r"[^.;:!?“”\"\n]{0,40}?\bon\s+(?:(?P<owner>(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)(?:’s|'s)\s+)?"
                       r"[“\"](?P<title>[^”\"\n]{2,80})[”\"]")


def _said_on(parse: Parse, verb: Token) -> Iterator[Cue]:
    """ "X says on 'Title'", "said on Bay Radio", "wrote in the Harbor Times": words given on a
    site, a channel or in a publication named."""
    text = parse.text
    titled = _ON_TITLE.match(text, verb.end)
    if titled is not None:
        for group, flags in (("owner", {"recipient": True}), ("title", {"medium": True})):
            if titled.group(group):
                last = parse.token_at(titled.end(group) - 1)
                if last is not None and last.sent == verb.sent:
                    yield Cue("according-to", verb.start, verb.end, last.i, **flags)
    def case(token: Token) -> str | None:  # "on" hung on the name's first word ("on Bay Investigative Radio")
        found = case_of(parse, token)
        first = parse.token_at(phrase(parse, token.i)[0])
        before = parse.tokens[first.i - 1] if first is not None and first.i > 0 else None
        return found or (before.text.casefold() if before is not None and before.pos == "ADP" else None)

    hung = [c for obj in parse.children(verb) if obj.dep == "obj" for c in parse.children(obj)
            if c.dep == "nmod" and c.i > obj.i and case(c) == "on"]  # "recounted it on Bay Radio", however hung
    for child in (*parse.children(verb), *(c._replace(dep="obl") for c in hung)):
        if child.dep.startswith("obl") and case(child) == "on" and child.pos == "NOUN" and child.lemma.casefold() in _ONLINE:
            owner = next((c for c in parse.children(child) if c.dep == "nmod:poss" and _namelike(c)), None)
            if owner is not None:  # "said on Bay Radio's morning show": the outlet whose show it is
                yield Cue("according-to", verb.start, child.end, owner.i, recipient=True)
            continue
        if child.dep.startswith("obl") and case(child) == "in" and outlet_noun(parse, child.i):
            yield Cue("according-to", verb.start, child.end, child.i, outlet=True)  # "said in the newspaper"
            continue
        if child.dep.startswith("obl") and case(child) == "for" and verb.lemma.casefold() == "write" and _has_name(parse, child):
            # "wrote for the Harbor Informer": one writes for a publication, whatever its name (not for a person)
            yield Cue("according-to", verb.start, verb.end, _named(parse, child).i, recipient=True, medium=True)
            continue
        if not child.dep.startswith("obl") or case(child) not in ("on", "in") or not _namelike(child):
            continue
        start, end = phrase(parse, child.i)
        before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
        if before in "\"“'‘" and before and after in "\"”'’" and after:
            yield Cue("according-to", verb.start, verb.end, child.i)
        elif case(child) == "on":  # "said on Twitter", "said on Bay Radio": never a day or a place
            # words written or posted on a name ("wrote on Facebook") are on a site, whatever its name
            posted = verb.lemma.casefold() in ("write", "post", "tweet") and child.text.casefold() not in _CALENDAR and (
                verb.text.islower() and not any(t.pos == "PRON" for t in parse.tokens_in(start, end)))  # not "To Write Love On Her Arms"
            yield Cue("according-to", verb.start, verb.end, child.i, recipient=True, medium=posted)
        else:  # "wrote in the Harbor Times"
            yield Cue("according-to", verb.start, verb.end, child.i, outlet=True)


def _says(verb: Token) -> bool:
    """Whether a verb passes words on ("said", "writing": a gerund the tagger left unlemmatized)."""
    lemma = verb.lemma.casefold()
    return lemma in _SAY or (lemma.endswith("ing") and (lemma[:-3] in _SAY or lemma[:-3] + "e" in _SAY))


def _subject(parse: Parse, verb: Token) -> Token | None:
    """The subject of a verb, if the parse gives one."""
    return next((c for c in parse.children(verb) if c.dep in ("nsubj", "nsubj:pass")), None)


def definite_name(parse: Parse, start: int, index: int) -> bool:
    """Whether a source is a proper name with "the" ("The Independent reported ..."): a title or an
    outlet, never a person's name, even when no entity was read there."""
    head = parse.tokens[index]
    first = next(iter(parse.tokens_in(start, head.end)), None)
    return head.pos == "PROPN" and first is not None and first.text.casefold() == "the" and first.i < head.i


def plain_person(entity: Entity) -> bool:
    """A person known by a full name ("Ann Lowe"); a one-word "person" may be an outlet the
    entity reader could not tell apart ("Reuters")."""
    return entity.kind == "person" and len(entity.name.split()) >= 2


def titled(parse: Parse, start: int, index: int) -> bool:
    """Whether a name comes with a title in lower case ("curator Ann", "spokesman Lowe"), however
    the parse hangs them: a person."""
    head = parse.tokens[index]
    if _is_work(head):
        return False  # "a Quinnipiac poll": a work with its maker's name, no person
    if head.pos == "NOUN" and head.text[:1].isupper() and head.text[1:].islower():
        return False  # "the state Division of ...": a body's name the tagger read as a noun, no person's
    return any(t.pos == "NOUN" and t.text.islower() for t in (*parse.tokens_in(start, head.start), head))


def _apposed_name(parse: Parse, token: Token) -> Token:
    """A name set in apposition to a title ("the Prime Minister, Ann Lowe"), else the token."""
    return next((c for c in parse.children(token) if c.dep == "appos" and c.pos == "PROPN"), token)


def _named(parse: Parse, token: Token) -> Token:
    """The name a noun phrase gives: the token itself when a name, else a name set beside its
    head noun ("the magazine X", "the news agency X (KCNA)", "X television")."""
    if _namelike(token):
        return token
    for child in parse.children(token):
        if child.dep in ("appos", "compound", "flat") and _has_name(parse, child):
            return child
    return token


def _has_name(parse: Parse, token: Token) -> bool:
    """Whether a token is a name or heads one ("Coastal Ecology Letters")."""
    return _namelike(token) or any(_namelike(c) for c in parse.children(token)
                                   if c.dep in ("compound", "amod", "flat") and c.i < token.i)


def outlet(parse: Parse, index: int, entity: Entity | None) -> bool:
    """Whether a named source is an outlet: its name is made like one ("LA Weekly", "X News",
    "example.com") or a noun beside it says so ("the magazine X", "X news agency")."""
    names = (entity.name, *entity.aliases) if entity else (parse.text[slice(*phrase(parse, index))],)
    if entity is not None and personal(entity.name):
        return False  # "Don Guardian" (and so "Guardian"): a person, however typed
    if any(outlet_name(n) for n in names):
        return True
    token = parse.tokens[index]
    near = [token, *parse.children(token)]
    if token.dep in ("appos", "compound", "flat"):  # "X television", "the news agency X"
        near += [parse.tokens[token.head], *parse.children(parse.tokens[token.head])]
    first = phrase(parse, index)[0]
    before = [t for t in parse.tokens_in(max(0, first - 40), first) if t.sent == token.sent][-1:]
    near += before  # "the magazine X", however the parse hangs it
    return any(t.lemma.casefold() in _OUTLET_NOUNS and t.pos == "NOUN" for t in near) or _editorial_board(parse, token)


def _citing(parse: Parse, verb: Token) -> Iterator[Cue]:
    """ "X, citing ..., said": X passes on what it cites; and what is cited when it is a named work's author."""
    for child in parse.children(verb):
        if child.dep == "obl:agent" or (child.dep == "obl" and case_of(parse, child) == "by" and verb.tag == "VBN"):
            # "he was quoted by X", "figures cited by X": X passed the words on
            yield Cue("reported-by", verb.start, verb.end, child.i, recipient=True)
        elif child.dep == "nsubj" and child.pos == "PROPN" and verb.tag == "VBG":
            yield Cue("reported-by", child.start, verb.end, child.i)
        elif child.dep == "obj":
            author = _author(parse, child, named_before=True) if _written(parse, child) or _is_work(child) else None
            if author is not None and _namelike(author):  # "citing X's report"; not "citing X's appeal" (a reason)
                yield Cue("according-to", verb.start, verb.end, author.i)
            if child.pos == "PROPN":
                yield Cue("according-to", verb.start, verb.end, child.i)
            elif verb.lemma.casefold() == "quote" and _has_name(parse, _named(parse, child)):  # "quoting the agency X"
                yield Cue("according-to", verb.start, verb.end, _named(parse, child).i, outlet=True)


def author(parse: Parse, work: Token, *, named_before: bool = False) -> Token | None:
    """Who made a work or where it appeared, if the words say (see :func:`_author`)."""
    return _author(parse, work, named_before=named_before)


def _author(parse: Parse, work: Token, *, named_before: bool = False) -> Token | None:
    """Who made a work: "by X", "from X", else where it appeared ("in X"), its possessor ("X's report"), a name before it ("X
    figures", with ``named_before``), or the agent of a participle on it ("minutes published by
    X"); None when the words do not say."""
    children = list(parse.children(work))
    for cases in (("by", "from"), ("in", "for")):  # who made it, else where it appeared
        found = next((c for c in children if c.dep in ("nmod", "obl") and case_of(parse, c) in cases
                      and (cases[0] == "by" or _namelike(c))), None)
        if found is not None:
            return found
    for child in children:
        if child.dep == "nmod:poss" and child.pos in ("PROPN", "NOUN"):
            return child
    named = next((c for c in children if named_before and work.pos == "NOUN" and c.dep == "compound"
                  and _namelike(c) and c.i < work.i), None)  # not the first word of a name ("Élysée Gazette")
    if named is not None:  # "Census data", "police figures" when the maker is named before the work
        return named
    for child in children:
        if child.dep == "acl":
            agent = next((g for g in parse.children(child)
                          if g.dep == "obl:agent" or (g.dep == "obl" and case_of(parse, g) == "by")), None)
            if agent is not None:
                return agent
    return None


def _namelike(token: Token) -> bool:
    """A proper noun, or an acronym the tagger took for a common noun ("LAPD figures")."""
    return token.pos == "PROPN" or (len(token.text) >= 2 and token.text.isalpha() and token.text.isupper())


def case_of(parse: Parse, token: Token) -> str | None:
    """The preposition a nominal hangs on ("by" for "by X"), lower-cased, if any."""
    case = next((c for c in parse.children(token) if c.dep == "case" and c.i < token.i), None)
    return None if case is None else case.text.casefold()


def _case_before(parse: Parse, token: Token) -> str | None:
    """The preposition a nominal hangs on, else the one right before the first word of its name
    (quotation marks skipped), where the parse hung it on a word inside ("with “Bay Radio Sunday”")."""
    found = case_of(parse, token)
    if found is not None:
        return found
    at = phrase(parse, token.i)[0]
    first = parse.token_at(at)
    i = first.i - 1 if first is not None else -1
    while i >= 0 and parse.tokens[i].text in _QUOTES:
        i -= 1
    return parse.tokens[i].text.casefold() if i >= 0 and parse.tokens[i].pos == "ADP" else None


def _next_noun(parse: Parse, token: Token) -> Token | None:
    """The first noun after ``token`` in its sentence."""
    last = parse.sentences[token.sent].last
    return next((parse.tokens[i] for i in range(token.i + 1, last)
                 if parse.tokens[i].pos in ("NOUN", "PROPN")), None)


def _left_edge(parse: Parse, head: Token, deps: tuple[str, ...]) -> Token:
    """The first of the words right before ``head`` that hang on it by ``deps`` ("as first" of
    "as first reported", "in an" of "in an interview"), else the head itself."""
    first = head
    while first.i > 0:
        before = parse.tokens[first.i - 1]
        if before.head != head.i or before.dep not in deps:
            break
        first = before
    return first


def phrase(parse: Parse, index: int) -> tuple[int, int]:
    """(start, end) of the words naming a source: its head and the name words hanging on it."""
    head = parse.tokens[index]
    first = last = index
    stack = [index]
    while stack:
        at = stack.pop()
        for child in parse.children(parse.tokens[at]):
            # name words come before the head ("the Élysée Gazette"), except a name's flat parts
            before = child.i < at and at - child.i <= 4
            if child.dep in _NAME_DEPS and child.dep != "case" and (before or child.dep.startswith("flat")):
                first, last = min(first, child.i), max(last, child.i)
                if child.dep != "nmod:poss":
                    stack.append(child.i)
    return parse.tokens[first].start if first < index else head.start, parse.tokens[last].end


def plain_label(words: str) -> str:
    words = " ".join(words.split())
    return re.sub(r"^(?:the|The)\s+", "", words)
