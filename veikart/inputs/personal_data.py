"""Detect obvious personal data in Norwegian text, so a moderator can redact it.

Conservative on purpose: it suggests, a person decides. Finds e-mail addresses, phone numbers
(8 digits, +47, spaced groups), national identity numbers (11 digits with valid control
digits), street addresses with a house number, and names in obvious patterns ("jeg heter Ola",
"naboen Kari Hansen", two capitalised words in the middle of a sentence).
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str
    text: str

    @property
    def replacement(self) -> str:
        return REPLACEMENTS[self.kind]


REPLACEMENTS = {
    "email": "[e-post]",
    "phone": "[telefonnummer]",
    "national_id": "[fødselsnummer]",
    "address": "[adresse]",
    "name": "[navn]",
}

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(
    r"(?<![\d\w])(?:(?:\+|00)47[\s-]?)?(?:[2-9]\d{7}|[2-9]\d{2}(?:[\s-]\d{2}){2}\d{1}|[2-9]\d(?:[\s.-]?\d{2}){3})(?![\d\w])"
)
NATIONAL_ID = re.compile(r"(?<!\d)(\d{6})\s?(\d{5})(?!\d)")
STREET = re.compile(
    r"\b[A-ZÆØÅ][a-zæøå]+(?:[- ][A-ZÆØÅa-zæøå][a-zæøå]+)?"
    r"(?:veien|vegen|gata|gaten|gate|stien|stranda|bakken|lia|åsen|plassen|haugen|svingen|tunet|veg|vei)"
    r"\s+\d{1,4}\s?[A-Za-z]?\b"
)
CUE = re.compile(
    r"\b(?:jeg heter|han heter|hun heter|heter|naboen|naboen min|læreren|treneren|vaktmesteren)"
    r"\s+([A-ZÆØÅ][a-zæøåé]+(?:\s+[A-ZÆØÅ][a-zæøåé]+)?)"
)
TWO_CAPS = re.compile(r"(?<=[a-zæøå,] )([A-ZÆØÅ][a-zæøåé]{2,} [A-ZÆØÅ][a-zæøåé]{2,})\b")
NOT_NAMES = {"Borgen", "Asker", "Hagaløkka", "Askerlia", "Norge", "Oslo", "Kommune", "Nav", "NAV"}


def _valid_national_id(digits: str) -> bool:
    d = [int(c) for c in digits]
    k1 = 11 - sum(w * x for w, x in zip([3, 7, 6, 1, 8, 9, 4, 5, 2], d[:9], strict=True)) % 11
    k2 = 11 - sum(w * x for w, x in zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], d[:10], strict=True)) % 11
    k1, k2 = (0 if k1 == 11 else k1), (0 if k2 == 11 else k2)
    return k1 == d[9] and k2 == d[10] and int(digits[:2]) <= 71


def find_personal_data(text: str) -> list[Finding]:
    """Spans of likely personal data, in order, not overlapping."""
    found: list[Finding] = []
    for m in EMAIL.finditer(text):
        found.append(Finding(m.start(), m.end(), "email", m.group()))
    for m in NATIONAL_ID.finditer(text):
        if _valid_national_id(m.group(1) + m.group(2)):
            found.append(Finding(m.start(), m.end(), "national_id", m.group()))
    for m in PHONE.finditer(text):
        found.append(Finding(m.start(), m.end(), "phone", m.group()))
    for m in STREET.finditer(text):
        found.append(Finding(m.start(), m.end(), "address", m.group()))
    for m in CUE.finditer(text):
        if m.group(1).split()[0] not in NOT_NAMES:
            found.append(Finding(m.start(1), m.end(1), "name", m.group(1)))
    for m in TWO_CAPS.finditer(text):
        if not set(m.group(1).split()) & NOT_NAMES:
            found.append(Finding(m.start(1), m.end(1), "name", m.group(1)))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    result: list[Finding] = []
    for f in found:
        if not result or f.start >= result[-1].end:
            result.append(f)
    return result


def redact(text: str, findings: list[Finding] | None = None) -> str:
    """The text with every finding replaced by its placeholder."""
    findings = find_personal_data(text) if findings is None else findings
    out, last = [], 0
    for f in findings:
        out += [text[last : f.start], f.replacement]
        last = f.end
    out.append(text[last:])
    return "".join(out)
