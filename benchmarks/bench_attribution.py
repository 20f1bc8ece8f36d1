"""Who said it: attribution quality on real political news (PolNeAR), beside a naive baseline.

    .venv/bin/python benchmarks/bench_attribution.py [--split dev|train] [--data DIR]
        [--code DIR] [--show N] [--pages DIR]

For every gold attribution whose Content has at least 5 words:
- covered: some extracted claim contains the content (rapidfuzz partial_ratio >= 80,
  lower-cased); the best-covering claim is the one with the highest ratio;
- named speaker right: the gold Source is a name (has a capitalised word that is not a
  determiner or pronoun) and the best claim's speaker contains one of those words;
- described speaker right: the gold Source is a description ("a campaign aide",
  "officials", "the report") and the best claim's speaker contains its head noun (or,
  when the engine resolved the role to the person holding it, the speaker's title does);
- cue right: the best claim's cue and the gold Cue share a word;
- no speaker: covered, but the best claim has no speaker at all.
Figures are broken down by cue type (speech verb, other predicate, according to, colon)
and by where the Source sits (before, inside or after the Content). Garbage speakers are
counted over every claim with a speaker, by a checker written here, apart from the
engine: a speaker must be a noun phrase, never a clause fragment or a function word.

It also reads the saved real web pages in ../shared/benchmarks/news-pages (--pages DIR)
and prints the share of the outlet's own statements (sentences with no quotation, colon
or reporting word, by this checker's own word list) that are left without a speaker.

The same table is printed for a naive baseline computed in the same run: a sentence
splitter, a "said" regex and a last-name rule for "he"/"she".

The data is evaluation-only and read from ../shared/benchmarks/polnear; it is never
copied into the project. --code DIR measures the claimtrack package found in DIR instead
of this checkout (for example an earlier release), to print its figures the same way.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "polnear"
DEFAULT_PAGES = REPO.parent / "shared" / "benchmarks" / "news-pages" / "pages"

from rapidfuzz import fuzz  # noqa: E402

PRONOUNS = frozenset(
    """he she they i we you it who which that his her their its him them me us one this
    these those whom whose my our your itself himself herself themselves""".split()
)
# Capitalised words that do not name anyone.
_NOT_NAME = frozenset(
    """the a an this that these those his her their its our my mr mrs ms dr some many
    several other another both all each one two three most""".split()
)
_SPEECH = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|ask|asks|"
    r"asked|asking|state|states|stated|explain|explains|explained|reply|replied|respond|"
    r"responded|continue|continued|remark|remarked|quip|quipped|speak|spoke|exclaimed)\b"
)
_WORD = re.compile(r"[\w'’.-]+")
_STOP = frozenset("of the a an in on at for from to with and or by".split())

# ---- the garbage checker (independent of the engine) ----
_GARBAGE_FIRST = frozenset(
    """as when while if because after before since although though both moments this that
    these those but and or so yet then now here there where how why what which who whom
    whose it its also even only just meanwhile however earlier later today yesterday in on
    at for with by from of to than like until unless once not no every said says told
    asked added is was were are has have had will would could can should did does do
    whether despite during instead perhaps maybe still already""".split()
)
_BARE = frozenset("the a an mr mrs ms dr mr. mrs. ms. dr. sen rep gen sen. rep. gen. he she they".split())
_CLAUSE_WORDS = frozenset(
    """is was were are has have had will would could can should did does do been being
    said says told he she they we i you it that which when because if whether
    earlier later ago yesterday tonight""".split()
)
_IRREGULAR = frozenset(
    """paid made took gave went came got put sent left brought kept held ran told thought
    knew saw became began wrote spoke""".split()
)


def garbage_reason(speaker: str) -> str | None:
    """Why a speaker string is not a clean noun phrase, or None when it is."""
    s = speaker.strip()
    if not s:
        return "empty"
    if any(ch in s for ch in '"“”_') or len(s) > 90:
        return "punctuation or length"
    toks = [t.strip(".,;:").lower() for t in s.split()]
    toks = [t for t in toks if t]
    if not toks:
        return "no words"
    if len(toks) == 1 and toks[0] in _BARE | PRONOUNS | _GARBAGE_FIRST:
        return "function word"
    if toks[0] in _GARBAGE_FIRST:
        return f"starts with {toks[0]!r}"
    if len(toks) > 14:
        return "too long"
    if any(t in _CLAUSE_WORDS for t in toks[1:]):
        return "clause word inside"
    first = s.split()[0]
    if first[:1].islower() and (
        toks[0] in _IRREGULAR or (toks[0].endswith("ed") and len(toks) > 1 and toks[1] in _STOP)
    ):
        return "verb clause"
    return None


# ---- reading the data ----
@dataclass
class Gold:
    source: str | None
    cue: str | None
    content: str
    content_span: tuple[int, int]
    source_span: tuple[int, int] | None


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offs = parts[1].partition(" ")
            pieces = []
            for chunk in offs.split(";"):
                a, _, b = chunk.partition(" ")
                try:
                    pieces.append((int(a), int(b)))
                except ValueError:
                    pass
            if pieces:
                spans[parts[0]] = (kind, pieces)
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(x.split(":", 1) for x in parts[1].split() if ":" in x)
            events.append(roles)
    out = []
    for roles in events:
        c = spans.get(roles.get("Content", ""))
        if not c:
            continue
        content = " ".join(text[a:b] for a, b in c[1])
        src = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        out.append(
            Gold(
                source=" ".join(text[a:b] for a, b in src[1]) if src else None,
                cue=" ".join(text[a:b] for a, b in cue[1]) if cue else None,
                content=content,
                content_span=(c[1][0][0], c[1][-1][1]),
                source_span=(src[1][0][0], src[1][-1][1]) if src else None,
            )
        )
    return out


def load(data: Path, split: str) -> list[tuple[str, str, list[Gold]]]:
    folder = data / split
    docs = []
    for txt in sorted((folder / "text").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        anns = sorted((folder / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        docs.append((txt.stem, text, read_ann(anns[0], text)))  # one annotator per article
    return docs


# ---- classifying gold attributions ----
def source_class(source: str | None) -> str:
    """named | described | pronoun | none"""
    if not source:
        return "none"
    words = [w.strip(".,'’") for w in _WORD.findall(source)]
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if all(w.lower() in PRONOUNS for w in words):
        return "pronoun"
    return "named" if capitalised(source) else "described"


def capitalised(source: str) -> list[str]:
    out = []
    for w in _WORD.findall(source):
        w = re.sub(r"['’]s?$", "", w.strip(".,"))
        if w[:1].isupper() and w.lower() not in _NOT_NAME and w.lower() not in PRONOUNS and len(w) > 1:
            out.append(w.lower())
    return out


def head_noun(source: str) -> str:
    low = source.lower()
    low = re.split(r"\b(?:of|from|in|at|for|with|who|that|which|familiar|close|on)\b|,", low)[0]
    words = [w for w in _WORD.findall(low) if w not in _STOP]
    return words[-1].strip(".'’") if words else ""


def cue_type(cue: str | None) -> str:
    if not cue:
        return "none"
    low = cue.lower().strip()
    if "according" in low:
        return "according to"
    if low.strip(" :—-") == "" or low in (":", "-", "—"):
        return "colon"
    if _SPEECH.search(low):
        return "speech verb"
    return "other predicate"


def position(g: Gold) -> str:
    if g.source_span is None:
        return "none"
    s0, s1 = g.source_span
    c0, c1 = g.content_span
    if s1 <= c0:
        return "before"
    if s0 >= c1:
        return "after"
    return "inside"


def _words(text: str) -> set[str]:
    return {re.sub(r"['’]s?$", "", w.strip(".,")).lower() for w in _WORD.findall(text)}


def speaker_right(g: Gold, speaker: str | None, cls: str, title: str | None = None) -> bool:
    """``title`` counts for a description only: "the president said" resolved to the
    named president carries the role as the speaker's title."""
    if not speaker:
        return False
    if cls == "described" and title:
        speaker = f"{speaker} {title}"
    words = _words(speaker)
    if cls == "named":
        return any(w in words for w in capitalised(g.source or ""))
    head = head_noun(g.source or "")
    if not head:
        return False
    stem = head[:-1] if head.endswith("s") and len(head) > 3 else head
    return any(w == head or w.startswith(stem) for w in words) or head in speaker.lower()


