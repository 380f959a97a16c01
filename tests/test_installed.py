"""The installed `claimx` command in a real shell pipeline."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLAIMX = shutil.which("claimx") or str(Path(sys.executable).parent / "claimx")
STORY = "Output at the Delta plant rose 4% to 1.2 million tonnes, the company said.\n"


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([CLAIMX, *args], input=stdin, capture_output=True, timeout=300)


@pytest.mark.skipif(not Path(CLAIMX).exists(), reason="claimx is not installed")
def test_pipe_through_the_installed_command():
    result = run(["-"], STORY.encode())
    assert result.returncode == 0, result.stderr.decode()
    (line,) = result.stdout.decode().splitlines()
    assert json.loads(line)["id"] == "-"
    assert result.stderr.decode().startswith("claimx: 1 document, ")


@pytest.mark.skipif(not Path(CLAIMX).exists(), reason="claimx is not installed")
def test_head_closing_the_pipe_ends_quietly():
    shell = f"'{CLAIMX}' --flat '{ROOT / 'examples'}' | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert len(result.stdout.decode().splitlines()) == 1
    assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr


@pytest.mark.skipif(not Path(CLAIMX).exists(), reason="claimx is not installed")
def test_two_workers_give_the_same_output_in_the_same_order():
    one = run(["-q", "-j", "1", str(ROOT / "examples")])
    two = run(["-q", "-j", "2", "--batch-size", "1", str(ROOT / "examples")])
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == len(list((ROOT / "examples").glob("*.txt")))


@pytest.mark.skipif(not Path(CLAIMX).exists(), reason="claimx is not installed")
def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "claimx", "--version"], capture_output=True,
                            timeout=60)
    assert result.returncode == 0 and result.stdout.decode().startswith("claimx ")


@pytest.mark.skipif(not Path(CLAIMX).exists(), reason="claimx is not installed")
def test_ctrl_c_leaves_only_complete_lines(tmp_path):
    feed = tmp_path / "feed.jsonl"
    story = STORY * 40
    feed.write_text("".join(json.dumps({"id": i, "text": story}) + "\n" for i in range(3000)),
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([CLAIMX, "-q", str(feed), "-o", str(out)],
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    # The output is written beside the target under a temporary name until the run ends.
    while time.monotonic() < deadline and not any(
            part.stat().st_size >= 2000 for part in tmp_path.glob(".out.jsonl.*.part")):
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert not list(tmp_path.glob(".out.jsonl.*"))
    lines = text.splitlines()
    assert 0 < len(lines) < 3000
    assert [json.loads(line)["id"] for line in lines] == [str(i) for i in range(len(lines))]
