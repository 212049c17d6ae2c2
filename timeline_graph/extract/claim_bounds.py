"""Where a verb cue's content ends, read off how its verbs are told.

A content clause is read off the parse's subtree and may run on to the sentence's end (see
:func:`~.claim_verbs.content_tail`); a verb joined to the cue may be the speaker's next act or,
where the parse hung it wrongly, go on with what was said.
"""

from __future__ import annotations

from ..nlp import Parse, Token
from .claim_nouns import names_a_saying


def finite_word(parse: Parse, verb: Token) -> Token:
    """The word of a verb group that carries its tense: its first auxiliary ("would" of "would back",
    "has" of "has said"), else the verb itself."""
    return next((k for k in parse.children(verb) if k.dep in ("aux", "aux:pass") and k.i < verb.i), verb)


def told_otherwise(parse: Parse, conjunct: Token, verb: Token) -> bool:
    """Whether a verb joined to a cue verb is told with a modal the cue does not have: "said she was a
    loyal voter and would back the mayor" (parsed with "would back" joined to "said") goes on with what
    she said; "said A and backed B" is the speaker's next act."""
    own, cue = finite_word(parse, conjunct), finite_word(parse, verb)
    return own.tag == "MD" and cue.tag != "MD"


def second_subject(parse: Parse, clause: Token, kids: list[Token]) -> bool:
    """Whether a clause the parse made the verb's subject stands beside a subject the verb has already:
    "Speaking on “Face the Nation,” Lowe admitted that ...", with "Speaking" as a clausal subject and
    "Lowe" as the subject. A verb has one subject; the clause set off before it is the scene of the saying."""
    return clause.dep == "csubj" and any(k.dep == "nsubj" and clause.i < k.i for k in kids)


def setting_read_as_clause(parse: Parse, verb: Token, clause: Token) -> bool:
    """Whether a verb set after what it says has, as its clause, only when and where it was said:
    "..., Lowe said Sunday on Channel 4’s “Morning Tide.”", parsed with the show's name heading a
    clause. A clause has a verb; words with none, opened by a time or a preposition, are the setting."""
    if verb.dep != "parataxis" or verb.head > verb.i or clause.i < verb.i:
        return False
    first, last = parse.subtree(clause)
    words = [t for t in parse.tokens[first:last] if t.pos != "PUNCT"]
    return bool(words) and words[0].text.casefold() != "that" and not any(t.pos in ("VERB", "AUX") for t in words) and any(
        t.dep == "case" and t.pos == "ADP" for t in words)


def infinitive_completing(parse: Parse, verb: Token, content: set[int]) -> set[int]:
    """ "pressed the United States to carry out airstrikes", "proposed a sales tax to go with lower rates",
    "found little evidence that the wage costs jobs": an infinitive, or a clause opened by "that", right
    after a content that follows its cue, hung by the parse on the cue or on the content's words,
    completes what was said (whom one presses and to do what, what a plan is for, what evidence shows)."""
    if not content or min(content) < verb.i:
        return set()
    last = max(content)
    if last + 2 >= parse.sentences[verb.sent].last:
        return set()
    opener = parse.tokens[last + 1]
    if opener.text.casefold() == "to" and parse.tokens[last + 2].pos not in ("VERB", "AUX"):
        return set()
    if opener.text.casefold() not in ("to", "that"):
        return set()
    # the phrase the opener begins: its highest word whose words start with the opener
    head = opener
    while head.head != head.i and parse.tokens[head.head].i > opener.i and parse.subtree(parse.tokens[head.head])[0] == opener.i:
        head = parse.tokens[head.head]
    if head is opener or head.pos not in ("VERB", "AUX", "ADJ", "NOUN") or (head.head not in content and head.head != verb.i):
        return set()
    if opener.text.casefold() == "that" and (head.head != verb.i or names_a_saying(parse.tokens[last])):
        return set()  # "expressed concern that ...": the clause is the noun's claim
    return set(range(*parse.subtree(head)))
