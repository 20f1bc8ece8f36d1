import stat

from claimtrack import create_app


def test_layers_defaults_file_environment_mapping(tmp_path, monkeypatch):
    instance = tmp_path / "inst"
    instance.mkdir()
    (instance / "claimtrack.toml").write_text(
        'PAGE_SIZE = 10\nPUBLISHER_NAME = "From file"\nPUBLIC_BASE_URL = "https://file.example"\n'
        "MAX_BODY_CHARS = 111\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CLAIMTRACK_PUBLISHER_NAME", "From env")
    monkeypatch.setenv("CLAIMTRACK_MAX_BODY_CHARS", "222")
    app = create_app({"INSTANCE_PATH": str(instance), "MAX_BODY_CHARS": 333})
    assert app.config["SQLITE_BUSY_TIMEOUT"] == 15  # default
    assert app.config["PAGE_SIZE"] == 10  # file
    assert app.config["PUBLIC_BASE_URL"] == "https://file.example"
    assert app.config["PUBLISHER_NAME"] == "From env"  # env beats file
    assert app.config["MAX_BODY_CHARS"] == 333  # mapping beats env


def test_default_database_is_sqlite_in_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMTRACK_DATABASE_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'claimtrack.db'}"


def test_database_url_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_DATABASE_URL", "postgresql+psycopg://u@127.0.0.1:1/x")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["DATABASE_URL"] == "postgresql+psycopg://u@127.0.0.1:1/x"


def test_secret_key_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMTRACK_SECRET_KEY", raising=False)
    first = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    assert first == second
    assert len(first) >= 48
    key_file = tmp_path / "secret_key"
    assert key_file.read_text().strip() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    other = tmp_path / "other"
    assert create_app({"INSTANCE_PATH": str(other)}).config["SECRET_KEY"] != first


def test_secret_key_from_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_SECRET_KEY", "k" * 40)
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SECRET_KEY"] == "k" * 40
    assert not (tmp_path / "secret_key").exists()
