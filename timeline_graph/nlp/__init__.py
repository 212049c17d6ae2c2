"""The English pipeline: one parse per document, read by every extractor.

:func:`load` gives the spaCy ``Language`` that builds use: the pipeline trained here from the
openly licensed Universal Dependencies treebanks and shipped in the package (see
``nlp/model/MODEL_CARD.md``), or any other installed spaCy pipeline named by ``--nlp``.
:func:`parse` turns a document's text into a :class:`Parse`: sentences, tokens with character
offsets into that very text, lemmas, parts of speech, dependencies, named entities and pronoun
links. Every extractor reads that parse; none splits sentences or finds names by itself.

>>> p = parse("Ana Silva joined Acme Corp in 2019. She said the company grew.")
>>> [p.text[s.start:s.end] for s in p.sentences]
['Ana Silva joined Acme Corp in 2019.', 'She said the company grew.']
>>> [(p.text[e.start:e.end], e.label) for e in p.entities]
[('Ana Silva', 'PERSON'), ('Acme Corp', 'ORG')]
>>> she = p.token_at(p.text.index("She"))
>>> p.text[p.antecedent(she).start:p.antecedent(she).end]
'Ana Silva'
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, pairwise, repeat
from operator import attrgetter, ne
from pathlib import Path
from typing import Any, NamedTuple, overload

from ..errors import TimelineGraphError
from .coref import COREF_VERSION
from .layout import LAYOUT_VERSION, paragraphs, sentence_starts, strip_span

__all__ = [
    "DEFAULT_MODEL",
    "NLPError",
    "Parse",
    "ParsedEntity",
    "Sentence",
    "Token",
    "load",
    "parse",
    "parse_many",
    "pipeline_id",
]

#: The shipped pipeline's folder (package data).
DEFAULT_MODEL = Path(__file__).parent / "model"
#: Texts up to this many characters have their names typed with the whole text in view; longer
#: ones paragraph by paragraph, so that their parses need not be held in memory all at once.
JOINT_TYPING_LIMIT = 1_000_000
#: The version of the name typer's code (``nlp/typer.py``: its candidates, features and
#: decision), part of the cache key of a pipeline that has one (:func:`pipeline_id`): raise it
#: when that code changes, so that documents read by an older typer are read again.
TYPER_VERSION = 8
#: Paragraphs longer than this are cut at a sentence-like break or a space (never inside a word).
MAX_PARAGRAPH = 20_000
#: The most text, in characters, and the most paragraphs the pipeline runs through its network at
#: once: its working memory grows with the batch (a batch of a whole 250 kB text took 350 MB).
BATCH_CHARACTERS = 20_000
BATCH_PIECES = 64


class NLPError(TimelineGraphError):
    """The language pipeline could not be loaded or run."""


class Token(NamedTuple):
    """One token: character offsets into the document's text, and what the parse says of it.

    A named tuple rather than a dataclass: extractors read millions of them, and a tuple is made
    several times faster.
    """

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str  # Universal POS: NOUN, PROPN, VERB, AUX, PRON, ...
    tag: str  # Penn Treebank tag: VBD, NNP, ...
    dep: str  # Universal Dependencies relation; "ROOT" for a sentence's root
    head: int  # index of the head token (itself for a root)
    morph: str  # features, "Tense=Past|VerbForm=Fin"
    sent: int  # index of its sentence

    def feature(self, name: str) -> str | None:
        """One morphological feature's value, if set (``Tense`` -> ``"Past"``)."""
        for part in self.morph.split("|"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: character offsets, and its tokens as a range of token indices."""

    start: int
    end: int
    first: int
    last: int  # exclusive


@dataclass(frozen=True, slots=True)
class ParsedEntity:
    """A named entity the pipeline found: character offsets, tokens, label (PERSON, ORG, PLACE...)."""

    start: int
    end: int
    first: int
    last: int  # exclusive
    label: str


#: How many made tokens a table keeps for reuse before it starts afresh (bounds its memory).
_MADE_TOKENS = 200_000
_new_token = tuple.__new__


class TokenTable(Sequence[Token]):
    """The tokens of a parse, stored column by column (about 30 bytes a token, not 400).

    Indexing gives :class:`Token` values, made when asked for and kept for reuse up to a bound;
    a 50 MB document's parse fits in a few hundred megabytes this way.
    """

    __slots__ = ("_dep", "_end", "_head", "_ids", "_lemma", "_made", "_morph", "_pos", "_sent", "_start",
                 "_strings", "_tag", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._start = array("i")
        self._end = array("i")
        self._head = array("i")
        self._sent = array("i")
        self._lemma = array("i")
        self._pos = array("i")
        self._tag = array("i")
        self._dep = array("i")
        self._morph = array("i")
        self._strings: list[str] = []
        self._ids: dict[str, int] = {}
        self._made: dict[int, Token] = {}  # tokens already made, kept while there are few

    def _id(self, value: str) -> int:
        found = self._ids.get(value)
        if found is None:
            found = self._ids[value] = len(self._strings)
            self._strings.append(value)
        return found

    def append(self, start: int, end: int, lemma: str, pos: str, tag: str, dep: str, head: int,
               morph: str, sent: int) -> None:
        """Add one token (its index is the table's length before the call)."""
        self._start.append(start)
        self._end.append(end)
        self._head.append(head)
        self._sent.append(sent)
        self._lemma.append(self._id(lemma))
        self._pos.append(self._id(pos))
        self._tag.append(self._id(tag))
        self._dep.append(self._id(dep))
        self._morph.append(self._id(morph))

    def append_ids(self, start: int, end: int, lemma: int, pos: int, tag: int, dep: int, head: int, morph: int,
                   sent: int) -> None:
        """:meth:`append` with each string given by the table's id for it (from ``_id``)."""
        self._start.append(start)
        self._end.append(end)
        self._head.append(head)
        self._sent.append(sent)
        self._lemma.append(lemma)
        self._pos.append(pos)
        self._tag.append(tag)
        self._dep.append(dep)
        self._morph.append(morph)

    def extend_ids(self, *columns: Sequence[int]) -> None:
        """:meth:`append_ids` for many tokens at once: a list of each field's values, in its order."""
        for column, values in zip((self._start, self._end, self._lemma, self._pos, self._tag, self._dep, self._head,
                                   self._morph, self._sent), columns, strict=True):
            column.extend(values)

    def __len__(self) -> int:
        return len(self._start)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | Sequence[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        token = self._made.get(index)
        if token is not None:
            return token
        if not 0 <= index < len(self):
            raise IndexError(index)
        strings = self._strings
        start, end = self._start[index], self._end[index]
        token = _new_token(Token, (index, start, end, self._text[start:end], strings[self._lemma[index]],
                                   strings[self._pos[index]], strings[self._tag[index]], strings[self._dep[index]],
                                   self._head[index], strings[self._morph[index]], self._sent[index]))
        if len(self._made) >= _MADE_TOKENS:
            self._made.clear()
        self._made[index] = token
        return token

    def __iter__(self) -> Iterator[Token]:
        for i in range(len(self)):
            yield self[i]

    def made(self) -> list[Token]:
        """Every token, made now (and not kept by the table)."""
        # Column by column with C-level maps, no Python code run per token.
        count, get = len(self), self._strings.__getitem__
        texts = map(self._text.__getitem__, map(slice, self._start, self._end))
        rows = zip(range(count), self._start, self._end, texts, map(get, self._lemma), map(get, self._pos),
                   map(get, self._tag), map(get, self._dep), self._head, map(get, self._morph), self._sent, strict=True)
        return list(map(_new_token, repeat(Token, count), rows))

    def starts(self) -> Sequence[int]:
        """Every token's start offset, in order (for bisecting)."""
        return self._start

    def offsets_and_pos(self, count: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, part of speech) of the first ``count`` tokens, without making tokens."""
        count = min(count, len(self))
        return zip(self._start[:count], self._end[:count], map(self._strings.__getitem__, self._pos[:count]),
                   strict=True)

    def ends(self) -> Sequence[int]:
        """Every token's end offset, in order."""
        return self._end

    def heads(self) -> Sequence[int]:
        """Every token's head index, in order."""
        return self._head


@dataclass(frozen=True)
class Parse:
    """One document's parse. Every offset indexes ``text`` exactly."""

    text: str
    tokens: Sequence[Token]
    sentences: tuple[Sentence, ...]
    entities: tuple[ParsedEntity, ...]
    #: Pronoun or description token index -> index into ``entities`` of its antecedent.
    links: dict[int, int] = field(default_factory=dict)
    #: The pipeline that produced it (name and version).
    pipeline: str = ""
    #: Notes for the user ("looks like another language"), one line each.
    notes: tuple[str, ...] = ()

    def token_at(self, offset: int) -> Token | None:
        """The token covering a character offset, if any."""
        index = _bisect(self._starts, offset)
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return self.tokens[index]
        return None

    def tokens_in(self, start: int, end: int) -> Sequence[Token]:
        """The tokens lying inside [start, end)."""
        ends = self._ends
        lo = bisect_right(self._starts, start) - 1
        if lo < 0 or ends[lo] <= start:
            lo += 1
        # the tokens' ends rise with their starts (tokens never overlap): the first end past ``end``
        return self.tokens[lo : bisect_right(ends, end, lo)]

    def sentence_of(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset, if any."""
        index = _bisect(self._sentence_starts, offset)
        if index >= 0 and self.sentences[index].start <= offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence, the shape the extractors' text helpers use."""
        return [(s.start, s.end) for s in self.sentences]

    def children(self, token: Token) -> Iterator[Token]:
        """The tokens whose head is ``token``, in text order."""
        offsets, kids = self._children
        return map(self.tokens.__getitem__, kids[offsets[token.i] : offsets[token.i + 1]])

    def subtree(self, token: Token) -> tuple[int, int]:
        """(first, last exclusive) token indices of a token's subtree (projective extent)."""
        known = self._subtrees
        found = known.get(token.i)
        if found is not None:
            return found
        offsets, kids = self._children
        lo = hi = token.i
        stack = [token.i]
        while stack:
            at = stack.pop()
            below = known.get(at)
            if below is not None:  # a subtree asked for before: its extent, not its tokens again
                lo, hi = min(lo, below[0]), max(hi, below[1] - 1)
                continue
            lo, hi = min(lo, at), max(hi, at)
            stack.extend(kids[offsets[at] : offsets[at + 1]])
        found = known[token.i] = (lo, hi + 1)
        return found

    def antecedent(self, token: Token) -> ParsedEntity | None:
        """The named entity a pronoun or description ("she", "the company") refers to, if found."""
        index = self.links.get(token.i)
        return None if index is None else self.entities[index]

    def entity_at(self, token: Token) -> ParsedEntity | None:
        """The named entity a token belongs to, if any."""
        index = _bisect(self._entity_starts, token.i)
        if index >= 0 and self.entities[index].first <= token.i < self.entities[index].last:
            return self.entities[index]
        return None

    @functools.cached_property
    def _starts(self) -> Sequence[int]:
        if isinstance(self.tokens, TokenTable):
            return self.tokens.starts()
        return list(map(attrgetter("start"), self.tokens))

    @functools.cached_property
    def _ends(self) -> Sequence[int]:
        if isinstance(self.tokens, TokenTable):
            return self.tokens.ends()
        return list(map(attrgetter("end"), self.tokens))

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @functools.cached_property
    def _entity_starts(self) -> list[int]:
        return [e.first for e in self.entities]

    @functools.cached_property
    def _subtrees(self) -> dict[int, tuple[int, int]]:
        """The extents :meth:`subtree` worked out, by token index: the extractors ask for the
        same few tokens' again and again, and a clause's extent holds those of its parts."""
        return {}

    @functools.cached_property
    def _children(self) -> tuple[array[int], array[int]]:
        """Children of every token as two arrays: kids[offsets[i]:offsets[i + 1]] are token i's."""
        heads = self.tokens.heads() if isinstance(self.tokens, TokenTable) else list(map(attrgetter("head"), self.tokens))
        # Every token but a root, grouped by head (a stable sort keeps each head's in text order);
        # token i's come after those of the heads before it. C-level maps, no Python code per token.
        kids = sorted(compress(range(len(heads)), map(ne, heads, range(len(heads)))), key=heads.__getitem__)
        kid_heads = list(map(heads.__getitem__, kids))
        counts = array("i", map(bisect_left, repeat(kid_heads), range(len(heads) + 1)))
        return counts, array("i", kids)


def _bisect(starts: Sequence[int], value: int) -> int:
    """Index of the last start <= value (-1 if none)."""
    return bisect_right(starts, value) - 1


# ---------------------------------------------------------------------------------------------
# Loading


def _resolve(name: str | os.PathLike[str] | None) -> str | Path:
    if name is None or str(name) in ("", "default", "timeline-graph"):
        return DEFAULT_MODEL
    return Path(name) if Path(name).exists() else str(name)


@functools.lru_cache(maxsize=4)
def _load(name: str | Path) -> Any:
    from . import fastops

    fastops.limit_threads()  # before spaCy imports numpy
    try:
        import spacy
    except ImportError as err:  # pragma: no cover - spaCy is a dependency
        raise NLPError("spaCy is not installed: run `python3 -m pip install 'spacy>=3.8,<3.9'`") from err
    if isinstance(name, Path) and not ((name / "config.cfg").is_file() and (name / "meta.json").is_file()):
        raise NLPError(f"{name}: not a spaCy pipeline folder (config.cfg or meta.json missing)")
    from .typer import register

    register()  # the ``name_typer`` component the shipped pipeline uses

    try:
        model = spacy.load(name)
    except OSError as err:
        raise NLPError(f"{name}: cannot load the language pipeline ({_first_line(err)})") from err
    except Exception as err:  # a damaged weights file raises many kinds of errors
        raise NLPError(f"{name}: the language pipeline is damaged ({_first_line(err)})") from err
    return fastops.install(model)


def _first_line(err: BaseException) -> str:
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    text = lines[0] if lines else type(err).__name__
    return re.sub(r"\x1b\[[0-9;]*m", "", text)[:200]


def load(name: str | os.PathLike[str] | None = None) -> Any:
    """The spaCy ``Language`` that builds use: the shipped pipeline, or an installed one by name or path."""
    return _load(_resolve(name))


@functools.lru_cache(maxsize=16)
def pipeline_id(name: str | os.PathLike[str] | None = None) -> str:
    """A short name and version of a pipeline, for cache keys: read from its meta.json, not loaded."""
    import json

    where = _resolve(name)
    if isinstance(where, Path):
        meta_path = where / "meta.json"
    else:
        try:
            import spacy.util

            meta_path = Path(spacy.util.get_package_path(where)) / "meta.json"
        except Exception as err:
            raise NLPError(f"{where}: no such spaCy pipeline installed ({_first_line(err)})") from err
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise NLPError(f"{meta_path}: cannot read the pipeline's meta.json ({_first_line(err)})") from err
    # The layout rules' version: they set the paragraphs and sentences any pipeline parses; the
    # pronoun rules' version: their links are part of every parse.
    key = (f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
           f"+layout{LAYOUT_VERSION}+coref{COREF_VERSION}")
    if "name_typer" in meta.get("components", ()):
        # The typer's code (candidates, features) changes what its weights say: a new version of
        # it re-extracts cached documents even where the pipeline's files stay the same.
        key += f"+names{TYPER_VERSION}"
    return key


# ---------------------------------------------------------------------------------------------
# Parsing


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the paragraphs the pipeline parses one at a time; overlong ones are cut."""
    for start, end in paragraphs(text):
        while end - start > MAX_PARAGRAPH:
            cut = _cut_point(text, start, start + MAX_PARAGRAPH)
            yield start, cut
            start = cut
        start, end = strip_span(text, start, end)
        if start < end:
            yield start, end


def _cut_point(text: str, start: int, limit: int) -> int:
    """A place at or before ``limit`` to cut a too-long paragraph: after a sentence end, else a space."""
    window = text[start:limit]
    for pattern in (r"[.!?][\"”’')\]]*\s", r"\s"):
        ends = [m.end() for m in re.finditer(pattern, window)]
        if ends and ends[-1] > len(window) // 2:
            return start + ends[-1]
    return limit


def _with_sentences(model: Any, text: str, start: int, end: int) -> Any:
    """The tokenized paragraph text[start:end], its sentence boundaries set for the parser to keep."""
    import numpy
    from spacy.attrs import IDX, IS_SPACE, SENT_START

    doc = model.make_doc(_clean(text[start:end]))
    if not len(doc):
        return doc
    starts = {s - start for s in sentence_starts(text, start, end)}
    # What setting each token's is_sent_start to True or False stores (1 or -1), set at once:
    # the setter checks the whole Doc for a parse at each call.
    marks = [1 if idx in starts and not space else -1 for idx, space in doc.to_array([IDX, IS_SPACE]).tolist()]
    marks[0] = 1
    return doc.from_array([SENT_START], numpy.array(marks, dtype="int64").astype("uint64"))


def _clean(piece: str) -> str:
    """The piece as the parser sees it: line breaks and tabs read as spaces (same length)."""
    return piece.replace("\n", " ").replace("\t", " ").replace("\r", " ").replace("\x0b", " ").replace("\x0c", " ")


def parse_many(texts: Sequence[str], *, nlp: str | os.PathLike[str] | None = None) -> list[Parse]:
    """Parse several texts at once (batched through the pipeline)."""
    return list(_parse_iter(texts, load(nlp)))


def parse(text: str, *, nlp: str | os.PathLike[str] | None = None) -> Parse:
    """The parse of one document's text."""
    return parse_many([text], nlp=nlp)[0]


def _parse_iter(texts: Sequence[str], model: Any) -> Iterator[Parse]:
    """Parses of the texts in order; all their paragraphs stream through one ``pipe`` call."""
    name = f"{model.meta.get('lang', 'xx')}_{model.meta.get('name', 'pipeline')}-{model.meta.get('version', '0')}"
    pieces = [(n, start, end) for n, text in enumerate(texts) for start, end in _pieces(text)]
    typer = model.get_pipe("name_typer") if "name_typer" in model.pipe_names else None
    # The names are typed here, not in the pipe: once per document, with all its paragraphs in view
    # (they share their names), or paragraph by paragraph for a document too long for that.
    skip = ["name_typer"] if typer is not None else []
    docs = (doc for batch in _batches(pieces) for doc in model.pipe(
        (_with_sentences(model, texts[n], s, e) for n, s, e in batch), batch_size=len(batch), disable=skip))
    at = 0
    for n, text in enumerate(texts):
        builder = _Builder(text)
        joint = typer is not None and len(text) <= JOINT_TYPING_LIMIT
        parts = []
        while at < len(pieces) and pieces[at][0] == n:
            if joint:
                parts.append((next(docs), pieces[at][1]))
            else:
                builder.add(typer(next(docs)) if typer is not None else next(docs), pieces[at][1])
            at += 1
        if parts and typer is not None:
            typer.type_docs([doc for doc, _ in parts])
        for doc, offset in parts:
            builder.add(doc, offset)
        yield builder.finish(name)


def _batches(pieces: list[tuple[int, int, int]]) -> Iterator[list[tuple[int, int, int]]]:
    """The pieces in the batches the pipeline runs at once: up to :data:`BATCH_CHARACTERS` of text
    (or :data:`BATCH_PIECES` pieces), whatever the documents, so that the network's working
    memory stays the same for a long document as for a short one."""
    batch: list[tuple[int, int, int]] = []
    size = 0
    for piece in pieces:
        length = piece[2] - piece[1]
        if batch and (size + length > BATCH_CHARACTERS or len(batch) == BATCH_PIECES):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += length
    if batch:
        yield batch


def _parse_from_docs(doc: Any) -> Parse:
    """The parse of one spaCy ``Doc`` already run through a pipeline (e.g. on gold tokens)."""
    builder = _Builder(doc.text)
    builder.add(doc, 0)
    return builder.finish("")


class _StringIds(dict[int, int]):
    """spaCy's string ids -> a token table's ids, each found when first asked for (so that a map
    over a column of ids runs in C once they are known); ``strings`` is the pipeline's store."""

    __slots__ = ("strings", "table")

    def __init__(self, table: TokenTable) -> None:
        super().__init__()
        self.table = table
        self.strings: Any = None

    def __missing__(self, key: int) -> int:
        found = self[key] = self.table._id(self.strings[key])
        return found


class _MorphIds(dict[int, int]):
    """spaCy's morphology ids -> a token table's ids of the features' strings ("" for none)."""

    __slots__ = ("morphology", "table")

    def __init__(self, table: TokenTable) -> None:
        super().__init__()
        self.table = table
        self.morphology: Any = None

    def __missing__(self, key: int) -> int:
        value = self.morphology.get(key)  # what str(token.morph) says, without making the token
        found = self[key] = self.table._id("" if value == self.morphology.EMPTY_MORPH else value)
        return found


class _Builder:
    """Collects the parsed pieces of one text, one spaCy ``Doc`` at a time, into a :class:`Parse`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = TokenTable(text)
        self.sentences: list[Sentence] = []
        self.entities: list[ParsedEntity] = []
        # spaCy's string ids (of lemmas, tags, dependencies...) and morphology ids -> the table's ids.
        self._ids = _StringIds(self.tokens)
        self._morph_ids = _MorphIds(self.tokens)

    def add(self, doc: Any, offset: int) -> None:
        """Add a parsed piece of the text that starts at ``offset``; whitespace tokens are dropped.

        The tokens are read off ``doc.to_array`` columns and their strings' ids looked up a column
        at a time (C-level maps over dictionaries that fill themselves): a spaCy ``Token`` object
        made for each, or a Python function called for each, would cost more than all the rest of
        the work here.
        """
        import numpy
        from spacy.attrs import (
            DEP,
            ENT_IOB,
            HEAD,
            IDX,
            IS_PUNCT,
            IS_SPACE,
            LEMMA,
            LENGTH,
            MORPH,
            ORTH,
            POS,
            SENT_START,
            TAG,
        )

        tokens = self.tokens
        base = len(tokens)
        count = len(doc)
        if not count:
            return
        columns = doc.to_array([IDX, LENGTH, IS_SPACE, IS_PUNCT, HEAD, LEMMA, POS, TAG, DEP, MORPH, ORTH, SENT_START,
                                ENT_IOB])
        columns[:, 4] += numpy.arange(count, dtype=columns.dtype)  # HEAD is stored relative, wrapped to unsigned
        cuts = (numpy.flatnonzero(columns[1:, 11] == 1) + 1).tolist()  # where sentences start, after the first
        idxs, lengths, spaces, puncts, heads, lemmas, poss, tags, deps, morphs, orths, _starts, iobs = (
            column.tolist() for column in columns.T)
        strings = doc.vocab.strings
        string_id = tokens._id
        ids, morph_ids = self._ids, self._morph_ids
        ids.strings, morph_ids.morphology = strings, doc.vocab.morphology
        empty, punct, dep_id, root = string_id(""), string_id("punct"), string_id("dep"), string_id("ROOT")
        lemma_ids = list(map(ids.__getitem__, lemmas))
        if empty in lemma_ids:  # no lemma: the form
            lemma_ids = [string_id(strings[orth]) if found == empty else found
                         for found, orth in zip(lemma_ids, orths, strict=True)]
        pos_ids, tag_ids, dep_ids = list(map(ids.__getitem__, poss)), list(map(ids.__getitem__, tags)), list(
            map(ids.__getitem__, deps))
        dep_out = [dep_id if dep == empty else dep for dep in dep_ids] if empty in dep_ids else dep_ids[:]
        morph_out = list(map(morph_ids.__getitem__, morphs))
        gaps = any(spaces)
        if gaps:
            index: list[int] = []  # spaCy token index -> ours (-1 for whitespace tokens, dropped)
            kept_count = 0
            for space in spaces:
                if space:
                    index.append(-1)
                else:
                    index.append(base + kept_count)
                    kept_count += 1
            head_out = []
            for i, head in enumerate(heads):
                while spaces[head] and heads[head] != head:
                    head = heads[head]
                head_out.append(index[head] if index[head] >= 0 else index[i])
        else:
            index = list(range(base, base + count))
            head_out = [base + head for head in heads]
        sent_out: list[int] = []
        has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        first_sentence = len(self.sentences)
        bounds = [0, *cuts, count] if has_sents else [0, count]
        for sent_start, sent_end in pairwise(bounds):
            kept = [i for i in range(sent_start, sent_end) if not spaces[i]] if gaps else range(sent_start, sent_end)
            if not kept:
                continue
            first, last = kept[0], kept[-1]
            if len(self.sentences) > first_sentence and all(puncts[i] for i in kept):
                # A closing quotation mark or bracket left alone ends the sentence before it.
                before = self.sentences[-1]
                self.sentences[-1] = Sentence(before.start, offset + idxs[last] + lengths[last], before.first,
                                              index[last] + 1)
                for i in kept:
                    head = heads[i]
                    dep = dep_ids[i]
                    if dep == root:
                        dep_out[i], head_out[i] = punct, before.last - 1
                    else:
                        head_out[i] = index[i] if spaces[head] or index[head] < 0 else index[head]
                sent_out.extend([len(self.sentences) - 1] * (len(kept) if gaps else sent_end - sent_start))
                continue
            sent_out.extend([len(self.sentences)] * (len(kept) if gaps else sent_end - sent_start))
            self.sentences.append(
                Sentence(offset + idxs[first], offset + idxs[last] + lengths[last], index[first], index[last] + 1)
            )
        starts = [offset + idx for idx in idxs]
        ends = [start + length for start, length in zip(starts, lengths, strict=True)]
        fields: tuple[list[int], ...] = (starts, ends, lemma_ids, pos_ids, tag_ids, dep_out, head_out, morph_out)
        if gaps:
            keep = [not space for space in spaces]
            fields = tuple(list(compress(values, keep)) for values in fields)
        tokens.extend_ids(*fields, sent_out)
        for ent in doc.ents:
            kept = [i for i in range(ent.start, ent.end) if not spaces[i]]
            if not kept:
                continue
            first, last = kept[0], kept[-1]
            label = ent.label_
            # A company's legal form right after the name belongs to it: "Brightwell Inc."
            after = last + 1
            if (after < count and strings[orths[after]].rstrip(".").casefold() in _LEGAL_FORMS
                    and iobs[after] not in (1, 3)):  # not inside a name (ent_iob_ "I" or "B")
                last = after
            words = {strings[orths[i]].rstrip(".").casefold() for i in range(first, last + 1)}
            if label != "ORG" and words & (_LEGAL_FORMS | _ORGANIZATION_NOUNS):
                label = "ORG"  # "Acme Corp", "Harbor Bank": the name says what it is
            self.entities.append(
                ParsedEntity(offset + idxs[first], offset + idxs[last] + lengths[last], index[first],
                             index[last] + 1, label)
            )

    def finish(self, pipeline: str) -> Parse:
        """The parse, with its pronoun links and notes."""
        from .coref import link_mentions

        # Up to the number of tokens a table keeps made, they are all made at once, as a list: the
        # extractors read every token several times, and a list is indexed and walked in C.
        tokens = self.tokens.made() if len(self.tokens) <= _MADE_TOKENS else self.tokens
        result = Parse(
            text=self.text,
            tokens=tokens,
            sentences=tuple(self.sentences),
            entities=tuple(self.entities),
            pipeline=pipeline,
            notes=_notes(self.text, self.tokens),
        )
        links = link_mentions(result)
        return dataclasses.replace(result, links=links) if links else result


def _notes(text: str, tokens: Sequence[Token]) -> tuple[str, ...]:
    """One-line notes when the text does not look like English prose the pipeline can read.

    Judged on the first 20,000 tokens: enough to tell, and bounded for a huge document.
    """
    words = [(text[start:end], pos) for start, end, pos in _sample(tokens, 20_000)
             if pos not in ("PUNCT", "SYM", "X", "SPACE")]
    if not words:
        return ("no words to read (only numbers, symbols or nothing)",) if text.strip() else ()
    numbers = sum(1 for word, pos in words if pos == "NUM" or word.replace(".", "").replace(",", "").isdigit())
    if numbers / len(words) > 0.6:
        return (f"mostly numbers ({numbers} of {len(words)} words): little for the extractors to read",)
    sample = text[:20_000]
    if not sample.isascii():  # else every letter is a Latin one
        # The letters counted without a Python step per character: the ASCII ones (A-Z, a-z) by
        # deleting every other byte, the others among the few characters outside ASCII.
        latin = len(sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
        letters = latin + sum(1 for run in _OUTSIDE_ASCII.findall(sample) for c in run if c.isalpha())
        if letters and latin / letters < 0.5:
            return ("mostly non-Latin script: the English pipeline may read little of it",)
    common = sum(1 for word, _ in words[:2000] if word.casefold() in _ENGLISH_FUNCTION_WORDS)
    if len(words) >= 30 and common / min(len(words), 2000) < 0.08:
        return ("does not look like English: the English pipeline may read it poorly",)
    return ()


def _sample(tokens: Sequence[Token], count: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, part of speech) of the first ``count`` tokens, read off the columns where stored so."""
    if isinstance(tokens, TokenTable):
        return tokens.offsets_and_pos(count)
    return ((t.start, t.end, t.pos) for t in tokens[:count])


#: Every byte but those of the ASCII letters (which are the ASCII characters ``str.isalpha`` takes).
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_OUTSIDE_ASCII = re.compile(r"[^\x00-\x7f]+")

#: Legal forms of companies, and nouns that make a name an organization's ("Harbor Bank").
_LEGAL_FORMS = frozenset(["inc", "corp", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "lp", "llp"])
_ORGANIZATION_NOUNS = frozenset(
    ["corporation", "company", "labs", "laboratories", "bank", "group", "association", "agency", "department", "ministry", "university", "college", "institute", "foundation", "council", "committee", "commission", "party", "union", "federation", "society", "bureau", "police", "army", "navy", "airlines"]
)

# A handful of English function words: a text with almost none of them is not English prose.
_ENGLISH_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "of", "to", "in", "and", "or", "is", "are", "was", "were", "be", "been", "it", "that", "this", "for", "on", "with", "as", "by", "at", "from", "he", "she", "they", "we", "you", "i", "his", "her", "their", "not", "but", "have", "has", "had", "will", "would", "said"]
)
