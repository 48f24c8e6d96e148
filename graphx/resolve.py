"""The entity-resolution stage.

Inside an article (`resolve_article`): short forms resolve to the full name introduced in the
article ("Putin" -> "Wladimir Putin", "Kim" -> the Kim mentioned last), inflected forms
("Putins", "Russlands") to their base, acronyms to the long form they are introduced with.

Across articles (`merge_across_articles`): spelling and transliteration variants of person names
merge ("Wolodimir Selenski" = "Wolodymyr Selenskyj"), acronyms merge with their long forms, and
a user alias file forces merges, splits and canonical names. Canonical names are chosen
deterministically, so ids are stable from run to run.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from graphx.errors import InputError
from graphx.lexicon import fold, load
from graphx.mentions import ARABIC_ARTICLE, NAME_PARTICLES, NICKNAME

FUNCTION_WORDS = {"for", "of", "the", "and", "für", "der", "die", "das", "des", "und", "von", "vom",
                  "zur", "zum", "de", "du", "la", "le", "et", "on", "in", "im", "at"}


# ---------------------------------------------------------------- person names

def translit_key(name: str) -> str:
    """A spelling-insensitive key for names transliterated into German in different ways."""
    text = unicodedata.normalize("NFKD", fold(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z ]", "", text.replace("-", " "))
    rules = [(r"yj\b", "i"), (r"ij\b", "i"), (r"iy\b", "i"), (r"y", "i"), (r"j", "i"), (r"w", "v"),
             (r"ph", "f"), (r"tsch", "ch"), (r"sch", "sh"), (r"zh", "sh"), (r"ck", "k"), (r"c", "k"),
             (r"z", "s"), (r"ii+", "i"), (r"(.)\1", r"\1"), (r"ou", "u"), (r"ei", "ai"), (r"ie", "i"),
             (r"h\b", "")]
    for pattern, repl in rules:
        text = re.sub(pattern, repl, text)
    return " ".join(text.split())


def name_parts(name: str) -> list:
    return [p for p in re.split(r"\s+", name.strip()) if p]


def strip_genitive(word: str, known: set) -> str:
    """'Putins' -> 'Putin' when 'Putin' is a known form; 'Rutte' stays."""
    for ending in ("s", "'", "’", "es"):
        if word.endswith(ending) and word[: -len(ending)] in known:
            return word[: -len(ending)]
    return word


# ---------------------------------------------------------------- inside one article

NICKNAME_CUE = re.compile(r"\b(?:alias|genannt|[Ss]pitzn|[Tt]arnn|[Dd]eckn|[Kk]ampfn)(?:amen?s?)?\s+[„\"“»«‚']?"
                          r"([A-ZÄÖÜ][\w-]+)")


def resolve_article(mentions, text: str = "") -> dict:
    """Map every mention to an entity name inside one article.

    Returns {"entities": {name: {"name", "type", "aliases": set, "mentions": int}},
             "names": [entity name per mention, in mention order]}.
    """
    persons = [m for m in mentions if m.type == "PERSON"]
    all_words = {w for m in mentions for w in name_parts(m.key)} | {m.key for m in mentions}
    full_names = {}
    for m in persons:
        parts = name_parts(m.key)
        if len(parts) >= 2:
            last = strip_genitive(parts[-1], all_words - {parts[-1]})
            if last != parts[-1] and last in {n.key for n in persons}:
                parts = parts[:-1] + [last]      # "Christian Kerns" where "Kern" stands alone too
            full_names.setdefault(" ".join(parts), m.start)
    acronyms = find_acronyms(text, mentions)
    nicknames = {}                     # "Hemeti" -> "Mohamed Hamdan Dagalo" ("Mohamed Hamdan „Hemeti“ Dagalo")
    for m in persons:
        for quoted in NICKNAME.findall(m.surface):
            nicknames.setdefault(quoted.strip(" „\"“”»«‚‘’'"), m.key)
    for match in NICKNAME_CUE.finditer(text or ""):   # "Lech Wałęsa und dem Tarnnamen Bolek", "(alias Hemeti)"
        before = [m for m in persons if len(name_parts(m.key)) >= 2 and match.start() - 40 <= m.end <= match.start()
                  and not re.search(r"[.!?]\s", text[m.end:match.start()])]
        if before:
            nicknames.setdefault(match.group(1), before[-1].key)

    names = []
    last_seen = {}
    for m in mentions:
        name = m.key
        if m.kind == "name" and m.type != "STATE" and nicknames.get(m.key, m.key) != m.key:
            name = nicknames[m.key]
        elif m.type == "PERSON":
            name = resolve_person(m.key, full_names, last_seen, m.start, all_words)
            last_seen[name] = m.start
        elif m.kind == "name":
            name = strip_genitive(m.key, all_words - {m.key})
            name = acronyms.get(name, name)
        names.append(name)
    names = same_organisation(mentions, names, text)

    entities, votes = {}, defaultdict(Counter)
    for m, name in zip(mentions, names):
        entity = entities.setdefault(name, {"name": name, "type": m.type, "aliases": set(), "mentions": 0})
        entity["aliases"].add(m.surface)
        entity["mentions"] += 1
        votes[name][m.type] += TYPE_WEIGHT.get(m.kind, 1)
        if m.typed:
            votes[name][m.typed] += TYPED_WEIGHT
    for name, entity in entities.items():
        entity["type"] = entity_type(votes[name], entity["type"])
    return {"entities": entities, "names": names}


TYPED_WEIGHT = 3       # a type noun beside a name ("die Zeitschrift Nokta") outweighs the NER's guesses
TYPE_WEIGHT = {"lexicon": 3, "metonym": 3, "adj": 3, "demonym": 3, "compound": 2, "name": 1}


def entity_type(votes: Counter, first: str) -> str:
    """One type per entity from the votes of its mentions (gazetteer hits count thrice): a state beats
    a location or organisation reading of the same name; ties go to the first mention's type."""
    if votes.get("STATE"):
        return "STATE"
    best = max(votes.values())
    return first if votes[first] == best else min(t for t, v in votes.items() if v == best)


