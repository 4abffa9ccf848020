"""The explorer in a real JupyterLab, in a real browser: type a query, see aligned right-to-left lines, sort, follow a collocate.

A JupyterLab server runs on a free local port with its settings, kernels and
workspaces in a temporary folder (nothing from the user's ~/.jupyter), and
Debian's Chromium is driven by Playwright. The screenshot is kept in
build/explorer.png for a person to look at.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

import arabtext as at

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium'; .ci/run installs it)"),
]
SHOT = Path(__file__).parents[2] / "build" / "explorer.png"
TIMEOUT_MS = 120_000
NOTEBOOK = [
    "import arabtext as at\npanel = at.explore(at.load_corpus('news'))\npanel",
]


def write_notebook(path: Path, cells: list[str]) -> None:
    nb = {
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [], "source": src}
                  for i, src in enumerate(cells)],
        "metadata": {"kernelspec": {"name": "arabtext-test", "display_name": "Python (arabtext test)", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def jupyterlab(root: Path, state: Path):
    """A JupyterLab serving ``root``, its whole state under ``state``; yields (url, token)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_", "IPYTHON"))}
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[name] = str(state / name.lower())
        Path(env[name]).mkdir(parents=True)
    env.update(JUPYTER_PLATFORM_DIRS="1", JUPYTER_PREFER_ENV_PATH="1", PYTHONNOUSERSITE="1")
    kernel = Path(env["JUPYTER_DATA_DIR"]) / "kernels" / "arabtext-test"
    kernel.mkdir(parents=True)
    # the kernel is this interpreter, whatever other kernels the machine has
    (kernel / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (arabtext test)", "language": "python",
    }))
    settings = state / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    # no "receive Jupyter news?" toast over the notebook
    (settings / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    token, port = secrets.token_hex(16), _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={state / 'lab-settings'}", f"--LabApp.workspaces_dir={state / 'workspaces'}",
        "--LabApp.news_url=", "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = state / "lab.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(command, env=env, cwd=root, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"jupyter lab stopped: {log.read_text(errors='replace')[-2000:]}")
            with suppress(OSError):
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5)
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"jupyter lab did not answer: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
        yield url, token
    finally:
        with suppress(ProcessLookupError):
            os.killpg(server.pid, 15)  # the server and its kernels
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait(10)


KERNEL_READY = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!(kernel && kernel.connectionStatus === "connected" && kernel.status === "idle");
}"""


def run_the_notebook(page) -> None:
    """Run every cell once the kernel is connected and idle; wait for the explorer to be drawn."""
    page.wait_for_function(KERNEL_READY)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_selector(".jp-CodeCell .jp-InputArea-prompt >> text=[1]")
    page.wait_for_selector(".arabtext-explore .arabtext-summary >> text=2,000 documents")


def cells(page, selector: str) -> list[dict]:
    """Text and box of every element matching ``selector``, in document order."""
    return page.eval_on_selector_all(
        selector, "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {text: e.innerText, left: r.left, right: r.right, centre: (r.left + r.right) / 2}; })")


def test_typing_a_query_in_jupyterlab_shows_aligned_rtl_lines_that_sort_and_follow_collocates(tmp_path):
    news = at.load_corpus("news")
    expected = at.kwic(news, "القوات")
    by_r1 = at.kwic(news, "القوات", sort="R1")
    write_notebook(tmp_path / "explore.ipynb", NOTEBOOK)
    with jupyterlab(tmp_path, tmp_path / "state") as (url, token), playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{url}/lab/tree/explore.ipynb?token={token}&reset")
        try:
            run_the_notebook(page)
        except playwright_api.Error:
            SHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOT.with_name("explorer-failed.png")))
            raise

        box = page.locator(".arabtext-explore .arabtext-query input")
        box.fill("القوات")
        box.press("Enter")
        page.wait_for_selector(f".arabtext-summary >> text={len(expected):,} hits")
        page.wait_for_function("() => document.querySelectorAll('.arabtext-lines td.kwic-node').length === 50")

        nodes, before, after = (cells(page, f".arabtext-lines td.kwic-{k}") for k in ("node", "left", "right"))
        assert [c["text"] for c in nodes] == expected.node.head(50).tolist()
        assert [c["text"] for c in before][:5] == expected.left.head(5).tolist()
        # the nodes stand in one column; what came before them is on their right, what follows on their left
        assert max(c["centre"] for c in nodes) - min(c["centre"] for c in nodes) < 1
        assert all(b["left"] >= n["right"] - 1 for b, n in zip(before, nodes))
        assert all(a["right"] <= n["left"] + 1 for a, n in zip(after, nodes))
        table = page.locator(".arabtext-lines table")
        assert table.get_attribute("dir") == "rtl"
        assert table.evaluate("t => getComputedStyle(t).direction") == "rtl"

        page.locator(".arabtext-explore .widget-dropdown select").first.select_option("R1")
        page.wait_for_function(
            "first => document.querySelector('.arabtext-lines td.kwic-right').innerText === first", arg=by_r1.right.iloc[0])
        assert [c["text"] for c in cells(page, ".arabtext-lines td.kwic-right")][:10] == by_r1.right.head(10).tolist()
        SHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOT), full_page=False)

        collocates = page.locator(".arabtext-collocates select")
        first = collocates.locator("option").first.get_attribute("value")
        label = collocates.locator("option").first.inner_text()
        collocates.select_option(index=0)
        word = label.split()[0]
        page.wait_for_function(
            "word => document.querySelector('.arabtext-query input').value === word", arg=word)
        page.wait_for_selector(f".arabtext-summary >> text={len(at.kwic(news, word)):,} hits")
        assert first is not None
        browser.close()
