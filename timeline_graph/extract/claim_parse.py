"""The parse as the claims extractor reads it: a few attachments the parser gets wrong mended first.

The rules of the claim modules read a verb's subject, its clause and its object off the tree.
The parser now and then hangs a sentence's speaker or its main verb where no rule looks for
them, in a few recurring ways that do not depend on the words:

- a sentence read as a noun phrase: its subject taken for the root, and the verb after it for
  a reduced relative or a conjunct ("The senator referred to ...", "Lowe, the ferry captain,
  called ..."): the verb becomes the root, the noun its subject;
- a subject hung elsewhere: the noun phrase right before a finite verb with no subject of its
  own taken for the verb's clause ("Rita Lang, the party chair, said ..." with "Rita" as a
  ``ccomp``) or for an apposition to the content before it ("..., Defense Secretary Ann Carter
  told a Senate panel"): it becomes the verb's subject;
- a verb taken for a noun modifying its object ("the emails show officers asking ...", the
  tagger's verb with the parser's ``compound``): the verb heads the clause, with the noun
  phrase before it as its subject and the noun after it as its object;
- a cue verb read as the head of a compound noun with its subject ("Exit polling shows he
  won", "..., the survey shows, ..."): when a clause of its own follows it, or commas set it
  off inside a sentence, it is the verb and the noun before it the subject;
- a sentence read as one noun phrase headed by the object of its cue verb, the verb an
  adjective of it ("Lowe assured voters she would ...", "Some accused Lowe of ..."): the verb
  becomes the root, the phrase ending right before it its subject, the object its object;
- a participle opening the sentence taken for the root ("Asked whether ..., the director
  said, ..."): the verb after it with a subject of its own becomes the root, the participle
  an adverbial clause of it.

- a clause with no verb before a cue verb ("Moments earlier, ..., Trump said ...", with
  "earlier" as the verb's ``ccomp``): an adverbial of the verb, not what was said; a share
  of people standing right before the verb ("More than six in 10 said ...") is its subject;
- a relative clause after the speaker read as what was said ("Mr. Cruz, whose finish was seen
  as a letdown, said ...", with "seen" as the verb's ``ccomp`` and the name inside it): the
  clause describes the name, and the name is the verb's subject;
- a dateline taken for the subject ("HARBORTON — Mayor Ann Lowe said ...", with the
  place as ``nsubj`` and the name as its apposition): the name is the subject;
- a phrase opened by a preposition taken for the root ("Shortly after the vote, Ana Ruiz
  issued a statement ...", with the name as its apposition and the verb as a modifier): the
  verb is the root, the name its subject, the phrase an adverbial;
- a name joined to the verb after it as a compound ("Lowe said" typed with a no-break
  space): it is the verb's subject;
- a past tense read as a participle ("“...!” the captain shouted", with "shouted" as ``VBN``
  and a subject of its own): the tag becomes the past tense;
- an adverbial clause read as the subject ("After backing the plan, Lowe still believes ...",
  with "backing" as ``csubj`` and the name as its conjunct): the clause is an adverbial, the
  name the verb's subject;
- a second verb of saying joined to what the first said ("Lowe said the pier was safe and
  added that ...", with "added" as a conjunct of "was"): it is the speaker's next cue, a
  conjunct of the first verb;
- what was told read as a relative clause of whom it was told to ("told reporters that the
  pier was safe", with the clause hung on "reporters"): the clause opened by "that" as a
  conjunction is the verb's.
- a predicate with no subject joined to a verb of saying in another tense than the verb's and
  in the tense of what was said ("Lowe said the trust is neutral and backs both sides", with
  "backs" as a conjunct of "said"): it goes on with what was said.

The claims and events extractors read the mended copy; the parse itself is left as it is.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..nlp import Parse, Token
from .claim_words import CLAUSE_VERBS, CUE_VERBS, SPEECH_VERBS, TIME_WORDS, lemma_in

__all__ = ["mended", "once_per_parse"]

_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
# Conjunctions that open an adverbial clause, never a clause that is a verb's subject.
_ADVERBIAL_MARKS = frozenset(["after", "before", "since", "while", "when", "until", "because", "although", "though", "once", "as"])
_QUOTES = frozenset('"“”‘’\'`')
_FINITE = ("VBD", "VBZ", "VBP")
# Relations inside a name or a noun phrase: climbing them from the last word before the verb
# reaches the phrase's head.
_INSIDE = frozenset(["flat", "flat:name", "compound", "nmod:desc", "fixed", "amod", "det", "nummod", "nmod:poss", "punct", "nmod"])
# What the parser makes of the verb of a sentence it read as a noun phrase.
_PREDICATE_AS = frozenset(["acl", "conj", "parataxis", "dep", "appos"])


class _Tree:
    """Heads, relations and tags of one parse, mutable, with children read afresh."""

    def __init__(self, parse: Parse) -> None:
        self.parse = parse
        self.tokens: list[Token] = list(parse.tokens)
        self.changed = False
        # (first, last) -> head -> indices of its children among tokens first:last, in order;
        # made once per range and dropped whenever a head changes.
        self._kids: dict[tuple[int, int], dict[int, list[int]]] = {}

    def kids(self, i: int, first: int, last: int) -> list[Token]:
        table = self._kids.get((first, last))
        if table is None:
            table = self._kids[first, last] = {}
            for t in self.tokens[first:last]:
                if t.head != t.i:
                    table.setdefault(t.head, []).append(t.i)
        tokens = self.tokens
        return [tokens[j] for j in table.get(i, ())]

    def span(self, i: int, first: int, last: int) -> tuple[int, int]:
        """(first, last exclusive) of token i's subtree within the sentence's tokens first:last."""
        lo = hi = i
        stack = [i]
        while stack:
            at = stack.pop()
            lo, hi = min(lo, at), max(hi, at)
            stack.extend(t.i for t in self.kids(at, first, last))
        return lo, hi + 1

    def start(self, i: int, first: int, last: int) -> int:
        """The first word of token i's subtree that is not punctuation."""
        lo, hi = self.span(i, first, last)
        return next((k for k in range(lo, hi) if self.tokens[k].pos != "PUNCT"), i)

    def after_comma(self, i: int, first: int, last: int) -> bool:
        """Whether token i's phrase is set off after a comma."""
        start = self.start(i, first, last)
        return start > first and self.tokens[start - 1].text == ","

    def set(self, i: int, **values: Any) -> None:
        self.tokens[i] = self.tokens[i]._replace(**values)
        self.changed = True
        if "head" in values:
            self._kids.clear()