def same_organisation(mentions, names, text: str) -> list:
    """Organisation names inside one article that stand for one body: a short form and the one long
    form ending in it ("Menschenrechtsrat" -> "UNO-Menschenrechtsrat"), a long form and the acronym in
    brackets right after it ("Institut für Nationales Gedenken (IPN)" -> "IPN"), and spellings that
    differ in case only ("Uno-Vollversammlung")."""
    rename = {}
    orgs = sorted({name for m, name in zip(mentions, names) if m.type == "ORG"})
    for m, following, name, next_name in zip(mentions, mentions[1:], names, names[1:]):
        between = text[m.end:following.start] if text else ""
        if m.type == "ORG" and following.type == "ORG" and between.strip() == "(" and m.kind != "compound" and \
                text[following.end:following.end + 1] == ")" and following.surface[:1].isupper() and \
                sum(c.isupper() for c in following.surface.split("-")[0]) >= 2 and name != next_name:
            if name in rename and rename[name] != next_name:
                rename[next_name] = rename[name]      # "(MADAD)", later "(MADAD-Fonds)": one body
            else:
                rename[name] = next_name
    for short in orgs:
        longer = [o for o in orgs if o.endswith(("-" + short, " " + short)) and o not in rename]
        if len(longer) == 1 and short not in rename:
            rename[short] = longer[0]
    named = {name for m, name in zip(mentions, names) if m.type in ("ORG", "PERSON")}
    for long in orgs:                    # "Koza Ipek Holding" is "Koza Ipek", "Andritz AG" is "Andritz"
        words = long.split()
        if len(words) > 1 and words[-1] in load().company_forms and " ".join(words[:-1]) in named and \
                long not in rename:
            rename[long] = " ".join(words[:-1])
    first_spelling = {}
    for name in names:
        first_spelling.setdefault(fold(name), name)
    result = []
    for name in names:
        seen = set()
        while name in rename and name not in seen:
            seen.add(name)
            name = rename[name]
        result.append(first_spelling.get(fold(name), name) if fold(name) in first_spelling else name)
    return result


PLAIN = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"})


def plain(word: str) -> str:
    """A name part without diacritics, case or an Arabic article: "Jarosław" -> "jaroslaw", "al-Bashir" ->
    "bashir"."""
    text = unicodedata.normalize("NFKD", word.translate(PLAIN))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return ARABIC_ARTICLE.sub("", text.casefold())


def part_of(word: str, full: str) -> bool:
    return plain(word) in {plain(p) for p in name_parts(full)}


