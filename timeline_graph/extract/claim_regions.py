"""Quotations running past their sentence: where each quotation's words are, and how far a quoted content runs.

A quotation mark opens a region that may span sentences, one region a paragraph (a quotation
running on into the next paragraph is a region in each); a claim whose content touches a region
takes all of it, and a cue-less quotation right after continues it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence

from ..nlp import Parse
from .claim_quotes import is_title, only_speaker
from .claim_words import CLOSE_QUOTES, OPEN_QUOTES, Found, content_tokens


@functools.lru_cache(maxsize=8)
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words inside each quotation, across sentences, one region a paragraph.

    A quotation that runs on into the next paragraph (the news convention: the paragraph ends
    without a closing mark and the next opens with a mark) is one region a paragraph, so that a
    paragraph with its own speaker ('“B,” she said.') is that speaker's; :func:`extend_quotes`
    continues a claim over the next paragraphs that have none. Straight quotes alternate open
    and close, and curly quotes inside straight ones are a quotation within the quotation.
    """
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    straight = False  # the open quotation began with a straight mark
    inner = 0  # curly quotations open inside it ('"It is not about “fair play” anymore."')
    for match in re.finditer(r"[\"“”«»]|''|\n\s*\n", text):
        char = match.group()
        if char.strip() == "":
            if opened is not None:
                regions.append((opened, match.start()))
                opened = None
            inner = 0
            continue
        if opened is not None and straight and char in ("“", "”") and (char == "“" or inner):
            inner += 1 if char == "“" else -1
            continue
        if opened is None and char in OPEN_QUOTES:
            opened, straight, inner = match.end(), char == '"', 0
        elif opened is not None and char in CLOSE_QUOTES:
            if match.start() > opened:
                regions.append((opened, match.start()))
            opened = None
        elif opened is not None and char == "“" and text[opened:match.start()].strip() == "":
            opened = match.end()
    return tuple(regions)


def inside_quotes(offset: int, regions: Sequence[tuple[int, int]]) -> bool:
    return region_at(offset, regions) is not None


def region_at(offset: int, regions: Sequence[tuple[int, int]]) -> int | None:
    """The index of the region (sorted, not overlapping) holding ``offset``, if any."""
    k = bisect.bisect_right(regions, (offset, 10**15)) - 1
    return k if k >= 0 and regions[k][0] <= offset < regions[k][1] else None


_ENDS: list[tuple[tuple[tuple[int, int], ...], list[int]]] = []


def region_ends(regions: tuple[tuple[int, int], ...]) -> list[int]:
    """The ends of the regions, kept for the last tuple asked about (found by identity: a
    cache keyed by the tuple's value hashed every region on each call, once per claim)."""
    if _ENDS and _ENDS[0][0] is regions:
        return _ENDS[0][1]
    ends = [e for _, e in regions]
    _ENDS[:] = [(regions, ends)]
    return ends


def overlapping_regions(regions: Sequence[tuple[int, int]], ends: list[int], a: int, b: int) -> Iterator[tuple[int, int]]:
    """The regions (sorted, not overlapping) that share a character with a:b."""
    for k in range(bisect.bisect_right(ends, a), len(regions)):
        if regions[k][0] >= b:
            break
        yield regions[k]


