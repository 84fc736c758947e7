"""Names doubled by hidden tooltips in text pulled out of web pages.

"Angela Merkel Merkel AngelaFederal Chancellor of Germany": a page's tooltip
repeats a linked name and glues a job title to it. JSON records exported by a
rough scraper carry them; HTML pages lose them structurally (the HTML reader
drops hidden elements).
"""
from __future__ import annotations

import re
import unicodedata

_GLUE = re.compile(r"[^\W\d_](?=[A-Z][a-z])")
_GLUE_FAST = re.compile(r"[a-z][A-Z][a-z]")
_DOUBLED = re.compile(r"(?<!\S)((?:[a-z]{1,3}-)?[A-Z]\S*) \1(?!\S)")
# "and", "in", "at" are left out: "President of Belarus and Nursultan Nazarbayev", "… of
# Germany in Berlin" are far more common in running text than titles like "Minister of
# Industry and Trade".
_DESC_CONNECTORS = frozenset({"of", "for", "to", "de", "del", "du", "des", "da", "di"})
_TRAILING_MARKS = frozenset({",", ".", ";", ":", ")", "]", "!", "?", "’s", "'s"})


def _fold(word: str) -> str:
    word = word.strip(",.;:()\"'“”’")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "der", "den", "de", "du", "da",
                             "dos", "la", "le", "di", "del"})


def _is_name_token(token: str) -> bool:
    """A word that can be part of a person's name: capitalised, "al-Assad", or a particle."""
    if not token or not token[0].isalpha() or not token[-1].isalpha():
        return False
    if token[0].isupper() or token in _NAME_PARTICLES:
        return True
    head, _, tail = token.partition("-")
    return bool(tail) and tail[:1].isupper() and len(head) <= 3


def _description_end(text: str, start: int) -> int:
    """End of a title such as "President of the Republic of Cyprus" starting at ``start``."""
    pos = start
    end = start
    pending_connector = False
    n = len(text)
    while pos < n:
        space = text.find(" ", pos)
        stop = n if space < 0 else space
        token = text[pos:stop]
        bare = token.rstrip(",.;:)]!?")
        if token[:1].isupper() or (token[:1].isdigit() and end > start):
            end = pos + len(bare)
            pending_connector = False
            if bare != token:
                break
        elif token.lower() in _DESC_CONNECTORS and not pending_connector:
            pending_connector = True
        elif token.lower() == "the" and pending_connector:
            pass
        else:
            break
        if space < 0:
            break
        pos = space + 1
    return end


def dedupe_tooltips(text: str) -> tuple[str, int]:
    """Remove tooltip text glued into a sentence after a linked name.

    A page's hidden tooltip repeats the linked name (often surname first) and
    adds a job title glued to the last name word: "Mr Trotsenko Trotsenko
    RomanPresident of OAO United Shipbuilding Corporation briefed …". The rule
    fires only when a lower-case letter is glued to a capital ("RomanPresident")
    and the name right before the glue repeats the preceding name (same words,
    or surname first); or, without glue, when a two-to-four-word name is
    followed by its surname-first rotation ("Nicolas Sarkozy Sarkozy Nicolas").
    Returns the new text and how many repeats were removed.
    """
    fired = 0
    if _GLUE_FAST.search(text):
        out: list[str] = []
        cursor = 0
        for m in _GLUE.finditer(text):
            glue = m.end()
            if glue < cursor or not text[m.start()].islower() \
                    or text.rfind(" ", max(cursor, glue - 40), glue) < 0:
                continue
            span = _glued_title_span(text, glue, floor=cursor)
            if span is None:
                continue
            t_start, d_end = span
            out.append(text[cursor:t_start].rstrip(" "))
            cursor = d_end
            # The tooltip ended with a space: "… of Azerbaijan ." becomes "… Aliyev."
            if text.startswith(" ", cursor) and (text[cursor + 1:cursor + 2] in _TRAILING_MARKS
                                                 or text.startswith(("’s", "'s"), cursor + 1)):
                cursor += 1
            fired += 1
        if fired:
            out.append(text[cursor:])
            text = "".join(out)
    if _DOUBLED.search(text):
        text, n = _dedupe_rotations(text)
        fired += n
    return text, fired


