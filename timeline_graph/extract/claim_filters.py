"""Cue words in a sense that attributes nothing: what the PolNeAR guidelines leave out of
attribution, actions done by the source and descriptions of things, read off a claim's cue and content.

- "add" with a noun phrase for its object and no quotation ("added a clause to the bill",
  "the firm added 300 jobs") is an act of adding, not of saying; "added that ..." and
  '"...," she added' stay claims.
- "mean" of a consequence ("the closure means longer commutes", "..., meaning drivers must
  wait") says what a fact entails, no one's words or thought; "meant to ..." (an intention)
  stays a claim.

>>> from timeline_graph import nlp
>>> from timeline_graph.model import Document
>>> from timeline_graph.extract.claims import find_claims
>>> text = "The council added a new clause to the harbour bill."
>>> [c.verb for c in find_claims(Document.create(sha256="f" * 64, text=text, source="x"), ())]
[]
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim
from ..nlp import Parse, Token

__all__ = ["attributes_nothing"]


def attributes_nothing(parse: Parse, claim: Claim) -> bool:
    """Whether the claim's cue is a word of adding or of entailing in a sense that attributes nothing."""
    if claim.cue is None or claim.quote:
        return False
    cue = [t for t in parse.tokens_in(claim.cue.start, claim.cue.end) if t.pos in ("VERB", "NOUN")]
    content = [t for part in claim.content for t in parse.tokens_in(part.start, part.end) if t.pos not in ("PUNCT", "SPACE")]
    if len(cue) != 1 or not content:
        return False
    lemma = cue[0].lemma.casefold()
    if lemma == "add":
        return _noun_phrase(content)
    if lemma == "mean":
        return content[0].text.casefold() != "to"
    return False


def _noun_phrase(content: Sequence[Token]) -> bool:
    """Whether the words are a noun phrase (and its prepositional phrases): no verb, no clause."""
    return not any(t.pos in ("VERB", "AUX") or t.dep in ("mark", "nsubj", "nsubj:pass") for t in content)