def mended(parse: Parse) -> Parse:
    """The parse with the misattachments above mended, or the parse itself where there are none.

    Worked out once for a parse while it lives: the claims and the events extractors both read
    the mended copy of the same parse.
    """
    return once_per_parse(_MENDED, parse, _mend)


def once_per_parse(cache: dict[int, Parse | None], parse: Parse, work: Callable[[Parse], Parse]) -> Parse:
    """``work(parse)``, worked out once for a parse while it lives: ``cache`` keeps it by the
    parse's id (None: the parse itself), and an entry goes with its parse."""
    key = id(parse)
    if key in cache:
        found = cache[key]
        return parse if found is None else found
    result = work(parse)
    cache[key] = None if result is parse else result
    weakref.finalize(parse, cache.pop, key, None)
    return result


#: id of a living parse -> its mended copy (None: the parse itself); an entry goes with its parse.
_MENDED: dict[int, Parse | None] = {}


def _mend(parse: Parse) -> Parse:
    """:func:`mended`, worked out."""
    tree = _Tree(parse)
    for sentence in parse.sentences:
        first, last = sentence.first, sentence.last
        for i in range(first, last - 1):
            _verb_taken_for_noun(tree, i, first, last)
            _cue_read_as_compound(tree, i, first, last)
        _dateline(tree, first, last)
        _opener_read_as_root(tree, first, last)
        _opening_participle(tree, first, last)
        for i in range(first + 1, last - 1):
            _verb_read_as_adjective(tree, i, first, last)
        for i in range(first, last):
            _past_read_as_participle(tree, i, first, last)
        for i in range(first, last):
            _relative_read_as_clause(tree, i, first, last)
        for i in range(first, last):
            _verbless_clause(tree, i, first, last)
        for i in range(first, last):
            _subject_before(tree, i, first, last)
        for i in range(first, last):
            _second_cue_in_content(tree, i, first, last)
            _clause_read_as_relative(tree, i, first, last)
            _content_conjunct_on_cue(tree, i, first, last)
    return replace(parse, tokens=tree.tokens) if tree.changed else parse


