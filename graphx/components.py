"""spaCy components graphx adds to any pipeline; registered here, in one place."""
from spacy.language import Language


MAX_RUN = 150           # tokens without punctuation after which the parser may cut again
# what may close a sentence: a token after one of these (or after a line break) may start the next
SENTENCE_CLOSERS = {".", "!", "?", ":", ";", "…", '"', "“", "”", "»", "«", "'", "’", ")", "]"}


@Language.component("graphx_paragraphs")
def paragraph_boundaries(doc):
    """A blank line always ends a sentence (headlines and captions carry no full stop); within a line,
    a sentence starts only after a closing punctuation mark, so that the parser does not cut a
    sentence at a second root ("Vietnam und die Philippinen | haben ... unterzeichnet")."""
    run = 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        run += 1
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space or previous.whitespace_ and "\n\n" in previous.whitespace_:
            token.is_sent_start = True
            run = 0
        elif token.is_space or previous.is_space or "\n" in previous.whitespace_ or \
                previous.text in SENTENCE_CLOSERS or previous.text.endswith("."):
            run = 0
        elif run < MAX_RUN:
            token.is_sent_start = False
    return doc
