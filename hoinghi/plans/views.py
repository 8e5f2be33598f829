"""Targets and tasks: the year's list, one item, progress, assignment, evidence, import."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from hoinghi.org import access as org_access
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.plans import access, selectors, services
from hoinghi.plans.forms import AssignForm, EvidenceForm, ImportForm, ItemForm, ProgressForm
from hoinghi.plans.imports import import_items
from hoinghi.plans.models import PlanItem
from hoinghi.refusals import attempt, form_refused


def year_items(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = org_access.get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    by_unit = selectors.completion_by_unit(work_year)
    units = list(Unit.objects.filter(agency=agency).order_by("position", "name"))
    return render(
        request,
        "plans/year.html",
        {
            "agency": agency,
            "work_year": work_year,
            "items": selectors.items_for_year(work_year),
            "agency_completion": selectors.completion_for_agency(work_year),
            "year_completion": selectors.completion_for_year(work_year),
            "unit_rows": [(u, by_unit.get(u.pk)) for u in units],
            "can_manage": access.can_manage_plans(request.user, agency),
            "today": timezone.localdate(),
        },
    )


def create_item(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = org_access.get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    if not access.can_manage_plans(request.user, agency):
        raise PermissionDenied
    scope = {
        "units": Unit.objects.filter(agency=agency),
        "people": Person.objects.filter(agency=agency),
    }
    form = ItemForm(request.POST or None, **scope)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = services.ItemInput(
            kind=d["kind"],
            title=d["title"],
            code=d["code"],
            source=d["source"],
            measure=d["measure"],
            target_value=d["target_value"],
            due_on=d["due_on"],
        )
        try:
            services.create_item(
                work_year, data, unit=d["unit"], person=d["person"], actor=request.user
            )
        except services.PlanError as refused:
            form_refused(form, refused)
        else:
            messages.success(request, "Đã thêm chỉ tiêu, nhiệm vụ.")
            return redirect("plans:year", agency.code, year)
    return render(
        request,
        "plans/form.html",
        {
            "agency": agency,
            "work_year": work_year,
            "form": form,
            "heading": "Thêm chỉ tiêu, nhiệm vụ",
        },
    )


def item_detail(request: HttpRequest, agency_code: str, year: int, pk: int) -> HttpResponse:
    work_year = org_access.get_work_year_for_user(request, agency_code, year)
    return item_page(request, work_year, access.get_item_for_user(request, work_year, pk))


def item_page(
    request: HttpRequest, work_year: WorkYear, item: PlanItem, **posted: forms.Form
) -> HttpResponse:
    """The item with its forms; ``posted``: a refused form as typed, with its reasons (422)."""
    agency = work_year.agency
    can_update = access.can_update_item(request.user, item)
    can_assign = access.can_assign_item(request.user, item)
    scope = {
        "units": Unit.objects.filter(agency=agency),
        "people": Person.objects.filter(agency=agency),
    }
    return render(
        request,
        "plans/item.html",
        {
            "agency": agency,
            "work_year": work_year,
            "item": item,
            "children": item.children.select_related("unit", "person"),
            "evidence": item.evidence.all(),
            "can_update": can_update,
            "can_assign": can_assign,
            "progress_form": ProgressForm(
                initial={"progress_percent": item.progress_percent, "quality_ok": item.quality_ok}
            )
            if can_update
            else None,
            "assign_form": AssignForm(**scope) if can_assign else None,
            "evidence_form": EvidenceForm() if can_update else None,
            **posted,
        },
        status=422 if posted else 200,
    )


def record_progress(request: HttpRequest, agency_code: str, year: int, pk: int) -> HttpResponse:
    work_year = org_access.get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    item = access.get_item_for_user(request, work_year, pk)
    if request.method != "POST" or not access.can_update_item(request.user, item):
        raise PermissionDenied
    form = ProgressForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.record_progress(
                item,
                progress_percent=d["progress_percent"],
                achieved_value=d["achieved_value"],
                completed_on=d["completed_on"],
                quality_ok=d["quality_ok"],
                exceeded=d["exceeded"] or None,
                note=d["note"],
                actor=request.user,
            )
        except services.PlanError as refused:
            form_refused(form, refused)
        else:
            messages.success(request, "Đã cập nhật tiến độ.")
            return redirect("plans:item", agency.code, year, item.pk)
    return item_page(request, work_year, item, progress_form=form)


def assign_item(request: HttpRequest, agency_code: str, year: int, pk: int) -> HttpResponse:
    work_year = org_access.get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    item = access.get_item_for_user(request, work_year, pk)
    if request.method != "POST" or not access.can_assign_item(request.user, item):
        raise PermissionDenied
    form = AssignForm(
        request.POST,
        units=Unit.objects.filter(agency=agency),
        people=Person.objects.filter(agency=agency),
    )
    if form.is_valid():
        d = form.cleaned_data
        attempt(
            request,
            lambda: services.assign_item(
                item, unit=d["unit"], person=d["person"], due_on=d["due_on"], actor=request.user
            ),
            "Đã giao chỉ tiêu, nhiệm vụ.",
        )
    return redirect("plans:item", agency.code, year, item.pk)


def add_evidence(request: HttpRequest, agency_code: str, year: int, pk: int) -> HttpResponse:
    work_year = org_access.get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    item = access.get_item_for_user(request, work_year, pk)
    if request.method != "POST" or not access.can_update_item(request.user, item):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        attempt(
            request,
            lambda: services.add_evidence(item, d["file"], name=d["name"], actor=request.user),
            "Đã thêm minh chứng.",
        )
    return redirect("plans:item", agency.code, year, item.pk)


def import_year(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = org_access.get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    if not access.can_manage_plans(request.user, agency):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = import_items(
            work_year,
            upload,
            size=upload.size or 0,
            file_name=upload.name or "",
            actor=request.user,
        )
        if report.ok:
            messages.success(request, f"Đã nhập {report.created} chỉ tiêu, nhiệm vụ.")
            return redirect("plans:year", agency.code, year)
        errors = report.errors
    return render(
        request,
        "plans/import.html",
        {"agency": agency, "work_year": work_year, "form": form, "errors": errors},
    )


def my_items(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    person = org_access.own_person(request.user)
    items = (
        person.plan_items.select_related("work_year", "unit").order_by(
            "-work_year__year", "due_on", "pk"
        )
        if person is not None and person.agency_id == agency.pk
        else []
    )
    return render(
        request,
        "plans/mine.html",
        {"agency": agency, "items": items, "today": timezone.localdate()},
    )
