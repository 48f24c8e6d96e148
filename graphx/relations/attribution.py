"""Attribution and polarity: who says a relation, whether it is stated or alleged, and whether
it is asserted at all (negation, demands, conditions)."""
from __future__ import annotations

from graphx.relations.syntax import (
    ACCORDING_TO,
    CLAUSE_DEPS,
    HYPOTHETICAL,
    INTENT_MODALS,
    LITOTES,
    NEGATIONS,
    OBJ,
    UNREAL,
    clause_bounds,
)


class Attribution:
    """Negation, hypotheticals and speakers (mixed into RelationFinder)."""

    def negated(self, token) -> bool:
        if token.pos_ in ("VERB", "AUX") and self.lemmas(token) & LITOTES:
            return False
        scope = [token] + [c for c in token.children if c.dep_ in ("aux", "aux:pass", "cop")]
        for head in scope:
            for child in head.children:
                word = child.lower_
                if word in NEGATIONS:
                    following = self.doc[child.i + 1] if child.i + 1 < len(self.doc) else None
                    if following is not None and following.lower_ in ("nur", "bloß", "lediglich"):
                        continue
                    return True
                if word == "ohne" and child.dep_ in ("mark", "cp", "case"):
                    return True
                if word.startswith("kein") and child.dep_ in ("det", "nk", "advmod"):
                    return True
        for child in token.children:
            if child.dep_ in OBJ and any(g.lower_.startswith("kein") for g in child.children):
                return True
        return self.negated_below(token)

    def negated_verb(self, verb) -> bool:
        """"nicht" on the verb itself or its auxiliary ("kann nicht mit X rechnen"), not "nicht nur"."""
        for head in [verb] + [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]:
            for child in head.children:
                if child.lower_ in NEGATIONS and child.dep_ == "advmod" and not (
                        child.i + 1 < len(self.doc) and self.doc[child.i + 1].lower_ in ("nur", "bloß", "lediglich")):
                    return True
        return False

    def negated_below(self, token) -> bool:
        """"warfen sich nicht gegenseitig ... vor": "nicht" hung on an adverb or an argument of the
        verb, within its clause (not "nicht X, sondern Y")."""
        sent = token.sent                  # (built anew on every access)
        start, end = clause_bounds(self.doc, token.i, sent)
        if any(t.lower_ == "sondern" for t in sent):
            return False
        for t in self.doc[start:end]:
            if t.lower_ not in NEGATIONS or (t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ in ("nur", "bloß", "lediglich")):
                continue
            node, steps = t.head, 0
            while node != token and node.head != node and steps < 3 and node.dep_ not in CLAUSE_DEPS and \
                    node.pos_ not in ("VERB", "AUX"):
                node, steps = node.head, steps + 1
            if node == token:
                return True
        return False

    def unasserted(self, cue_token, span) -> bool:
        """Is the cue inside what someone demands, proposes or threatens ("fordert X auf, Y zu
        beliefern", "droht, ... anzugreifen"), or in a condition or an indirect question ("falls ...",
        "ob ..."), or what someone only wants to do? Then nothing is asserted to have happened."""
        if any(c.dep_.startswith("aux") and c.lemma_ in INTENT_MODALS for c in cue_token.children) or \
                (cue_token.dep_ in ("xcomp", "oc") and cue_token.head.lemma_ in INTENT_MODALS):
            return True          # "X will sich mit Y treffen": an intention
        node, steps = cue_token, 0
        while node.head != node and steps < 4:
            previous, node = node, node.head
            steps += 1
            if previous.dep_ in ("acl:relcl", "rc"):
                break            # "..., sich der Klage anzuschließen, die von X unterstützt wird": a fact
            if previous.dep_ in CLAUSE_DEPS | {"xcomp", "oc"} and \
                    any(self.lex.verb_class(lemma, "appeal") for lemma in self.lemmas(node)):
                return True
        start, _ = clause_bounds(self.doc, cue_token.i, span)
        if self.doc[start].lower_ in HYPOTHETICAL or any(c.lower_ in HYPOTHETICAL and c.dep_ in ("mark", "cp")
                                                         for c in cue_token.children):
            return True          # "ob er ... treffen werde", "falls Iran ... liefert"
        if self.conditional(cue_token, span):
            return True
        if cue_token.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ in ("amod", "nk") and c.lower_.startswith(UNREAL) for c in cue_token.children):
            return True          # "mögliche Sanktionen", "die angedrohten Strafzölle"
        if start <= span.start or not (self.is_infinitive(cue_token) or self.doc[start].lower_ in ("dass", "damit")):
            return False
        outer_start, outer_end = clause_bounds(self.doc, start - 2, span) if start - 2 >= span.start else (0, 0)
        return any(any(self.lex.verb_class(lemma, "appeal") for lemma in self.lemmas(t))
                   for t in self.doc[outer_start:outer_end] if t.pos_ in ("VERB", "AUX"))

    def conditional(self, cue_token, span) -> bool:
        """"X würde Y im Falle einer Z angreifen": a "würde" in the cue's clause and "im Fall(e)" in the sentence."""
        start, end = clause_bounds(self.doc, cue_token.i, span)
        if not any(t.lower_ in ("würde", "würden") for t in self.doc[start:end]):
            return False
        return any(t.lower_ in ("fall", "falle") and t.i > span.start and self.doc[t.i - 1].lower_ == "im" for t in span)

    def attribution(self, sentence, cue_token, source_names):
        """(speaker entity or None, 'stated'|'alleged')."""
        speaker, hedged = None, False
        for token in sentence.span:
            word = token.lower_
            if word in ACCORDING_TO:
                phrase = token.head if token.head != token else token
                names = self.entities_at(phrase, 2) if phrase != token else []
                if not names:
                    window = range(token.i + 1, min(token.i + 6, sentence.span.end)) if word != "zufolge" \
                        else range(max(sentence.span.start, token.i - 5), token.i)
                    names = [self.names[ix] for i in window for ix in self.by_token.get(i, ())]
                if names:
                    speaker = names[0]
            if self.according_to_noun(token):
                names = self.all_entities_in(token)
                if names:
                    speaker = names[0]
            if word == "berufung":
                hedged = True
        # reporting verb governing the cue's clause, or quoted speech with "so X" / "sagte X"
        node, steps = cue_token, 0
        while node.head != node and steps < 6:
            previous, node = node, node.head
            steps += 1
            lemmas = self.lemmas(node)
            if any(self.lex.verb_class(l, "hedge") for l in lemmas) and previous.dep_ in CLAUSE_DEPS | {"xcomp"}:
                hedged = True     # "X wirft Y vor, ... zu liefern": X says so
                names = [n for h in self.subjects(node) for n in self.entities_at(h)]
                if names and speaker is None:
                    speaker = names[0]
            if any(self.lex.verb_class(l, "report") for l in lemmas) and previous.dep_ in CLAUSE_DEPS:
                names = [n for h in self.subjects(node) for n in self.entities_at(h)]
                if names and speaker is None:
                    speaker = names[0]
                hedged = True
        for token in (cue_token, *[c for c in cue_token.children if c.dep_.startswith("aux")]):
            if "Sub" in token.morph.get("Mood") or token.lemma_ == "sollen":
                hedged = True
        if speaker is None:
            root = sentence.span.root
            if root != cue_token and any(self.lex.verb_class(l, "report") for l in self.lemmas(root)):
                names = [n for h in self.subjects(root) for n in self.entities_at(h)]
                if names:
                    speaker = names[0]
        alleged = hedged or (speaker is not None and speaker not in source_names)
        return speaker, ("alleged" if alleged else "stated")

    def attribution_tokens(self, span) -> set:
        """Tokens of "laut X", "X zufolge", "nach Angaben (von) X", "unter Berufung auf X": the
        source of a report is not an argument of what it reports (found once per span: a frozenset)."""
        memo = self.__dict__.setdefault("_attribution_tokens", {})
        if (span.start, span.end) in memo:
            return memo[span.start, span.end]
        doc, tokens = self.doc, set()
        for token in span:
            word = token.lower_
            if word in ACCORDING_TO - {"zufolge"} or (token.i > span.start and self.according_to_noun(token)) or \
                    (word == "berufung" and token.i + 1 < span.end and doc[token.i + 1].lower_ == "auf"):
                j = token.i + 1
                while j < span.end and not doc[j].is_punct and doc[j].pos_ not in ("VERB", "AUX") and \
                        not (doc[j].pos_ == "ADP" and doc[j].lower_ not in ("von", "vom", "auf", "des")):
                    tokens.add(j)
                    j += 1
            elif word == "zufolge":
                j = token.i - 1
                while j >= span.start and not doc[j].is_punct and doc[j].pos_ not in ("VERB", "AUX"):
                    tokens.add(j)
                    j -= 1
        memo[span.start, span.end] = frozenset(tokens)
        return memo[span.start, span.end]

    def according_to_noun(self, token) -> bool:
        """"nach Angaben X", "nach den Worten von X", "nach Ansicht Xs": who says it."""
        if token.lower_ not in ("angaben", "worten", "ansicht", "einschätzung", "darstellung") or token.i < 1:
            return False
        before = [t.lower_ for t in self.doc[max(token.sent.start, token.i - 3):token.i]]
        return bool(before) and (before[-1] == "nach" or (len(before) > 1 and before[-2] == "nach" and
                                                          before[-1] in ("den", "der", "eigenen", "seinen", "ihren")))

    def only_in_attribution(self, span) -> set:
        inside = self.attribution_tokens(span)
        if not inside:
            return set()
        seen_outside, seen_inside = set(), set()
        for index in self.mentions_in(span):
            (seen_inside if self.mentions[index].first in inside else seen_outside).add(self.names[index])
        return seen_inside - seen_outside

