"""The Dask engine: a LocalCluster of two worker processes gives the records of -j 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx import dask as engine
from claimx.cli import app
from claimx.io.readers import ReadOptions

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

TEXTS = [
    "The council will spend \u00a34m on new cycle lanes, its leader said.",
    "\u201cWe have waited long enough,\u201d said Ana Silva, who runs the local school.",
    "Membership of the chess club doubled to 80 players this spring.",
    "No figure appears in this line at all.",
    "Almost half of the orchards were lost to frost, growers said.",
]


@pytest.fixture(autouse=True)
def _use_loaded_model(extractor):
    """The -j 1 runs share the session's loaded model through the CLI's own cache."""


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """A JSONL file of more than one partition, a broken line, a text folder and a missing
    path: every kind of error record the readers make."""
    lines = [json.dumps({"id": f"n{i}", "text": TEXTS[i % len(TEXTS)], "desk": "city"})
             for i in range(engine.PARTITION_DOCS + 6)]
    lines.insert(3, "{not json")
    lines.insert(9, json.dumps({"id": "no-text", "body": "wrong field"}))
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "b.bin").write_bytes(b"\x00\x01binary")
    return [str(tmp_path / "feed.jsonl"), str(folder), str(tmp_path / "missing.txt")]


def _records(folder: Path) -> list[dict]:
    return [json.loads(line) for part in sorted(folder.glob("part-*.jsonl"))
            for line in part.read_text(encoding="utf-8").splitlines()]


def _key(record: dict) -> str:
    return json.dumps(record, sort_keys=True)


@pytest.mark.model
def test_local_cluster_of_two_processes_gives_the_records_of_one_process(corpus, tmp_path):
    runner = CliRunner()
    local = runner.invoke(app, ["-q", "-j", "1", *corpus])
    out = tmp_path / "out"
    dask = runner.invoke(app, ["-j", "1", *corpus, "--dask", "local:2", "-o", str(out)])
    assert local.exit_code == dask.exit_code == 1, dask.stderr  # error records: exit 1
    expected = [json.loads(line) for line in local.stdout.splitlines()]
    got = _records(out)
    assert sorted(map(_key, got)) == sorted(map(_key, expected))
    assert len(list(out.glob("part-*.jsonl"))) >= 2
    codes = sorted(e["code"] for r in got for e in r["errors"])
    assert codes == ["bad-jsonl", "bad-jsonl", "binary", "not-found"]
    assert dask.stdout == ""
    summary = dask.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"claimx: {len(expected)} documents,")
    assert "4 errors" in summary


@pytest.mark.parametrize(
    ("size", "expected"),
    [(2, [(1, 2), (3, 4), (5, 5)]), (3, [(1, 3), (4, 5)]), (10, [(1, 5)])],
)
def test_jsonl_partitions_are_byte_ranges_of_whole_lines(tmp_path, size, expected):
    path = tmp_path / "f.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": "x"}) + "\n"
                            for i in range(1, 6)), encoding="utf-8")
    parts = list(engine.plan([str(path)], ReadOptions(), size))
    read = [[d.id for d in engine.read_partition(p, ReadOptions())] for p in parts]
    assert [(int(ids[0]), int(ids[-1])) for ids in read] == expected
    assert [p.name for p in parts] == [f"part-{i:05d}" for i in range(len(parts))]


def test_stdin_cannot_go_to_a_cluster():
    with pytest.raises(ValueError, match="stdin"):
        list(engine.plan(["-"], ReadOptions()))


@pytest.fixture(scope="module")
def client():
    # Threads in this process: the API's partition functions reuse the session's model.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as dask_client:
        yield dask_client


@pytest.mark.model
def test_a_bag_of_json_lines_becomes_a_bag_of_records(client, extractor):
    import dask.bag

    lines = [json.dumps({"id": f"b{i}", "text": t}) for i, t in enumerate(TEXTS)] + ["oops"]
    records = engine.extract(dask.bag.from_sequence(lines, npartitions=3)).compute()
    assert [r["id"] for r in records] == [*(f"b{i}" for i in range(len(TEXTS))), "bag:2"]
    assert records[0]["claims"] == extractor(TEXTS[0]).to_dict()["claims"]
    assert records[-1]["errors"][0]["code"] == "bad-jsonl"


@pytest.mark.model
def test_jsonl_and_parquet_corpora_are_read_by_the_workers(client, tmp_path):
    import pandas

    rows = [{"id": f"r{i}", "text": t} for i, t in enumerate(TEXTS)]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows),
                                      encoding="utf-8")
    pandas.DataFrame(rows).to_parquet(tmp_path / "c.parquet")
    from_jsonl = engine.extract(engine.read_jsonl(str(tmp_path / "c.jsonl"))).compute()
    from_parquet = engine.extract(engine.read_parquet(str(tmp_path / "c.parquet"))).compute()
    assert [r["id"] for r in from_jsonl] == list(from_parquet["id"]) == [r["id"] for r in rows]
    assert [json.loads(r)["claims"] for r in from_parquet["record"]] == [
        r["claims"] for r in from_jsonl]


@pytest.mark.model
def test_a_dataframe_becomes_one_row_per_document(client, extractor):
    import dask.dataframe
    import pandas

    frame = pandas.DataFrame({"id": ["p0", "p1"], "text": TEXTS[:2]})
    result = engine.extract(dask.dataframe.from_pandas(frame, npartitions=2)).compute()
    assert list(result["id"]) == ["p0", "p1"]
    assert not result["failed"].any()
    record = json.loads(result["record"].iloc[1])
    assert record["quotes"] == extractor(TEXTS[1]).to_dict()["quotes"]


@pytest.mark.model
def test_parquet_part_files_on_a_cluster_read_as_one_table(client, corpus, tmp_path):
    out = tmp_path / "tables"
    result = CliRunner().invoke(app, ["-q", *corpus, "--dask", client.scheduler.address,
                                      "-f", "parquet", "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    errors = pq.read_table(out / "errors.parquet").to_pylist()
    assert sorted(e["code"] for e in errors) == ["bad-jsonl", "bad-jsonl", "binary", "not-found"]
    claims = pq.read_table(out / "claims.parquet")
    assert claims.num_rows > 0
    assert "doc_id" in claims.column_names
