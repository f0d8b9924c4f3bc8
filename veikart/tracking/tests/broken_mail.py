"""A mail backend that always fails, to show a failed send marks nothing as sent."""

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionError("the mail server is down")
