# Veikart in a container: one image for the web processes and the task worker.
#   docker build -t veikart .
#   docker run --env-file veikart.env -p 8000:8000 veikart              # web (gunicorn)
#   docker run --env-file veikart.env veikart worker                    # background tasks
#   docker run --env-file veikart.env veikart veikart migrate --noinput  # any veikart command
# Configuration is by environment only (docs/deploy.md): DATABASE_URL, SECRET_KEY,
# ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, MEDIA_ROOT (mount shared storage there), e-mail …
FROM python:3.13-slim-bookworm

# WeasyPrint's libraries (PDF), pg_dump for `veikart backup`, and fonts for the documents.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 postgresql-client fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /app --shell /usr/sbin/nologin veikart

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    OMP_NUM_THREADS=1 \
    DJANGO_SETTINGS_MODULE=config.production \
    MEDIA_ROOT=/data/media \
    LOG_FORMAT=json

WORKDIR /app
COPY pyproject.toml README.md manage.py ./
COPY config config
COPY veikart veikart
COPY scripts/container-entrypoint scripts/container-entrypoint
# Installed in place, so /app is the project root (templates, locale, staticfiles/).
RUN pip install --no-cache-dir -e . \
 && SECRET_KEY=build-only-not-used-at-run-time-0123456789abcdefghijklmnop \
    veikart collectstatic --noinput -v0 \
 && mkdir -p /data/media && chown veikart /data/media

USER veikart
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/health/', timeout=4)" || exit 1
ENTRYPOINT ["scripts/container-entrypoint"]
CMD ["web"]
