"""The disk cache: it saves work, never changes a result, and never becomes an error."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from jinja2 import nodes

from termgen.cache import Cache
from termgen.templating.sandbox import Sandbox

from .conftest import ROOT, run_cli
from .docx_reading import word

BAD_LIBRARY = ROOT / "tests" / "fixtures" / "bad_library"


class Counter:
    def __init__(self, result: object) -> None:
        self.result = result
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.result


def test_a_saved_result_is_read_back_by_the_next_run(tmp_path: Path) -> None:
    compute = Counter({"issues": [1, 2, 3]})
    first = Cache(tmp_path)
    assert first.remember("kind", b"content", compute) == {"issues": [1, 2, 3]}
    first.save()
    again = Cache(tmp_path).remember("kind", b"content", compute)
    assert again == {"issues": [1, 2, 3]}
    assert compute.calls == 1


def test_other_content_or_kind_is_computed_afresh(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.remember("kind", b"content", Counter("old"))
    cache.save()
    fresh = Cache(tmp_path)
    assert fresh.remember("kind", b"content!", Counter("new")) == "new"
    assert fresh.remember("other kind", b"content", Counter("other")) == "other"


def test_nothing_is_written_before_save(tmp_path: Path) -> None:
    Cache(tmp_path).remember("kind", b"content", Counter("unsaved"))
    assert Cache(tmp_path).remember("kind", b"content", Counter("computed")) == "computed"


def test_a_failed_computation_is_not_kept(tmp_path: Path) -> None:
    cache = Cache(tmp_path)

    def failing() -> str:
        raise ValueError("bad clause")

    with pytest.raises(ValueError):
        cache.remember("kind", b"content", failing)
    cache.save()
    assert Cache(tmp_path).remember("kind", b"content", Counter("ok")) == "ok"


def test_prefetched_and_single_reads_agree(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    for number in range(1200):
        cache.remember("kind", str(number).encode(), Counter(number))
    cache.save()
    reader = Cache(tmp_path)
    reader.prefetch("kind", (str(number).encode() for number in range(0, 1300, 7)))
    never = Counter("computed")
    assert [reader.remember("kind", str(n).encode(), never) for n in range(0, 1200, 7)] == list(
        range(0, 1200, 7)
    )
    assert never.calls == 0
    assert reader.remember("kind", b"1295", never) == "computed"


def test_entries_written_by_another_build_are_dropped(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.remember("kind", b"content", Counter("kept"))
    cache.save()
    with sqlite3.connect(tmp_path / "cache.sqlite3") as connection:
        connection.execute("UPDATE written_by SET fingerprint = 'an older termgen'")
        assert connection.execute("SELECT count(*) FROM entries").fetchone() == (1,)
    assert Cache(tmp_path).remember("kind", b"content", Counter("new")) == "new"
    with sqlite3.connect(tmp_path / "cache.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM entries").fetchone() == (0,)


@pytest.mark.parametrize(
    "junk", [b"", b"not a database at all" * 100, b"SQLite format 3\0" + b"\xff" * 5000]
)
def test_a_corrupt_cache_file_only_costs_time(tmp_path: Path, junk: bytes) -> None:
    (tmp_path / "cache.sqlite3").write_bytes(junk)
    cache = Cache(tmp_path)
    assert cache.remember("kind", b"content", Counter("computed")) == "computed"
    cache.save()


def test_a_cache_folder_that_cannot_be_made_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way")
    cache = Cache(blocker / "cache")
    assert cache.remember("kind", b"content", Counter("computed")) == "computed"
    cache.save()
    cache.prefetch("kind", [b"content"])


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"TERMGEN_CACHE": "off"}, None),
        ({"TERMGEN_CACHE": "0", "HOME": "/home/counsel"}, None),
        ({"TERMGEN_CACHE": ""}, None),
        ({"TERMGEN_CACHE": "/tmp/tg"}, Path("/tmp/tg")),
        ({"XDG_CACHE_HOME": "/x", "HOME": "/home/counsel"}, Path("/x/termgen")),
        ({"HOME": "/home/counsel"}, Path("/home/counsel/.cache/termgen")),
    ],
)
def test_the_folder_comes_from_the_environment(
    environ: dict[str, str], expected: Path | None
) -> None:
    cache = Cache.from_environ(environ)
    assert (cache.folder if cache else None) == expected


def test_lint_reports_the_same_with_a_cold_and_a_warm_cache(tmp_path: Path) -> None:
    library = shutil.copytree(BAD_LIBRARY, tmp_path / "library")
    environ = {"TERMGEN_CACHE": str(tmp_path / "cache")}
    uncached = run_cli("library", "lint", library)
    cold = run_cli("library", "lint", library, environ=environ)
    warm = run_cli("library", "lint", library, environ=environ)
    assert uncached.status == cold.status == warm.status == 2
    assert uncached.err == cold.err == warm.err
    assert (tmp_path / "cache" / "cache.sqlite3").stat().st_size > 0


def test_an_edited_clause_is_read_again(tmp_path: Path) -> None:
    library = shutil.copytree(BAD_LIBRARY, tmp_path / "library")
    environ = {"TERMGEN_CACHE": str(tmp_path / "cache")}
    before = run_cli("library", "lint", library, environ=environ)
    assert "unknown section 'scop'" in before.err
    clause = library / "goals" / "unknown-section.yaml"
    clause.write_text(clause.read_text().replace("section: scop", "section: scope"))
    after = run_cli("library", "lint", library, environ=environ)
    assert "unknown section 'scop'" not in after.err
    assert before.err.count("\n") == after.err.count("\n") + 1


def test_drafts_are_the_same_with_a_cold_and_a_warm_cache(
    tmp_path: Path, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    environ = {"TERMGEN_CACHE": str(tmp_path / "cache")}
    compiled: list[str] = []
    real_compile = Sandbox.compile

    def recording(self: Sandbox, source: object, *args: object, **kwargs: object) -> object:
        # Clause texts and conditions arrive as checked trees; docxtpl's Word parts as text.
        if isinstance(source, nodes.Node):
            compiled.append(str(source))
        return real_compile(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Sandbox, "compile", recording)
    written, compiles = {}, {}
    for run, env in (("uncached", {}), ("cold", environ), ("warm", environ)):
        compiled.clear()
        assert run_cli("draft", example, "-o", tmp_path / run, environ=env).status == 0
        written[run] = {path.name: path.read_bytes() for path in (tmp_path / run).iterdir()}
        compiles[run] = len(compiled)
    assert len(written["uncached"]) == 3
    assert written["uncached"] == written["cold"] == written["warm"]
    assert compiles["uncached"] >= compiles["cold"] > 50
    assert compiles["warm"] == 0, "clause texts, conditions and provision checks all cached"


def test_an_edited_clause_text_is_compiled_again(tmp_path: Path, example: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    clause = overlay / "costs.yaml"
    environ = {"TERMGEN_CACHE": str(tmp_path / "cache"), "TERMGEN_LIBRARY": str(overlay)}
    texts = []
    for wording in ("Each party bears its own costs.", "{{ deal.name }} pays for the lawyers."):
        clause.write_text(
            "id: general.costs\ntitle: Costs\nelement: general\nsection: general\n"
            f"text:\n  preferred: '{wording}'\n",
            encoding="utf-8",
        )
        out = tmp_path / f"out-{len(texts)}"
        assert run_cli("draft", example, "-o", out, environ=environ).status == 0
        document = word(next(out.glob("*-term-sheet-*.docx")).read_bytes())
        texts.append("\n".join(paragraph.text for paragraph in document.paragraphs))
    assert "Each party bears its own costs." in texts[0]
    assert "Project Volta pays for the lawyers." in texts[1]
    assert "Each party bears its own costs." not in texts[1]


def test_an_edited_answer_file_is_validated_again(tmp_path: Path, example: Path) -> None:
    answers = shutil.copy(example, tmp_path / "deal.yaml")
    environ = {"TERMGEN_CACHE": str(tmp_path / "cache")}
    text = answers.read_text(encoding="utf-8")
    name = text.split("name: ", 1)[1].split("\n", 1)[0]
    outputs = []
    for edited in (text, text.replace(f"name: {name}", "name: Project Ampere", 1), text):
        answers.write_text(edited, encoding="utf-8")
        done = run_cli("validate", answers, environ=environ)
        assert done.status == 0
        outputs.append(done.out)
    assert "Project Ampere" in outputs[1] and "Project Ampere" not in outputs[0]
    assert outputs[0] == outputs[2]
    broken = text.replace("purpose: ", "purpose: not-a-purpose-", 1)
    answers.write_text(broken, encoding="utf-8")
    for _ in range(2):
        refused = run_cli("validate", answers, environ=environ)
        assert refused.status == 2 and "deal.yaml:" in refused.err


class _Planted:
    """What someone with write access to the cache file might store: code run on loading."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def test_the_cache_folder_and_its_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache = Cache(folder)
    cache.remember("kind", b"content", Counter("computed"))
    cache.save()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()} == {
        "cache.key": 0o600,
        "cache.sqlite3": 0o600,
    }