def consonants(word: str) -> str:
    return re.sub(r"[aeiouy]", "", plain(word))


def spelling_variant(word: str, part: str) -> bool:
    """Two transliterations of one name part: same first letter and consonants, vowels apart
    ("Salih", "Saleh"; "Mohammed", "Muhammad")."""
    a, b = plain(word), plain(part)
    return a[:1] == b[:1] and abs(len(a) - len(b)) <= 1 and len(consonants(a)) >= 3 and consonants(a) == consonants(b)


def resolve_person(key: str, full_names: dict, last_seen: dict, position: int, known_words: set) -> str:
    parts = name_parts(key)
    if len(parts) >= 2:
        base = parts[:-1] + [strip_genitive(parts[-1], known_words - {parts[-1]})]
        candidate = " ".join(base)
        tail = [f for f in full_names if len(name_parts(f)) > len(base) and
                [plain(p) for p in name_parts(f)[-len(base):]] == [plain(p) for p in base]]
        if len(tail) == 1 and plain(base[0]) in NAME_PARTICLES:
            return tail[0]                       # "De la Calle" in "Humberto de la Calle"
        head = [f for f in full_names if len(name_parts(f)) > len(base) and
                [plain(p) for p in name_parts(f)[:len(base)]] == [plain(p) for p in base]]
        if len(head) == 1:
            return head[0]                       # "Maria Giulias" in "Maria Giulia Sergio"
        return candidate if candidate in full_names or " ".join(parts) not in full_names else " ".join(parts)
    word = parts[0] if parts else key
    candidates = [full for full in full_names if word in name_parts(full)] or \
        [full for full in full_names if part_of(word, full)]
    if not candidates:
        stripped = strip_genitive(word, {p for full in full_names for p in name_parts(full)} | known_words - {word})
        if stripped != word:
            word = stripped
            candidates = [full for full in full_names if part_of(word, full)]
    if not candidates and len(word) >= 4:      # "Salih" for "Osman Saleh": another transliteration
        candidates = [full for full in full_names if any(
            spelling_variant(word, part) for part in name_parts(full)[1:])]
        candidates = candidates if len(candidates) == 1 else []
    if not candidates:
        return word
    if len(candidates) == 1:
        return candidates[0]
    # the one the context points to: mentioned most recently before, else introduced first after
    before = [c for c in candidates if last_seen.get(c, full_names[c]) <= position]
    if before:
        return max(before, key=lambda c: last_seen.get(c, full_names[c]))
    return min(candidates, key=lambda c: full_names[c])


LONG_FORM_CHARS = r"[\w.&'’ -]"
# "Long Form (ACR)": the regex starts only where a run of long-form characters starts (else it would
# rescan the run from every capital letter: quadratic on a long line); the long form begins at the
# run's first capital. "ACR (Long Form)" needs no such care (its first group is short).
LONG_FORM_FIRST = re.compile(rf"(?<!{LONG_FORM_CHARS})({LONG_FORM_CHARS}+?)\s*\(([A-ZÄÖÜ][A-Za-zÄÖÜ]{{1,9}})\)")
ACRONYM_FIRST = re.compile(r"\b([A-ZÄÖÜ][A-Za-zÄÖÜ]{1,9})\s*\(([A-ZÄÖÜ][\w.&'’ -]{5,}?)\)")
CAPITAL = re.compile("[A-ZÄÖÜ]")


def two_letter_initials(name: str) -> bool:
    """"TV", "Tiroler Verein": the names whose acronym match needs both in one article."""
    return bool(re.fullmatch(r"[A-ZÄÖÜ]{2}", name)) or (len(name.split()) >= 2 and len(initials(name)) == 2)


def initials(long_form: str) -> str:
    words = [w for w in re.split(r"[\s-]+", long_form) if w and w.lower() not in FUNCTION_WORDS]
    return "".join(w[0] for w in words).upper()


def acronym_matches(text: str):
    """(first, second) group pairs of "Long Form (ACR)" and "ACR (Long Form)", in linear time."""
    for match in LONG_FORM_FIRST.finditer(text):
        capital = CAPITAL.search(match.group(1))
        if not capital:
            continue
        gap = text[match.end(1):match.start(2) - 1]
        run_end = len(match.group(1)) + len(gap) - len(gap.lstrip(" "))   # its spaces belong to the run
        if run_end - capital.start() >= 6:
            yield match.group(1)[capital.start():], match.group(2)
    for match in ACRONYM_FIRST.finditer(text):
        yield match.group(1), match.group(2)