def cue_right(g: Gold, cue: str | None) -> bool:
    if not g.cue or not cue:
        return False
    gw = {w[:5] for w in _words(g.cue) if w not in _STOP}
    cw = {w[:5] for w in _words(cue) if w not in _STOP}
    return bool(gw & cw) or (cue.strip() == ":" and ":" in g.cue)


# ---- the naive baseline ----
_NAIVE_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])|\n+")
_NAIVE_SAID = re.compile(r"\b(said|says)\b")
_NAIVE_NAME = re.compile(r"((?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w'’-]+)\s+(?:said|says)\b")
_NAIVE_AFTER = re.compile(r"\b(?:said|says)\s+((?:[A-Z][\w.'’-]+\s*){1,4})")
_NAIVE_PRON = re.compile(r"\b(?:he|she|He|She)\s+(?:said|says)\b")


@dataclass
class NaiveClaim:
    text: str
    speaker: str | None
    cue: str | None


def naive_claims(text: str) -> list[NaiveClaim]:
    out = []
    last = None
    for sent in _NAIVE_SPLIT.split(text):
        sent = sent.strip()
        if not sent:
            continue
        speaker = None
        if _NAIVE_SAID.search(sent):
            m = _NAIVE_NAME.search(sent) or _NAIVE_AFTER.search(sent)
            if m:
                speaker = m.group(1).strip()
                last = speaker.split()[-1]
            elif _NAIVE_PRON.search(sent):
                speaker = last
        out.append(NaiveClaim(sent, speaker, "said" if speaker else None))
    return out


