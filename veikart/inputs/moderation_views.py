"""Moderation queue, redaction of personal data, readers' reports, and the inputs export."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from veikart.core import ratelimit
from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.core.permissions import can
from veikart.inputs import export, moderation_selectors, moderation_services
from veikart.inputs.models import Input, InputReport, InputStatus
from veikart.inputs.personal_data import find_personal_data, redact
from veikart.processes.selectors import process_get_public


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("What is wrong?"),
        choices=InputReport.Reason.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=gettext_lazy("Anything else we should know?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RedactForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Text without personal data"),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )


@process_view("inputs.moderate")
def moderation_queue(request: HttpRequest, process) -> HttpResponse:
    return render(
        request,
        "inputs/moderation_queue.html",
        {
            "process": process,
            "queue": moderation_selectors.moderation_queue(process=process)[:200],
            "counts": moderation_selectors.moderation_counts(process=process),
        },
    )


@require_POST
@process_view("inputs.moderate")
def moderation_action(request: HttpRequest, process) -> HttpResponse:
    """Publish or hide one input (or publish the selected ones)."""
    action = request.POST.get("action")
    if action == "publish_selected":
        ids = [int(i) for i in request.POST.getlist("selected") if i.isdigit()]
        items = list(Input.objects.filter(process=process, pk__in=ids))
        n = moderation_services.inputs_publish(actor=request.user, items=items)
        messages.success(request, _("%(n)d inputs were published.") % {"n": n})
        return redirect("inputs:moderation_queue", process.slug)
    item = get_object_or_404(Input, process=process, pk=request.POST.get("input_id") or 0)
    error = ""
    try:
        if action == "publish":
            moderation_services.inputs_publish(actor=request.user, items=[item])
        elif action == "hide":
            moderation_services.input_hide(
                actor=request.user, item=item, reason=request.POST.get("reason", "")
            )
        else:
            error = _("Unknown action.")
    except ValidationError as e:
        error = " ".join(e.messages)
    if request.htmx:
        item.refresh_from_db()
        return render(
            request,
            "inputs/moderation_queue.html#row",
            {"process": process, "item": item, "error": error, "done": not error},
            status=400 if error else 200,
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect("inputs:moderation_queue", process.slug)


@process_view("inputs.moderate")
def moderation_redact(request: HttpRequest, process, pk: int) -> HttpResponse:
    item = get_object_or_404(Input, process=process, pk=pk)
    findings = find_personal_data(item.text)
    form = RedactForm(request.POST or None, initial={"text": redact(item.text, findings)})
    if request.method == "POST" and form.is_valid():
        try:
            moderation_services.input_redact(
                actor=request.user, item=item, new_text=form.cleaned_data["text"]
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(
                request, _("The text was changed. The original is kept only in the audit log.")
            )
            return redirect("inputs:moderation_queue", process.slug)
    return render(
        request,
        "inputs/moderation_redact.html",
        {
            "process": process,
            "item": item,
            "form": form,
            "findings": findings,
            "highlighted": _highlight(item.text, findings),
        },
        status=400 if form.errors else 200,
    )


def _highlight(text: str, findings) -> str:
    """The text, escaped, with each finding wrapped in <mark>."""
    out, last = [], 0
    for f in findings:
        out += [escape(text[last : f.start]), f"<mark>{escape(f.text)}</mark>"]
        last = f.end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above  # nosec B308 B703


def report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Anyone may report a published input as abusive or revealing personal data."""
    process = process_get_public(slug=slug)
    item = get_object_or_404(Input, process=process, pk=pk, status=InputStatus.PUBLISHED)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.allow(request, "report"):
            form.is_valid()
            form.add_error(None, _("Too many reports from this device. Wait a few minutes."))
        elif form.is_valid():
            moderation_services.input_report_create(item=item, **form.cleaned_data)
            return render(request, "inputs/report_thanks.html", {"process": process})
    return render(
        request,
        "inputs/report_form.html",
        {"process": process, "item": item, "form": form},
        status=400 if form.errors else 200,
    )


@process_view("processes.view_dashboard")
def export_inputs(request: HttpRequest, process) -> HttpResponse:
    """All inputs of the process as CSV (default) or XLSX; personal columns only with the right."""
    personal = (
        can(request.user, "inputs.export_personal", process) and request.GET.get("personal") == "1"
    )
    name = f"innspill-{process.slug}"
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            export.xlsx_bytes(process, personal=personal),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    if request.GET.get("format") == "csv":
        response = StreamingHttpResponse(
            export.csv_stream(process, personal=personal), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    return render(
        request,
        "inputs/export.html",
        {"process": process, "may_personal": can(request.user, "inputs.export_personal", process)},
    )
