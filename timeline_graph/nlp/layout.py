"""The layout of a plain text: lines and paragraphs, as (start, end) offsets into it.

Paragraphs are what the pipeline parses one at a time (a headline, a byline and the first
paragraph never run together into one sentence); hard-wrapped lines of Markdown and plain-text
files are joined back into their paragraph.

>>> text = "Headline\\n\\nA long line that the writer wrapped at a fixed width for\\nemail. Next.\\nBy Ann"
>>> [text[s:e] for s, e in paragraphs(text)]
['Headline', 'A long line that the writer wrapped at a fixed width for\\nemail. Next.', 'By Ann']
>>> text = '"It went well. Mostly," Dr. Lee said on Aug. 3. Then the U.S. team left.'
>>> starts = sentence_starts(text, 0, len(text))
>>> [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)])]
['"It went well. Mostly," Dr. Lee said on Aug. 3.', 'Then the U.S. team left.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["LAYOUT_VERSION", "MAX_SENTENCE", "lines", "paragraphs", "sentence_starts", "strip_span"]

#: The version of these rules, part of the cache key of every pipeline (see
#: :func:`timeline_graph.nlp.pipeline_id`): raise it when paragraphs or sentences come out
#: otherwise, so that documents split by older rules are read again.
LAYOUT_VERSION = 3

_LINE = re.compile(r"[^\n]+")
# Double quotation marks. Typewriter text writes them as two apostrophes, or as two backquotes to
# open (``so''); a straight mark or two apostrophes open or close as the letters around them show.
_QUOTE_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPENING = frozenset(["“", "„", "«", "``"])
_CLOSING = frozenset(["”", "»"])
# Before an opening mark: the paragraph's start, a space, a bracket, a dash, a colon or a slash.
_BEFORE_OPENING = frozenset(" \t\n([{—–-:/")
# After a closing mark: the paragraph's end, a space, punctuation, or another quotation mark.
_AFTER_CLOSING = frozenset(" \t\n.,;:!?)]}—–-'’\"”…")
# Words whose period never ends a sentence before a capital or a digit: titles and other words a
# name or a number always follows ("Dr. Lee", "Sens. Ortiz and Wu", "Brown v. Board").
_TITLES = frozenset(
    """
    mr mrs ms messrs mmes dr drs prof rev fr hon gen col lt maj sgt capt cpl pvt adm cmdr gov govs
    sen sens rep reps atty supt insp det ofc pres vs v e.g i.e cf viz
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Abbreviations that stand before a number ("No. 2", "c. 1850", "ext. 3"); before a word their period
# is a full stop ("he said no. Then ...").
_BEFORE_NUMBERS = frozenset("no nos nr art fig figs vol vols p pp ch ext c ca approx".split())  # noqa: SIM905
# Abbreviations that end a sentence as often as not ("in the U.S.", "at 8 p.m.", "Acme Inc.", "Fresno,
# Calif."): the sentence ends there when a word that opens sentences follows ("The", "He", "But"),
# not before a name (or a nickname: 'Gov. C.L. "Butch" Otter') ("U.S. Senate", "St. Louis", "Fla. Gov.", "N.J. (AP)") or a number.
# Dotted acronyms ("U.S.", "a.m.", "H.W.") count among them.
_MAY_END = frozenset(
    """
    inc corp co ltd llc plc bros jr sr st mt ft etc al dept univ est ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn fla ill kan kans ky md mich minn mont neb nev okla tenn tex va vt wis wyo
    """.split()  # noqa: SIM905
)
# State abbreviations that are also words ("Mass.", "Wash."): abbreviations only after a comma, a
# bracket or a hyphen ("Boston, Mass.", "(D-Wash.)").
_MAY_END_AFTER_COMMA = frozenset("mass miss wash del ind la mo pa ore ga cal".split())  # noqa: SIM905
# Words that open sentences and seldom stand inside a name: after an abbreviation of the kind above,
# one of them starts a new sentence.
_OPENERS = frozenset(
    """
    The A An This That These Those There Here It Its He She They We I You His Her Their Our My Your
    Some Many Most Much Any All Both Each Every Few Several Such Another Other Others None Nothing
    Everyone Everything Nobody Someone Something But And Or So Yet If When While Although Though
    Because Since As After Before Until Once Where Why How What Which Who Whether However Also Still
    Even Then Now Instead Meanwhile Moreover Furthermore Indeed Perhaps Maybe In On At For From With
    By Of To During Despite According Over Among Without Yes Not Never Only Just Please Thanks Thank
    Together Today Yesterday Tonight Later Earlier Is Are Was Were Do Does Did Can Could Would Should
    """.split()  # noqa: SIM905
)
# After a single initial ("Donald J. Trump"), fewer: a surname may be "He", "So" or "Still".
_OPENERS_AFTER_INITIAL = frozenset(
    """
    The This These Those There It Its She They We His Her Their Our But And If When While Although
    Because In On At For After However Meanwhile
    """.split()  # noqa: SIM905
)
# A sentence may end at . ! ? (with closing quotes/brackets and reference marks such as "[4]"),
# then space, then a likely opener.
_END = re.compile(
    r"(?P<marks>[.!?…]+)(?P<close>[\"”’')\]]*)(?P<refs>(?:\s?\[\d{1,3}\])*)(?=\s+(?:''|``|[\"“‘'(\[])?[^\W_])"
)
# A name (capitalized words, titles and initials) and a verb of saying: the speaker of the
# quotation before it.
_SPEAKER_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\.?\s+){1,5}(?:said|says|asked|asks|added|adds|wrote|writes|told|tells|replied|"
    r"continued|recalled|shouted|exclaimed|tweeted|wondered|demanded|insisted)\b"
)
_REF = re.compile(r"(?:\[\d{1,3}\]\s?)+$")
_OPENER = re.compile(r"\s+((?:''|``|[\"“‘'(\[])?)(\w)(\w*)(\.?)")
_LIST_MARK = re.compile(r"[(\[]?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4})[.)]")
_DOTTED = re.compile(r"[A-Za-z]{1,3}(?:\.[A-Za-z]{1,3})+")
_MAX_OPEN_QUOTE = 1500  # an unbalanced quote mark stops protecting text from splitting here
_ENDS_CLAUSE = re.compile(r"[.!?:;\"”’')\]]$")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs via".split())  # noqa: SIM905
_LIST_ITEM = re.compile(r"[-*•]\s|\d+[.)]\s|#")


def lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, without surrounding whitespace."""
    for match in _LINE.finditer(text):
        start, end = strip_span(text, match.start(), match.end())
        if start < end:
            yield start, end


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) so the span neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: lines, with hard-wrapped lines joined.

    A single line break joins two lines when the first is a long line (40 characters or more)
    that does not end a sentence, or the second goes on in lower case: the wrapping of
    Markdown and plain-text files. A headline (a line of capitalized words) is not joined to the
    line below it. A blank line always ends a paragraph.
    """
    found: list[tuple[int, int]] = []
    last_line = ""
    for start, end in lines(text):
        line = text[start:end]
        if found:
            p_start, p_end = found[-1]
            gap = text[p_end:start]
            if gap.count("\n") == 1 and (
                (len(last_line) >= 40 and not _ENDS_CLAUSE.search(last_line) and not _ends_headline(last_line))
                or line[0].islower()
            ) and not _LIST_ITEM.match(line[:3]):
                found[-1] = (p_start, end)
                last_line = line
                continue
        found.append((start, end))
        last_line = line
    return found


def _is_headline(line: str) -> bool:
    """Whether a line reads as a headline: three words or more, all but small ones capitalized."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.casefold() not in _SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _ends_headline(line: str) -> bool:
    """Whether a line is a whole headline: one that neither breaks off at a comma or a dash nor ends on a small word."""
    last = line.rsplit(None, 1)[-1]
    return _is_headline(line) and not line.endswith((",", "-", "–", "—")) and last.casefold() not in _SMALL_WORDS


def _period_ends(text: str, dot: int, after: re.Match[str], headline: bool) -> bool:
    """Whether the period at ``dot``, with ``after`` the next word, is a full stop (not an abbreviation's)."""
    begin = dot
    while begin > 0 and dot - begin < 20 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].strip(".").casefold()
    if not word:
        return True
    number = after.group(2).isdigit()
    initial = len(word) == 1 and text[dot - 1].isupper()
    if word in _TITLES:
        return False
    if word in _BEFORE_NUMBERS and not initial:  # "c. 1850", but "Roger C. Altman"
        return not number
    may_end = (
        word in _MAY_END
        or (word in _MAY_END_AFTER_COMMA and (text[begin - 1 : begin] in ("(", "-") or text[begin - 2 : begin] == ", "))
        or _DOTTED.fullmatch(word) is not None
    )
    if not (initial or may_end):
        return True
    if number:
        return False
    opener = after.group(2) + after.group(3)
    if after.group(4):  # "A." or "I." after it: another initial or abbreviation
        return False
    if headline:  # "... Enter U.S. As Refugees": every word of a headline is capitalized
        return False
    if initial:
        return opener in _OPENERS_AFTER_INITIAL
    return opener in _OPENERS


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Where sentences begin inside one paragraph text[start:end] (the first is ``start``).

    A sentence ends at an end mark followed by a capital or a digit, except after a title or an
    initial ("Dr.", "Sen.", "J."), a number's abbreviation before a number ("No. 2", "Jan. 5"), an
    abbreviation that may end a sentence ("U.S.", "p.m.", "Inc.") unless a word that opens
    sentences follows (outside headlines), a list number ("2."), and inside an open quotation that
    closes later in the paragraph (a quote and its attribution stay together; a quotation left
    open at the paragraph's end runs on into the next and holds nothing together). Quotation
    marks may be curly, straight, or typed as two apostrophes or backquotes (''so'', ``so''); a
    sentence may open with one. A quoted question or exclamation goes on when a name and a verb of
    saying follow ('“Why now?” Mayor Ruiz asked.'). Reference
    marks ("[4]") stay with the sentence before them. The parser is held to these boundaries;
    each sentence is one tree.
    """
    found = [start]
    quoted = _quotations(text, start, end)
    for match in _END.finditer(text, start, end):
        stop = match.end()
        after = _OPENER.match(text, stop, min(end, stop + 40))
        if after is None or not (after.group(2).isupper() or after.group(2).isdigit()):
            continue  # a sentence opens with a capital (of any script) or a digit
        if _REF.match(text, after.start(1), end):
            continue  # a reference mark closing the paragraph ("... in 1805. [19]")
        dot = match.start()
        if (
            match.group("marks") == "."
            and not _period_ends(text, dot, after, _is_headline(text[found[-1] : dot]))
        ):
            continue
        if _LIST_MARK.fullmatch(text, found[-1], match.end("close")):
            continue  # "2." or "b)" opening a list item
        if any(a < stop <= b and stop - a < _MAX_OPEN_QUOTE for a, b in quoted):
            continue  # inside a quotation that closes later in the paragraph
        if (match.group("marks")[-1] in "?!" and _QUOTE_MARK.search(match.group("close"))
                and after.group(2) + after.group(3) not in _OPENERS and _SPEAKER_AFTER.match(text, stop, end)):
            continue  # '“Why now?” Mayor Ruiz asked.': a question or an exclamation quoted, then who said it
        following, _ = strip_span(text, stop, end)
        if following < end:
            found.append(following)
    return _cut_long(text, found, end)


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets of the double quotations of text[start:end] that close.

    A mark opens after a space, a bracket, a dash or a colon before a letter ('said: "We'), and
    closes after a letter before a space or punctuation ('won," he'), whatever its shape (a
    misprinted 'won,“ he' still closes); where the letters around it do not tell, a curly mark or a
    backquote says which it is, and a straight mark or two apostrophes alternate with the marks
    before them. A closing mark closes the innermost open quotation; a straight mark or two
    apostrophes opening while a quotation so opened is still open start a new one (the one before
    was left open: it closes nowhere).
    """
    found: list[tuple[int, int]] = []
    opened: list[tuple[bool, int]] = []  # (opened by a straight mark or two apostrophes, where)
    for match in _QUOTE_MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        before = text[at - 1] if at > start else " "
        after = text[match.end()] if match.end() < end else " "
        opens = before in _BEFORE_OPENING or before in _OPENING
        closes = after in _AFTER_CLOSING
        if opens != closes:
            opening = opens
        elif mark in _OPENING or mark in _CLOSING:
            opening = mark in _OPENING
        else:
            opening = not opened
        straight = mark not in _OPENING and mark not in _CLOSING
        if not opening:
            if opened:
                found.append((opened.pop()[1], at))
        elif opened and opened[-1][0] and straight:
            opened[-1] = (True, at)
        else:
            opened.append((straight, at))
    return found


#: The most characters a sentence may have: a longer run with no sentence end (a table or a list
#: flattened into one line) is cut at spaces, so that no reader takes a whole file as a sentence.
MAX_SENTENCE = 3000


def _cut_long(text: str, starts: list[int], end: int) -> list[int]:
    out: list[int] = []
    for start, stop in zip(starts, [*starts[1:], end], strict=True):
        out.append(start)
        while stop - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = cut + 1 if cut > start else start + MAX_SENTENCE
            start, _ = strip_span(text, cut, stop)
            if start >= stop:
                break
            out.append(start)
    return out
