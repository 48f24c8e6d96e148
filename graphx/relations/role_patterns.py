"""Role constructions said as spaCy Matcher / DependencyMatcher patterns (lexicons/role_patterns.jsonl).

A pattern line: "id", "matcher" ("token" or "dependency"), "pattern", and which matched token is
- "person": inside the person's mention ("person_edge" "first"/"last": that token must start/end it);
- "role": a role noun: the label comes from its class (titles.tsv), the owners from the shared owner
  finder (roles.py title_owners);
- "owner": inside the owner's mention ("owner_types", "owner_kinds"; "owner_fills": the mention must
  cover exactly the tokens matched there), with the label in "relation".
Optional checks: "not_followed_by" (words that must not follow the match), "next_not_person",
"not_dateline_bracket" (no match before a dash unless a dash opened an aside before it), and for
the token at a position: "not_negated", "asserted" (not demanded or hypothetical), "no_particle". A
pattern value "@name" stands for lexicons/name.txt: a regex of its words as the end of a compound,
with -en/-n/-s/-es ("@membership_nouns" matches "Regierungsparteien"). Patterns see the mentions through two token extensions set per Doc:
`gx_ent` (the type of the mention covering a token, PERSON first) and `gx_role` (the label of a role noun).
"""
from __future__ import annotations

import json
import re

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Token

from graphx.lexicon import LEXICON_DIR, fold, rows

PATTERNS = LEXICON_DIR / "role_patterns.jsonl"
EXTENSIONS = ("gx_ent", "gx_role")
TYPE_ORDER = ("PERSON", "ORG", "STATE", "LOCATION")
_MATCHERS = {}                           # id(vocab) -> (vocab, token matcher, dependency matcher, specs)


def load_specs(path=PATTERNS) -> list:
    specs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.lstrip().startswith("#"):
                specs.append(json.loads(line, object_hook=with_lexicons))
    return specs


def with_lexicons(node: dict) -> dict:
    """Replace "@name" values by the regex of lexicons/name.txt (see the module docstring)."""
    for key, value in node.items():
        if isinstance(value, str) and value.startswith("@"):
            words = sorted({fold(row[0]) for row in rows(value[1:] + ".txt")}, key=len, reverse=True)
            node[key] = "(?:" + "|".join(map(re.escape, words)) + ")(?:en|n|s|es)?$"
    return node


def matchers(vocab):
    """The matchers for a vocab, built once per process."""
    entry = _MATCHERS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        for name in EXTENSIONS:
            if not Token.has_extension(name):
                Token.set_extension(name, default="")
        specs = {spec["id"]: spec for spec in load_specs()}
        token, dependency = Matcher(vocab), DependencyMatcher(vocab)
        for key, spec in specs.items():
            if spec.get("matcher", "token") == "dependency":
                dependency.add(key, [spec["pattern"]])
            else:
                token.add(key, [spec["pattern"]])
        entry = _MATCHERS[id(vocab)] = (vocab, token, dependency, specs, dependency_anchors(specs.values()))
    return entry[1:]


def dependency_anchors(specs):
    """The lemmas one of which a Doc must hold for a dependency pattern to match (each pattern's first
    node lists its lemmas), or None when a pattern's first node has no lemma list."""
    anchors = set()
    for spec in specs:
        if spec.get("matcher") == "dependency":
            lemmas = spec["pattern"][0]["RIGHT_ATTRS"].get("LEMMA", {})
            if not isinstance(lemmas, dict) or "IN" not in lemmas:
                return None
            anchors |= set(lemmas["IN"])
    return anchors


def mark_tokens(doc, mentions, role_of) -> None:
    """Set gx_ent and gx_role on the Doc's tokens (earlier values of these extensions are dropped)."""
    for key in [k for k in doc.user_data if isinstance(k, tuple) and len(k) == 4 and k[1] in EXTENSIONS]:
        del doc.user_data[key]
    types = {}
    for m in mentions:
        for i in range(m.first, m.last + 1):
            if i not in types or TYPE_ORDER.index(m.type) < TYPE_ORDER.index(types[i]):
                types[i] = m.type
    for i, kind in types.items():
        doc[i]._.gx_ent = kind
    for token in doc:
        if token.text[:1].isupper():
            relation = role_of(token)
            if relation:
                token._.gx_role = relation


def find_matches(doc, mentions, role_of) -> list:
    """(spec, {pattern key: [token indices]}, start, end) for every match in the Doc; token patterns
    only in the sentences that name a person (every pattern has one)."""
    persons = [m for m in mentions if m.type == "PERSON"]
    if not persons:
        return []
    token_matcher, dependency_matcher, specs, anchors = matchers(doc.vocab)
    mark_tokens(doc, mentions, role_of)
    vocab = doc.vocab
    starts = sorted({m.first for m in persons})
    result = []
    for span in doc.sents:
        if not any(span.start <= i < span.end for i in starts):
            continue
        offset = span.start
        for match_id, start, end, alignment in token_matcher(span, with_alignments=True):
            spec = specs[vocab.strings[match_id]]
            positions = {}
            for k, node in enumerate(alignment):
                positions.setdefault(node, []).append(offset + start + k)
            result.append((spec, positions, offset + start, offset + end))
    anchored = len(dependency_matcher) and (anchors is None or any(t.lemma_ in anchors for t in doc))
    for match_id, token_ids in dependency_matcher(doc) if anchored else ():   # (on a Span it copies the Doc)
        spec = specs[vocab.strings[match_id]]
        positions = {node: [i] for node, i in enumerate(token_ids)}
        result.append((spec, positions, min(token_ids), max(token_ids) + 1))
    return result


def node_index(spec, key):
    """The pattern position named by spec[key]: an index, or a RIGHT_ID of a dependency pattern."""
    value = spec.get(key)
    if isinstance(value, str):
        return next(i for i, node in enumerate(spec["pattern"]) if node["RIGHT_ID"] == value)
    return value
