"""`polemos demo` and `polemos serve` end to end: the shipped corpus in, a server that answers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _polemos(*args: str, **kw) -> subprocess.Popen:  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "polemos", *args], env=env, text=True, **kw)


@pytest.mark.slow
def test_api_cli_demo_ingests_the_corpus_once(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    first = _polemos("demo", "--db", str(db), "--no-serve", stdout=subprocess.PIPE)
    out, _ = first.communicate(timeout=600)
    assert first.returncode == 0, out
    assert "15 new article(s)" in out and "holds 15 articles" in out
    again = _polemos("demo", "--db", str(db), "--no-serve", stdout=subprocess.PIPE)
    out, _ = again.communicate(timeout=600)
    assert again.returncode == 0 and "0 new article(s)" in out and "holds 15 articles" in out


def test_api_cli_serve_prints_its_address_and_answers(tmp_path: Path) -> None:
    proc = _polemos("serve", "--db", str(tmp_path / "s.db"), "--port", "0", stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)  # fmt: skip
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        address = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert "serving" in line and address and address.group(1) != "0"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{address.group(0)}health", timeout=10) as r:
                    assert json.load(r)["ok"] is True
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # also closes the pipes


def test_api_cli_serve_refuses_a_bad_database_in_one_line(tmp_path: Path) -> None:
    proc = _polemos("serve", "--db", str(tmp_path / "no" / "dir" / "x.db"), stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)  # fmt: skip
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.startswith("Error [E401]") and "Traceback" not in err


def test_api_cli_serve_answers_only_its_allowed_hosts(tmp_path: Path) -> None:
    args = ("serve", "--db", str(tmp_path / "h.db"), "--port", "0", "--allowed-host", "events.example.org")
    proc = _polemos(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        address = re.search(r"http://127\.0\.0\.1:(\d+)/", proc.stdout.readline())  # type: ignore[union-attr]
        assert address

        def status(host: str) -> int:
            request = urllib.request.Request(f"{address.group(0)}health", headers={"Host": host})
            try:
                with urllib.request.urlopen(request, timeout=10) as r:
                    return int(r.status)
            except urllib.error.HTTPError as e:
                assert json.load(e)["code"] == "E615"
                return int(e.code)

        deadline = time.monotonic() + 30
        while True:
            try:
                assert status("events.example.org") == 200
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
        assert status("127.0.0.1") == 200 and status("rebound.example.com") == 400
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