def extend_quotes(parse: Parse, found: list[Found]) -> None:
    """Quoted content runs to the quotation's end; a cue-less quotation right after continues it."""
    text = parse.text
    regions = quote_regions(text)
    if not regions:
        return
    # a cue inside a quotation is the speaker's own words and does not stop it continuing
    # (a participle after a comma, "..., referring to X", goes on with the same speaker's words)
    # (nor does a cue in a relative clause describing the speaker, its own words unquoted: '“A,”
    # said X, who said she would not vote. “B.”' goes on with X's words)
    cue_starts = sorted(s for f in found if not inside_quotes(s := parse.tokens[f.cue[0]].start, regions)
                        and not _participle_after_comma(parse, f) and not _describing_speaker(parse, f, regions)
                        and not _question_put(f))
    every_cue = sorted(parse.tokens[f.cue[0]].start for f in found)
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(parse.tokens[f.cue[0]].sent, []).append(f)
    claimed: set[int] = set()
    # A cue inside a quotation reports within someone's quoted words: the quotation is that
    # someone's claim when a cue outside it gives one (those go first), else the inner one's.
    within = [region_at(parse.tokens[f.cue[0]].start, regions) for f in found]
    for f, region in sorted(zip(found, within, strict=True), key=lambda pair: pair[1] is not None):
        runs = content_tokens(parse, f)
        if not runs or region in claimed:
            continue
        c_start = parse.tokens[runs[0][0]].start
        c_end = parse.tokens[runs[-1][1] - 1].end
        touched = []
        for k in range(bisect.bisect_right(region_ends(regions), c_start), len(regions)):
            if regions[k][0] >= c_end:
                break
            touched.append(k)
        if not touched:
            # 'Lowe said this of the plan: “...”': a content ending in a colon announces the quotation after it
            k = bisect.bisect_left(regions, (c_end, 0))
            if k == len(regions) or k in claimed or not _COLON_BEFORE.fullmatch(text[c_end : regions[k][0]]):
                continue
            a, b = regions[k]
            if _any_within(cue_starts, a, _speaker_end(parse, b)) or _any_within(cue_starts, c_end, a):
                continue
            touched = [k]
        # the parse may run the content on into the next quotation ('“A,” X said. “B,” she said.'
        # read as one sentence): a quotation after the cue with its own cue in its sentence is not this one's
        said_at = max(parse.tokens[f.cue[1] - 1].end, parse.tokens[f.source[1] - 1].end if f.source else 0)
        # a cue hanging from this attribution's verb or speaker ('said X, who is regarded as ...',
        # 'she said as she called for ...') tells of the saying, not of another's words
        stops = cue_starts
        hanging = {parse.tokens[g.cue[0]].start for g in by_sentence.get(parse.tokens[f.cue[0]].sent, ())
                   if g is not f and _hangs_from(parse, g, f)}
        if hanging:
            stops = [s for s in cue_starts if s not in hanging]
        for n, k in enumerate(touched):
            a, b = regions[k]
            if n > 0 and a > said_at and _any_within(stops, b, sentence_end(parse, b)):
                touched = touched[:n]
                f.content = {i for i in f.content if parse.tokens[i].start < a}
                break
        last = max(touched)
        for k in touched:
            a, b = regions[k]
            if k not in claimed and (a < c_start or b > c_end):
                f.extra.append((a, b))
            claimed.add(k)
        # the next quotations with no cue of their own continue the content
        end = max(regions[last][1], parse.tokens[f.cue[1] - 1].end,
                  parse.tokens[f.source[1] - 1].end if f.source else 0)
        # "“A,” X said. “B.”" may be one sentence of the parse: B follows with only punctuation between
        adjacent = end
        end = max(end, sentence_end(parse, end))
        first = last + 1
        while first < len(regions) and first not in claimed and regions[first][1] < end and _title(text, *regions[first]):
            first += 1  # 'X said on “State of the Union.” “B.”': a title in the description is passed over
        for k in range(first, len(regions)):
            a, b = regions[k]
            # the description after the source is passed over only on the way to the first quotation
            between = _unquoted(text, adjacent, a, regions[last + 1 : first]) if k == first else ""
            # ('“A,” said X, a professor at Y, “but B.”': the description may close with a comma
            # when the quotation goes on in the same sentence)
            joined = adjacent <= a and (_JOINING.fullmatch(text[adjacent:a]) is not None or (
                k == first and (_AFTER_SOURCE.fullmatch(between) is not None
                                or (a < end and _AFTER_SOURCE_COMMA.fullmatch(between) is not None
                                    and not _any_within(every_cue, adjacent, a)))))
            gap = text[end:a]
            if k in claimed or _any_within(stops, min(end, adjacent), b):
                break
            if _any_within(stops, b, _speaker_end(parse, b)):
                break  # '“B,” she said.': a quotation with a cue of its own in its sentence is that cue's
            if not joined and (len(gap) > 4 or gap.count("\n") > 2 or not whole_sentences(parse, a, b)):
                break
            f.extra.append((a, b))
            claimed.add(k)
            end = adjacent = b


# Between a content and the quotation it announces: a colon, a quotation mark, spaces and line breaks.
_COLON_BEFORE = re.compile(r"[ \t\u00a0]*:\s*(?:''|[\"“])")


# Between the cue (or its source) and the next quotation: only spaces, stops, commas and
# quotation marks ("“A,” X said. “B.”", "“A,” X said, “and B.”"), or the rest of the source's description up to its full stop
# ("“A,” said X, a professor at Y. “B.”"), all on one line.
_JOINING = re.compile(r"[ \t\u00a0.,\"'“”]*")
_AFTER_SOURCE = re.compile(r"[^\"“”\n]{0,240}[.!?][ \t\u00a0]*(?:''|[\"“])?[ \t\u00a0]*")
_AFTER_SOURCE_COMMA = re.compile(r"[^\"“”\n.!?]{0,240},[ \t\u00a0]*(?:''|[\"“])?[ \t\u00a0]*")


