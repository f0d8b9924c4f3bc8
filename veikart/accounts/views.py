from base64 import b32encode

import qrcode
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from qrcode.image.svg import SvgPathImage

from veikart.accounts.models import User
from veikart.accounts.selectors import user_data_export
from veikart.accounts.services import (
    totp_device_confirm,
    totp_device_for_login,
    totp_device_remove,
    totp_device_start,
    user_delete,
)
from veikart.core import ratelimit

PENDING_USER, PENDING_BACKEND, PENDING_NEXT = "2fa_user", "2fa_backend", "2fa_next"


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
            user = form.get_user()
            if totp_device_for_login(user=user):  # a second step before the session is signed in
                request.session[PENDING_USER] = user.pk
                request.session[PENDING_BACKEND] = user.backend
                request.session[PENDING_NEXT] = self.get_success_url()
                return redirect("accounts:login_code")
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


@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    """The second step of a two-factor login: the code from the authenticator app."""
    user = User.objects.filter(pk=request.session.get(PENDING_USER), is_active=True).first()
    if user is None:
        return redirect("accounts:login")
    error = None
    if request.method == "POST":
        if not ratelimit.allow(request, "login") or ratelimit.locked_out(user.username):
            error = _("Too many attempts. Wait 15 minutes and log in again.")
        else:
            device = totp_device_for_login(user=user)
            code = request.POST.get("code", "").strip().replace(" ", "")
            if device and code and device.verify_token(code):
                next_url = request.session.pop(PENDING_NEXT, "")
                backend = request.session.pop(PENDING_BACKEND, None)
                request.session.pop(PENDING_USER, None)
                auth_login(request, user, backend=backend)
                otp_login(request, device)
                ratelimit.login_succeeded(user.username)
                safe = url_has_allowed_host_and_scheme(next_url, {request.get_host()})
                return redirect(next_url if safe and next_url else "core:home")
            ratelimit.login_failed(user.username)
            error = _("The code is not right. Try the newest code in the app.")
    return render(
        request, "registration/login_code.html", {"error": error}, status=400 if error else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Turn two-factor login on (scan a QR code, type a code) or off (type a code)."""
    user = request.user
    error = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "start":
                totp_device_start(user=user)
            elif action == "confirm":
                totp_device_confirm(user=user, code=request.POST.get("code", ""))
                messages.success(request, _("Two-factor login is on."))
                return redirect("accounts:two_factor")
            elif action == "off":
                totp_device_remove(user=user, code=request.POST.get("code", ""))
                messages.success(request, _("Two-factor login is off."))
                return redirect("accounts:two_factor")
        except ValidationError as exc:
            error = " ".join(m for msgs in exc.message_dict.values() for m in msgs)
    confirmed = totp_device_for_login(user=user)
    pending = None if confirmed else user.totpdevice_set.filter(confirmed=False).first()
    context = {"confirmed": confirmed, "pending": pending, "error": error}
    if pending:
        image = qrcode.make(pending.config_url, image_factory=SvgPathImage, box_size=10)
        context["qr_svg"] = mark_safe(image.to_string(encoding="unicode"))  # noqa: S308  # nosec B308 B703
        context["secret"] = b32encode(pending.bin_key).decode()
    return render(request, "accounts/two_factor.html", context, status=400 if error else 200)
