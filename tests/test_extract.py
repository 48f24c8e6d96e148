"""Cutting article text into pieces for the NLP: offsets stay exact, headlines stay apart."""
from graphx.extract import INNER_SPACE, chunks, segments


def pieces(text):
    result = list(segments(text))
    for offset, piece in result:
        assert text[offset:offset + len(piece)].translate(INNER_SPACE) == piece
    return [piece for _, piece in result]


def test_headline_lines_are_separate_pieces():
    text = "Berlin wehrt sich\nKanzler weist Vorwürfe zurück\nDer Kanzler hat am Montag alle Vorwürfe zurückgewiesen."
    assert pieces(text) == ["Berlin wehrt sich", "Kanzler weist Vorwürfe zurück",
                            "Der Kanzler hat am Montag alle Vorwürfe zurückgewiesen."]


def test_hard_wrapped_paragraph_stays_one_piece():
    text = ("Dies ist ein Text, der bei einer festen Breite von etwa\n"
            "siebzig Zeichen umbrochen wurde, wie es alte Systeme\n"
            "gerne tun. Die Zeilen enden mitten im Satz und sollen\n"
            "zusammen bleiben.")
    assert pieces(text) == [text.replace("\n", " ")]


def test_paragraphs_crlf_and_blank_lines():
    text = "Erster Absatz.\r\n\r\n  Zweiter Absatz.\r\nNoch eine Zeile.\n\n\n"
    assert pieces(text) == ["Erster Absatz.", "Zweiter Absatz.", "Noch eine Zeile."]


def test_long_line_is_cut_below_the_limit():
    text = "Wort " * 5000
    cut = list(chunks(text.strip(), limit=1000))
    assert all(len(chunk) <= 1000 for _, chunk in cut)
    assert "".join(chunk for _, chunk in cut) == text.strip()


def test_unicode_spaces_become_plain_spaces_with_offsets_kept():
    text = "Pjöngjang unterstützt die\u00a0Ukraine\u202fnicht."
    assert pieces(text) == ["Pjöngjang unterstützt die Ukraine nicht."]


def test_a_bullet_before_a_line_is_no_part_of_its_text():
    text = "Titel\n  • Chile bestellte den Botschafter ein.\n· Peru protestierte."
    pieces = list(segments(text))
    assert [piece for _, piece in pieces] == ["Titel", "Chile bestellte den Botschafter ein.", "Peru protestierte."]
    for offset, piece in pieces:
        assert text[offset:offset + len(piece)] == piece