def _has_subject(tree: _Tree, kids: list[Token]) -> bool:
    return any(k.dep.startswith(("nsubj", "csubj", "expl")) for k in kids)


def _subject_before(tree: _Tree, v: int, first: int, last: int) -> None:
    """A finite verb with no subject, right after a noun phrase the parser hung elsewhere: the phrase is its subject."""
    verb = tree.tokens[v]
    if verb.pos != "VERB" or verb.dep in ("acl:relcl", "xcomp", "amod", "compound"):
        return
    kids = tree.kids(v, first, last)
    for k in kids:
        if k.dep == "csubj" and k.i < v and any(m.dep == "mark" and m.text.casefold() in _ADVERBIAL_MARKS
                                                for m in tree.kids(k.i, first, last)):
            tree.set(k.i, dep="advcl")  # "After announcing X, Rubio believes": an adverbial clause, no subject
    kids = tree.kids(v, first, last)
    if _has_subject(tree, kids) or any(k.dep == "mark" or (k.dep == "cc" and k.i < v) for k in kids):
        return
    if verb.tag not in _FINITE and not (verb.tag == "VBN" and verb.dep == "acl" and not any(k.dep.startswith("aux") for k in kids)):
        return
    j = v - 1
    while j > first and tree.tokens[j].pos == "ADV" and tree.tokens[j].head == v:
        j -= 1  # "Rubio still believes"
    time = _time_before(tree, j, first, v)
    if time is not None:  # "Hale, the chair, on Tuesday called ...": the time is the verb's
        j = tree.start(time, first, v) - 1
    stop = j + 1
    if j > first and tree.tokens[j].text == ",":
        j -= 1
    if j < first or tree.tokens[j].pos not in _NOMINAL:
        return
    noun = _phrase_head(tree, j, stop, first)
    if noun is None:
        return
    head = tree.tokens[noun.head]
    if noun.dep == "ROOT":
        # the sentence read as a noun phrase: the verb is its predicate
        if verb.head not in (noun.i, time) or verb.dep not in _PREDICATE_AS or any(
                k.dep in ("cop", "nsubj", "nsubj:pass") for k in tree.kids(noun.i, first, last)):
            return
        tree.set(v, dep="ROOT", head=v, tag="VBD" if verb.tag == "VBN" else verb.tag)
        for k in tree.kids(noun.i, first, last):
            if k.i > v:
                tree.set(k.i, head=v)
        if time is not None:
            tree.set(time, dep="obl", head=v)
        tree.set(noun.i, dep="nsubj", head=v)
        return
    if time is not None:
        return  # only a sentence read as a noun phrase is mended across a time phrase
    # (a name the parser joined to the verb as a compound, "Lowe said" typed with a no-break
    # space between them, is its subject too; a common noun so joined is a noun phrase's,
    # "battleground states" read as a verb)
    if noun.dep.startswith("nsubj") or (head.i == v and noun.dep not in ("ccomp", "dep", "obj", "iobj", "obl", "parataxis", "compound")):
        return
    if noun.dep == "compound" and (head.i != v or noun.pos != "PROPN"):
        return
    misjoined = noun.dep == "conj" and head.pos == "VERB"  # "After announcing X, Marco Rubio believes": a name is no verb's conjunct
    if head.i != v and (v in range(*tree.span(noun.i, first, last))
                        or (noun.i in range(*tree.span(v, first, last)) and not misjoined)):
        return
    if any(k.dep in ("cop", "mark", "case") or k.dep.startswith("nsubj") for k in tree.kids(noun.i, first, last)):
        return  # a clause ("Safety is key, she said"), or a phrase with a preposition
    if head.i != v and not tree.after_comma(noun.i, first, last):
        return  # hung on the content: only a phrase set off after a comma speaks
    tree.set(noun.i, dep="nsubj", head=v)


