"""Uploads are judged by content, not name; images lose EXIF and GPS before they are stored."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from veikart.core.uploads import attachment_check


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "green")
    exif = Image.Exif()
    exif[0x010F] = "Kamerafabrikk"  # Make
    exif[0x8825] = {1: "N", 2: (59.0, 50.0, 1.0), 3: "E", 4: (10.0, 26.0, 2.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_gps_and_camera_are_stripped_from_a_jpeg():
    raw = jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get(0x8825)
    checked = attachment_check(SimpleUploadedFile("ferie.JPG", raw))
    assert checked.kind == "jpeg" and checked.content.name.endswith(".jpg")
    clean = Image.open(io.BytesIO(checked.content.read()))
    assert not clean.getexif() and clean.size == (40, 30)
    assert b"Kamerafabrikk" not in checked.content.file.getvalue()


def test_a_renamed_file_is_judged_by_what_it_is():
    html = SimpleUploadedFile("rapport.pdf", b"<html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError, match="PDF"):
        attachment_check(html)
    pdf = SimpleUploadedFile("bilde.png", b"%PDF-1.7\n%...\n")
    assert attachment_check(pdf).content.name.endswith(".pdf")


def test_docx_is_told_from_other_zip_files():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert attachment_check(SimpleUploadedFile("a.zip", out.getvalue())).kind == "docx"
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("virus.exe", "MZ")
    with pytest.raises(ValidationError):
        attachment_check(SimpleUploadedFile("a.docx", plain.getvalue()))


def test_empty_too_large_and_broken_images_are_refused():
    with pytest.raises(ValidationError, match="tom|empty"):
        attachment_check(SimpleUploadedFile("a.pdf", b""))
    with pytest.raises(ValidationError, match="MB"):
        attachment_check(SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * (11 * 1024 * 1024)))
    with pytest.raises(ValidationError):
        attachment_check(SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n broken"))


def test_only_the_kinds_allowed_here():
    with pytest.raises(ValidationError, match="PDF"):
        attachment_check(SimpleUploadedFile("a.jpg", jpeg_with_gps()), allowed=frozenset({"pdf"}))
