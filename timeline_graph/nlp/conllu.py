"""Universal Dependencies CoNLL-U files -> spaCy ``Doc`` objects, for training and scoring.

Reads the words (multi-word tokens split into their syntactic words, spacing from
``SpaceAfter=No``), UPOS, XPOS, features, lemmas and basic dependencies, and GUM's entity layer
(``Entity=`` in MISC): named mentions of people, organizations and places become ``doc.ents``,
and every mention with its coreference id is kept in ``doc.user_data["mentions"]`` for the
coreference benchmark.

A CoNLL-U document (``# newdoc``) becomes one ``Doc``; files without document markers are cut
every ``max_sentences`` sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["ENTITY_LABELS", "Mention", "Sentence", "read_conllu", "to_docs"]

#: GUM entity types kept as named entities, and the label each becomes.
ENTITY_LABELS = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}


@dataclass
class Mention:
    """One GUM entity mention: word range [start, end) in its document, type and coref id."""

    start: int
    end: int
    etype: str
    cluster: str


@dataclass
class Sentence:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based within the sentence, self for root
    deps: list[str] = field(default_factory=list)
    misc: list[str] = field(default_factory=list)
    doc_id: str | None = None


def _sentences(path: Path) -> Iterator[Sentence]:
    sent = Sentence()
    mwt_end = -1
    mwt_space = True
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line:
                if sent.words:
                    yield sent
                sent = Sentence()
                mwt_end = -1
                continue
            if line.startswith("#"):
                match = re.match(r"#\s*newdoc id\s*=\s*(\S+)", line)
                if match:
                    sent.doc_id = match.group(1)
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}: malformed CoNLL-U line: {line[:80]!r}")
            ident = cols[0]
            if "." in ident:  # an empty node of the enhanced graph
                continue
            if "-" in ident:
                _first, last = ident.split("-")
                mwt_end = int(last)
                mwt_space = "SpaceAfter=No" not in cols[9]
                continue
            index = int(ident)
            sent.words.append(cols[1])
            if index < mwt_end:
                sent.spaces.append(False)
            elif index == mwt_end:
                sent.spaces.append(mwt_space)
            else:
                sent.spaces.append("SpaceAfter=No" not in cols[9])
            sent.lemmas.append(cols[2] if cols[2] != "_" or cols[1] == "_" else cols[1])
            sent.pos.append(cols[3])
            sent.tags.append(cols[4])
            sent.morphs.append("" if cols[5] == "_" else cols[5])
            head = int(cols[6])
            sent.heads.append(index - 1 if head == 0 else head - 1)
            sent.deps.append("ROOT" if cols[7] == "root" else cols[7])
            sent.misc.append(cols[9])
    if sent.words:
        yield sent


def read_conllu(path: str | Path, *, max_sentences: int = 10) -> Iterator[list[Sentence]]:
    """Groups of sentences, one per CoNLL-U document (or per ``max_sentences`` without markers)."""
    group: list[Sentence] = []
    has_docs = False
    for sent in _sentences(Path(path)):
        if sent.doc_id is not None:
            has_docs = True
            if group:
                yield group
            group = []
        elif not has_docs and len(group) >= max_sentences:
            yield group
            group = []
        group.append(sent)
    if group:
        yield group


_OPEN = re.compile(r"\(([^()\s]+)")


def _mentions(sentences: list[Sentence]) -> list[Mention]:
    """GUM's entity mentions, as word ranges over the whole group of sentences."""
    found: list[Mention] = []
    stack: dict[str, list[tuple[int, str]]] = {}
    offset = 0
    for sent in sentences:
        for i, misc in enumerate(sent.misc):
            entity = next((part[7:] for part in misc.split("|") if part.startswith("Entity=")), "")
            if not entity:
                continue
            at = offset + i
            # Brackets in order: "(id-type-...", "id)", or "(id-type-...)" on one word.
            for token in re.findall(r"\([^()]+\)?|[^()]+\)", entity):
                if token.startswith("("):
                    body = token[1:].rstrip(")")
                    parts = body.split("-")
                    ident, etype = parts[0], parts[1] if len(parts) > 1 else ""
                    if token.endswith(")"):
                        found.append(Mention(at, at + 1, etype, ident))
                    else:
                        stack.setdefault(ident, []).append((at, etype))
                else:
                    ident = token[:-1]
                    if stack.get(ident):
                        start, etype = stack[ident].pop()
                        found.append(Mention(start, at + 1, etype, ident))
        offset += len(sent.words)
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def to_docs(vocab: Any, path: str | Path, *, with_entities: bool = True) -> Iterator[Any]:
    """spaCy ``Doc`` objects with the gold annotation of a CoNLL-U file."""
    from spacy.tokens import Doc, Span

    for group in read_conllu(path):
        words = [w for s in group for w in s.words]
        spaces = [sp for s in group for sp in s.spaces]
        heads: list[int] = []
        sent_starts: list[bool | int | None] = []
        offset = 0
        for s in group:
            heads.extend(offset + h for h in s.heads)
            sent_starts.extend([True] + [False] * (len(s.words) - 1))
            offset += len(s.words)
        doc = Doc(
            vocab,
            words=words,
            spaces=spaces,
            lemmas=[w for s in group for w in s.lemmas],
            pos=[w for s in group for w in s.pos],
            tags=[w for s in group for w in s.tags],
            morphs=[w for s in group for w in s.morphs],
            heads=heads,
            deps=[w for s in group for w in s.deps],
            sent_starts=sent_starts,
        )
        mentions = _mentions(group) if with_entities else []
        doc.user_data["mentions"] = [(m.start, m.end, m.etype, m.cluster) for m in mentions]
        if any("Entity=" in misc for s in group for misc in s.misc) and with_entities:
            spans = []
            taken: set[int] = set()
            for m in mentions:  # outermost first (sorted by start, longest first)
                label = ENTITY_LABELS.get(m.etype)
                if label is None or taken.intersection(range(m.start, m.end)):
                    continue
                name = name_span(doc, m.start, m.end)
                if name is None or taken.intersection(range(*name)):
                    continue
                spans.append(Span(doc, name[0], name[1], label=label))
                # Only the name is taken: a name nested elsewhere in the mention is a mention of
                # its own ("the United States" in "the Emperor of the United States").
                taken.update(range(*name))
            doc.set_ents(spans, default="outside")
        yield doc