def _time_before(tree: _Tree, j: int, first: int, v: int) -> int | None:
    """The head of a time phrase ending at token j, right before verb v ("on Tuesday", "last
    week"), set off from the words before it by a comma; None if there is none. The parser may
    hang the verb on such a phrase ("Tuesday called ...", as if the day were named so)."""
    word = tree.tokens[j]
    if j <= first or word.pos not in ("NOUN", "PROPN") or word.lemma.casefold() not in TIME_WORDS:
        return None
    start = tree.start(j, first, v)
    return j if start > first and tree.tokens[start - 1].text == "," else None


def _phrase_head(tree: _Tree, j: int, v: int, first: int) -> Token | None:
    """The head of the noun phrase ending at token j, right before verb v: a name with its appositive.

    The phrase is read from the words before the verb only, as the parser may hang the verb
    itself (or what follows it) on the noun.
    """
    at = _climb(tree, tree.tokens[j], v)
    if at.dep in ("appos", "list") and at.head < at.i and tree.tokens[at.head].pos in _NOMINAL:
        name = tree.tokens[at.head]
        lo = tree.start(name.i, first, v)
        if lo == first or tree.tokens[lo - 1].text == ",":
            at = _climb(tree, name, v)
    end = tree.span(at.i, first, v)[1]
    return at if end in (v, v - 1 if tree.tokens[v - 1].text == "," else v) else None


def _climb(tree: _Tree, at: Token, v: int) -> Token:
    """From a word of a noun phrase before verb v up to the phrase's head."""
    while at.dep in _INSIDE and at.head != at.i and at.head < v and tree.tokens[at.head].pos in _NOMINAL:
        at = tree.tokens[at.head]
    return at


#: Words that open a clause a verb of saying takes as its complement.
_COMPLEMENTIZERS = frozenset(["that", "whether", "if"])


def _verb_taken_for_noun(tree: _Tree, v: int, first: int, last: int) -> None:
    """ "emails among harbor staff show officers asking ...": a verb the parser hung on the noun after it as a compound."""
    verb, noun = tree.tokens[v], tree.tokens[v + 1]
    if verb.pos != "VERB" or verb.dep != "compound" or verb.head != noun.i or verb.tag not in ("NN", "NNS", "VB", "VBP", "VBZ", "VBD") or noun.pos not in _NOMINAL:
        return
    kids = tree.kids(v, first, last)
    subject = next((k for k in kids if k.dep.startswith("nsubj")), None)
    if subject is None:
        nouns = [k for k in kids if k.i < v and k.pos in _NOMINAL]
        cases = [k for k in kids if k.i < v and k.dep == "case"]
        if not nouns:
            return
        if not cases:  # "harbor staff show officers ...": the noun before it is its subject
            subject = nouns[-1]
        else:  # "emails among harbor staff show ...": the phrase is the noun's before it, which is the subject
            lo = tree.span(v, first, v)[0]
            subject = _phrase_head(tree, lo - 1, lo, first) if lo - 1 >= first and tree.tokens[lo - 1].pos in _NOMINAL else None
            if subject is None or (subject.head not in (noun.head, noun.i) and noun.head != subject.i):
                return
            tree.set(nouns[-1].i, head=subject.i, dep="nmod")
            for k in cases:
                tree.set(k.i, head=nouns[-1].i)
    subject = tree.tokens[subject.i]
    outer = subject if noun.head == subject.i else noun
    if outer.head == v or (outer.head == outer.i and outer.dep != "ROOT"):
        return
    # "X reported that emails ... show officers ...": the parser made the subject the cue's
    # complement (its "that" a determiner); the mended verb's clause is that complement.
    opener = [k for k in tree.kids(subject.i, first, last) if k.i < subject.i and k.text.casefold() in _COMPLEMENTIZERS]
    complement = subject.head == outer.head and (subject.dep == "ccomp" or (subject.dep == "obj" and bool(opener)))
    dep = "ccomp" if complement else outer.dep
    tree.set(v, head=v if dep == "ROOT" else outer.head, dep=dep, tag=verb.tag if verb.tag.startswith("VB") else "VBZ" if verb.text.endswith("s") else "VBP")
    if outer.dep == "ROOT":
        for k in tree.kids(outer.i, first, last):
            if k.i > v and k.i != noun.i:
                tree.set(k.i, head=v)
    if complement:
        for k in opener:
            tree.set(k.i, head=v, dep="mark")
    tree.set(subject.i, head=v, dep="nsubj")
    tree.set(noun.i, head=v, dep="obj")


