"""The Secretariat's shared store on PostgreSQL: opening, refusing, copying, officers, news.

The tests' own server (tests/pg_support.py) runs on 127.0.0.1; each test gets new databases.
"""

from __future__ import annotations

import base64
import threading
from pathlib import Path

import pytest
from pg_support import PgServer, database_name
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from cmsdesk.cli import main
from cmsdesk.models import queries, server
from cmsdesk.models.commands import PlanEditor, create_plan_from_template
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Change, ChangeSignature
from cmsdesk.models.store import PasswordNeededError, Store, StoreError, StoreTooNewError
from cmsdesk.models.store_copy import change_digest, copy_store
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle


def _tables(pg: PgServer, name: str) -> set[str]:
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={pg.port} user=postgres dbname={name} "
                         "password=cmsdesk-tests") as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {r[0] for r in rows}


def test_init_creates_the_schema_in_an_empty_database_and_commands_work(
        pg_server: PgServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_server.url(pg_server.new_database())
    assert main(["--db", url, "identity", "--name", "Officer Ana", "--party", "UNEP/CMS",
                 "--role", "secretariat"]) == 0
    assert main(["--db", url, "init"]) == 0
    assert main(["--db", url, "set", "T1", "text", "--text", "Routes are safe."]) == 0
    capsys.readouterr()
    assert main(["--db", url, "show", "T1"]) == 0
    shown = capsys.readouterr().out
    assert "Routes are safe." in shown
    assert "cmsdesk-tests" not in shown  # the password is never printed
    with Store.open(url) as store, store.session() as s:
        authors = set(s.scalars(select(Change.author_name)))
    assert authors == {"Officer Ana"}


def test_an_empty_database_says_what_to_do(pg_server: PgServer,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    name = pg_server.new_database()
    with pytest.raises(StoreError, match="holds no cmsdesk store yet"):
        Store.open(pg_server.url(name), write=False)
    assert _tables(pg_server, name) == set()
    assert main(["--db", pg_server.url(name), "outline"]) == 1
    assert "run 'cmsdesk init'" in capsys.readouterr().err


def test_another_programs_database_is_refused_and_left_alone(pg_server: PgServer) -> None:
    name = pg_server.new_database()
    pg_server.sql("CREATE TABLE invoices (id integer primary key)", database=name)
    with pytest.raises(StoreError, match="another program"):
        Store.open(pg_server.url(name))
    assert _tables(pg_server, name) == {"invoices"}


def test_a_schema_newer_than_the_program_is_refused_unchanged(pg_server: PgServer) -> None:
    url = pg_server.url(pg_server.new_database())
    Store.open(url).close()
    name = database_name(url)
    pg_server.sql("UPDATE alembic_version SET version_num = '9999'", database=name)
    with pytest.raises(StoreTooNewError, match="newer cmsdesk"):
        Store.open(url)
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={pg_server.port} user=postgres dbname={name} "
                         "password=cmsdesk-tests") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]


