"""A cheap exact prefilter for regular expressions: the literal words every match must contain.

`required_literals(pattern)` reads a pattern's parse tree (the standard library's own `re` parser) and
returns a conjunction of sets of strings: every match of the pattern contains at least one string of
each set. A text that lacks all strings of some set cannot match, so the pattern need not be searched.
Derived from the pattern itself (not written by hand), so it cannot drift from it; anything the
analysis does not understand adds no requirement (the gate then only lets more texts through).

`LiteralGate` applies this to a list of patterns: it tests which literal strings a text holds with plain
substring tests (with `re.IGNORECASE`: ASCII strings on a case-folded copy, exact, see `fold`; non-ASCII
ones, only in non-ASCII text, with `re` itself), and searches only the patterns whose most selective sets
(GATES_PER_PATTERN) are met. Used by `injection.py`; knows nothing about injections.
"""

from __future__ import annotations

import re
from typing import Sequence

try:  # the parser `re` itself uses (a private module: without it, the gate lets every text through)
    from re import _constants as _sre, _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons
    _sre = _sre_parse = None

GATES_PER_PATTERN = 2  # sets tested per pattern (the most selective): more rule out little and cost a test each
MAX_STRINGS = 32  # alternatives a run of literals and branches may spell before it is cut into parts
MAX_CLASS = 12  # a character class of at most this many single characters is a set of one-letter strings
# Non-ASCII characters that `re.IGNORECASE` equates with an ASCII letter (Kelvin sign, dotted / dotless I,
# long s); `tests/test_injection_gate.py` checks this against `re` for every code point.
ASCII_TWINS = str.maketrans({"\u212a": "k", "\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """`text` with every character that `re.IGNORECASE` matches to an ASCII character turned into that
    character in lower case (other characters may change too, but never into ASCII)."""
    return text.lower() if text.isascii() else text.translate(ASCII_TWINS).lower()


def required_literals(pattern: str, flags: int = 0) -> list[frozenset[str]]:
    """Sets of strings such that every match of `pattern` contains a string of each set (may be empty)."""
    if _sre_parse is None:
        return []
    return [s for s in _needs(_sre_parse.parse(pattern, flags)) if s]


def _needs(items) -> list[frozenset[str]]:
    sets: list[frozenset[str]] = []
    run = [""]  # the strings the literal items read so far can match, one of which is in every match

    def flush() -> None:
        if all(run):  # (a set holding "" requires nothing)
            sets.append(_pruned(frozenset(run)))

    for op, av in items:
        strings = _strings([(op, av)])
        if strings is not None and len(run) * len(strings) <= MAX_STRINGS:
            run = [r + s for r in run for s in strings]
            continue
        flush()
        run = [""]
        if strings is not None:
            run = strings
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:  # (a group with flags of its own: no claim)
            sets += _needs(av[-1])
        elif op is _sre.ATOMIC_GROUP:
            sets += _needs(av)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                sets += _needs(av[2])
        elif op is _sre.BRANCH:
            alternatives = [_best(_needs(branch)) for branch in av[1]]
            if all(alternatives):
                sets.append(_pruned(frozenset().union(*alternatives)))
        # anything else (ANY, AT, CATEGORY, NOT_LITERAL, assertions, ...) requires no literal
    flush()
    return sets


def _strings(items) -> list[str] | None:
    """Every string a sequence made only of literals, small classes and branches of them can match."""
    out = [""]
    for op, av in items:
        if op is _sre.LITERAL:
            options = [chr(av)]
        elif op is _sre.IN:
            options = _class_chars(av)
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:
            options = _strings(av[-1])
        elif op is _sre.BRANCH:
            found = [_strings(branch) for branch in av[1]]
            options = None if any(f is None for f in found) else [s for f in found for s in f or ()]
        else:
            options = None
        if options is None or len(out) * len(options) > MAX_STRINGS:
            return None
        out = [o + s for o in out for s in options]
    return out


def _pruned(strings: frozenset[str]) -> frozenset[str]:
    """A string holding another of the set adds nothing to it (the other is there too): drop it."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of a conjunction's sets, to stand for one alternative of a branch."""
    return max(sets, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _class_chars(av) -> list[str] | None:
    """The characters of a small class made only of single characters (no ranges, categories, negation)."""
    if len(av) > MAX_CLASS or any(op is not _sre.LITERAL for op, _ in av):
        return None
    return [chr(c) for _, c in av]


class LiteralGate:
    """Searches only the patterns whose required literals a text holds: the same verdict as searching all."""

    def __init__(self, patterns: Sequence[str], flags: int = 0, *, gates_per_pattern: int = GATES_PER_PATTERN) -> None:
        compiled = [re.compile(source, flags) for source in patterns]
        self.ignore_case = any(p.flags & re.IGNORECASE for p in compiled)  # (an inline "(?i)" too)
        flags |= re.IGNORECASE if self.ignore_case else 0
        self.patterns: list[tuple[re.Pattern, list[tuple[frozenset[str], re.Pattern | None]]]] = []
        first: set[str] = set()
        for source, pattern in zip(patterns, compiled):
            gates = []
            for strings in sorted(required_literals(source, flags), key=_selectivity, reverse=True)[:gates_per_pattern]:
                tested = frozenset(s.lower() for s in strings if s.isascii()) if self.ignore_case else strings
                others = sorted(s for s in strings if self.ignore_case and not s.isascii())
                gates.append((tested, re.compile("|".join(map(re.escape, others)), flags) if others else None))
            first |= gates[0][0] if gates else set()
            self.patterns.append((pattern, gates))
        self.literals = tuple(sorted(first))  # looked for in every text; a pattern's other sets only when needed

    def search(self, text: str) -> bool:
        """Whether any of the patterns matches `text`."""
        folded = fold(text) if self.ignore_case else text
        present = {s for s in self.literals if s in folded}
        ascii_text = text.isascii()  # then no non-ASCII literal can occur in it
        for pattern, gates in self.patterns:
            for n, (tested, others) in enumerate(gates):
                if (tested.isdisjoint(present) if n == 0 else not any(s in folded for s in tested)) \
                        and (ascii_text or others is None or not others.search(text)):
                    break  # a set none of whose strings the text holds: the pattern cannot match
            else:
                if pattern.search(text):
                    return True
        return False


def _selectivity(strings: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer, and fewer of them rarer still: how well a set rules texts out."""
    return min(map(len, strings)), -len(strings)