def _cue_read_as_compound(tree: _Tree, n: int, first: int, last: int) -> None:
    """ "Exit polling shows he won", "..., the survey shows, ...": a cue verb the parser read as a noun with its subject as compound."""
    noun = tree.tokens[n]
    if (noun.pos != "NOUN" or noun.tag not in ("NN", "NNS", "VBZ", "VBP") or n == first
            or lemma_in(noun, CUE_VERBS) not in CUE_VERBS):
        return
    subject = tree.tokens[n - 1]
    if subject.head != n or subject.dep != "compound" or subject.pos not in ("NOUN", "PROPN"):
        return
    kids = tree.kids(n, first, last)
    if any(k.i > n and k.dep not in ("punct", "ccomp", "parataxis") for k in kids):
        return
    clause = next((k for k in kids if k.i > n and k.dep in ("ccomp", "parataxis") and tree.start(k.i, first, last) == n + 1
                   and _has_subject(tree, tree.kids(k.i, first, last))), None)
    aside = (noun.dep == "parataxis" and n + 1 < last and tree.tokens[n + 1].text == ","
             and tree.after_comma(n, first, last) and tree.tokens[n + 1].head == n)
    if not (clause is not None and noun.dep == "ROOT") and not aside:
        return
    tree.set(n, pos="VERB", tag="VBZ" if noun.text.endswith("s") else "VBP")
    tree.set(subject.i, dep="nsubj")
    for k in kids:
        if k.i < subject.i and k.dep != "punct":
            tree.set(k.i, head=subject.i)
    if clause is not None:
        tree.set(clause.i, dep="ccomp")


def _opening_participle(tree: _Tree, first: int, last: int) -> None:
    """ "Asked whether ..., the director said": the participle opening the sentence is not its root.

    A past form opening a sentence with no subject is a participle ("Asked whether ..."),
    unless the noun phrase after it, set off by a comma, is its subject put after it ("Said
    Dorothy Poynter, “...”").
    """
    opener = next((t for t in tree.tokens[first:last] if t.pos != "PUNCT"), None)
    if opener is not None and opener.text.casefold() in ("when", "if", "once", "after") and opener.i + 1 < last:
        opener = tree.tokens[opener.i + 1]
    if opener is None or opener.pos != "VERB" or opener.tag not in ("VBD", "VBN"):
        return
    kids = tree.kids(opener.i, first, last)
    if _has_subject(tree, kids) or any(k.dep.startswith("aux") for k in kids):
        return
    inverted = next((k for k in kids if k.dep in ("obj", "iobj") and k.pos in ("PROPN", "NOUN") and k.i > opener.i
                     and tree.start(k.i, first, last) == opener.i + 1), None)
    if inverted is not None and opener.i == first:
        end = tree.span(inverted.i, first, last)[1]
        if end < last and tree.tokens[end].text in (",", ":"):
            tree.set(inverted.i, dep="nsubj")
            return
    if opener.tag == "VBD":
        tree.set(opener.i, tag="VBN")
    head = tree.tokens[opener.head]
    if opener.dep == "ccomp" and head.i > opener.i and _has_subject(tree, tree.kids(head.i, first, last)):
        end = tree.span(opener.i, first, head.i)[1]
        if end < head.i and "," in (tree.tokens[end].text, tree.tokens[end - 1].text):
            tree.set(opener.i, dep="advcl")  # "Asked about X, Lowe said, ...": the scene, not what was said
        return
    main = next((k for k in kids if k.dep in ("parataxis", "conj", "ccomp", "dep") and k.pos == "VERB"
                 and tree.after_comma(k.i, first, last) and _has_subject(tree, tree.kids(k.i, first, last))), None)
    if opener.dep != "ROOT" or main is None:
        return
    tree.set(main.i, dep="ROOT", head=main.i)
    for k in kids:
        if k.i > main.i:
            tree.set(k.i, head=main.i)
    tree.set(opener.i, dep="advcl", head=main.i)