def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path: Path, example: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    result = run_cli("check", example, environ={"TERMGEN_CACHE": str(folder)})
    assert result.status == 0
    assert result.err.strip() == (
        f"termgen: not using the cache in {folder}: other users can write to it. Make it "
        "private (chmod 700) or point TERMGEN_CACHE at a folder of your own"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("forged", ["no checksum", "another key"])
def test_an_entry_without_a_valid_checksum_is_never_loaded(tmp_path: Path, forged: str) -> None:
    library = shutil.copytree(BAD_LIBRARY, tmp_path / "library")
    environ = {"TERMGEN_CACHE": str(tmp_path / "cache")}
    honest = run_cli("library", "lint", library, environ=environ)
    marker = tmp_path / "planted"
    payload = pickle.dumps(_Planted(marker))
    with sqlite3.connect(tmp_path / "cache" / "cache.sqlite3") as connection:
        keys = [row[0] for row in connection.execute("SELECT key FROM entries")]
        for key in keys:
            tag = hmac.new(b"k" * 32, key.encode() + b"\0" + payload, hashlib.sha256).digest()
            value = payload if forged == "no checksum" else tag + payload
            connection.execute("UPDATE entries SET value = ? WHERE key = ?", (value, key))
    assert keys
    again = run_cli("library", "lint", library, environ=environ)
    assert not marker.exists()
    assert (again.status, again.err) == (honest.status, honest.err)
