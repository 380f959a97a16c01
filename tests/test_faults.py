"""The fault suite: odd, broken, hostile and huge inputs, and outputs that fail.

Each case asserts the exit code, the message, how many documents went in and how many records
came out, and that every span's offsets hold (``text == input[start:end]``). Pathological
inputs run under a test timeout, so a regression fails instead of hanging CI.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import pairwise
from pathlib import Path

import pytest
from spanwalk import iter_spans
from test_cli import records
from typer.testing import CliRunner

import claimx
from claimx import batch, longdoc
from claimx.cli import app
from claimx.deadline import DocTimeout, deadline
from claimx.io.readers import ReadOptions, read_inputs

pytestmark = pytest.mark.faults

STORY = (
    "Harbour Freight said on Tuesday that it carried 1.2 million containers last year, up 8% "
    "from the year before. \u201cWe ran out of cranes by August,\u201d said Olu Adebayo, "
    "its port director.\n"
)


@pytest.fixture
def runner(extractor) -> CliRunner:
    """A CLI runner; the CLI reuses the session's loaded model through its own cache."""
    return CliRunner()


def assert_offsets(text: str, record: dict) -> int:
    found = [s for s in iter_spans(record) if isinstance(s["start"], int)]
    for span in found:
        assert text[span["start"]:span["end"]] == span["text"], span
    return len(found)