def _verbless_clause(tree: _Tree, c: int, first: int, last: int) -> None:
    """ "Moments earlier, in his remarks, Trump said ...": a clause before its cue verb with no verb
    in it is no clause (nothing said comes before "said" without a verb of its own): it is an
    adverbial of the verb."""
    clause = tree.tokens[c]
    if clause.dep != "ccomp" or clause.head <= c or clause.pos in ("VERB", "AUX"):
        return
    verb = tree.tokens[clause.head]
    if lemma_in(verb, CUE_VERBS) not in CUE_VERBS:
        return
    lo, hi = tree.span(c, first, last)
    words = tree.tokens[lo:hi]
    if any(t.pos in ("VERB", "AUX") or t.text in _QUOTES for t in words) or any(
            k.dep.startswith(("nsubj", "cop")) and k.pos != "NOUN" for k in tree.kids(c, first, last)):
        return
    if hi == verb.i and not _has_subject(tree, tree.kids(verb.i, first, last)) and clause.pos in (*_NOMINAL, "ADJ"):
        tree.set(c, dep="nsubj")  # "More than six in 10 said ...": a quantity right before the verb is who spoke
        return
    tree.set(c, dep="obl")
    for k in tree.kids(c, first, last):
        if k.dep.startswith("nsubj"):
            tree.set(k.i, dep="obl:unmarked")


_RELATIVES = frozenset(["who", "whose", "which", "whom"])


def _relative_read_as_clause(tree: _Tree, c: int, first: int, last: int) -> None:
    """ "Mr. Cruz, whose finish was seen as a letdown, said ...": a relative clause the parser took
    for what the verb after it said; it describes the noun before its comma, which is the speaker."""
    clause = tree.tokens[c]
    if clause.dep != "ccomp" or clause.head <= c:
        return
    verb = tree.tokens[clause.head]
    if lemma_in(verb, CUE_VERBS) not in CUE_VERBS or _has_subject(tree, tree.kids(verb.i, first, last)):
        return
    lo = tree.span(c, first, last)[0]
    # the parser may hang the noun itself in the clause: the relative word after its comma opens the clause
    start = next((k for k in range(max(lo, first + 2), c) if tree.tokens[k].text.casefold() in _RELATIVES
                  and tree.tokens[k - 1].text == ","), None)
    if start is None or tree.tokens[lo].text == "“":
        return
    noun = _phrase_head(tree, start - 2, start - 1, first)
    if noun is None or noun.pos not in ("NOUN", "PROPN") or noun.head not in (verb.i, c):
        return
    tree.set(c, dep="acl:relcl", head=noun.i)
    tree.set(noun.i, dep="nsubj", head=verb.i)


def _verb_read_as_adjective(tree: _Tree, v: int, first: int, last: int) -> None:
    """ "Lowe assured voters she would ...", "Some accused Lowe of ...": a sentence read as one
    noun phrase, its cue verb as an adjective of the object after it.

    The object is then the root, and the verb, tagged a past tense or participle, its modifier;
    the noun phrase ending right before the verb is its subject, the object its object, and a
    clause the parse hung on the object as a relative clause with a subject of its own what was
    said ("assured voters she would ...").
    """
    verb = tree.tokens[v]
    if verb.pos != "VERB" or verb.dep != "amod" or verb.tag not in ("VBD", "VBN") or lemma_in(verb, CUE_VERBS) not in CUE_VERBS:
        return
    chain = [tree.tokens[verb.head]]  # the noun the verb modifies, up to the head of its phrase ("pastor Dan Hale")
    while chain[-1].dep in _INSIDE and chain[-1].head > chain[-1].i:
        chain.append(tree.tokens[chain[-1].head])
    thing = chain[-1]
    if thing.dep != "ROOT" or chain[0].i <= v or thing.pos not in _NOMINAL:
        return
    before = sorted((k for t in chain for k in tree.kids(t.i, first, last) if k.i < v and k.dep != "punct"), key=lambda k: k.i)
    subject = before[-1] if before else None
    if subject is None or tree.span(subject.i, first, last)[1] != v or not (
            subject.pos in _NOMINAL or subject.text.casefold() in _QUANTITIES):
        return
    tree.set(v, head=v, dep="ROOT", tag="VBD")
    tree.set(subject.i, head=v, dep="nsubj", **({"pos": "PRON"} if subject.pos == "DET" else {}))
    tree.set(thing.i, head=v, dep="obj")
    for k in tree.kids(thing.i, first, last):
        if k.i < subject.i or k.dep == "punct":
            tree.set(k.i, head=v)
        elif k.i > thing.i and k.dep == "acl:relcl" and _has_subject(tree, tree.kids(k.i, first, last)) and not any(
                t.text.casefold() in ("who", "which", "that", "whom") for t in tree.kids(k.i, first, last)):
            tree.set(k.i, head=v, dep="ccomp")


