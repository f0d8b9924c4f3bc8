from django.conf import settings


def site(request) -> dict:
    return {"municipality_name": settings.VEIKART["MUNICIPALITY_NAME"]}
