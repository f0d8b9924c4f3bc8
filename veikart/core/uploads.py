"""Uploaded files (attachments to measure updates and others): checked by their content, never
by their name.

Accepted: PDF, PNG, JPEG and DOCX, at most MAX_BYTES. Images are decoded and written again
with Pillow, which drops EXIF (camera, GPS position), XMP, ICC and text chunks — so a photo
from a phone does not reveal where it was taken. PDF and DOCX are stored as they are.
"""

import io
import uuid
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000

PDF, PNG, JPEG, DOCX = "pdf", "png", "jpeg", "docx"
CONTENT_TYPES = {
    PDF: "application/pdf",
    PNG: "image/png",
    JPEG: "image/jpeg",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", DOCX: "docx"}


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    content: ContentFile

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


def sniff(head: bytes, data: bytes) -> str | None:
    """The kind of file the bytes are, or None when it is none we accept."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04") and _is_docx(data):
        return DOCX
    return None


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                return False
            types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    # a macro-enabled document (.docm) declares itself so; refuse it
    return b"macroEnabled" not in types


def _clean_image(data: bytes, kind: str) -> bytes:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The image is too large (more than 40 megapixels)."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)  # keep it the right way up without EXIF
            out = io.BytesIO()
            if kind == JPEG:
                if image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                image.save(out, format="JPEG", quality=90)
            else:
                image.save(out, format="PNG", optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as e:
        raise ValidationError(_("The image could not be read.")) from e


ATTACHMENT_KINDS = frozenset({PDF, PNG, JPEG, DOCX})


def attachment_check(upload, *, allowed: frozenset[str] = ATTACHMENT_KINDS) -> CheckedFile:
    """Check an uploaded file by its content; return a clean copy with a safe name.

    Raises ValidationError (one message) for a file that is too large, empty, of another kind,
    or broken.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."))
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."))
    if not data:
        raise ValidationError(_("The file is empty."))
    kind = sniff(data[:16], data)
    if kind is None or kind not in allowed:
        if allowed == ATTACHMENT_KINDS:
            raise ValidationError(_("Attach a PDF, PNG, JPEG or Word (DOCX) file."))
        names = ", ".join(EXTENSIONS[k].upper() for k in sorted(allowed))
        raise ValidationError(
            _("This kind of file is not accepted. Use: %(kinds)s.") % {"kinds": names}
        )
    if kind in (PNG, JPEG):
        data = _clean_image(data, kind)
    name = f"{uuid.uuid4().hex}.{EXTENSIONS[kind]}"
    return CheckedFile(kind=kind, content=ContentFile(data, name=name))