# Words of quantity that stand for people as a subject ("Some accused ...", "Many praised ...").
_QUANTITIES = frozenset(["some", "many", "most", "all", "few", "several", "others", "both"])


def _past_read_as_participle(tree: _Tree, v: int, first: int, last: int) -> None:
    """ "“...!” the captain shouted": a past participle with an active subject and no auxiliary is
    a verb in the past tense."""
    verb = tree.tokens[v]
    if verb.tag != "VBN" or verb.pos != "VERB":
        return
    kids = tree.kids(v, first, last)
    if any(k.dep == "nsubj" and k.i < v for k in kids) and not any(k.dep.startswith(("aux", "nsubj:pass")) for k in kids):
        tree.set(v, tag="VBD")


_DASHES = frozenset(["—", "–", "-", "--"])


def _dateline(tree: _Tree, first: int, last: int) -> None:
    """ "HARBORTON — Mayor Ann Lowe said ...": the place in capitals and the dash that open a news
    story are its dateline, not the subject of its first sentence; the name after the dash is."""
    dash = next((k for k in range(first, min(first + 8, last)) if tree.tokens[k].text in _DASHES), None)
    if dash is None or dash == first or dash + 1 >= last:
        return
    words = [t for t in tree.tokens[first:dash] if any(ch.isalpha() for ch in t.text)]
    if not words or not all(t.text.isupper() and len(t.text) > 1 for t in words):
        return
    inside = range(first, dash + 1)
    for k in inside:
        t = tree.tokens[k]
        if t.dep.startswith("nsubj"):
            after = next((a for a in tree.tokens[dash + 1 : last] if a.head == k and a.dep in ("appos", "flat", "conj", "compound")), None)
            if after is None:
                return
            tree.set(after.i, head=t.head, dep=t.dep)
            for kid in tree.kids(k, first, last):
                if kid.i > dash and kid.dep.startswith("nmod"):
                    tree.set(kid.i, head=t.head, dep="obl")  # "— Ann Lowe on Tuesday said": when, not who
                elif kid.i > dash:
                    tree.set(kid.i, head=after.i)
        if t.head not in inside or t.dep.startswith("nsubj"):
            tree.set(k, dep="dep")


def _opener_read_as_root(tree: _Tree, first: int, last: int) -> None:
    """ "In a statement Tuesday, Harbor chair Ana Ruiz called the plan unfair": a phrase opened by a
    preposition is no sentence's head; the parser took it for the root, hung the speaker on it as an
    apposition and the verb as a modifier. The verb after the name is the root, the name its subject."""
    root = next((t for t in tree.tokens[first:last] if t.dep == "ROOT"), None)
    if root is None or root.pos not in ("NOUN", "PROPN"):
        return
    kids = tree.kids(root.i, first, last)
    if not any(k.dep == "case" and k.i < root.i for k in kids):
        return
    verb = next((k for k in kids if k.i > root.i and k.pos == "VERB" and k.tag in _FINITE and k.dep in _PREDICATE_AS), None)
    if verb is None or _has_subject(tree, tree.kids(verb.i, first, last)):
        return
    end = verb.i - 1 if tree.tokens[verb.i - 1].text == "," else verb.i
    subject = next((k for k in kids if root.i < k.i < verb.i and k.pos in ("NOUN", "PROPN") and k.dep in _NAME_ON_OPENER
                    and tree.after_comma(k.i, first, verb.i) and tree.span(k.i, first, verb.i)[1] == end), None)
    if subject is None:
        return
    tree.set(verb.i, head=verb.i, dep="ROOT")
    tree.set(root.i, head=verb.i, dep="obl")
    tree.set(subject.i, head=verb.i, dep="nsubj")
    for k in kids:
        if k.i > verb.i:
            tree.set(k.i, head=verb.i)


