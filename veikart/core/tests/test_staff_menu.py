"""The staff menu shows each role the staff pages the permission table lets it open."""

import pytest
from django.urls import reverse

from tests.factories import ProcessFactory, UserFactory
from veikart.core.templatetags.veikart import STAFF_MENU

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["host", "moderator", "manager", "committee", "admin"])
def test_menu_links_are_exactly_the_pages_the_role_may_open(client, role):
    process = ProcessFactory()
    user = UserFactory(role=role)
    client.force_login(user)
    page = client.get(reverse("processes:arena_list", args=[process.slug]))
    if page.status_code != 200:  # a role without the arenas page: use one it has
        page = client.get(reverse("proposals:opinion_list", args=[process.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    menu = html[html.index('class="staff-nav"') : html.index("</nav>", html.index("staff-nav"))]
    for name, _label in STAFF_MENU:
        url = reverse(name, args=[process.slug])
        shown = f'href="{url}"' in menu
        opens = client.get(url).status_code == 200
        assert shown == opens, (role, name, shown, opens)


def test_every_menu_entry_is_guarded_by_the_table():
    from django.urls import resolve

    for name, _label in STAFF_MENU:
        assert resolve(reverse(name, args=["x"])).func.permission_action, name
