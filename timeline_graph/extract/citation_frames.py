"""A medium named as the frame of a clause: "In her post, she ...", "in a Sunday tweet", "on the same show".

:mod:`.citation_cues` reads a medium when a verb of saying passes words through it ("In a
statement, X said"). News also names the medium with any verb ("unveiled a nickname in a Sunday
tweet", "In her post, she reminded him of ...", "In the letter, the senator asks for ...") or
with one of speaking on a programme left unnamed ("Speaking later on the same show, X said"):
what the clause tells came through that medium, so the medium is the source the document relies
on. These cues come after those of :func:`.citation_cues.cues`, so a medium read there with its
speaker or outlet keeps that reading.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..nlp import Parse, Token
from .citation_cues import Cue, case_of

__all__ = ["frames"]

# Works that carry a person's or a body's own words (not reports about them): "in her post".
_CARRYING = frozenset(["tweet", "post", "posting", "blog", "op-ed", "column", "editorial", "essay", "letter",
                       "statement", "response", "reply", "book", "memoir", "excerpt", "article", "video", "podcast",
                       "newsletter", "memo", "email", "e-mail", "message", "transcript"])
# Programmes words are spoken on: "on the same show", "on his radio program".
# Of those, the ones published to readers: hung on a noun ("a slogan for the race in a Sunday tweet")
# they still frame the clause; a letter so hung is what is spoken of ("a mistake in the letter").
_PUBLISHED = frozenset(["tweet", "post", "posting", "blog", "op-ed", "column", "editorial", "video", "podcast",
                        "newsletter", "book", "piece", "article", "memoir", "essay"])
_PROGRAMMES = frozenset(["show", "program", "programme", "podcast", "broadcast", "radio", "segment", "newscast"])
# Works told with what they say in a clause after "that" ("a report in X that Lowe will run").
_SAYING_WORKS = frozenset(["report", "statement", "article", "story", "editorial", "column", "op-ed", "study",
                           "survey", "poll", "analysis", "memo", "letter"])
# Sites people publish their own words on: "lashed out at him on Facebook", "on his Twitter account".
_PLATFORMS = frozenset(["Facebook", "Twitter", "Instagram", "YouTube", "TikTok", "Snapchat", "Reddit", "Tumblr",
                        "LinkedIn", "Weibo", "Telegram"])
# What one does on a site that tells nothing ("has a million followers on Twitter", "was banned on Facebook").
_SITE_ACTS = frozenset(["be", "have", "follow", "join", "block", "ban", "suspend", "sign", "open", "create", "delete",
                        "gain", "lose", "trend", "spend", "find", "see", "watch", "advertise", "buy", "sell", "use",
                        "get", "receive", "draw", "attract", "earn", "reach", "rack"])  # "got a million views on Facebook"
_FRAMING = frozenset(["in", "with", "via", "through"])
# Determiners that make a medium the document itself or no one work ("in this article", "in a post").
_OWN = frozenset(["this", "our", "these"])
_SPEAKING = frozenset(["say", "speak", "talk", "tell", "add", "argue", "explain", "discuss", "defend", "insist",
                       "claim", "state", "appear", "remark", "comment", "note", "describe", "predict", "warn"])


def frames(parse: Parse) -> Iterator[Cue]:
    """Every medium named as the frame of a clause, in text order; and a work named with its
    maker and what it says ("a report in the Harbor Ledger that ..."), and an outlet sat down with."""
    for token in parse.tokens:
        word = token.text.casefold()
        if word in _SAYING_WORKS and token.pos in ("NOUN", "PROPN"):
            yield from _work_saying(parse, token)
        elif token.lemma.casefold() == "sit" and token.pos == "VERB":
            yield from _sat_down_with(parse, token)
        elif token.text in _PLATFORMS:
            yield from _on_platform(parse, token)
        elif word in ("meeting", "sit-down") and token.pos == "NOUN" and token.i + 1 < len(parse.tokens) and (
                parse.tokens[token.i + 1].text.casefold() == "with"):
            yield from _met_with(parse, token)
        if token.pos not in ("NOUN", "PROPN") or token.dep not in ("obl", "obl:unmarked", "nmod"):
            continue
        lemma = token.lemma.casefold()
        if lemma in _CARRYING or token.text.casefold() in _CARRYING:
            yield from _carried_in(parse, token)
        elif lemma in _PROGRAMMES:
            yield from _spoken_on(parse, token)


def _pointed(parse: Parse, noun: Token) -> bool:
    """Whether a noun is one work a reader could find: pointed to by "the", a possessive, a
    name, a day or a modifier ("her post", "a Sunday tweet", "an earlier article from X"); not "a
    post" alone, nor the document itself ("this article")."""
    kids = list(parse.children(noun))
    if any(c.text.casefold() in _OWN for c in kids):
        return False
    return any(c.dep in ("nmod:poss", "compound", "amod") or (c.dep == "det" and c.text.casefold() == "the")
               or (c.dep == "nmod" and c.i > noun.i and case_of(parse, c) in ("from", "by", "in"))
               for c in kids)