# How the parser hangs a name on a phrase it took for the root ("In a statement, Ana Ruiz said").
_NAME_ON_OPENER = frozenset(["appos", "conj", "dep", "list", "nmod", "parataxis", "flat"])


def _second_cue_in_content(tree: _Tree, v: int, first: int, last: int) -> None:
    """ "Lowe said the pier was safe and added that ...": a verb of saying with no subject of its own,
    hung inside the clause another verb of saying governs, is the same speaker's next cue."""
    verb = tree.tokens[v]
    if (verb.dep != "conj" or verb.head >= v or verb.tag not in _FINITE
            or lemma_in(verb, SPEECH_VERBS) not in SPEECH_VERBS):
        return
    kids = tree.kids(v, first, last)
    if _has_subject(tree, kids) or not any(k.i > v and k.dep in ("ccomp", "parataxis", "obj", "xcomp") for k in kids):
        return
    clause = tree.tokens[verb.head]
    while clause.dep != "ccomp" and clause.head != clause.i:
        clause = tree.tokens[clause.head]
    cue = tree.tokens[clause.head]
    if (clause.dep != "ccomp" or cue.i > clause.i or cue.tag not in (*_FINITE, "VBN")
            or lemma_in(cue, SPEECH_VERBS) not in SPEECH_VERBS or not _has_subject(tree, tree.kids(cue.i, first, last))):
        return
    tree.set(v, head=cue.i)


def _content_conjunct_on_cue(tree: _Tree, v: int, first: int, last: int) -> None:
    """ "Lowe said the group is neutral and backs both sides": a predicate with no subject of its own
    joined to a verb of saying, in the tense of what was said and not of the verb, goes on with
    what was said (the parser hangs it on the cue as the speaker's second act)."""
    verb = tree.tokens[v]
    if verb.dep != "conj" or verb.head >= v or verb.tag not in _FINITE or _has_subject(tree, tree.kids(v, first, last)):
        return
    cue = tree.tokens[verb.head]
    if cue.tag not in _FINITE or lemma_in(cue, SPEECH_VERBS) not in SPEECH_VERBS or _tense(cue) == _tense(verb):
        return
    clause = next((k for k in tree.kids(cue.i, first, last) if k.dep == "ccomp" and cue.i < k.i < v), None)
    if clause is None:
        return
    finite = [k for k in (clause, *tree.kids(clause.i, first, last)) if k.tag in _FINITE]
    if not finite or _tense(finite[0]) != _tense(verb) or not _has_subject(tree, tree.kids(clause.i, first, last)):
        return
    tree.set(v, head=clause.i)


def _tense(verb: Token) -> str:
    """ "past" or "present" of a finite verb's tag."""
    return "past" if verb.tag in ("VBD", "VBN") else "present"


def _clause_read_as_relative(tree: _Tree, c: int, first: int, last: int) -> None:
    """ "Lowe told reporters that the pier was safe": a clause opened by "that" as a conjunction,
    hung on the object of a verb of saying or thinking (whom it was said to), is what the verb said."""
    clause = tree.tokens[c]
    if clause.dep != "acl:relcl" or clause.head >= c:
        return
    noun = tree.tokens[clause.head]
    verb = tree.tokens[noun.head]
    if noun.dep not in ("obj", "iobj") or verb.i >= noun.i or lemma_in(verb, CLAUSE_VERBS) not in CLAUSE_VERBS:
        return
    opener = tree.tokens[tree.span(c, first, last)[0]]
    if opener.text.casefold() != "that" or opener.dep != "mark" or any(
            k.dep == "ccomp" for k in tree.kids(verb.i, first, last)):
        return
    tree.set(c, dep="ccomp", head=verb.i)
