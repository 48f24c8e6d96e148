"""Last-resort arguments: for a cue word that gave no relation of its label in its sentence, the
source and target read off word order, case, prepositions and clause boundaries alone (the frame's
role list says which phrase to take). Its edges carry "construction": "backoff" in their evidence."""
from __future__ import annotations

from graphx.relations.clause import ATTACHED, Clause
from graphx.relations.syntax import (
    CONTRACTIONS,
    DASHES,
    RELATIVE_PRONOUNS,
    TIME_NOUNS,
    clause_bounds,
)

ACTORS = ("PERSON", "ORG", "STATE")
SUBORDINATORS = {"dass", "weil", "da", "ob", "wenn", "falls", "obwohl", "nachdem", "bevor", "während", "als",
                 "damit", "um", "sodass", "wie", "wo", "womit", "wobei"}
OBLIQUE_ENDINGS = ("dem", "den", "des", "einem", "einen", "eines", "inem", "inen", "ines", "rem", "ren", "res")
EVENT_PREPOSITIONS = {"bei", "nach", "während", "vor", "auf", "am"}    # "bei einem Treffen mit X"
SOURCE_ROLES = {"subj", "gov_subj", "poss_subj", "receiver", "with_subj"}
# "müsse mit X sprechen", "könnte X angreifen": an obligation or a possibility, not an event
UNSURE = {"müssen", "können", "dürfen", "wollen", "möchten", "mögen", "würde", "würden", "könnte", "könnten"}


class Field(Clause):
    """A Clause over given token bounds (the Vorfeld segment of a clause split by an aside)."""

    def __init__(self, finder, cue_token, span, start, end):
        self.f, self.doc, self.cue, self.span = finder, finder.doc, cue_token, span
        self.start, self.end = start, end
        self.items = self.mentions_in(start, end)