# ---- the outlet's own statements on real pages ----
# A sentence with no quotation, colon or reporting word is the outlet speaking for itself:
# it must stay without a speaker. The word list is this checker's own, broader than the
# engine's on purpose (a sentence it misses as attributed is not counted at all).
_REPORTING = re.compile(
    r"\b(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old)|according|announc\w*|add(?:s|ed)|"
    r"argu\w*|warn\w*|claim\w*|insist\w*|deni\w*|deny\w*|stat(?:e|es|ed|ing|ement)|report\w*|"
    r"writ\w*|wrote|tweet\w*|post\w*|note[sd]?|not(?:ing)|explain\w*|believ\w*|think\w*|thought|"
    r"suggest\w*|estimat\w*|predict\w*|found|find\w*|show\w*|accus\w*|urg\w*|call\w*|"
    r"confirm\w*|reveal\w*|ask\w*|describ\w*|prais\w*|criticiz\w*|blam\w*|hope\w*|want\w*|"
    r"expect\w*|plan\w*|promis\w*|vow\w*|pledg\w*|recall\w*|admit\w*|acknowledg\w*|"
    r"conclud\w*|agree\w*|disagree\w*|recommend\w*|propos\w*|question\w*|respond\w*|repl\w*|"
    r"interview\w*|spokes\w*|told|feel\w*|felt|know\w*|knew|declar\w*|disclos\w*|point\w*)\b",
    re.IGNORECASE,
)


def own_statements(pages: Path, extract) -> tuple[int, int, list]:
    """(own statements, of them without a speaker, examples given a speaker)."""
    from claimtrack.ingest import read_bytes

    total = unattributed = 0
    examples = []
    for page in sorted(pages.glob("*.htm*")):
        items = list(read_bytes(page.read_bytes(), where=page.name, suffix=".html"))
        for item in items:
            if getattr(item, "article", None) is None:
                continue
            for c in extract(item.article.body):
                t = c.text
                if any(ch in t for ch in '"“”:') or _REPORTING.search(t) or len(t.split()) < 5:
                    continue
                total += 1
                if not c.speaker:
                    unattributed += 1
                elif len(examples) < 40:
                    examples.append((page.name, c.speaker, t[:140]))
    return total, unattributed, examples


# ---- scoring ----
@dataclass
class Tally:
    n: int = 0
    covered: int = 0
    no_speaker: int = 0
    named: int = 0
    named_ok: int = 0
    described: int = 0
    described_ok: int = 0
    cue_n: int = 0
    cue_ok: int = 0

    def add(self, other: Tally) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass
class Result:
    total: Tally = field(default_factory=Tally)
    by_cue: dict = field(default_factory=lambda: defaultdict(Tally))
    by_pos: dict = field(default_factory=lambda: defaultdict(Tally))
    garbage: int = 0
    speakers: int = 0
    garbage_examples: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    seconds: float = 0.0
    errors: list = field(default_factory=list)