def _tokens_before(text: str, end: int, floor: int, limit: int) -> list[tuple[int, str]]:
    """Up to ``limit`` whitespace-separated tokens ending at ``end`` (start offset, token)."""
    tokens: list[tuple[int, str]] = []
    pos = end
    floor = max(floor, end - 60 * limit)  # names are short: never look far back
    while len(tokens) < limit and pos > floor:
        space = text.rfind(" ", floor, pos)
        begin = space + 1 if space >= 0 else floor
        tokens.append((begin, text[begin:pos]))
        if space < 0:
            break
        pos = space
    tokens.reverse()
    return tokens


def _glued_title_span(text: str, glue: int, *, floor: int) -> tuple[int, int] | None:
    """Where the tooltip's repeated name starts and its glued job title ends, if this is one.

    The repeated name T ends at the glue. It must repeat the name just before
    it (A): the same words ("Xi Jinping Xi Jinping…"), the same words surname
    first ("Angela Merkel Merkel Angela…", "Alexander Van der Bellen Van der
    Bellen Alexander…"), or, failing those, start with A's last words ("Mr
    Trotsenko Trotsenko Roman…"; the longest such overlap wins).
    """
    tokens = _tokens_before(text, glue, floor, 13)
    words = [_fold(tok) for _, tok in tokens]
    names = [_is_name_token(tok) for _, tok in tokens]
    best: tuple[int, int] | None = None  # (overlap, tlen) for the fallback
    for tlen in range(1, min(6, len(words) - 1) + 1):
        title, before = words[-tlen:], words[:-tlen]
        if not all(names[-tlen:]) or not names[-tlen - 1] or not tokens[-tlen][1][:1].isalpha():
            continue
        if not any(tok[:1].isupper() for _, tok in tokens[-tlen:]):
            continue
        anchor = before[-tlen:]
        if len(anchor) == tlen and all(names[-2 * tlen:-tlen]) and (
                title == anchor or any(title == anchor[-j:] + anchor[:-j] for j in range(1, tlen))):
            return tokens[-tlen][0], _description_end(text, glue)
        for j in range(min(tlen - 1, len(before)), 0, -1):
            if title[:j] == before[-j:] and all(names[-tlen - j:-tlen]):
                if best is None or j > best[0]:
                    best = (j, tlen)
                break
    if best is None:
        return None
    return tokens[-best[1]][0], _description_end(text, glue)


_HONORIFICS = frozenset({"mr", "mrs", "ms", "mister", "madam", "dr", "sir"})


def _dedupe_rotations(text: str) -> tuple[str, int]:
    """Unglued repeats: "Nicolas Sarkozy Sarkozy Nicolas", "Mr Nazarbayev Nazarbayev Nursultan"."""
    words = text.split(" ")
    folded = [_fold(w) for w in words]
    out: list[str] = []
    fired = 0
    i = 0
    n = len(words)
    while i < n:
        skip = 0
        if i and folded[i] and folded[i] == folded[i - 1] and words[i - 1][-1:].isalpha():
            for k in (2, 3, 4):
                if i - k < 0 or i + k > n:
                    break
                anchor, title = folded[i - k:i], folded[i:i + k]
                if title == [anchor[-1], *anchor[:-1]] and all(
                        _is_name_token(w) for w in words[i - k:i + k]):
                    skip = k
                    break
            if not skip and i >= 2 and folded[i - 2] in _HONORIFICS and _is_name_token(words[i]):
                k = 1
                while k < 4 and i + k < n and words[i + k][:1].isupper() \
                        and _is_name_token(words[i + k]):
                    k += 1
                if k > 1 and (i + k == n or not words[i + k][:1].isupper()):
                    skip = k
        if skip:
            fired += 1
            i += skip
            if i < n and words[i] in _TRAILING_MARKS and out:
                out[-1] += words[i]
                i += 1
            continue
        out.append(words[i])
        i += 1
    return (" ".join(out), fired) if fired else (text, 0)
