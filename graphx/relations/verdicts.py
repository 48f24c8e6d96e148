"""Verdicts: a speaker judges what an entity did or claimed. "Die Vorwürfe aus X seien haltlos, sagte
Y" and "Y nannte die Berichte Xs erfunden" (denies), "Die Sanktionen der EU seien illegal, so Y" and
"Y hält die Politik Xs für verantwortungslos" (criticizes). Words in lexicons/verdicts.tsv."""
from __future__ import annotations

from graphx.lexicon import fold
from graphx.relations.clause import ATTACHED, QUOTES, Clause
from graphx.relations.syntax import NEGATIONS, clause_bounds

COPULA = {"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären", "gewesen", "sein"}
JUDGING_VERBS = {"nennen", "bezeichnen", "halten", "werten", "einstufen", "abtun", "abqualifizieren"}
JUDGED_PREPOSITIONS = {None, ATTACHED, "von", "aus"}     # "die Vorwürfe aus Kiew", "der Bericht von X"
JUDGED_PHRASES = {None, "von", "aus", "über"}             # the phrase a judged name stands in


class VerdictRelations:
    """Relations from verdict words (mixed into RelationFinder)."""

    def verdict_relations(self, sentence) -> list:
        span, out = sentence.span, []
        for token in span:
            kind = self.lex.verdicts.get(token.lower_) or self.lex.verdicts.get(fold(token.lemma_))
            if not kind or token.pos_ not in ("ADJ", "ADV", "NOUN", "VERB", "PROPN"):
                continue
            start, end = clause_bounds(self.doc, token.i, span)
            words = self.doc[start:end]
            if any(t.lower_ in NEGATIONS or t.lower_.startswith("kein") for t in words) or \
                    self.unasserted(token, span):
                continue
            judge = next((t for t in words if t.pos_ in ("VERB", "AUX") and self.lemmas(t) & JUDGING_VERBS
                          and (not self.lemmas(t) & {"halten"} or any(w.lower_ == "für" for w in words))), None)
            if judge is not None:                   # "Y nannte die Vorwürfe haltlos"
                clause = Clause(self, judge, span)
                sources = [n for h in self.subjects(judge) for n in self.entities_at(h, actor=True)] or clause.subject()
                judged = [t for t in words if t.i > judge.i and t.i != token.i] or \
                    [t for t in words if t.i != token.i]
            elif any(t.lower_ in COPULA for t in words if t.i != token.i):
                clause = Clause(self, token, span)   # "Die Vorwürfe seien haltlos, sagte Y"
                speaker = self.speaker(span, start, end)
                if speaker is None:
                    continue
                sources = [speaker]
                judged = [t for t in words if t.i != token.i]
            else:
                continue
            claim = any(t.pos_ in ("NOUN", "PROPN") and self.is_claim_noun(t) for t in judged)
            relation = "denies" if claim and kind in ("false", "both") else \
                "criticizes" if kind in ("bad", "both") else None
            if relation is None or not sources:
                continue
            judged_ids = {t.i for t in judged}
            targets = [clause.name(ix) for ix, prep, _ in clause.items if prep in JUDGED_PREPOSITIONS
                       and self.mentions[ix].first in judged_ids and clause.name(ix) not in sources
                       and not clause.describes_role(ix)      # "den israelischen Regierungschef X": X
                       and self.phrase_preposition(self.mentions[ix].first, clause.start) in JUDGED_PHRASES]
            targets = [self.capital_state(n) for n in dict.fromkeys(targets)]
            if not targets and relation == "denies":
                targets = [n for n in [self.recent_claimant(sources)] if n]
            for source in sources:
                for target in targets:
                    if source == target or "LOCATION" in (self.types.get(source), self.types.get(target)):
                        continue
                    out.append({"source": source, "target": target, "relation": relation,
                                "evidence": self.evidence(sentence, token, token.lower_, source, "stated")})
        return out

    def phrase_preposition(self, i, start):
        """The preposition opening the noun phrase a name ends: "über" for "Berichte über Lieferungen
        Xs", "mit" for "im Interview mit dem Sender X", None for "die Politik Xs"."""
        j = i - 1
        while j >= start and (self.doc[j].pos_ in ("DET", "ADJ", "NUM", "NOUN", "PROPN") or self.doc[j].text in QUOTES):
            j -= 1
        return self.doc[j].lower_ if j >= start and self.doc[j].pos_ == "ADP" else None

    def is_claim_noun(self, token) -> bool:
        words = {token.lower_, fold(token.lemma_)}
        return any(w.endswith(noun) for w in words for noun in self.lex.claim_nouns)

    def speaker(self, span, start, end):
        """Who says the clause [start, end): the subject of a reporting verb outside it ("..., sagte X",
        "X erklärte, ..."; also the next piece when the parser cut the sentence at the comma), ", so X",
        "laut X"."""
        inside = {self.names[ix] for ix in self.mentions_between(start, end)}
        verbs = [t for t in span if not start <= t.i < end]
        if span.end < len(self.doc) and self.doc[span.end - 1].text == ",":
            verbs += [t for t in self.doc[span.end].sent][:1]       # "Die Behauptungen seien falsch, | betonte X"
        for verb in verbs:
            if verb.pos_ in ("VERB", "AUX") and any(self.lex.verb_class(l, "report") for l in self.lemmas(verb)):
                names = [n for h in self.subjects(verb) if not start <= h.i < end
                         for n in self.entities_at(h, actor=True)] or Clause(self, verb, verb.sent).subject()
                names = [n for n in names if n not in inside]
                if names:
                    return names[0]
        according = [self.names[ix] for ix in self.mentions_in(span) if self.mentions[ix].first in
                     self.attribution_tokens(span) and self.names[ix] not in inside]
        return self.so_speaker(span) or (according[0] if according else None)

    def so_speaker(self, span):
        """", so X." closing a sentence of reported speech: X says it."""
        for token in span:
            if token.lower_ == "so" and token.i > span.start and self.doc[token.i - 1].text == ",":
                names = [self.names[ix] for ix in self.mentions_between(token.i + 1, span.end)
                         if self.mentions[ix].kind != "adj"]
                person = next((n for n in names if self.types.get(n) == "PERSON"), None)
                return person or (names[0] if names else None)
        return None
