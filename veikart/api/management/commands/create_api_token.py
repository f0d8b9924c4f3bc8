"""`veikart create-api-token USERNAME --name NAME`: a key for a staff integration, printed once."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from veikart.accounts.models import User
from veikart.api.services import api_token_create


class Command(BaseCommand):
    help = "Create an API token for a staff user; the key is printed once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="what the token is for")

    def handle(self, *args, **options) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(
                _("No user named %(name)s.") % {"name": options["username"]}, returncode=2
            )
        try:
            _token, key = api_token_create(actor=None, user=user, name=options["name"])
        except ValidationError as e:
            raise CommandError(" ".join(e.messages), returncode=2) from None
        self.stdout.write(key)