def run_cli(*args: str, stdin: bytes = b"", shell: str | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed command in a real process (closed streams, /dev/full, pipes)."""
    command = shell or " ".join([f"'{sys.executable}'", "-m", "claimx", *args])
    done = subprocess.run(["bash", "-c", command], input=stdin, capture_output=True,
                          timeout=timeout)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def assert_no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


# --- inputs that already worked: pinned ---------------------------------------------------


@pytest.mark.parametrize(
    ("data", "codes", "has_text"),
    [
        (b"", [], True),
        (b"   \n\t\n", [], True),
        (b"x", [], True),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ["binary"], False),
        (gzip.compress(STORY.encode() * 20), ["binary"], False),
        ("Caf\u00e9 prices rose 4%.".encode("latin-1"), ["invalid-utf8"], True),
        (b"Prices \xff\xfe rose 4% on Monday.", ["invalid-utf8"], True),
        (codecs.BOM_UTF8 + STORY.encode(), [], True),
    ],
    ids=["empty", "whitespace", "one-char", "png", "gzip", "latin-1", "bad-utf8", "utf8-bom"],
)
def test_odd_files_give_one_record_each_and_the_run_goes_on(runner, tmp_path, data, codes,
                                                             has_text):
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["-q", str(tmp_path)])
    assert result.exit_code == (0 if has_text else 1)
    first, second = records(result.stdout)
    assert [p["code"] for p in first["errors"]] == codes
    assert all(p["fatal"] is not has_text for p in first["errors"])
    assert second["claims"] and not second["errors"]
    assert_offsets(STORY, second)


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings_keep_offsets_and_the_dateline(runner, tmp_path, eol):
    text = ("Tuesday, 02 January 2024 12:17 GMT\n\nBy Rosa Marin\n\n" + STORY).replace("\n", eol)
    (tmp_path / "a.txt").write_bytes(text.encode())
    result = runner.invoke(app, ["-q", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert [f["kind"] for f in record["furniture"]] == ["dateline", "byline"]
    assert "Tuesday" not in {e["name"] for e in record["entities"]}
    assert assert_offsets(text, record) > 5


def test_broken_jsonl_lines_are_error_records_and_the_rest_is_processed(runner, tmp_path):
    lines = [json.dumps({"id": "a", "text": STORY}), "{not json", "[1, 2]",
             json.dumps({"id": "d", "text": None}), json.dumps({"id": "e"}),
             json.dumps({"id": "f", "text": 7}), json.dumps({"id": "g", "text": STORY})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["-q", str(path)])
    assert result.exit_code == 1
    out = records(result.stdout)
    assert len(out) == 7
    messages = [r["errors"][0]["message"] if r["errors"] else "" for r in out]
    assert messages[1].startswith("not valid JSON")
    assert messages[2] == "a line must be a JSON object"
    assert messages[3] == "field 'text' is null (line 4)"
    assert messages[4] == "field 'text' is missing (line 5)"
    assert messages[5] == "field 'text' is a int, not a string (line 6)"
    assert out[1]["id"] == f"{path}:2"
    assert out[0]["claims"] and out[6]["claims"]


def test_messages_do_not_repeat_the_path(runner, tmp_path):
    (tmp_path / "ls.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 40)
    result = runner.invoke(app, ["-q", str(tmp_path / "ls.bin"), str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    binary, missing = records(result.stdout)
    assert binary["errors"][0]["message"] == "binary file skipped (not text)"
    assert missing["errors"][0] == {"code": "not-found", "message": "no such file or folder",
                                    "fatal": True}


def test_output_file_is_not_overwritten_without_force(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep\n", encoding="utf-8")
    result = runner.invoke(app, ["-q", "-o", str(out)], input=STORY)
    assert result.exit_code == 2 and "use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep\n"


def test_head_ends_quietly(tmp_path):
    (tmp_path / "a.txt").write_text(STORY * 3, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    done = run_cli(shell=f"'{sys.executable}' -m claimx -q {tmp_path} | head -c 10")
    assert done.returncode == 0 and len(done.stdout) == 10
    assert_no_traceback(done.stderr)


# --- readers: encodings, control bytes, FIFOs, surrogates ----------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_byte_order_mark_names_the_encoding(runner, tmp_path, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    (tmp_path / "a.txt").write_bytes(bom + STORY.encode(codec))
    result = runner.invoke(app, ["-q", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert not record["errors"] and record["claims"]
    assert assert_offsets(STORY, record) > 5


@pytest.mark.parametrize(
    ("stray", "count"),
    [(b"\x00", 1), (b"\x07\x08", 2), (b"\x00\x1b[0m\x0e", 2)],
    ids=["nul", "bell-backspace", "nul-and-escape"],
)
def test_a_few_stray_control_bytes_are_text_with_a_warning(runner, tmp_path, stray, count):
    body = (STORY * 40).encode()
    data = body[:-1] + stray + body[-1:]  # before the last line break
    (tmp_path / "a.txt").write_bytes(data)
    result = runner.invoke(app, ["-q", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert record["errors"] == [{"code": "control-bytes", "fatal": False,
                                 "message": f"{count} stray control byte(s) kept in the text"}]
    assert assert_offsets(data.decode(), record) > 10


@pytest.mark.timeout(60)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_with_a_warning_and_never_blocks(runner, tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    os.mkfifo(tmp_path / "c.jsonl")
    (tmp_path / "d.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["-q", str(tmp_path)])
    assert result.exit_code == 0
    out = records(result.stdout)
    assert [Path(r["id"]).name for r in out] == ["a.txt", "b.txt", "c.jsonl", "d.txt"]
    for skipped in out[1:3]:
        (problem,) = skipped["errors"]
        assert problem["code"] == "not-a-file" and problem["fatal"] is False
    assert out[0]["claims"] and out[3]["claims"]


@pytest.mark.parametrize(
    ("escaped", "expected"),
    [('"a\\ud800b"', "a\ufffdb"), ('"\\udfff"', "\ufffd"), ('"x\\ud83d\\ude00y"', "x\U0001f600y")],
    ids=["lone-high", "lone-low", "valid-pair"],
)
def test_lone_surrogates_in_jsonl_become_replacement_characters(escaped, expected):
    line = ('{"id": "s", "text": ' + escaped + ', "note": ' + escaped + '}\n').encode()
    (doc,) = read_inputs(["-"], ReadOptions(input_format="jsonl"), _Stream([line]))
    assert doc.text == expected and doc.meta == {"note": expected}
    lone = "\ufffd" in expected
    assert [p.code for p in doc.errors] == (["invalid-unicode"] if lone else [])


def test_a_lone_surrogate_no_longer_loses_the_document(runner):
    line = json.dumps({"id": "s", "text": "Sales rose 4% \ud800 in May."}, ensure_ascii=True)
    result = runner.invoke(app, ["-q", "--input-format", "jsonl"], input=line + "\n")
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert record["errors"][0]["code"] == "invalid-unicode"
    assert record["claims"][0]["quantities"][0]["text"] == "4%"


class _Stream:
    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines

    def __iter__(self):
        return iter(self.lines)

    def read(self) -> bytes:
        return b"".join(self.lines)


# --- the library ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [(None, "not NoneType"), (b"Sales rose 4%.", "not bytes (decode bytes first"),
     (42, "not int"), (["a"], "not list")],
    ids=["none", "bytes", "int", "list"],
)
def test_the_library_refuses_a_non_string_plainly(value, message):
    with pytest.raises(TypeError, match=r"claimx extracts from a str, " + message.replace(
            "(", r"\(")):
        claimx.extract(value)


# --- long and hostile documents -------------------------------------------------------------


def _sentences(count: int) -> str:
    people = ["Olu Adebayo", "Rosa Marin", "Kenji Sato", "Mirela Popescu"]
    lines = []
    for i in range(count):
        who = people[i % len(people)]
        lines.append(f"{who} said the depot moved {i + 3} trucks on day {i + 1}. "
                     f"Output rose {i % 9 + 1}% that week, the council said.")
        if i % 3 == 2:
            lines.append("")
    return "\n".join(lines)


def test_a_document_cut_into_pieces_keeps_offsets_and_links_entities(extractor, monkeypatch):
    text = _sentences(60)
    whole = extractor(text)
    monkeypatch.setattr(longdoc, "PIECE_SIZE", 1500)
    monkeypatch.setattr(longdoc, "WHOLE_LIMIT", 1500)
    assert longdoc.needs_pieces(text) and len(longdoc.pieces(text)) >= 4
    cut = extractor(text)
    record = cut.to_dict()
    assert assert_offsets(text, record) > 200
    assert not cut.errors
    # Every claim of the whole document is found in the pieces too.
    assert {(c.start, c.end) for c in cut.claims} >= {(c.start, c.end) for c in whole.claims}
    names = [e.name for e in cut.entities if e.label == "PERSON"]
    # One entity a person, across all pieces, as in the whole document.
    assert len(names) == len(set(names)) >= 3
    assert set(names) == {e.name for e in whole.entities if e.label == "PERSON"}
    assert [c.id for c in cut.claims] == [f"c{i}" for i in range(1, len(cut.claims) + 1)]
    ids = {e.id for e in cut.entities}
    assert all(q.speaker.entity in ids for q in cut.quotes if q.speaker and q.speaker.entity)
    # A claim's source names the merged quote and entity, as in the whole document.
    quotes = {q.id: q for q in cut.quotes}
    sourced = [c for c in cut.claims if c.source is not None and c.source.quote is not None]
    assert sourced and all(c.source.entity is None or c.source.entity in ids for c in sourced)
    assert all(quotes[c.source.quote].speaker.entity == c.source.entity for c in sourced)
    assert all(any(s.start <= c.start < s.end for s in quotes[c.source.quote].content)
               for c in sourced)


@pytest.mark.parametrize(
    "text",
    ["a" * 7000, "word " * 3000, "x(" * 4000, ("one two three " * 400 + ". ") * 3],
    ids=["no-space", "no-full-stop", "symbols-and-letters", "long-runs"],
)
def test_pieces_cover_the_text_and_are_bounded(text):
    found = longdoc.pieces(text)
    assert found[0].start == 0 and found[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(found))
    assert all(p.end - p.start <= longdoc.PIECE_SIZE for p in found)
    ends = [0, *(end for end, _ in longdoc.segments(text))]
    assert all(b - a <= longdoc.HARD_LIMIT for a, b in pairwise(ends))
    # A cut inside a run with no boundary always ends a piece: the parser sees it as an end.
    hard = {end for end, kind in longdoc.segments(text) if kind == "hard"}
    assert hard <= {p.end for p in found}


@pytest.mark.timeout(120)
def test_a_text_over_spacys_limit_is_processed(extractor):
    filler = "\n\n".join("=" * 70 for _ in range(16_000))
    text = f"Sales at Norvik rose 5% in March.\n\n{filler}\n\nNorvik hired 40 people in May."
    assert len(text) > 1_000_000
    doc = extractor(text)
    assert not doc.errors
    assert [q.text for c in doc.claims for q in c.quantities] == ["5%", "40"]
    assert assert_offsets(text, doc.to_dict()) >= 4


HOSTILE = {
    "straight-quotes": '"' * 200_000,
    "said-and-marks": 'He said "x x x \u201c' * 22_500,
    "open-brackets": "(" * 200_000,
    "mixed-brackets": "([{" * 60_000,
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_finishes_fast_with_exact_offsets(extractor, name):
    text = HOSTILE[name]
    doc = extractor(text)
    assert not doc.failed
    assert_offsets(text, doc.to_dict())


@pytest.mark.timeout(120)
def test_hostile_text_end_to_end_through_the_cli(tmp_path):
    path = tmp_path / "flood.txt"
    path.write_text(HOSTILE["said-and-marks"], encoding="utf-8")
    done = run_cli("-q", str(path))
    assert done.returncode == 0
    (record,) = records(done.stdout)
    assert not record["errors"]
    assert_no_traceback(done.stderr)


# --- the time budget ------------------------------------------------------------------------


def test_deadline_interrupts_and_then_leaves_no_timer():
    with pytest.raises(DocTimeout, match=r"longer than 0\.05s"), deadline(0.05):
        while True:
            pass
    with deadline(None):
        pass


def test_a_slow_document_becomes_a_timeout_record_and_the_batch_goes_on(runner, monkeypatch,
                                                                          tmp_path):
    from claimx.api import Extractor

    real = Extractor.from_doc

    def slow_on_marker(self, doc, item):
        if "SLOW" in item.text:
            while True:
                pass
        return real(self, doc, item)

    monkeypatch.setattr(Extractor, "from_doc", slow_on_marker)
    for name, text in (("a.txt", STORY), ("b.txt", "SLOW " + STORY), ("c.txt", STORY)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    # A budget that a loaded CI machine still meets for the short stories.
    result = runner.invoke(app, ["-q", "--doc-timeout", "3", str(tmp_path)])
    assert result.exit_code == 1
    a, b, c = records(result.stdout)
    assert b["errors"] == [{"code": "timeout", "fatal": True,
                            "message": "processing took longer than 3s (--doc-timeout)"}]
    assert a["errors"] == c["errors"] == []
    assert a["claims"] and c["claims"]


def test_a_stuck_worker_is_replaced(monkeypatch):
    from collections import deque

    from claimx.models import InputDoc

    monkeypatch.setattr(batch, "_chunk_budget", lambda options, chunk: 0.1)
    options = batch.ExtractorOptions(doc_timeout=0.01)
    stuck: Future = Future()
    chunk = [InputDoc(id="x", text="stuck")]
    queued = deque([(chunk, stuck)])
    pool = ProcessPoolExecutor(max_workers=1)
    docs, fresh = batch._collect(queued, pool, options, 1)
    assert fresh is not pool
    fresh.shutdown(wait=False)
    (doc,) = docs
    assert doc.id == "x" and doc.errors[0].code == "timeout"


def _spin_in_thread(budget: float) -> list[BaseException]:
    caught: list[BaseException] = []

    def spin() -> None:
        try:
            with deadline(budget):
                while True:
                    pass
        except DocTimeout as err:
            caught.append(err)

    worker = threading.Thread(target=spin)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "the budget did not stop the thread"
    return caught


@pytest.mark.timeout(30)
def test_deadline_interrupts_a_thread_other_than_the_main_one():
    (err,) = _spin_in_thread(0.05)
    assert "longer than 0.05s" in str(err)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("work", [0.0, 0.02, 0.05])
def test_a_thread_that_ends_its_block_near_the_budget_gets_no_late_timeout(work):
    late: list[BaseException] = []

    def near_the_budget() -> None:
        for _ in range(10):
            with contextlib.suppress(DocTimeout), deadline(0.05):
                time.sleep(work)  # ends before, at or just after the budget
            try:
                time.sleep(0.1)  # a timeout withdrawn too late would be raised here
                sum(range(10_000))
            except BaseException as err:  # any stray exception is the failure
                late.append(err)

    worker = threading.Thread(target=near_the_budget)
    worker.start()
    worker.join(30)
    assert not worker.is_alive() and late == []
