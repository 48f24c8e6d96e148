"""The relations stage: cue words + the dependency parse -> typed relations with evidence.

A cue (graphx/lexicons/cues.jsonl) names a relation label and, for source and target, the
argument roles to try in order. Roles are read off the parse (UD labels), with grammatical
case from the morphology where the labels are ambiguous; the shallow clause reader steps in
where the parse fails. Role nouns ("der ukrainische Präsident Selenskyj") give leader_of /
member_of. Every relation carries its evidence: the sentence, its offsets, who says it
(attribution), and whether it is stated or alleged. Negated or questioned statements yield nothing.

One module per construction family: arguments (the shared argument finder), frames (verbal and
nominal cues), participles (attributive participles), roles, attribution (and polarity), clause (the
shallow clause reader), backoff (last-resort arguments by word order, case and prepositions for a cue
that gave nothing; its evidence says "construction": "backoff").
"""
from __future__ import annotations

from graphx.relations.finder import RelationFinder

RULES_VERSION = "4"


def find_relations(doc, mentions, names, article: str, offset: int = 0, lex=None, lemmatize=None,
                   context=None) -> list:
    """All relations in a Doc (a whole article or one chunk of it starting at `offset`). Pass the same
    `context` dict for the pieces of one article, in order, so that denials can answer earlier claims."""
    finder = RelationFinder(doc, mentions, names, article, offset, lex, lemmatize)
    if context is not None:
        context.setdefault("claimants", [])
        context.setdefault("sentence", 0)
        finder.context = context
    return finder.find()