def _carried_in(parse: Parse, noun: Token) -> Iterator[Cue]:
    """ "In her post, she reminded him ...", "unveiled a nickname in a Sunday tweet", "With a tweet
    featuring ..., X told ...": a work carrying someone's words frames the clause it hangs on."""
    case = case_of(parse, noun)
    verb = _clause(parse, noun)
    if noun.dep == "nmod" and noun.lemma.casefold() not in _PUBLISHED:
        return
    if case not in _FRAMING or noun.tag != "NN" or not _clause_verb(parse, verb) or not _pointed(parse, noun):
        return  # "appear in her videos": no one work
    if case == "with" and (noun.lemma.casefold() not in _PUBLISHED or not any(
            c.dep == "det" and c.text.casefold() in ("a", "an") for c in parse.children(noun))):
        return  # "With a tweet featuring ..., X told ..."; not "with the American response", a thing compared
    start = next((c for c in parse.children(noun) if c.dep == "case"), noun).start
    yield Cue("according-to", start, noun.end, noun.i, unnamed_work=True, any_work=True, medium=True)


def _clause_verb(parse: Parse, verb: Token) -> bool:
    """Whether a word heads a clause told on the document's authority: a verb or an adjective, not
    a participle describing a noun ("the term coined in his column": where the term was made), and
    not one whose subject is the speaker ("In the second book I tried ...": a speaker's own work)."""
    if verb.pos not in ("VERB", "AUX", "ADJ") or verb.dep in ("acl", "acl:relcl", "amod"):
        return False
    return not any(c.dep in ("nsubj", "nsubj:pass") and c.text.casefold() in ("i", "we", "you")
                   for c in parse.children(verb))


def _clause(parse: Parse, noun: Token) -> Token:
    """The word heading the clause a framing phrase belongs to, however many nouns the parse hangs
    it on first ("unveiled a slogan for the race in a Sunday tweet": "unveiled")."""
    head = parse.tokens[noun.head]
    if noun.dep != "nmod":
        return head
    for _ in range(3):
        if head.pos not in ("NOUN", "PROPN") or head.dep not in ("obj", "obl", "nmod") or head.head == head.i:
            break
        head = parse.tokens[head.head]
    return head


def _spoken_on(parse: Parse, noun: Token) -> Iterator[Cue]:
    """ "Speaking later on the same show, X said", "said on his radio show that ...": a
    programme pointed to, words spoken on it (a named one, "on Bay Radio", is read with its name)."""
    verb = _clause(parse, noun)
    if case_of(parse, noun) != "on" or verb.pos != "VERB" or (verb.lemma.casefold() not in _SPEAKING and not any(
            c.dep in ("ccomp", "parataxis") for c in parse.children(verb))):
        return  # "make appearances on the morning show": no words given
    if not any(c.dep == "nmod:poss" or (c.dep == "det" and c.text.casefold() == "the") for c in parse.children(noun)):
        return  # "intercepted messages on short-wave radio": no programme a reader could find
    start = next(c for c in parse.children(noun) if c.dep == "case").start
    yield Cue("according-to", start, noun.end, noun.i, unnamed_work=True, any_work=True, medium=True)


