from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(
    request: HttpRequest, items, *, per_page: int | None = None, count: int | None = None
) -> Page:
    """One page of `items` from ?page=N; out-of-range or malformed numbers give the nearest page.
    `count`: the number of items if already known (saves the COUNT query)."""
    paginator = Paginator(items, per_page or settings.VEIKART["PAGE_SIZE"])
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not counted again
    return paginator.get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
