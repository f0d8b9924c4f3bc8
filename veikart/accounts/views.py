from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from veikart.accounts.selectors import user_data_export
from veikart.accounts.services import user_delete
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


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request: HttpRequest) -> HttpResponse:
    """What Veikart holds about me: see it, download it, delete the account."""
    data = user_data_export(user=request.user)
    if request.GET.get("format") == "json":
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = 'attachment; filename="veikart-mine-data.json"'
        return response
    error = None
    if request.method == "POST":
        try:
            user_delete(
                actor=request.user, user=request.user, password=request.POST.get("password", "")
            )
        except ValidationError as exc:
            error = " ".join(m for msgs in exc.message_dict.values() for m in msgs)
        else:
            logout(request)
            messages.success(
                request, _("Your account is deleted. Your inputs remain, without your name.")
            )
            return redirect("core:home")
    return render(
        request,
        "accounts/my_data.html",
        {"data": data, "error": error},
        status=400 if error else 200,
    )