def _name_after(parse: Parse, at: int, within: int) -> Token | None:
    """The last word of the first name after token ``at``, within ``within`` words of it, past
    determiners, quotation marks and lower-case titles ("the Harbor Ledger", "singer Ann Lowe"):
    None when a verb or a clause mark comes first."""
    tokens = parse.tokens
    last = min(len(tokens), at + 1 + within, parse.sentences[tokens[at].sent].last)
    for i in range(at + 1, last):
        token = tokens[i]
        if token.pos == "PROPN":
            while i + 1 < last and tokens[i + 1].pos == "PROPN":
                i += 1
            return tokens[i]
        if token.pos not in ("DET", "NOUN", "ADJ", "PUNCT") or token.text in (",", ";", ":"):
            return None
    return None


def _work_saying(parse: Parse, work: Token) -> Iterator[Cue]:
    """ "dismissed a report in the Harbor Ledger that Lowe was weighing a run", "knocked a
    statement by singer Ann Lowe that ...": a work, its maker or publication named after "in",
    "by" or "from", and what it says in a clause opened by "that" (its subject first: "a report in
    X that angered him" tells no content, only which report). The maker counts where it is an
    outlet or an organization; else the work itself."""
    tokens = parse.tokens
    if work.i + 2 >= len(tokens) or tokens[work.i + 1].text.casefold() not in ("in", "by", "from"):
        return
    name = _name_after(parse, work.i + 1, 5)
    if name is None or name.i + 2 >= len(tokens) or tokens[name.i + 1].text.casefold() != "that":
        return
    after = tokens[name.i + 2]
    if after.sent != work.sent or after.pos in ("VERB", "AUX", "ADV", "PART") or after.text in (",", "."):
        return  # "a report in X that angered him": a relative clause, no content
    first = work
    while first.i > 0 and tokens[first.i - 1].pos in ("DET", "ADJ", "NUM", "PROPN") and tokens[first.i - 1].sent == work.sent:
        first = tokens[first.i - 1]
    yield Cue("according-to", first.start, name.end, name.i, recipient=True)
    yield Cue("according-to", first.start, name.end, work.i, unnamed_work=True, any_work=True)


def _sat_down_with(parse: Parse, verb: Token) -> Iterator[Cue]:
    """ "Sitting down with Bay Radio's “Morning Show”, X said": an interview given to the outlet
    named (a person sat down with is an audience, as one told)."""
    tokens = parse.tokens
    at = verb.i + 1
    if at + 1 >= len(tokens) or tokens[at].text.casefold() != "down" or tokens[at + 1].text.casefold() != "with":
        return
    name = _name_after(parse, at + 1, 3)
    if name is not None:
        yield Cue("interview", verb.start, tokens[at + 1].end, name.i, recipient=True)


def _met_with(parse: Parse, meeting: Token) -> Iterator[Cue]:
    """ "In a meeting with the Harbor Ledger's editorial board, X said": words given to an outlet met
    with (only an outlet: a meeting with anyone else is an event, no medium)."""
    name = _name_after(parse, meeting.i + 1, 3)
    if name is not None:
        first = parse.tokens[meeting.i - 1] if meeting.i > 0 and parse.tokens[meeting.i - 1].pos == "DET" else meeting
        yield Cue("interview", first.start, parse.tokens[meeting.i + 1].end, name.i, recipient=True, outlet=True)


def _on_platform(parse: Parse, site: Token) -> Iterator[Cue]:
    """ "Davis lashed out at the nominee on Facebook, telling him ...", "X is having none of it on his
    Twitter account": a site people publish their words on, named after "on" in a clause that tells
    something (not "has a million followers on Twitter")."""
    tokens = parse.tokens
    first = site
    if first.i > 0 and tokens[first.i - 1].tag == "PRP$":
        first = tokens[first.i - 1]
    if first.i == 0 or tokens[first.i - 1].text.casefold() != "on":
        return
    last = site
    if site.i + 1 < len(tokens) and tokens[site.i + 1].text.casefold() in ("account", "page", "feed", "channel"):
        last = tokens[site.i + 1]
    if last.dep == "nmod" and tokens[last.head].dep in ("nsubj", "nsubj:pass"):
        return  # "the hashtag on Twitter had become ...": a thing on the site, no words published there
    verb = _clause(parse, last) if last.dep == "nmod" else parse.tokens[last.head]
    if not _clause_verb(parse, verb) or verb.lemma.casefold() in _SITE_ACTS:
        return
    yield Cue("according-to", tokens[first.i - 1].start, last.end, site.i, medium=True)