def mention_head(doc: Any, start: int, end: int) -> int:
    """The index of a mention's syntactic head: its first word whose head lies outside it."""
    for token in doc[start:end]:
        if token.head.i < start or token.head.i >= end or token.head.i == token.i:
            return int(token.i)
    return start


def _name_word(token: Any) -> bool:
    if token.pos_ == "DET" or token.is_punct:
        return False
    return bool(token.pos_ == "PROPN" or (token.is_title or token.is_upper or token.like_num))


def name_span(doc: Any, start: int, end: int, *, role_heads: bool = False) -> tuple[int, int] | None:
    """The proper name inside a mention headed by a proper noun, as a word range; else None.

    The name is the run of capitalized words around the head ("Daniel Bernoulli", "Federal
    Reserve"), with "of", "and", "&", "de" inside it when a capitalized word follows
    ("University of Paris"); determiners, possessive endings, relative clauses and appositions
    of the mention are left out. With ``role_heads``, a mention headed by a common noun names
    someone when a proper noun hangs on that noun as its flat or appositive dependent ("actor
    Jason Beghe"); the typer's training names leave such mentions out (see MODEL_CARD.md).
    """
    head = mention_head(doc, start, end)
    if doc[head].pos_ != "PROPN":
        if not role_heads:
            return None
        # A role noun heading the name it introduces: "actor Jason Beghe", "the physician Yang
        # Buwei" (GUM makes the name a flat or appositive dependent of the noun)
        named = next((t.i for t in doc[head].children
                      if head < t.i < end and t.pos_ == "PROPN" and t.dep_ in ("flat", "appos")), None)
        if named is None:
            return None
        hi = named + 1
        while hi < end and doc[hi].pos_ == "PROPN" and _name_word(doc[hi]):
            hi += 1
        return named, hi
    lo = head
    while lo - 1 >= start and _name_word(doc[lo - 1]):
        lo -= 1
    hi = head + 1
    while hi < end:
        if _name_word(doc[hi]):
            hi += 1
        elif (
            doc[hi].lower_ in _JOINERS
            and hi + 1 < end
            and doc[hi + 1].pos_ == "PROPN"
            and _name_word(doc[hi + 1])
        ):
            hi += 2
        else:
            break
    return lo, hi


_JOINERS = frozenset({"of", "and", "&", "de", "du", "des", "la", "le", "van", "von", "al", "bin"})