def score_doc(name: str, golds: list[Gold], claims: list, result: Result) -> None:
    texts = [c.text.lower() for c in claims]
    for c in claims:
        if c.speaker:
            result.speakers += 1
            why = garbage_reason(c.speaker)
            if why:
                result.garbage += 1
                if len(result.garbage_examples) < 30:
                    result.garbage_examples.append((name, c.speaker, why))
    for g in golds:
        if len(g.content.split()) < 5:
            continue
        t = Tally(n=1)
        content = g.content.lower()
        best, best_score = None, 0.0
        for i, ct in enumerate(texts):
            if abs(len(ct) - len(content)) > 4 * max(len(ct), len(content)):
                continue
            r = fuzz.partial_ratio(content, ct, score_cutoff=max(80, best_score))
            if r > best_score:
                best, best_score = i, r
        claim = claims[best] if best is not None else None
        cls = source_class(g.source)
        if claim is not None:
            t.covered = 1
            t.no_speaker = int(not claim.speaker)
        if cls in ("named", "described"):
            ok = claim is not None and speaker_right(g, claim.speaker, cls, getattr(claim, "speaker_title", None))
            if cls == "named":
                t.named, t.named_ok = 1, int(ok)
            else:
                t.described, t.described_ok = 1, int(ok)
            if not ok and claim is not None:
                result.misses.append((name, cls, g.source, g.cue, claim.speaker, claim.text[:160]))
        if g.cue and claim is not None:
            t.cue_n, t.cue_ok = 1, int(cue_right(g, claim.cue))
        result.total.add(t)
        result.by_cue[cue_type(g.cue)].add(t)
        result.by_pos[position(g)].add(t)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def print_table(results: dict[str, Result]) -> None:
    cols = list(results)
    print(f"{'':34}" + "".join(f"{c:>22}" for c in cols))

    def row(label: str, fn) -> None:
        print(f"{label:34}" + "".join(f"{fn(results[c]):>22}" for c in cols))

    row("attributions (content >= 5 words)", lambda r: str(r.total.n))
    row("covered", lambda r: _ratio(r.total.covered, r.total.n))
    row("named speaker right", lambda r: _ratio(r.total.named_ok, r.total.named))
    row("  (named attributions)", lambda r: str(r.total.named))
    row("described speaker right", lambda r: _ratio(r.total.described_ok, r.total.described))
    row("  (described attributions)", lambda r: str(r.total.described))
    row("covered but no speaker", lambda r: _ratio(r.total.no_speaker, r.total.covered))
    row("cue right", lambda r: _ratio(r.total.cue_ok, r.total.cue_n))
    row("garbage speakers", lambda r: f"{r.garbage}/{r.speakers}")
    row("articles where the engine raised", lambda r: str(len(r.errors)))
    row("seconds", lambda r: f"{r.seconds:.1f}")
    for title, attr, keys in (
        ("by cue type", "by_cue", ("speech verb", "other predicate", "according to", "colon")),
        ("by source position", "by_pos", ("before", "inside", "after")),
    ):
        print(f"-- {title} (named right / described right / no speaker, n)")
        for k in keys:
            row(
                f"  {k}",
                lambda r, k=k, attr=attr: (
                    f"{_ratio(getattr(r, attr)[k].named_ok, getattr(r, attr)[k].named)}/"
                    f"{_ratio(getattr(r, attr)[k].described_ok, getattr(r, attr)[k].described)}/"
                    f"{_ratio(getattr(r, attr)[k].no_speaker, getattr(r, attr)[k].covered)} "
                    f"{getattr(r, attr)[k].n}"
                ),
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--code", type=Path, default=REPO, help="folder holding the claimtrack package to measure")
    ap.add_argument("--show", type=int, default=0, help="print N misses and the garbage examples")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument(
        "--pages", type=Path, default=DEFAULT_PAGES, help="saved real web pages for the own-statement check"
    )
    args = ap.parse_args(argv)
    if not (args.data / args.split / "text").is_dir():
        print(
            f"SKIP: PolNeAR data not found at {args.data / args.split} "
            "(put the train/dev folders under ../shared/benchmarks/polnear)"
        )
        return 0
    sys.path.insert(0, str(args.code.resolve()))
    from claimtrack.extraction import extract_claims
    from claimtrack.extraction.structure import sanitize

    docs = load(args.data, args.split)
    if args.limit:
        docs = docs[: args.limit]
    engine, naive = Result(), Result()
    for name, text, golds in docs:
        body = sanitize(text)
        t0 = time.perf_counter()
        try:
            claims = extract_claims(body)
        except Exception as exc:  # the engine must never raise: count it, score nothing
            engine.errors.append(f"{name}: {type(exc).__name__}: {exc}")
            claims = []
        engine.seconds += time.perf_counter() - t0
        score_doc(name, golds, claims, engine)
        t0 = time.perf_counter()
        nclaims = naive_claims(body)
        naive.seconds += time.perf_counter() - t0
        score_doc(name, golds, nclaims, naive)
    print(f"PolNeAR {args.split}: {len(docs)} articles; engine from {args.code.resolve()}")
    print_table({"claimtrack": engine, "naive": naive})
    own_examples = []
    if args.pages.is_dir():
        total, left, own_examples = own_statements(args.pages, extract_claims)
        print(
            f"news pages: the outlet's own statements left without a speaker {_ratio(left, total)} "
            f"({left}/{total}; sentences with no quotation, colon or reporting word)"
        )
    else:
        print(f"SKIP own-statement check: no pages at {args.pages}")
    if args.show:
        print("-- own statements given a speaker")
        for ex in own_examples:
            print("  ", ex)
        print("-- garbage speakers")
        for ex in engine.garbage_examples:
            print("  ", ex)
        print("-- misses")
        for m in engine.misses[: args.show]:
            print("  ", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