def find_acronyms(text: str, mentions) -> dict:
    """long form -> acronym for "Long Form (ACR)" and "ACR (Long Form)" where the initials agree."""
    pairs = {}
    for a, b in acronym_matches(text or ""):
        a, b = a.strip(), b.strip()
        acronym, long_form = (b, a) if len(a) > len(b) else (a, b)
        if not acronym.isupper() and not re.fullmatch(r"[A-Z][a-z]{1,4}", acronym):
            continue
        for tail in tails_spelling(long_form, acronym.upper()):   # "Das Institute for ..." and "Institute for ..."
            pairs[tail] = acronym
    return pairs


def tails_spelling(long_form: str, letters: str) -> list:
    """The word tails of `long_form` whose initials are `letters`, longest first (read from the
    right and stopped once the initials are longer: linear in the length of the long form)."""
    words, found, spelled = long_form.split(), [], ""
    for start in range(len(words) - 1, -1, -1):
        spelled = initials(words[start]) + spelled
        if len(spelled) > len(letters):
            break
        if spelled == letters:
            found.append(" ".join(words[start:]))
    return found[::-1]


# ---------------------------------------------------------------- alias file

class AliasTable:
    """User overrides. File format, one rule per line ('#' starts a comment):

        Canonical Name = alias one | alias two     merge these names under the canonical name
        !Name                                       never merge this name with any other

    The '=' between the canonical name and its aliases has spaces around it; names may contain a
    '=' without spaces ("A=B Partner = AB"). A line without ' = ' may use its only '=' instead.
    """

    def __init__(self, canonical=None, keep_apart=None):
        self.canonical = dict(canonical or {})     # folded alias -> canonical
        self.keep_apart = set(keep_apart or ())    # folded names

    @classmethod
    def load(cls, path) -> AliasTable:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            raise InputError(f"{path}: alias file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read alias file ({exc})") from None
        table = cls()
        for number, raw in enumerate(lines, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("!"):
                if not line[1:].strip():
                    raise InputError(f"{path}:{number}: missing name after '!'")
                table.keep_apart.add(fold(line[1:].strip()))
                continue
            canonical, aliases = split_alias_line(line, f"{path}:{number}")
            for alias in [canonical] + [a.strip() for a in aliases.split("|") if a.strip()]:
                table.canonical[fold(alias)] = canonical
        return table

    def lookup(self, name: str):
        return self.canonical.get(fold(name))


ALIAS_SEPARATOR = re.compile(r"(?:^|\s)=(?:\s|$)")     # '=' with spaces (or the line's end) around it


def split_alias_line(line: str, where: str) -> tuple:
    """'Canonical = alias | alias' -> (canonical, aliases); InputError naming `where` if malformed."""
    separators = list(ALIAS_SEPARATOR.finditer(line))
    if len(separators) > 1:
        raise InputError(f"{where}: more than one ' = ' (one canonical name per line; "
                         "a '=' inside a name has no spaces around it)")
    if separators:
        canonical, aliases = line[:separators[0].start()], line[separators[0].end():]
    elif line.count("=") == 1:
        canonical, aliases = line.split("=")
    elif "=" in line:
        raise InputError(f"{where}: several '=' and none with spaces around it; write 'Canonical = alias'")
    else:
        raise InputError(f"{where}: expected 'Canonical = alias | alias' or '!Name'")
    canonical = canonical.strip()
    if not canonical:
        raise InputError(f"{where}: missing canonical name before '='")
    if not any(alias.strip() for alias in aliases.split("|")):
        raise InputError(f"{where}: no alias after '='")
    return canonical, aliases


# ---------------------------------------------------------------- across articles

def merge_across_articles(results, aliases: AliasTable | None = None) -> list:
    """Rename entities so that variants across articles share one canonical name.

    `results` are ArticleResult dicts; returns new dicts (inputs are not modified).
    """
    results = list(results)
    merge = merge_plan(results, aliases)
    return [merge(result) for result in results]


def merge_plan(results, aliases: AliasTable | None = None):
    """The cross-article merge in two passes, so that no list of all results is needed: this first
    pass reads `results` (any iterable, once) and keeps statistics per distinct name; it returns the
    second pass, a function from one result to its renamed copy, to be called on the same results in
    the same order (ties between types are broken by the order they were first seen)."""
    aliases = aliases or AliasTable()
    stats = defaultdict(lambda: {"types": Counter(), "mentions": 0, "aliases": set(), "articles": set()})
    for number, result in enumerate(results):
        if aliases.keep_apart:
            result = keep_apart_inside(result, aliases)
        for entity in result["entities"]:
            s = stats[entity["name"]]
            if two_letter_initials(entity["name"]):
                s["articles"].add(number)     # only where the acronym test below needs them (memory)
            s["types"][entity["type"]] += entity.get("mentions", 1)
            s["mentions"] += entity.get("mentions", 1)
            s["aliases"].update(entity.get("aliases", ()))

    parent = {name: name for name in stats}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        if fold(a) in aliases.keep_apart or fold(b) in aliases.keep_apart:
            return
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    names = sorted(stats)
    # user-forced merges
    by_forced = defaultdict(list)
    for name in names:
        forced = aliases.lookup(name) or next((aliases.lookup(a) for a in stats[name]["aliases"]
                                               if aliases.lookup(a)), None)
        if forced:
            by_forced[forced].append(name)
    for group in by_forced.values():
        for other in group[1:]:
            union(group[0], other)
    # persons: full names with equal transliteration keys; single names to the unique full name
    persons = [n for n in names if stats[n]["types"].most_common(1)[0][0] == "PERSON"]
    by_key = defaultdict(list)
    for name in persons:       # spaces aside too: "Abdelfattah al-Burhan", "Abdel Fattah al-Burhan"
        by_key[translit_key(name).replace(" ", "")].append(name)
    for group in by_key.values():
        for other in group[1:]:
            union(group[0], other)
    by_last = defaultdict(set)
    for name in persons:
        parts = translit_key(name).split()
        if len(parts) >= 2:
            by_last[parts[-1]].add(find(name))
    for name in persons:
        parts = translit_key(name).split()
        if len(parts) == 1 and len(by_last.get(parts[0], ())) == 1:
            union(next(iter(by_last[parts[0]])), name)
    # a surname opening with a particle to the one full name it ends: "Van der Bellen"
    keys = {name: translit_key(name).split() for name in persons}
    by_ending = defaultdict(list)          # the last k words of a name -> the persons whose names end so
    for f in persons:
        for k in range(2, len(keys[f])):
            by_ending[tuple(keys[f][-k:])].append(f)
    for name in persons:
        parts = keys[name]
        if len(parts) >= 2 and plain(name_parts(name)[0]) in NAME_PARTICLES:
            longer = {find(f) for f in by_ending.get(tuple(parts), ())}
            if len(longer) == 1:
                union(next(iter(longer)), name)
    # a genitive the article could not strip ("Rudolf Hundstorfers", "Burgenlands") to the same-typed
    # name another article writes without it, used at least as often
    top = {n: stats[n]["types"].most_common(1)[0][0] for n in names}
    of_type = defaultdict(set)             # (a name is never its own stripped form)
    for n in names:
        of_type[top[n]].add(n)
    for name in names:
        base = strip_genitive(name, of_type[top[name]])
        if base != name and stats[base]["mentions"] >= stats[name]["mentions"]:
            union(base, name)
    # organisations: acronym == initials of a long form seen elsewhere; adjective endings
    # ("Europäischen Parlament" = "Europäisches Parlament")
    orgs = [n for n in names if stats[n]["types"].most_common(1)[0][0] == "ORG"]
    by_stem = defaultdict(list)
    for name in orgs:
        if len(name.split()) >= 2:
            by_stem[declension_free(name)].append(name)
    for group in by_stem.values():
        for other in group[1:]:
            union(group[0], other)
    # an organisation another article names by a long form it resolved to this one: "Internet-Polizei"
    # where another article wrote "Internet-Polizei (IIP)"
    by_alias = defaultdict(set)
    for name in orgs:
        for alias in stats[name]["aliases"]:
            if fold(alias) != fold(name) and (" " in alias or "-" in alias[1:-1]) and \
                    sum(c.isupper() for c in alias) < len(alias) / 2:       # no acronym: "SPÖ" of "Wiener SPÖ"
                by_alias[declension_free(alias)].add(name)
    for name in orgs:
        holders = by_alias.get(declension_free(name), set()) - {name}
        if len({find(h) for h in holders}) == 1:
            union(next(iter(holders)), name)
    short = {n: n for n in orgs if re.fullmatch(r"[A-ZÄÖÜ]{2,8}", n)}
    lex = load()
    for name in orgs:
        if len(name.split()) >= 2 and initials(name) in short:
            known, known_short = lex.org_of(name), lex.org_of(initials(name))
            if known and known_short and known != known_short:
                continue      # "Internationaler Strafgerichtshof" is not "IS": the lexicon knows both
            if len(initials(name)) < 3 and not known and \
                    not stats[name]["articles"] & stats[short[initials(name)]]["articles"]:
                continue      # two letters: "Tiroler Verein" is "TV" only where one article names both
            union(short[initials(name)], name)

    clusters = defaultdict(list)
    for name in names:
        clusters[find(name)].append(name)
    rename, members_of = {}, defaultdict(list)
    for members in clusters.values():
        canonical = choose_canonical(members, stats, aliases)
        members_of[canonical] += members
        for name in members:
            rename[name] = canonical

    canonical_type = {}

    def type_of(name):
        if name not in canonical_type:
            types = Counter()
            for member in members_of[name]:     # the canonical name may be new (from the alias file)
                types.update(stats[member]["types"])
            canonical_type[name] = "STATE" if types.get("STATE") else types.most_common(1)[0][0]
        return canonical_type[name]

    def merge(result):
        if aliases.keep_apart:
            result = keep_apart_inside(result, aliases)
        entities = {}
        for entity in result["entities"]:
            name = rename[entity["name"]]
            target = entities.setdefault(name, {"name": name, "type": None, "aliases": set(), "mentions": 0})
            target["aliases"].update(entity.get("aliases", ()))
            target["mentions"] += entity.get("mentions", 1)
        for name, entity in entities.items():
            entity["type"] = type_of(name)
            entity["aliases"] = sorted(entity["aliases"])
        relations = []
        for relation in result["relations"]:
            source, target = rename.get(relation["source"], relation["source"]), \
                rename.get(relation["target"], relation["target"])
            if source != target:
                relations.append(dict(relation, source=source, target=target))
        return dict(result, entities=list(entities.values()), relations=relations)
    return merge


def keep_apart_inside(result: dict, aliases: AliasTable) -> dict:
    """`!Name` inside one article: a surface form the article resolved to a longer name ("Kim" to
    "Kim Jong-un") becomes an entity of its own (its relations stay with the longer name)."""
    entities, split = [], {}
    for entity in result["entities"]:
        kept = []
        for alias in entity.get("aliases", ()):
            if fold(alias) in aliases.keep_apart and fold(alias) != fold(entity["name"]):
                split.setdefault(alias, {"name": alias, "type": entity["type"], "aliases": [alias], "mentions": 1})
            else:
                kept.append(alias)
        entities.append(dict(entity, aliases=kept) if len(kept) != len(entity.get("aliases", ())) else entity)
    if not split:
        return result
    names = {e["name"] for e in entities}
    return dict(result, entities=entities + [e for name, e in split.items() if name not in names])


def declension_free(name: str) -> str:
    """A multi-word name with the inflection endings cut off each word: "Europäischen Gerichtshofes" and
    "Europäischer Gerichtshof" share one."""
    return " ".join(re.sub(r"(es|en|er|em|e|s)$", "", w) if len(w) > 4 else w for w in fold(name).split())


def choose_canonical(members, stats, aliases: AliasTable) -> str:
    for name in members:
        forced = aliases.lookup(name)
        if forced:
            return forced
    for name in members:
        for alias in stats[name]["aliases"]:
            if aliases.lookup(alias):
                return aliases.lookup(alias)
    acronyms = [m for m in members if re.fullmatch(r"[A-ZÄÖÜ]{2,8}", m)]
    if acronyms:
        return sorted(acronyms)[0]
    # the full form used most often; ties: alphabetical
    full = [m for m in members if len(m.split()) > 1] or members
    return sorted(full, key=lambda n: (-stats[n]["mentions"], n))[0]
