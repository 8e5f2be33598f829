"""Dashboards, their XLSX exports, and the year's news item (edited, then published)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hoinghi.org.access import get_agency_for_user, own_person
from hoinghi.org.models import Agency
from hoinghi.refusals import attempt, form_refused
from hoinghi.reports import access, dashboard, forms, selectors, services
from hoinghi.reports.services import ReportError
from hoinghi.reports.xlsx import CONTENT_TYPE, tables_workbook


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def agency_years(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    return render(
        request,
        "reports/years.html",
        {
            "agency": agency,
            "years": selectors.work_years_of(agency),
            "trends": dashboard.trends_table(agency),
            "has_children": Agency.objects.filter(parent=agency).exists(),
        },
    )


def export_trends(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    content = tables_workbook([dashboard.trends_table(agency)], heading=agency.name)
    return _xlsx(content, f"{agency.code}-qua-cac-nam.xlsx")


def year_dashboard(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    board = dashboard.agency_dashboard(access.get_work_year(agency, year))
    return render(
        request,
        "reports/dashboard.html",
        {
            "agency": agency,
            "year": year,
            "board": board,
            "has_children": Agency.objects.filter(parent=agency).exists(),
        },
    )


def export_dashboard(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    board = dashboard.agency_dashboard(access.get_work_year(agency, year))
    content = tables_workbook(board.tables, heading=f"{agency.name} — năm {year}")
    return _xlsx(content, f"{agency.code}-{year}.xlsx")


def province_dashboard(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    if not Agency.objects.filter(parent=agency).exists():
        raise Http404("Cơ quan không có cơ quan trực thuộc.")
    return render(
        request,
        "reports/province.html",
        {"agency": agency, "year": year, "table": dashboard.province_table(agency, year)},
    )


def export_province(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    if not Agency.objects.filter(parent=agency).exists():
        raise Http404("Cơ quan không có cơ quan trực thuộc.")
    content = tables_workbook([dashboard.province_table(agency, year)], heading=agency.name)
    return _xlsx(content, f"{agency.code}-toan-tinh-{year}.xlsx")


def _default_byline(request: HttpRequest, agency: Agency) -> str:
    person = own_person(request.user)
    return f"{person.full_name}, {agency.name}" if person is not None else agency.name


def news_report(
    request: HttpRequest, agency_code: str, year: int, posted: forms.NewsForm | None = None
) -> HttpResponse:
    """Staff read the published news item; the leaders edit, preview and publish it
    (``posted``: a refused edit, shown again as typed with its reasons)."""
    agency = get_agency_for_user(request, agency_code)
    published = selectors.published_summary(agency, year)
    if not access.can_see_dashboard(request.user, agency):
        if published is None:
            raise Http404("Bản tin năm này chưa được công bố.")
        return render(
            request,
            "reports/news.html",
            {
                "agency": agency,
                "year": year,
                "published": published,
                "headline": published.headline,
                "paragraphs": published.text.split("\n\n"),
                "byline": published.byline,
            },
        )
    work_year = access.get_work_year(agency, year)
    item, draft = services.current_news(work_year, byline=_default_byline(request, agency))
    form = posted or forms.NewsForm(
        initial={"headline": item.headline, "text": item.text, "byline": item.byline}
    )
    return render(
        request,
        "reports/news.html",
        {
            "agency": agency,
            "year": year,
            "published": published,
            "draft": True,
            "edited": draft,
            "form": form,
            "headline": item.headline,
            "paragraphs": [p for p in item.text.split("\n\n") if p],
            "byline": item.byline,
            "changed": published is not None and published.text != item.text,
        },
        status=422 if posted is not None else 200,
    )


@require_POST
def edit_news(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    work_year = access.get_work_year(agency, year)
    if "viet-lai" in request.POST:
        services.discard_news_draft(work_year, actor=request.user)
        messages.success(request, "Đã bỏ bản sửa; tin bài được viết lại theo số liệu hiện có.")
        return redirect("reports:news", agency.code, year)
    form = forms.NewsForm(request.POST)
    if form.is_valid():
        try:
            services.save_news_draft(work_year, **form.cleaned_data, actor=request.user)
        except ReportError as refused:
            form_refused(form, refused)
        else:
            messages.success(request, "Đã lưu bản sửa tin bài (chưa công bố).")
            return redirect("reports:news", agency.code, year)
    return news_report(request, agency_code, year, posted=form)


@require_POST
def publish_news(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    work_year = access.get_work_year(agency, year)
    attempt(
        request,
        lambda: services.publish_summary(
            work_year, actor=request.user, byline=_default_byline(request, agency)
        ),
        f"Đã công bố bản tin năm {year} cho cán bộ trong cơ quan.",
    )
    return redirect("reports:news", agency.code, year)
