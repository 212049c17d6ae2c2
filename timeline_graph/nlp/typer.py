"""Named people, organizations and places from the parse: candidate names typed by a learned model.

The tagger and parser, trained on about 315,000 words, find proper nouns far more reliably than a
recognizer trained on GUM's 4,000 names finds names. So the pipeline's last component,
``name_typer``, takes every run of proper nouns (and capitalized words beside them, joined by
"of", "and", "de"...; an acronym or a word that is a proper noun elsewhere in the document opens
one whatever its tag) as a candidate, with its parts between "and"s and the run without the
words before its first proper noun ("In Byron" at a sentence's start). A multinomial logistic
regression gives each candidate a kind, or none (so it also chooses the bounds), from its words,
suffix, shape, the words and relations around it, what was cut from its run, and the same
name's other occurrences in the document ("in Coron" there makes "Coron" here a place); then a
name's kind is pulled toward its namesakes' in the document (:func:`consistent`: "Lowe" after
"Ann Lowe"). Its weights (a small JSON file) are trained on GUM's entity layer by
``python -m timeline_graph.nlp.train`` (see :func:`train_typer`). A change to this module's
candidates, features or decision raises ``nlp.TYPER_VERSION``, which keys the extraction cache.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("Ann Lowe visited Paris")
>>> [doc[s:e].text for s, e in candidates(doc)]  # untagged: capitalized runs inside the sentence
['Ann Lowe', 'Paris']
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import math
import random
from collections.abc import Container, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from . import gazetteer

__all__ = ["LABELS", "NameTyper", "candidates", "consistent", "features", "runs", "train_typer"]

#: The kinds a candidate may get; "" is none.
LABELS = ("", "PERSON", "ORG", "PLACE")
#: Words that may join two capitalized words inside a name ("University of Paris").
_JOINERS = frozenset({"of", "and", "&", "de", "du", "des", "la", "le", "van", "von", "al", "bin", "for", "on"})
#: Words a name never reaches by a joiner: "Toledo on Sunday", "Lowe in May" are a name and a time.
_CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
})
#: Parts of speech that never open a candidate, whatever their case ("I", "The", "In").
_CLOSED = frozenset({"DET", "PUNCT", "SYM", "PRON", "AUX", "ADP", "CCONJ", "SCONJ", "PART"})
_LEGAL_FORMS = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "lp", "llp"})
WEIGHTS_FILE = "weights.json.gz"
#: How many other occurrences of a name lend their context to it.
_OTHERS = 20
#: The least probability of a kind that makes a candidate a name (chosen on GUM dev).
THRESHOLD = 0.35
#: How much of a candidate's kind comes from its namesakes in the document (chosen by
#: cross-validation on GUM train, see :func:`consistent`).
_MIX = 0.5


@functools.cache
def _lexicon() -> dict[str, frozenset[str]]:
    """General word lists of the package's gazetteer: honorifics, titles, organization words, places, first names."""
    import yaml

    # read by libyaml where it is built in: the same values, ten times faster than in Python
    data = yaml.load(resources.files("timeline_graph").joinpath("data/gazetteer.yaml").read_text("utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    places: set[str] = set()
    for entry in data.get("places", []):
        for canonical, aliases in entry.items():
            places.add(canonical)
            places.update(aliases or [])
    return {
        "honorifics": frozenset(data.get("honorifics", [])),
        "titles": frozenset(data.get("person_titles", [])),
        "org_words": frozenset(data.get("org_words", [])),
        "places": frozenset(places),
        "first_names": frozenset(data.get("first_names", [])),
    }


def _name_word(token: Any) -> bool:
    if token.pos_ in ("DET", "PUNCT", "SYM") or token.is_punct or token.is_space or token.like_email or token.like_url:
        return False
    return bool(token.pos_ == "PROPN" or token.is_title or token.is_upper or token.like_num)


def _proper(token: Any) -> bool:
    """A proper noun by its tag, or by its form: a capitalized word inside a sentence that the
    tagger read as a common noun or adjective ("reached Toledo on Sunday"). A tagger misses such
    words on text unlike its training data, and the typer should not lose the name with the tag."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ not in ("NOUN", "ADJ", "X") or not token.is_title or not token.is_alpha:
        return False
    return not token.is_sent_start and token.i > 0 and not token.doc[token.i - 1].is_punct


def _seed(doc: Any, token: Any, known: Container[str] = ()) -> bool:
    """A word that opens a candidate: a proper noun, a capitalized word inside a sentence, an
    acronym whatever its tag ("WHO"), or a capitalized word that is a proper noun elsewhere in
    the document (a sentence's first word the tagger read as a common noun)."""
    if token.like_email or token.like_url:
        return False  # "ALowe@courier.com" is an address, however it is tagged
    if token.pos_ == "PROPN":
        return True
    if not (token.is_title or token.is_upper) or token.is_space or token.is_punct:
        return False
    if token.is_upper and len(token.text) > 1 and token.is_alpha:
        return True
    if token.lower_ in known and token.pos_ not in _CLOSED:
        return True
    if token.pos_ in _CLOSED:
        return False
    return not token.is_sent_start and token.i > 0 and not doc[token.i - 1].is_punct


def runs(doc: Any, known: Container[str] = ()) -> list[tuple[int, int]]:
    """Token ranges of the name-like runs of a parsed ``Doc``, left to right, never crossing a
    sentence: capitalized words around a seed (see :func:`_seed`), joined by "of", "and", "de"...
    ``known``: lower-cased words that are proper nouns elsewhere in the document."""
    found: list[tuple[int, int]] = []
    n = len(doc)
    i = 0
    while i < n:
        if not _seed(doc, doc[i], known):
            i += 1
            continue
        lo = i
        while lo > 0 and _name_word(doc[lo - 1]) and not doc[lo].is_sent_start:
            lo -= 1
        hi = i + 1
        while hi < n and not doc[hi].is_sent_start:
            if _name_word(doc[hi]):
                hi += 1
            elif doc[hi].lower_ in _JOINERS and hi + 1 < n and _name_word(doc[hi + 1]) and not doc[hi + 1].like_num \
                    and not doc[hi + 1].is_sent_start and doc[hi + 1].lower_ not in _CALENDAR:
                hi += 2
            else:
                break
        found.append((lo, hi))
        i = hi
    return found


def candidates(doc: Any, known: Container[str] = ()) -> list[tuple[int, int]]:
    """Candidate names of a parsed ``Doc``: each run (:func:`runs`), its parts between "and"s
    ("Zurich and Sao Paulo" may be two names or one), and the run without the words before its
    first proper noun ("In Byron" at a sentence's start), and the run without the numbers at its ends
    ("Smith 1994"); the typer learns which is the name.

    Not every stretch of a run is proposed: on GUM dev that cost more precision than it won
    recall."""
    found: list[tuple[int, int]] = []
    for lo, hi in runs(doc, known):
        found.append((lo, hi))
        cuts = [k for k in range(lo + 1, hi - 1) if doc[k].lower_ in ("and", "&")]
        for a, b in zip([lo, *(k + 1 for k in cuts)], [*cuts, hi], strict=True):
            if (a, b) != (lo, hi):
                found.append((a, b))
        first = next((k for k in range(lo, hi) if doc[k].pos_ == "PROPN"), lo)
        if first > lo:
            found.append((first, hi))
        # A number beside a name is seldom its part: "Smith 1994", "Tunisia 1", "2016 Olympics".
        k = hi
        while k > lo + 1 and doc[k - 1].like_num:
            k -= 1
        if k < hi:
            found.append((lo, k))
        k = lo
        while k < hi - 1 and doc[k].like_num:
            k += 1
        if k > lo:
            found.append((k, hi))
    return sorted(set(found))


def _shape(token: Any) -> str:
    return str(token.shape_[:4])


def _head(doc: Any, start: int, end: int) -> Any:
    for token in doc[start:end]:
        if token.head.i < start or token.head.i >= end or token.head.i == token.i:
            return token
    return doc[end - 1]


class _Occurrences(dict[str, list[Any]]):
    """Proper-noun tokens of a document by lower-cased text, and what each occurrence lends the
    candidates named like it (:func:`_context`), found once however many candidates ask."""

    __slots__ = ("context",)

    def __init__(self) -> None:
        super().__init__()
        #: (id of the occurrence's Doc, its index) -> its features
        self.context: dict[tuple[int, int], list[str]] = {}


def _occurrences(docs: Sequence[Any]) -> _Occurrences:
    """Proper-noun tokens of a document (one or several ``Doc`` pieces) by lower-cased text."""
    index = _Occurrences()
    for doc in docs:
        for token in doc:
            if _proper(token):
                index.setdefault(token.lower_, []).append(token)
    return index


def _context(other: Any, lex: dict[str, frozenset[str]]) -> list[str]:
    """The features a name's other occurrence lends it: the word before it, its relations there and
    the word it depends on ("Lindqvist said" elsewhere makes "Lindqvist" here likelier a person,
    "won against Lindqvist" a team)."""
    out = []
    before = other.doc[other.i - 1] if other.i > 0 else None
    if before is not None and not before.is_title:
        out.append(f"d-prev={before.lower_}")
    if before is not None and (before.text in lex["honorifics"] or before.text in lex["titles"]):
        out.append("d-after-title")
    out.extend(f"d-case={c.lower_}" for c in other.children if c.dep_ == "case")
    out.append(f"d-dep={other.dep_}")
    out.append(f"d-hh={other.head.lemma_.lower()}")
    return out


#: How often each word was written in lower case and capitalized inside a sentence in the
#: treebanks' running text (see :func:`word_case`).
WordCase = dict[str, tuple[int, int]]


def features(
    doc: Any, start: int, end: int, occurrences: dict[str, list[Any]] | None = None, case: WordCase | None = None,
) -> list[str]:
    """The features of one candidate ``doc[start:end]``; ``occurrences`` from the whole document,
    ``case`` the treebanks' word-case counts (:func:`word_case`)."""
    lex = _lexicon()
    words = doc[start:end]
    # The words and the text once: a spaCy span makes its tokens and its text anew at each use.
    toks = list(words)
    text = words.text
    first, last = toks[0], toks[-1]
    # each attribute of a spaCy token is looked up (its string made) anew at every use: once here
    last_lower, first_pos, opens = last.lower_, first.pos_, first.is_sent_start
    lowers = [t.lower_ for t in toks]
    prev = doc[start - 1] if start > 0 else None
    prev2 = doc[start - 2] if start > 1 else None
    after = doc[end] if end < len(doc) else None
    after2 = doc[end + 1] if end + 1 < len(doc) else None
    # No tag of the candidate's or its neighbours' words (beyond the first word's part of
    # speech): the tagger was trained on the typer's own training documents, where its tags are
    # nearly perfect, so such features won weight there that they do not deserve on new text
    # (with them, GUM dev F1 was 0.7 to 4 points lower).
    out = [
        "bias", f"len={min(end - start, 4)}", f"last={last_lower}", f"first={first.lower_}",
        f"suf={last_lower[-3:]}", f"suf2={last_lower[-2:]}", f"shape={' '.join(_shape(t) for t in toks)[:20]}",
        f"span={text.lower()}", f"pos1={'PROPN' if _proper(first) else first_pos}",
        f"prev={prev.lower_ if prev is not None else '<s>'}", f"prev2={prev2.lower_ if prev2 is not None else '<s>'}",
        f"next={after.lower_ if after is not None else '</s>'}",
        f"next2={after2.lower_ if after2 is not None else '</s>'}",
        f"sentstart={opens}",
        f"pshape={_shape(prev) if prev is not None else '<s>'}", f"nshape={_shape(after) if after is not None else '</s>'}",
    ]
    out.extend([f"w={w}" for w in lowers])
    # Bounds: whether the candidate was cut from a longer run, and what was cut ("In" before
    # "Byron" at a sentence's start; "Emperor" before "Norton").
    if prev is not None and not opens and _name_word(prev):
        out.append(f"cut-left={prev.pos_}_{first_pos}")
    if opens and first_pos != "PROPN":
        out.append(f"opens-sentence={first_pos}")
    if after is not None and not after.is_sent_start and _name_word(after):
        out.append(f"cut-right={last.pos_}_{after.pos_}")
    if any(w in ("and", "&") for w in lowers):
        out.append("has-and")
    if any(w in _JOINERS and not t.is_title for w, t in zip(lowers, toks, strict=True)):
        out.append(f"joined={min(end - start, 5)}")
    if prev is not None and (prev.text in lex["honorifics"] or prev.text in lex["titles"]):
        out.append("after-title")
    if first.text in lex["honorifics"] or first.text in lex["titles"]:
        out.append("title-inside")
    if any(t.text in lex["org_words"] for t in toks):
        out.append("org-word")
    if text in lex["places"]:
        out.append("known-place")
    if first.text in lex["first_names"]:
        out.append("first-name")
    gaz = _gazetteer_features(toks, text)
    out.extend(gaz)
    if case is not None:
        out.extend(_case_features(toks, case))
    out.extend(_org_features(toks, text))
    forms = {t.text.rstrip(".").casefold() for t in (last, after) if t is not None}
    if forms & _LEGAL_FORMS:
        out.append("legal-form")
    if len(text) > 1 and text.isupper():
        out.append("all-caps")
    # the first word whose head is outside the candidate (or itself), else the last (as _head)
    head = next((t for t in toks if not start <= (h := t.head.i) < end or h == t.i), last)
    head_dep, above = head.dep_, head.head
    above_lemma = above.lemma_.lower()
    out += [f"dep={head_dep}", f"hh={above_lemma}", f"dep_hh={head_dep}_{above_lemma}", f"hpos={above.pos_}"]
    out.extend(f"child={c.dep_}_{c.lower_}" for c in head.children
               if c.dep_ in ("case", "det", "compound", "amod", "nmod:poss") and not start <= c.i < end)
    # Conjunctions a linear model cannot form by itself: the word before with the name's last
    # word and with its relation, and the world lists' verdict with the length and the relation
    # ("Boston" alone is a place, as a subject of three words likelier a team or a company).
    before = prev.lower_ if prev is not None else "<s>"
    out += [f"prev+last={before}_{last_lower}", f"prev+dep={before}_{head_dep}"]
    for hit in gaz or ["gaz-none"]:
        out += [f"and:{hit}+len={min(end - start, 3)}", f"and:{hit}+dep={head_dep}"]
    # The same name elsewhere in the document: the words before it and its relations there, from
    # its first few other occurrences (a name said a thousand times costs no more).
    others = (o for o in (occurrences or {}).get(last_lower, ()) if not (o.doc is doc and o.i == last.i))
    known = occurrences.context if isinstance(occurrences, _Occurrences) else {}
    for other in itertools.islice(others, _OTHERS):
        key = (id(other.doc), other.i)
        lent = known.get(key)
        if lent is None:
            lent = known[key] = _context(other, lex)
        out.extend(lent)
    return out


@functools.lru_cache(maxsize=1 << 16)
def _fold(name: str) -> str:
    """:func:`gazetteer.fold`, remembered: a document's candidates ask for the same few words again and again."""
    return gazetteer.fold(name)


def _gazetteer_features(words: Sequence[Any], text: str) -> list[str]:
    """Whether the candidate is a known place or country, and whether its first word is a given
    name and its last a surname, from the world lists of :mod:`timeline_graph.nlp.gazetteer`."""
    gaz = gazetteer.load()
    folded = _fold(text)
    place = "country" if folded in gaz.countries else "place" if folded in gaz.places else "-"
    given = _fold(words[0].text) in gaz.given
    surname = _fold(words[-1].text) in gaz.surnames
    out: list[str] = []
    if place != "-":
        out.append(f"gaz-{place}")
    if given:
        out.append("gaz-given")
    if surname:
        out.append("gaz-surname")
    return out


def _org_features(words: Sequence[Any], text: str) -> list[str]:
    """Signs of an organization in a candidate's words: a capital inside a word ("YouTube"), a
    known place opening or closing a longer name ("Boston Red Sox", "Air Canada"), where an
    organization word stands in it (any case: "MINISTRY OF HEALTH"), and a demonym opening it
    ("Cuban consulate")."""
    gaz = gazetteer.load()
    org_words = _lower_org_words()
    out: list[str] = []
    if any(not t.text.startswith(("Mc", "Mac")) and any(c.isupper() for c in t.text[1:])
           and any(c.islower() for c in t.text) for t in words):
        out.append("camel")
    if len(words) > 1 and _fold(text) not in gaz.places:
        if _fold(words[0].text) in gaz.places:
            out.append(f"place-first+plural={words[-1].lower_.endswith('s')}")
        if _fold(words[-1].text) in gaz.places:
            out.append("place-last")
    lowered = [t.lower_ for t in words]
    if lowered[-1] in org_words:
        out.append("orgw-last")
    elif lowered[0] in org_words:
        out.append("orgw-first")
    elif any(w in org_words for w in lowered):
        out.append("orgw-inside")
    if len(words) > 1 and words[0].is_title and lowered[0].endswith(("an", "ese", "ish")):
        out.append("demonym-first")
    return out


def _case_class(token: Any, case: WordCase) -> str:
    """How a word is usually written: how often in lower case (none, under 10, 100, more) and
    whether mostly so ("lo"), half the time ("mid") or mostly capitalized ("cap")."""
    lower, capital = case.get(token.lower_, (0, 0))
    if not lower:
        return "0"
    share = lower / (lower + capital)
    return f"{min(3, len(str(lower)))}-{'lo' if share > 0.9 else 'mid' if share > 0.5 else 'cap'}"


def _case_features(words: Sequence[Any], case: WordCase) -> list[str]:
    """Whether the candidate's words are common words written capitalized ("Decree", "Union"):
    their usual case in the treebanks' running text, which knows far more words than the names."""
    out = [f"lc-first={_case_class(words[0], case)}", f"lc-last={_case_class(words[-1], case)}"]
    counts = [case.get(t.lower_, (0, 0)) for t in words if t.is_alpha]
    if counts and all(lower >= 3 and lower > 3 * capital for lower, capital in counts):
        out.append("all-common")
    return out


def word_case(paths: Iterable[Path]) -> WordCase:
    """Word-case counts of CoNLL-U files: for each word written in lower case at least once, how
    often it is written so and how often capitalized other than as a sentence's first word."""
    lower: dict[str, int] = {}
    capital: dict[str, int] = {}
    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            for line in handle:
                cols = line.split("\t")
                if len(cols) != 10 or not cols[0].isdigit():
                    continue
                word = cols[1]
                if word.islower():
                    lower[word] = lower.get(word, 0) + 1
                elif word[:1].isupper() and cols[0] != "1":
                    capital[word.lower()] = capital.get(word.lower(), 0) + 1
    return {w: (n, capital.get(w, 0)) for w, n in sorted(lower.items())}


@functools.cache
def shipped_word_case() -> WordCase:
    """The word-case counts saved with the shipped typer's weights (empty when the file is absent)."""
    source = Path(__file__).parent / "model" / "name_typer" / WEIGHTS_FILE
    if not source.is_file():
        return {}
    with gzip.open(source, "rb") as handle:
        case = json.loads(handle.read().decode("utf-8")).get("case") or {}
    return {w: (c[0], c[1]) for w, c in case.items()}


def common_word(word: str) -> bool:
    """A word the treebanks' running text writes mostly in lower case ("abstract", "update",
    "whereas"), so that written in capitals it is a heading's or a shout's, not an acronym."""
    lower, capital = shipped_word_case().get(word.lower(), (0, 0))
    return lower > 0 and lower > 2 * capital


@functools.cache
def _lower_org_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _lexicon()["org_words"])


#: One candidate of a document: its piece (a ``Doc``), its bounds and its features.
_Candidate = tuple[Any, int, int, list[str]]


def _document_candidates(docs: Sequence[Any], case: WordCase | None = None) -> list[_Candidate]:
    """The candidates of the pieces of one document with their features (see :func:`features`)."""
    occurrences = _occurrences(docs)
    return [(doc, start, end, features(doc, start, end, occurrences, case))
            for doc in docs for start, end in candidates(doc, occurrences)]


def consistent(cands: Sequence[_Candidate], probs: Sequence[Sequence[float]], mix: float = _MIX) -> list[list[float]]:
    """The candidates' probabilities, each mixed with those of its namesakes in the document.

    A name keeps one kind through a document: each candidate's probabilities are mixed (share
    ``mix``) with the mean over the candidates of the same words, which for a one-word
    candidate include the longer names it ends that are likeliest people ("Lowe" after "Ann
    Lowe").
    """
    texts = [doc[start:end].text.lower() for doc, start, end, _f in cands]
    groups: dict[str, list[int]] = {}
    for n, text in enumerate(texts):
        groups.setdefault(text, []).append(n)
    person = LABELS.index("PERSON")
    for n, (doc, start, end, _f) in enumerate(cands):
        p = probs[n]
        if end - start > 1 and max(range(1, len(p)), key=p.__getitem__) == person:
            surname = doc[end - 1].lower_
            if surname in groups and surname != texts[n]:
                groups[surname].append(n)
    # One mean per group (a name said a hundred times costs a hundred additions, not 10,000).
    means = {text: [sum(col) / len(group) for col in zip(*(probs[k] for k in group), strict=True)]
             for text, group in groups.items() if len(group) > 1}
    out = []
    for n, text in enumerate(texts):
        mean = means.get(text)
        if mean is None:
            out.append(list(probs[n]))
        else:
            out.append([(1 - mix) * v + mix * m for v, m in zip(probs[n], mean, strict=True)])
    return out


def _scores(weights: dict[str, list[float]], feats: Iterable[str], size: int) -> list[float]:
    """Probabilities of the labels under one weight table."""
    rows = [w for w in map(weights.get, feats) if w is not None]
    # Column sums in the features' order, as a loop adding each row would make them.
    z = [0.0 + sum(col) for col in zip(*rows, strict=True)] if rows else [0.0] * size
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


class NameTyper:
    """The ``name_typer`` pipeline component: sets ``doc.ents`` to the typed candidates.

    Each candidate is typed from its own words and context, then its probabilities are mixed
    with its namesakes' in the document (:func:`consistent`), and the likeliest names that do
    not overlap are kept.
    """

    def __init__(self, nlp: Any, name: str = "name_typer") -> None:
        self.name = name
        self.labels = list(LABELS)
        #: Feature -> one weight per label.
        self.weights: dict[str, list[float]] = {}
        #: A candidate is a name when its likeliest kind has at least this probability.
        self.threshold = THRESHOLD
        #: The share of a candidate's kind that comes from its namesakes in the document.
        self.mix = _MIX
        #: The treebanks' word-case counts (:func:`word_case`), saved with the weights.
        self.case: WordCase | None = None

    def __call__(self, doc: Any) -> Any:
        self.type_docs([doc])
        return doc

    def pipe(self, stream: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for doc in stream:
            yield self(doc)

    def scores(self, feats: Iterable[str]) -> list[float]:
        """Probabilities of the labels for one candidate's features, on its own."""
        return _scores(self.weights, feats, len(self.labels))

    def type_docs(self, docs: Sequence[Any]) -> None:
        """Type the candidates of the pieces of one document together (they share its names)."""
        from spacy.tokens import Span

        cands = _document_candidates(docs, self.case)
        probs = consistent(cands, [self.scores(c[3]) for c in cands], self.mix)
        ranked: dict[int, list[tuple[float, int, int, str]]] = {id(doc): [] for doc in docs}
        for (doc, start, end, _f), p in zip(cands, probs, strict=True):
            best = max(range(1, len(p)), key=p.__getitem__)
            if p[best] >= self.threshold:
                ranked[id(doc)].append((-p[best], start, end, self.labels[best]))
        for doc in docs:
            taken: set[int] = set()
            spans = []
            for _p, start, end, label in sorted(ranked[id(doc)]):
                if taken.intersection(range(start, end)):
                    continue
                taken.update(range(start, end))
                spans.append(Span(doc, start, end, label=label))
            doc.set_ents(sorted(spans, key=lambda s: s.start), default="outside")

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data: dict[str, Any] = {"labels": self.labels, "threshold": self.threshold, "mix": self.mix,
                                "weights": self.weights}
        if self.case is not None:
            data["case"] = {w: list(c) for w, c in self.case.items()}
        with gzip.GzipFile(path / WEIGHTS_FILE, "wb", mtime=0) as handle:
            handle.write(json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8"))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NameTyper:
        with gzip.open(Path(path) / WEIGHTS_FILE, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8"))
        self.labels = list(data["labels"])
        self.threshold = float(data.get("threshold", THRESHOLD))
        self.mix = float(data.get("mix", 0.0))
        self.weights = {k: list(v) for k, v in data["weights"].items()}
        case = data.get("case")
        self.case = {w: (c[0], c[1]) for w, c in case.items()} if case is not None else None
        return self

    def initialize(self, get_examples: Any = None, *, nlp: Any = None) -> None:
        """Nothing to set up: the weights come from :func:`train_typer`."""


def register() -> None:
    """Make ``name_typer`` a component spaCy can build, before loading a pipeline that has one.

    Called by whatever loads a pipeline rather than on import, so that reading the typer's word
    lists (``common_word``) does not import spaCy: the app's server imports the entity reader but
    never parses, and importing spaCy costs it about a second at start."""
    from spacy.language import Language

    if not Language.has_factory("name_typer"):
        Language.factory("name_typer", func=lambda nlp, name: NameTyper(nlp, name))


def train_typer(
    pairs: Iterable[tuple[Any, Any]], *, epochs: int = 15, learn_rate: float = 0.02, l2: float = 1e-6,
    seed: int = 1234, min_weight: float = 1e-3, case: WordCase | None = None,
) -> dict[str, list[float]]:
    """Weights from (gold ``Doc``, parsed ``Doc``) pairs on the same tokens; gold names in ``doc.ents``.

    Each candidate of the parsed document is an example whose label is the gold name's of the
    same bounds, or none (so the typer learns the bounds too: "Byron" is a name, "In Byron" at
    a sentence's start is not). Multinomial logistic regression: Adagrad on the log loss,
    examples shuffled with a fixed seed.
    """
    import numpy as np

    index: dict[str, int] = {}
    data: list[tuple[list[int], int]] = []
    for gold, parsed in pairs:
        gold_labels = {(e.start, e.end): e.label_ for e in gold.ents}
        for _doc, start, end, feats in _document_candidates([parsed], case):
            label = gold_labels.get((start, end), "")
            data.append(([index.setdefault(f, len(index)) for f in feats], LABELS.index(label) if label in LABELS else 0))
    weights = np.zeros((len(index), len(LABELS)))
    squares = np.full_like(weights, 1e-8)
    rng = random.Random(seed)
    for _epoch in range(epochs):
        rng.shuffle(data)
        for ids, label in data:
            z = weights[ids].sum(0)
            p = np.exp(z - z.max())
            p /= p.sum()
            p[label] -= 1
            grad = np.broadcast_to(p, (len(ids), len(LABELS))) + l2 * weights[ids]
            squares[ids] += grad * grad
            weights[ids] -= learn_rate * grad / np.sqrt(squares[ids])
    return {
        f: [round(float(v), 4) for v in weights[i]]
        for f, i in sorted(index.items())
        if float(np.abs(weights[i]).max()) >= min_weight
    }
