"""RelationFinder: the construction families joined over one Doc, sentence by sentence."""
from __future__ import annotations

from graphx.relations.arguments import ArgumentFinder
from graphx.relations.attribution import Attribution
from graphx.relations.backoff import BackoffRelations
from graphx.relations.frames import FrameRelations
from graphx.relations.participles import ParticipleRelations
from graphx.relations.roles import RoleRelations
from graphx.relations.syntax import SPEECH_ACTS, Sentence
from graphx.relations.verdicts import VerdictRelations


class RelationFinder(FrameRelations, ParticipleRelations, VerdictRelations, RoleRelations, BackoffRelations,
                     Attribution, ArgumentFinder):
    """Finds relations in one Doc given its mentions and their resolved entity names."""

    def evidence(self, sentence, cue_token, cue_name, speaker, status):
        text = sentence.text
        return {"article": self.article, "sentence": text.strip(),
                "start": sentence.start + (len(text) - len(text.lstrip())),
                "end": sentence.start + len(text.rstrip()),
                "attribution": speaker, "status": status, "cue": cue_name}

    def find(self) -> list:
        relations = []
        for span in self.doc.sents:
            sentence = Sentence(span, self.offset)
            self.context["sentence"] += 1
            if span.text.rstrip().endswith("?"):
                continue
            sites = list(self.cue_sites(sentence))
            found = self.cue_relations(sentence, sites) + self.participle_relations(sentence) + self.verdict_relations(sentence)
            found += self.backoff_relations(sentence, sites, found)    # last resort: cues that found no arguments
            roles = self.role_relations(sentence)
            own = {(r["source"], r["target"]) for r in roles}     # "kritisierte Y-Präsident X": not his own Y
            found = [r for r in found if r["relation"] not in SPEECH_ACTS or (r["source"], r["target"]) not in own]
            relations += found + roles
            self.context["claimants"] += [(name, self.context["sentence"]) for name in self.claimants(span, found)]
            self.context.setdefault("states", []).extend(
                self.names[ix] for ix in self.mentions_in(span)
                if self.mentions[ix].type == "STATE" and self.mentions[ix].kind != "adj")
        return relations

