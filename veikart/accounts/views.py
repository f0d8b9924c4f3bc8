from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from veikart.core import ratelimit


class LoginView(auth_views.LoginView):
    """Django's login with rate limits per browser (loose per IP) and lock-out per account."""

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        username = request.POST.get("username", "")
        refusal = None
        if not ratelimit.allow(request, "login"):
            refusal = _("Too many attempts from this browser. Wait ten minutes and try again.")
        elif username and ratelimit.locked_out(username):
            refusal = _(
                "This account is locked for 15 minutes after too many failed attempts. "
                "Wait, or ask an administrator."
            )
        if refusal:  # refused before any password is checked
            context = self.get_context_data(form=form, login_refused=refusal)
            return self.render_to_response(context, status=429)
        if form.is_valid():
            ratelimit.login_succeeded(username)
            return self.form_valid(form)
        if username:
            ratelimit.login_failed(username)
        return self.form_invalid(form)


login = LoginView.as_view()
