"""The archive of sent issues: ``/newsletter/archiv/`` and each issue as a page (also under ``/en/``)."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from newsletter_issues.models import NewsletterIssue

PER_PAGE = 20


def archive(request):
    issues = (
        NewsletterIssue.objects.sent()
        .only("pk", "subject", "preheader", "sent_at")
        .order_by("-sent_at", "-pk")
    )
    try:
        page = Paginator(issues, PER_PAGE).page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
    return render(request, "newsletter_issues/archive.html", {"page_obj": page, "issues": page.object_list})


def detail(request, pk):
    """The issue with the site's own block templates (the same escaping as every page)."""
    issue = get_object_or_404(NewsletterIssue.objects.sent(), pk=pk)
    return render(request, "newsletter_issues/detail.html", {"issue": issue})