class BackoffRelations:
    """Relations for cues whose frame found no arguments (mixed into RelationFinder)."""

    def backoff_relations(self, sentence, sites, found) -> list:
        labels = {r["relation"] for r in found}
        out, done = [], set()
        for token, verb, cue in sites:
            if cue.relation in labels or (cue.relation, token.i) in done or \
                    (cue.person_target and cue.person_target in labels) or self.unsure(token, sentence):
                continue
            done.add((cue.relation, token.i))
            if (cue.requires or cue.relation == "supplies") and \
                    not self.in_clause(token, sentence, cue.requires or self.lex.supply_goods()):
                continue        # "Glückwünsche an X senden": what is sent must be named in the clause
            for source, target in self.backoff_pairs(sentence, token, cue):
                if not self.backoff_types(source, target, cue):
                    continue
                relation = cue.person_target if cue.person_target and self.types.get(target) == "PERSON" \
                    else cue.relation
                speaker, status = self.attribution(sentence, token, {source})
                evidence = self.evidence(sentence, token, cue.lemma, speaker, status)
                evidence["construction"] = "backoff"
                out.append({"source": source, "target": target, "relation": relation, "evidence": evidence})
                labels.add(relation)
        return out

    def in_clause(self, token, sentence, stems) -> bool:
        start, end = clause_bounds(self.doc, token.i, sentence.span)
        return any(any(t.lower_.startswith(r) or r in t.lower_ for r in stems) for t in self.doc[start:end])

    def unsure(self, token, sentence) -> bool:
        start, end = clause_bounds(self.doc, token.i, sentence.span)
        return any(t.lemma_ in UNSURE or t.lower_ in UNSURE for t in self.doc[start:end] if t.pos_ in ("AUX", "VERB"))

    def backoff_types(self, source, target, cue) -> bool:
        if source == target or self.types.get(source) not in ACTORS:
            return False
        return self.types.get(target) in ACTORS or (cue.relation == "attacks" and self.types.get(target) == "LOCATION")

    def backoff_pairs(self, sentence, token, cue) -> list:
        clause = Field(self, token, sentence.span, *self.backoff_bounds(token.i, sentence.span))
        sayers = self.only_in_attribution(sentence.span)
        roles = [r for r in cue.source if r != "pair"]
        sources = self.backoff_sources(clause, sentence, token, cue, roles)
        sources = [s for s in sources if s not in sayers]
        if not sources:
            return []
        for role in cue.target:
            targets = [t for t in self.backoff_role(clause, role, token, cue, sources) if t not in sources + list(sayers)]
            if targets:
                return [(s, targets[0]) for s in sources]
        return []

    def backoff_sources(self, clause, sentence, token, cue, roles) -> list:
        if cue.is_noun:
            if "mod" in roles:
                names = clause.around_noun() + clause.with_preposition("von", after=token.i)[:1] + \
                    clause.with_preposition("durch", after=token.i)[:1]
                if names:
                    return names[:1]
            if cue.relation == "meets" and self.noun_preposition(token) in EVENT_PREPOSITIONS:
                return self.nominative(clause)     # "X sprach bei einem Treffen mit Y": X met Y
            if not SOURCE_ROLES & set(roles) or self.owned_by_another(token, cue.relation) or not any(
                    self.lex.verb_class(lemma, "light") or self.lex.verb_class(lemma, "receive")
                    for t in self.doc[clause.start:clause.end] if t.pos_ in ("VERB", "AUX") for lemma in self.lemmas(t)):
                return []          # "verurteilte den Angriff": who condemns is not who attacks
        elif clause.passive():
            if "agent" not in roles:
                return []
            return (clause.with_preposition("von") or clause.with_preposition("durch"))[:1]
        elif not SOURCE_ROLES & set(roles):
            return []
        if clause.is_infinitive_clause():
            return []           # "weigerte sich, mit X zu verhandeln": not done
        if clause.relative_clause():
            return clause.subject()
        if self.verb_first(clause):       # "X, der ..., kritisierte Y": the subject before the aside
            vorfeld = self.vorfeld(clause, sentence)
            names = self.nominative(vorfeld) if vorfeld is not None else []
            if names:
                return names
        return self.nominative(clause)

    def backoff_bounds(self, i, span):
        """The clause around token i, over asides between a pair of dashes ("X – einschließlich Y –
        verhängte ..."), as clause_bounds does for brackets."""
        start, end = clause_bounds(self.doc, i, span)
        dashes = [t.i for t in span if t.text in DASHES]
        if dashes and self.is_dateline(span[0]):
            dashes = dashes[1:]          # "Wien – ...": the dateline's dash
        if start - 1 in dashes and dashes.index(start - 1) % 2 == 1 and not self.verb_in(dashes[dashes.index(start - 1) - 1], start - 1):
            start = clause_bounds(self.doc, dashes[dashes.index(start - 1) - 1] - 1, span)[0]
        if end in dashes and dashes.index(end) % 2 == 0 and dashes.index(end) + 1 < len(dashes) and \
                not self.verb_in(end, dashes[dashes.index(end) + 1]):
            end = clause_bounds(self.doc, dashes[dashes.index(end) + 1] + 1, span)[1]
        return start, end

    def verb_in(self, start, end) -> bool:
        return any(t.pos_ in ("VERB", "AUX") for t in self.doc[start:end])

    def nominative(self, clause) -> list:
        """The subject by position: the first noun phrase before the finite verb, else the first one
        right after it ("Am Montag kritisierte X ..."), when it names an actor in the nominative (or
        unmarked case); a state adjective on an acting body ("die russische Regierung") stands for its
        state. An unnamed first phrase ("Kritiker werfen X vor", "er") gives none."""
        first = self.first_nominal(clause)
        if first is None:
            return []
        for ix, prep, case in clause.items:
            m = self.mentions[ix]
            if not m.first <= first <= m.last + 1:
                continue
            if prep is not None or self.is_dateline(self.doc[m.first]) or m.type not in ACTORS:
                continue
            if m.last < first:      # "die russische Regierung", "Russlands Regierung": an acting body's owner
                head = self.doc[first]
                if (m.kind == "adj" or m.surface.endswith("s")) and self.lex.is_actor_noun(head.text) and \
                        not self.lex.title_relation(head.text) and not self.oblique_opening(m.first, clause.start):
                    return [clause.name(ix)]
                continue            # "der russische Präsident X": X is the subject
            if self.oblique_opening(m.first, clause.start) or m.kind == "adj" or \
                    clause.describes_role(ix) or not self.acts_for_state(ix):
                continue
            return [clause.name(ix)]
        return []

    def noun_preposition(self, noun):
        """The preposition opening a noun's phrase, read leftwards over its article and adjectives."""
        j = noun.i - 1
        while j >= noun.sent.start and self.doc[j].pos_ in ("DET", "ADJ", "NUM"):
            j -= 1
        word = self.doc[j].lower_ if j >= noun.sent.start else ""
        return CONTRACTIONS.get(word, word) if self.doc[j].pos_ == "ADP" or word in CONTRACTIONS else None

    def oblique_opening(self, i, start) -> bool:
        """The phrase ending before token i opens with an article or possessive that is never
        nominative ("dem", "den", "des", "einem", "ihren"): the parser's case is not trusted."""
        j = i - 1
        while j >= start and (self.doc[j].pos_ in ("ADJ", "NUM") or self.lex.title_relation(self.doc[j].text)):
            j -= 1
        return j >= start and self.doc[j].lower_.endswith(OBLIQUE_ENDINGS) and self.doc[j].pos_ in ("DET", "PRON")

    def first_nominal(self, clause):
        """Index of the first bare noun phrase's head of the Vorfeld, else of the Mittelfeld."""
        doc = self.doc
        verbs = [t.i for t in doc[clause.start:clause.end] if self.finite(t)] or [clause.cue.i]
        for lo, hi in ((clause.start, verbs[0]), (verbs[0] + 1, clause.end)):
            i = lo
            while i < hi:
                t = doc[i]
                if t.pos_ == "ADP" or t.lower_ in CONTRACTIONS:   # skip a prepositional phrase
                    i += 1
                    while i < hi and (doc[i].pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN") or doc[i].text in "&()") \
                            and not (doc[i].pos_ == "DET" and doc[i - 1].pos_ in ("NOUN", "PROPN")
                                     and doc[i].lower_ not in ("des", "der", "eines", "einer")):
                        i += 1    # the phrase with its genitive: "nach seiner Prüfung der X (Y)"
                    continue
                named = t.text[:1].isupper() and any(self.mentions[ix].kind == "name" for ix in self.by_token.get(i, ()))
                if (t.pos_ in ("NOUN", "PROPN", "PRON") or named) and t.lower_ not in TIME_NOUNS and \
                        t.lower_ not in ("sich", "es"):
                    j = i         # the phrase's last word: "die russische Regierung", "Präsident X Y"
                    while j + 1 < hi and (self.by_token.get(j + 1) and doc[j + 1].text[:1].isupper() or
                                          doc[j + 1].pos_ in ("PROPN", "NOUN") and t.pos_ != "PRON"):
                        j += 1        # "Xi Jinping" tagged pronoun and verb
                    return j if self.by_token.get(j) or self.by_token.get(i) else i
                i += 1
        return None

    def verb_first(self, clause) -> bool:
        first = self.doc[clause.start]
        return clause.start > clause.span.start and self.doc[clause.start - 1].text == "," and self.finite(first)

    def finite(self, token) -> bool:
        """A finite verb, by morphology or, where the tagger gives none, by form."""
        if token.pos_ not in ("VERB", "AUX"):
            return False
        forms = token.morph.get("VerbForm")
        return "Fin" in forms if forms else not (self.is_infinitive(token) or self.looks_participle(token))

    def vorfeld(self, clause, sentence):
        """The segment before the asides ahead of a verb-first clause: relative or subordinate clauses
        and verbless appositions are skipped; the first verbless segment left of them is the Vorfeld."""
        span, end = sentence.span, clause.start - 1
        found = None
        while end > span.start:
            start, _ = clause_bounds(self.doc, end - 1, span)
            words = self.doc[start:end]
            has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
            embedded = words[0].lower_ in RELATIVE_PRONOUNS | SUBORDINATORS and start > span.start
            if has_verb and not embedded:
                break
            if not has_verb:
                found = (start, end)
            if start <= span.start or self.doc[start - 1].text != ",":
                break
            end = start - 1
        return Field(self, clause.cue, span, *found) if found else None

    def backoff_role(self, clause, role, token, cue, sources) -> list:
        if role.startswith("pp:"):
            prep = role[3:]
            after = token.i if cue.is_noun else None
            return [clause.name(ix) for ix, p, _ in clause.items
                    if (p == prep or (p == ATTACHED and clause.outer_preposition(ix) == prep))
                    and (after is None or after < self.mentions[ix].first <= after + 9)
                    and not clause.describes_role(ix)]
        if cue.is_noun:
            return clause.around_noun() if role == "mod" else []
        if role not in ("obj", "dat"):
            return []
        if role == "obj" and clause.passive():
            return self.nominative(clause)
        wanted = ("Acc", None) if role == "obj" else ("Dat",)
        return [clause.name(ix) for ix, prep, case in clause.items if prep is None and case in wanted and
                clause.name(ix) not in sources and self.mentions[ix].kind != "adj" and
                not clause.is_genitive_attribute(ix) and not clause.describes_role(ix)][:1]
