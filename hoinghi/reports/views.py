"""Dashboards, their XLSX exports, and the year's news report."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hoinghi.org.access import get_agency_for_user
from hoinghi.org.models import Agency
from hoinghi.reports import access, dashboard, selectors, services
from hoinghi.reports.news import write_news
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


def news_report(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
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
                "paragraphs": published.text.split("\n\n"),
            },
        )
    summary = selectors.year_summary(access.get_work_year(agency, year))
    text = write_news(summary)
    return render(
        request,
        "reports/news.html",
        {
            "agency": agency,
            "year": year,
            "published": published,
            "draft": True,
            "paragraphs": [p for p in text.split("\n\n") if p],
            "summary": summary,
            "changed": published is not None and published.text != text,
        },
    )


@require_POST
def publish_news(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = access.get_dashboard_agency(request, agency_code)
    try:
        services.publish_summary(access.get_work_year(agency, year), actor=request.user)
    except services.ReportError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã công bố bản tin năm {year} cho cán bộ trong cơ quan.")
    return redirect("reports:news", agency.code, year)