@pytest.mark.parametrize(("location", "message"), [
    ("mysql://user@127.0.0.1/plan", "cannot use a mysql database"),
    ("postgresql://postgres@127.0.0.1:1/plan", "cannot reach the database server"),
    ("postgresql://postgres@127.0.0.1", "names no database"),
])
def test_wrong_addresses_get_a_clear_message(location: str, message: str,
                                             capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db", location, "outline"]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # no folder named "postgresql:" or "mysql:"


def test_unknown_database_wrong_password_and_missing_password(pg_server: PgServer) -> None:
    pg_server.sql("CREATE ROLE officer LOGIN PASSWORD 'right'")
    name = pg_server.new_database()
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(pg_server.url("no_such_db"))
    with pytest.raises(StoreError, match="refused the password"):
        Store.open(pg_server.url(name, "officer", "wrong"))
    with pytest.raises(PasswordNeededError, match="asks for a password"):
        Store.open(pg_server.url(name, "officer", None))


def test_each_officer_is_an_author_of_their_own(pg_server: PgServer) -> None:
    name = pg_server.new_database()
    for officer in ("ana", "ben"):
        pg_server.sql(f"CREATE ROLE {officer} LOGIN PASSWORD 'pw'")
        pg_server.sql(f"GRANT ALL ON DATABASE {name} TO {officer}")
        pg_server.sql(f"GRANT ALL ON SCHEMA public TO {officer}", database=name)
    setup = Store.open(pg_server.url(name))
    plan_id = create_plan_from_template(setup).created or ""
    setup.close()
    pg_server.sql("GRANT ALL ON ALL TABLES IN SCHEMA public TO ana, ben", database=name)
    pg_server.sql("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ana, ben", database=name)
    ana, ben = Store.open(pg_server.url(name, "ana", "pw")), Store.open(pg_server.url(name, "ben", "pw"))
    ana.set_profile(Profile("Ana Officer", "UNEP/CMS", "", "secretariat"))
    ben.set_profile(Profile("Ben Officer", "UNEP/CMS", "", "secretariat"))
    with ana.session() as s:
        t1 = queries.resolve_node(s, plan_id, "T1")
        t2 = queries.resolve_node(s, plan_id, "T2")
    PlanEditor(ana, plan_id).set_field(t1, "note", "Ana's note.")
    PlanEditor(ben, plan_id).set_field(t2, "note", "Ben's note.")
    assert ben.profile.name == "Ben Officer" and ana.profile.name == "Ana Officer"
    with ana.session() as s:
        by = {eid: who for eid, who in s.execute(
            select(Change.eid, Change.author_name).where(Change.author_name.like("%Officer")))}
    assert by == {t1: "Ana Officer", t2: "Ben Officer"}
    # Both wrote as the shared store's one installation: one counter, no gap, no duplicate.
    with ana.session() as s:
        seqs = sorted(s.scalars(select(Change.seq).where(Change.replica == ana.replica_id)))
    assert seqs == list(range(1, len(seqs) + 1))
    ana.close()
    ben.close()


def test_copy_from_sqlite_to_postgresql_and_back_keeps_every_change_and_signature(
        pg_server: PgServer, tmp_path: Path) -> None:
    laptop = Store.open(tmp_path / "laptop.db")
    laptop.set_profile(Profile("Secretariat", "UNEP/CMS", "", "secretariat"))
    plan_id = create_plan_from_template(laptop).created or ""
    export_bundle(laptop, plan_id, tmp_path / "from-laptop.cmsb")  # makes its signing key
    held = ("ef" * 32, base64.b64encode(bytes(range(64))).decode("ascii"))
    with laptop.session() as s:  # the signature of a change held in quarantine
        s.add(ChangeSignature(change_id=held[0], signature=held[1]))
    master = Store.open(pg_server.url(pg_server.new_database()))
    report = copy_store(laptop, master)
    assert report.changes > 100 and report.plans == 1
    back = Store.open(tmp_path / "back.db")
    copy_store(master, back)
    for a, b in ((laptop, master), (master, back)):
        with a.session() as sa, b.session() as sb:
            assert change_digest(sa) == change_digest(sb)
            assert queries.snapshot(sa, plan_id) == queries.snapshot(sb, plan_id)
    assert master.replica_id == laptop.replica_id == back.replica_id
    with master.session() as s:
        assert s.get(ChangeSignature, held[0]).signature == held[1]  # type: ignore[union-attr]
    with back.session() as s:  # kept apart until its change is accepted (migration 0015)
        assert s.execute(text("SELECT count(*) FROM change_signatures_loose")).scalar() == 1
    # A bundle from the server copy is signed with the same key and verifies elsewhere.
    export_bundle(master, plan_id, tmp_path / "from-master.cmsb")
    delegate = Store.open(tmp_path / "delegate.db")
    delegate.set_profile(Profile("Kenya delegate", "Kenya", "Africa", "delegate"))
    first = import_bundle(delegate, tmp_path / "from-laptop.cmsb")
    again = import_bundle(delegate, tmp_path / "from-master.cmsb")
    assert first.new_changes == report.changes and again.new_changes == 0
    assert again.sender.key == first.sender.key
    # A copy into a store that holds a plan is refused and changes nothing.
    with pytest.raises(StoreError, match="already holds a plan"):
        copy_store(laptop, back)
    for store in (laptop, master, back, delegate):
        store.close()


def test_the_other_officers_hear_of_new_changes(pg_server: PgServer) -> None:
    url = pg_server.url(pg_server.new_database())
    store = Store.open(url)
    store.set_profile(Profile("Ana Officer", "UNEP/CMS", "", "secretariat"))
    plan_id = create_plan_from_template(store).created or ""
    heard: list[tuple[str, str]] = []
    done = threading.Event()
    listening = threading.Event()

    def listen() -> None:
        for plan in server.listen(store.engine, timeout=0.05, stop=done.is_set):
            listening.set()
            if plan:
                heard.append(plan)
                done.set()

    thread = threading.Thread(target=listen)
    thread.start()
    assert listening.wait(10)
    with store.session() as s:
        t1 = queries.resolve_node(s, plan_id, "T1")
    PlanEditor(store, plan_id).set_field(t1, "note", "Seen by the others.")
    thread.join(10)
    done.set()
    assert heard == [(plan_id, store.sender)]
    store.close()


def test_a_connection_lost_in_the_middle_of_an_import_leaves_nothing(
        pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = Store.open(tmp_path / "source.db")
    source.set_profile(Profile("Secretariat", "UNEP/CMS", "", "secretariat"))
    plan_id = create_plan_from_template(source).created or ""
    export_bundle(source, plan_id, tmp_path / "draft.cmsb")
    master = Store.open(pg_server.url(pg_server.new_database()))
    from cmsdesk.sync import importer

    real_project = importer.project

    def lose_connection(session, keys):  # type: ignore[no-untyped-def]
        session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        return real_project(session, keys)

    monkeypatch.setattr(importer, "project", lose_connection)
    with pytest.raises(OperationalError):
        import_bundle(master, tmp_path / "draft.cmsb")
    monkeypatch.setattr(importer, "project", real_project)
    with master.session() as s:
        assert s.scalar(select(func.count()).select_from(Change)) == 0
    assert import_bundle(master, tmp_path / "draft.cmsb").new_changes > 100
    source.close()
    master.close()
