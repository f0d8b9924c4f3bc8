"""The container image's commands, run on this machine (no Docker engine is needed here):
the files the Dockerfile copies exist, and its entry point upgrades a fresh database, passes
`check --deploy` and serves /health/ through gunicorn with the production settings."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = ROOT / "scripts" / "container-entrypoint"


def test_dockerfile_copies_only_what_exists_and_uses_the_entry_point():
    text = (ROOT / "Dockerfile").read_text()
    for line in re.findall(r"^COPY (.+)$", text, flags=re.M):
        *sources, _target = line.split()
        for source in sources:
            assert (ROOT / source).exists(), source
    assert 'ENTRYPOINT ["scripts/container-entrypoint"]' in text
    assert os.access(ENTRYPOINT, os.X_OK)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_entry_point_upgrades_a_fresh_database_and_serves(tmp_path):
    bin_dir = Path(sys.executable).parent
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "DJANGO_SETTINGS_MODULE": "config.production",
        "SECRET_KEY": "container-test-" + "s" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "PORT": str(port),
        "WEB_WORKERS": "1",
    }
    upgrade = subprocess.run(  # noqa: S603 - our own script
        [str(ENTRYPOINT), "upgrade"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    web = subprocess.Popen(  # noqa: S603 - our own script
        [str(ENTRYPOINT), "web"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as r:  # noqa: S310 - loopback
                    assert r.status == 200
                    break
            except OSError:
                assert web.poll() is None, web.stderr.read().decode()
                time.sleep(0.2)
        else:
            raise AssertionError("gunicorn did not answer /health/")
    finally:
        os.killpg(web.pid, 15)
        web.wait(timeout=10)
