"""Uploaded files are judged by their content, never by their name, and images lose their
metadata (EXIF, GPS position, camera, comments) before they are stored.

`upload_check(file, allowed=...)` returns the kind and a clean `ContentFile` to store, or raises
`ValidationError` with a message for the person who uploaded it.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
EXTENSION = {"pdf": "pdf", "png": "png", "jpeg": "jpg", "docx": "docx", "xlsx": "xlsx"}
LABEL = {"pdf": "PDF", "png": "PNG", "jpeg": "JPEG", "docx": "Word (DOCX)", "xlsx": "Excel (XLSX)"}


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    content: ContentFile


def sniff(head: bytes, data: bytes) -> str | None:
    """The file's real kind from its bytes: pdf, png, jpeg, docx, xlsx or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return None


def _strip_image(data: bytes, kind: str) -> bytes:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("The image could not be read.")) from exc
    image = ImageOps.exif_transpose(image)  # keep how it looked, drop the EXIF that said so
    out = io.BytesIO()
    if kind == "jpeg":
        image.convert("RGB").save(out, "JPEG", quality=90)  # no exif=, no comment: nothing kept
    else:
        image.save(out, "PNG")  # no pnginfo: text chunks and eXIf are not written
    return out.getvalue()


def upload_check(file, *, allowed: set[str], max_bytes: int = MAX_BYTES) -> CheckedUpload:
    data = file.read(max_bytes + 1)
    if not data:
        raise ValidationError(_("The file is empty."))
    if len(data) > max_bytes:
        raise ValidationError(
            _("The file is too large (at most %(mb)s MB).") % {"mb": max_bytes // (1024 * 1024)}
        )
    kind = sniff(data[:16], data)
    if kind not in allowed:
        names = ", ".join(LABEL[k] for k in sorted(allowed))
        raise ValidationError(
            _("This kind of file is not accepted. Use: %(kinds)s.") % {"kinds": names}
        )
    if kind in {"png", "jpeg"}:
        data = _strip_image(data, kind)
    stem = PurePath(getattr(file, "name", "") or "file").stem[:80] or "file"
    return CheckedUpload(kind=kind, content=ContentFile(data, name=f"{stem}.{EXTENSION[kind]}"))
