"""Attributive participles: "die von Frankreich an die Ukraine gelieferten Panzer", "die von der EU
gegen Russland verhängten Sanktionen", "die gegen Kiew erhobenen Vorwürfe".

The noun phrase is read off the words, since a small parser rarely gets it right: from the
determiner that opens it to the participle. Its "von X" (or "durch X") is the doer; its other
prepositional phrases fill the cue's prepositional roles. The participle of a cue verb uses the
verb's frame; the participle of a light verb ("verhängen", "erheben") before a noun cue uses the
noun's frame, with the doer as its source.
"""
from __future__ import annotations

from graphx.lexicon import fold, word_forms
from graphx.relations.syntax import CONTRACTIONS, INFLECTED, PHRASE_BREAKS, all_pairs


class ParticipleRelations:
    """Relations from attributive participles (mixed into RelationFinder)."""

    def participle_verb_lemmas(self, token) -> set:
        """Infinitives an attributive participle stands for ("gelieferten" -> liefern)."""
        word = token.lower_
        if token.pos_ not in ("ADJ", "VERB") or not word.endswith(INFLECTED) or token.i + 1 >= len(self.doc):
            return set()
        table = word_forms()
        first = table.get(word) or table.get(token.text) or ""
        lemmas = {fold(first), fold(table.get(first, ""))} - {""}
        return {lemma for lemma in lemmas if lemma.endswith(("en", "ern", "eln"))}

    def participle_relations(self, sentence) -> list:
        found = []
        span = sentence.span
        for token in span:
            lemmas = self.participle_verb_lemmas(token)
            if not lemmas:
                continue
            noun = self.modified_noun(token, span)
            if noun is None:
                continue
            start = self.phrase_start(token, span)
            if start is None:
                continue
            items = self.phrase_items(start, token.i)
            doers = [name for name, prep in items if prep in ("von", "durch")]
            cues = [(cue, False) for lemma in lemmas for cue in self.lex.verb_cues.get(lemma, [])]
            if any(self.lex.verb_class(lemma, "light") for lemma in lemmas):
                cues += [(cue, True) for cue in self.lex.noun_cue(noun.lemma_ or noun.text) or self.lex.noun_cue(noun.text)]
            for cue, nominal in cues:
                if "pair" in cue.source and not self.negated(noun):
                    found += self.participle_pairs(sentence, token, cue, items, doers)
                if "pair" in cue.source or not doers or self.negated(noun) or \
                        not self.cue_applies(cue, sentence.words if cue.requires else (),
                                             {t.lower_ for t in self.doc[start:noun.i + 1]}):
                    continue
                targets = []
                for role in cue.target:
                    if role.startswith("pp:"):
                        targets = [name for name, prep in items if prep == role[3:]]
                    elif role == "obj" and not nominal:
                        targets = [self.names[ix] for ix in self.by_token.get(noun.i, ())] or \
                            [n for n in self.entities_at(noun) if n not in doers]   # "die von X kritisierte Regierung Ys"
                    if targets:
                        break
                for source in doers:
                    for target in targets:
                        if source != target and "LOCATION" not in (self.types.get(source), self.types.get(target)):
                            speaker, status = self.attribution(sentence, token, {source})
                            found.append({"source": source, "target": target, "relation": cue.relation,
                                          "evidence": self.evidence(sentence, token, cue.lemma, speaker, status)})
        return found

    def participle_pairs(self, sentence, token, cue, items, doers) -> list:
        """"das zwischen X und Y geschlossene Abkommen", "der von X und Y unterzeichnete Vertrag": both parties."""
        words = sentence.words
        if cue.requires and not any(any(w.startswith(r) or r in w for w in words) for r in cue.requires):
            return []
        names, open_ = [], False
        for name, prep in items:          # "zwischen X und der Y": the conjunct has no preposition of its own
            open_ = prep == "zwischen" or (open_ and prep is None)
            if open_ and name not in names:
                names.append(name)
        if len(names) < 2:
            names = list(dict.fromkeys(doers)) if len(set(doers)) >= 2 else []
        names = [n for n in names if self.types.get(n) != "LOCATION"]
        out = []
        for source, target in all_pairs(names):
            speaker, status = self.attribution(sentence, token, {source})
            out.append({"source": source, "target": target, "relation": cue.relation,
                        "evidence": self.evidence(sentence, token, cue.lemma, speaker, status)})
        return out

    def modified_noun(self, participle, span):
        """The noun right after the participle (one more adjective may stand between)."""
        for j in range(participle.i + 1, min(span.end, participle.i + 3)):
            token = self.doc[j]
            if token.pos_ in ("NOUN", "PROPN"):
                return token
            if token.pos_ != "ADJ":
                return None
        return None

    def phrase_start(self, participle, span):
        """The determiner opening the participle's noun phrase: the first one going left that no
        preposition governs ("Die von der EU ... verhängten": "Die", not "der")."""
        j = participle.i - 1
        while j >= span.start and participle.i - j <= 12:
            token = self.doc[j]
            if token.text in PHRASE_BREAKS or (token.pos_ in ("VERB", "AUX") and token.text[:1].islower()):
                return None
            if token.pos_ == "DET" and not (j > span.start and (self.doc[j - 1].pos_ == "ADP" or
                                                                self.doc[j - 1].lower_ in ("und", "oder", "sowie"))):
                return j       # not "der" of "zwischen X und der Y"
            j -= 1
        return None

    def phrase_items(self, start, end) -> list:
        """(entity name, preposition in front of it or None) for the mentions in [start, end)."""
        items = []
        for index in self.mentions_between(start, end):
            m = self.mentions[index]
            i = m.first - 1
            while i > start and self.doc[i].pos_ in ("DET", "ADJ", "NUM"):
                i -= 1
            word = self.doc[i].lower_ if i >= start else ""
            prep = CONTRACTIONS.get(word, word) if self.doc[i].pos_ == "ADP" or word in CONTRACTIONS else None
            items.append((self.names[index], prep))
        return items
