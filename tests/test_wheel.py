"""The built wheel carries templates, static files, migrations and fixtures, and an
installed copy serves pages without the source tree."""

import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    (path,) = out.glob("claimtrack-*.whl")
    return path


def test_wheel_contents(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "claimtrack/templates/base.html",
        "claimtrack/templates/articles/show.html",
        "claimtrack/static/vendor/htmx.min.js",
        "claimtrack/static/css/claimtrack.css",
        "claimtrack/migrations/env.py",
        "claimtrack/fixtures/rating_scale.toml",
        "claimtrack/fixtures/articles/iraq-withdrawal-nbc.txt",
    ):
        assert required in names, required
    assert any(n.startswith("claimtrack/migrations/versions/") and n.endswith(".py") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_renders_pages(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # Dependencies come from the running environment; only claimtrack itself is installed.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    script = textwrap.dedent(f"""
        import claimtrack, pathlib
        from claimtrack import create_app, migrate
        assert pathlib.Path(claimtrack.__file__).is_relative_to({str(env_dir)!r}), claimtrack.__file__
        url = "sqlite:///{tmp_path}/wheel.db"
        migrate.upgrade(url)
        app = create_app({{"DATABASE_URL": url, "INSTANCE_PATH": "{tmp_path}/inst", "TESTING": True}})
        client = app.test_client()
        page = client.get("/login")
        assert page.status_code == 200 and b"Log in to claimtrack" in page.data, page.status_code
        js = client.get("/static/vendor/htmx.min.js")
        assert js.status_code == 200 and len(js.data) > 10000
        js.close()
        from claimtrack.ratings import load_scale
        assert load_scale().get("false").value == 1
        print("ok")
    """)
    result = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
