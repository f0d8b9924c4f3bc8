"""The opinion map: list, run (staff), the picture with its tables, and the exports."""

import csv
import json

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.core.permissions import can
from veikart.proposals import opinion_selectors as selectors
from veikart.proposals.models import OpinionAnalysis
from veikart.proposals.opinion_services import opinion_analysis_run


class OpinionRunForm(forms.Form):
    what = forms.ChoiceField(label=gettext_lazy("Votes to analyse"))

    def __init__(self, *args, process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.workshops = {w.pk: w for w in selectors.workshops_for_analysis(process=process)}
        self.fields["what"].choices = [
            ("supports", _("Online supports of the Veikart")),
            *((f"workshop-{pk}", w.title) for pk, w in self.workshops.items()),
        ]

    def source(self) -> tuple[str, object]:
        what = self.cleaned_data["what"]
        if what == "supports":
            return OpinionAnalysis.Source.SUPPORTS, None
        return OpinionAnalysis.Source.WORKSHOP, self.workshops[int(what.split("-", 1)[1])]


def _list(request, process, form, status=200) -> HttpResponse:
    analyses = selectors.opinion_analyses_visible(user=request.user, process=process)
    return render(
        request,
        "proposals/opinion_list.html",
        {
            "process": process,
            "analyses": analyses,
            "form": form,
            "may_analyse": can(request.user, "opinions.analyse", process),
        },
        status=status,
    )


@process_view("processes.view")
def opinion_list(request: HttpRequest, process) -> HttpResponse:
    form = (
        OpinionRunForm(process=process) if can(request.user, "opinions.analyse", process) else None
    )
    return _list(request, process, form)


@require_POST
@process_view("opinions.analyse")
def opinion_run(request: HttpRequest, process) -> HttpResponse:
    form = OpinionRunForm(request.POST, process=process)
    if form.is_valid():
        source, workshop = form.source()
        try:
            analysis = opinion_analysis_run(
                actor=request.user, process=process, source=source, workshop=workshop
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The opinion map was made and stored."))
            return redirect("proposals:opinion_detail", process.slug, analysis.pk)
    return _list(request, process, form, status=400)


def _analysis(request, process, pk: int) -> OpinionAnalysis:
    return get_object_or_404(
        selectors.opinion_analyses_visible(user=request.user, process=process), pk=pk
    )


@process_view("processes.view")
def opinion_detail(request: HttpRequest, process, pk: int) -> HttpResponse:
    analysis = _analysis(request, process, pk)
    return render(
        request,
        "proposals/opinion_detail.html",
        {
            "process": process,
            "analysis": analysis,
            "map": selectors.opinion_map(analysis=analysis),
        },
    )


@process_view("processes.view")
def opinion_export(request: HttpRequest, process, pk: int, fmt: str) -> HttpResponse:
    analysis = _analysis(request, process, pk)
    name = f"meningskart-{process.slug}-{analysis.pk}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(
                selectors.opinion_export_document(analysis=analysis), ensure_ascii=False, indent=1
            ),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response
    if fmt != "csv":
        raise Http404("Unknown export format")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(["participant", "group", "x", "y"])
    writer.writerows(selectors.opinion_export_rows(analysis=analysis))
    return response