def _hangs_from(parse: Parse, other: Found, found: Found) -> bool:
    """Whether the cue of ``other`` hangs, in the tree, from the cue or the source of ``found`` and not
    from its content: a clause describing the speaker or the saying, not another's words."""
    own = set(range(*found.cue)) | (set(range(*found.source)) if found.source else set())
    at = parse.tokens[other.cue[0]]
    sentence = at.sent
    for _ in range(32):
        if at.head == at.i or parse.tokens[at.head].sent != sentence:
            return False
        at = parse.tokens[at.head]
        if at.i in found.content:
            return False
        if at.i in own:
            return True
    return False


def _describing_speaker(parse: Parse, found: Found, regions: Sequence[tuple[int, int]]) -> bool:
    """Whether a cue is in a relative clause describing the speaker ("X, who said ...", "a member who
    supports Y") and says nothing quoted."""
    who = found.who
    return (who is not None and who.text.casefold() in ("who", "which") and who.i > 0
            and (parse.tokens[who.i - 1].text == "," or parse.tokens[who.i - 1].pos in ("NOUN", "PROPN")) and not any(
                inside_quotes(parse.tokens[i].start, regions) for i in found.content))


def _question_put(found: Found) -> bool:
    """Whether a cue is a question put to the speaker, with no one named as asking ('“A,” she said
    when asked about X. “B.”' goes on with her words)."""
    return found.source is None and found.verb.casefold() == "asked"


def _participle_after_comma(parse: Parse, found: Found) -> bool:
    """Whether a cue is a participle set after a comma ("..., referring to X"): the speaker before goes on."""
    first = parse.tokens[found.cue[0]]
    return first.tag == "VBG" and first.i > 0 and parse.tokens[first.i - 1].text == ","


_title = is_title


def _unquoted(text: str, a: int, b: int, titles: Sequence[tuple[int, int]]) -> str:
    """text[a:b] with the quotation marks around the given titles and the titles' words left out
    (a stop closing the sentence inside a title's closing mark is kept: 'on “Meet the Press.”')."""
    out, at = [], a
    for s, e in titles:
        out.append(text[at : max(at, s - 1)])
        if text[s:e].rstrip().endswith((".", "!", "?")):
            out.append(".")
        at = min(b, e + 1)
    out.append(text[at:b])
    return "".join(out)


def _any_within(starts: Sequence[int], a: int, b: int) -> bool:
    """Whether any of the sorted ``starts`` lies in ``[a, b)``."""
    k = bisect.bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _speaker_end(parse: Parse, offset: int) -> int:
    """The end of the sentence at ``offset``, or of the next one when it only names who spoke ('“B.” The mayor said.')."""
    end = sentence_end(parse, offset)
    following = parse.sentence_of(end)
    if following is None or following.end <= end:  # the first sentence from ``end`` on
        k = bisect.bisect_left(parse.sentences, end, key=lambda s: s.start)
        nxt = parse.sentences[k] if k < len(parse.sentences) else None
    else:
        nxt = following
    if nxt is not None and "\n" not in parse.text[end : nxt.start] and only_speaker(parse, nxt):
        return nxt.end
    return end


def sentence_end(parse: Parse, offset: int) -> int:
    sentence = parse.sentence_of(max(0, offset - 1))
    return sentence.end if sentence is not None else offset


def whole_sentences(parse: Parse, start: int, end: int) -> bool:
    """Whether text[start:end] is whole sentences (a quotation standing alone)."""
    first = parse.sentence_of(start)
    last = parse.sentence_of(max(start, end - 1))
    return first is not None and last is not None and first.start >= start - 2 and last.end <= end + 3


def merge_parts(parts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(parts):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def quote_text(text: str, parts: Sequence[tuple[int, int]]) -> str | None:
    """The words inside quotation marks in the content, if any."""
    inside: list[str] = []
    regions = quote_regions(text)
    ends = region_ends(regions)
    for a, b in parts:
        for s, e in overlapping_regions(regions, ends, a, b):
            lo, hi = max(a, s), min(b, e)
            if lo < hi and (hi - lo) >= 2:
                piece = " ".join(text[lo:hi].split()).strip(" ,")
                if piece:
                    inside.append(piece)
    return " … ".join(inside) if inside else None
