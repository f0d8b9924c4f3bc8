"""Writes for the actors directory: staff create and edit actors; a contact person edits their own."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.proposals.models import Actor


def _check_text(*, description: str, website: str, errors: dict) -> tuple[str, str]:
    description = (description or "").strip()
    website = (website or "").strip()
    if len(description) > 5000:
        errors["description"] = _("The description can have at most 5,000 characters.")
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            errors["website"] = _("Give a web address starting with https:// or http://.")
    return description, website


def _unique_slug(name: str, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:40] or "aktor"
    slug, n = base, 2
    while Actor.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check(*, name: str, kind: str, description: str, website: str) -> tuple[str, str, str]:
    errors: dict = {}
    name = " ".join((name or "").split())
    if not name:
        errors["name"] = _("Give the actor a name.")
    elif len(name) > 200:
        errors["name"] = _("The name is too long: at most 200 characters.")
    if kind not in Actor.Kind.values:
        errors["kind"] = _("Choose what kind of actor this is.")
    description, website = _check_text(description=description, website=website, errors=errors)
    if errors:
        raise ValidationError(errors)
    return name, description, website


@transaction.atomic
def actor_create(
    *, actor, name: str, kind: str, description: str = "", website: str = "", contact_person=None
) -> Actor:
    name, description, website = _check(
        name=name, kind=kind, description=description, website=website
    )
    item = Actor.objects.create(
        name=name,
        slug=_unique_slug(name),
        kind=kind,
        description=description,
        website=website,
        contact_person=contact_person,
    )
    audit_log_write(actor=actor, action="actor.create", obj=item, data={"name": name})
    return item


@transaction.atomic
def actor_update(
    *,
    actor,
    item: Actor,
    name: str,
    kind: str,
    description: str = "",
    website: str = "",
    contact_person=None,
) -> Actor:
    """Staff edit every field of an actor."""
    name, description, website = _check(
        name=name, kind=kind, description=description, website=website
    )
    item = Actor.objects.select_for_update().get(pk=item.pk)
    changes = {
        "name": name,
        "kind": kind,
        "description": description,
        "website": website,
        "contact_person_id": contact_person.pk if contact_person else None,
    }
    diff = {k: [getattr(item, k), v] for k, v in changes.items() if getattr(item, k) != v}
    for key, value in changes.items():
        setattr(item, key, value)
    item.save()
    audit_log_write(actor=actor, action="actor.update", obj=item, data=diff)
    return item


@transaction.atomic
def actor_update_own(*, actor, item: Actor, description: str, website: str) -> Actor:
    """An actor's contact person updates their own entry: the description and website only."""
    errors: dict = {}
    description, website = _check_text(description=description, website=website, errors=errors)
    if errors:
        raise ValidationError(errors)
    item = Actor.objects.select_for_update().get(pk=item.pk)
    diff = {
        k: [getattr(item, k), v]
        for k, v in {"description": description, "website": website}.items()
        if getattr(item, k) != v
    }
    item.description, item.website = description, website
    item.save()
    audit_log_write(actor=actor, action="actor.update_own", obj=item, data=diff)
    return item
