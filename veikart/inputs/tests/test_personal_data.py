import pytest

from veikart.inputs.personal_data import find_personal_data, redact


@pytest.mark.parametrize(
    "text,kind,found",
    [
        ("Ring meg på 912 34 567 om dette", "phone", "912 34 567"),
        ("Ring meg på 91234567", "phone", "91234567"),
        ("Tlf +47 912 34 567", "phone", "+47 912 34 567"),
        ("Mobil: 41 23 45 67.", "phone", "41 23 45 67"),
        ("Skriv til kari.nordmann@example.no så svarer jeg", "email", "kari.nordmann@example.no"),
        ("Jeg bor i Bondistranda 12 B og", "address", "Bondistranda 12 B"),
        ("Fødselsnummeret er 01019050188", "national_id", "01019050188"),
        ("Hei, jeg heter Ola og bor her", "name", "Ola"),
        ("Naboen Kari Hansen spiller høy musikk", "name", None),
        ("Vi snakket med Kari Hansen om lekeplassen", "name", "Kari Hansen"),
    ],
)
def test_finds_obvious_personal_data(text, kind, found):
    findings = find_personal_data(text)
    assert any(f.kind == kind and (found is None or f.text == found) for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "Det kostet 1 250 kr i 2016.",
        "Møtet var 12.03.2016 klokka 18.",
        "Borgen Skole trenger nye husker.",
        "Asker kommune bør bygge mer.",
        "Vi var 120 personer på konferansen i 2016 og 2017.",
        "Elleve sifre som ikke er fødselsnummer: 12345678901",
    ],
)
def test_leaves_ordinary_text_alone(text):
    assert find_personal_data(text) == []


def test_redact_replaces_each_finding():
    text = "Ring Ola på 91234567 eller ola@example.no"
    assert redact(text) == "Ring Ola på [telefonnummer] eller [e-post]"
